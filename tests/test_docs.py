"""Every command has help text and is documented in the README."""
from __future__ import annotations

from conftest import REPO
from newsdiff.cli import main


def test_every_command_documented():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help and command.help.strip(), name
        assert f"`newsdiff {name}" in readme, f"{name} is not in the README"
