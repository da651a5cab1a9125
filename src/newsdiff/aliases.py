"""User aliases: surfaces that are one entity, and surfaces that never are.

An aliases file is YAML with two optional keys, each a list of groups of two or
more surfaces (as written in the articles; matching uses `normalize.key`, so
hamza and diacritic differences do not matter):

    merge:
      - [أوميروف, عمروف, عميروف]        # these surfaces are one entity
    separate:
      - [محمد بن سلمان, محمد بن زايد]     # never merge these

Aliases apply to persons, places and organisations, within one type, and win
over the automatic decisions of `newsdiff.resolve` in both directions. A file
that is not valid YAML, has another shape, uses tags or anchors beyond plain
YAML, or both merges and separates the same two surfaces raises `UserError`
naming the file and the line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from .normalize import key
from .yamlfile import fail, read_yaml

SECTIONS = ("merge", "separate")


@dataclass(frozen=True)
class Aliases:
    """Groups of surfaces to merge and to keep apart."""

    merge: tuple[tuple[str, ...], ...] = ()
    separate: tuple[tuple[str, ...], ...] = ()

    def separated(self) -> set[frozenset[str]]:
        """Pairs of match keys that must stay in different entities."""
        pairs = set()
        for group in self.separate:
            keys = [key(s) for s in group]
            pairs.update(frozenset((a, b)) for a in keys for b in keys if a != b)
        return pairs


def load_aliases(path: str | Path) -> Aliases:
    """Read and check an aliases file (see the module docstring for the format)."""
    root, data = read_yaml(path)
    return Aliases() if root is None else aliases_from_yaml(str(path), root, data)


def aliases_from_yaml(name: str, root: yaml.Node, data) -> Aliases:
    """Check an aliases mapping read from file `name` (also the `aliases:` of a topic)."""
    groups = _check_shape(name, root, data)
    aliases = Aliases(merge=groups["merge"], separate=groups["separate"])
    _check_conflicts(name, root, aliases)
    return aliases


def _check_shape(name: str, root: yaml.Node, data) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The groups of each section; a `UserError` at the first misshapen node."""
    if not isinstance(root, yaml.MappingNode):
        raise fail(name, root, f"expected a mapping with keys {' / '.join(SECTIONS)}")
    groups: dict[str, tuple[tuple[str, ...], ...]] = {s: () for s in SECTIONS}
    for key_node, value_node in root.value:
        section = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if section not in SECTIONS:
            raise fail(name, key_node, f"unknown key {section!r}; expected {' / '.join(SECTIONS)}")
        if data[section] is None:
            continue
        if not isinstance(value_node, yaml.SequenceNode):
            raise fail(name, value_node, f"'{section}' must be a list of groups of surfaces")
        groups[section] = tuple(_check_group(name, section, node, group)
                                for node, group in zip(value_node.value, data[section]))
    return groups


def _check_group(name: str, section: str, node: yaml.Node, group) -> tuple[str, ...]:
    """One group: a list of at least two non-empty strings."""
    if not isinstance(node, yaml.SequenceNode):
        raise fail(name, node, f"each '{section}' item must be a list of surfaces, e.g. [a, b]")
    for item_node, item in zip(node.value, group):
        if not isinstance(item, str) or not item.strip():
            raise fail(name, item_node, f"surface {item!r} in '{section}' must be non-empty text")
    if len({key(s) for s in group}) < 2:
        raise fail(name, node, f"a '{section}' group needs at least two different surfaces")
    return tuple(s.strip() for s in group)


def _check_conflicts(name: str, root: yaml.MappingNode, aliases: Aliases) -> None:
    """Refuse a file that both merges and separates the same two surfaces."""
    separated = aliases.separated()
    merge_node: Optional[yaml.Node] = next((v for k, v in root.value if k.value == "merge"), None)
    for i, group in enumerate(aliases.merge):
        keys = {key(s) for s in group}
        clash = next((pair for pair in separated if pair <= keys), None)
        if clash is not None:
            a, b = sorted(clash)
            raise fail(name, merge_node.value[i],
                        f"'{a}' and '{b}' are both merged and separated")


def merged(*sources: Optional[Aliases]) -> Aliases:
    """One set of aliases from several (a topic's and the user's file); later ones add to earlier."""
    present = [a for a in sources if a is not None]
    return Aliases(merge=tuple(g for a in present for g in a.merge),
                   separate=tuple(g for a in present for g in a.separate))
