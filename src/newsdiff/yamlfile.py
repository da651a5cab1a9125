"""Reading user YAML (topics, aliases) safely, with errors that name the file and line.

Only plain YAML is accepted: the safe loader refuses `!!python/...` tags, and
aliases (`*ref`) are refused outright, which also stops "billion laughs" bombs.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import UserError


def read_yaml(path: str | Path) -> tuple[yaml.Node | None, Any]:
    """(node tree, data) of a YAML file; `UserError` naming file and line on any problem."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{name}: cannot read the file: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        _refuse_aliases(name, text)
        data = yaml.load(text, Loader=_SafeLoader)
    except yaml.YAMLError as exc:
        raise UserError(yaml_message(name, exc)) from None
    except RecursionError:
        raise UserError(f"{name}: invalid YAML: nested too deeply") from None
    return root, data


class _SafeLoader(yaml.SafeLoader):
    """The safe loader, with bad values (a date like 2025-13-45, `!!timestamp` on a word,
    a 5000-digit number) reported as YAML errors at their line; PyYAML lets them escape
    as ValueError or AttributeError."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, OverflowError, TypeError, AttributeError) as exc:
            tag = str(node.tag).rsplit(":", 1)[-1]
            why = str(exc) if isinstance(exc, (ValueError, OverflowError)) else f"not a valid {tag}"
            value = str(node.value) if isinstance(node, yaml.ScalarNode) else tag
            value = value if len(value) <= 40 else value[:40] + "..."
            raise yaml.constructor.ConstructorError(
                None, None, f"bad value {value!r}: {why[:120]}", node.start_mark) from None


def _refuse_aliases(name: str, text: str) -> None:
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise UserError(f"{name}:{event.start_mark.line + 1}: YAML aliases (*{event.anchor}) "
                            "are not accepted here")


def yaml_message(name: str, exc: yaml.YAMLError) -> str:
    """One line: file, line and yaml's own description of the problem."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    where = f"{name}:{mark.line + 1}" if mark is not None else name
    return f"{where}: invalid YAML: {' '.join(str(problem).split())}"


def fail(name: str, node: yaml.Node, message: str) -> UserError:
    """A `UserError` pointing at `node`'s line in file `name`."""
    return UserError(f"{name}:{node.start_mark.line + 1}: {message}")


def mapping_items(node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """key -> (key node, value node) of a mapping node."""
    return {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
