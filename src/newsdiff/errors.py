"""Exception types. The CLI turns each into a one-line message, never a traceback."""


class NewsdiffError(Exception):
    """Base class of every error newsdiff raises on purpose."""


class UserError(NewsdiffError):
    """Bad input or usage: a file, an option or a configuration the user gave."""


class Refused(NewsdiffError):
    """An input file (or record) that cannot be ingested, with the reason."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class StoreError(NewsdiffError):
    """The store cannot be opened or used: not a newsdiff database, corrupt, newer schema."""


class EmptyResult(NewsdiffError):
    """The command ran but found nothing to report (e.g. a topic selecting no article)."""
