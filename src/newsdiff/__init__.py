"""newsdiff: compare Arabic news articles about one story.

The library API mirrors the CLI: `ingest`, `list_articles`, `load_file`, `Store`, ...
Heavy parts (taggers, models) load only when used.
"""
__version__ = "0.1.0"
__all__ = ["ingest", "list_articles", "load_file", "Store", "__version__"]


def __getattr__(name):
    if name == "ingest":
        from .ingest import ingest

        return ingest
    if name == "list_articles":
        from .api import list_articles

        return list_articles
    if name == "load_file":
        from .loader import load_file

        return load_file
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(name)
