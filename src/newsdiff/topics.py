"""Topics: YAML files that name a story and select the articles about it.

    name: miami-talks                 # how `--topic` refers to it (default: file name)
    title: US-Ukraine talks in Miami  # shown in reports
    select:
      keywords: [ميامي]               # any of these words in the title or text
      entities: [ويتكوف]              # any article mentioning one of these names
      match: any                      # any (default) or all of keywords/entities
      from: 2025-11-25                # date window on publication dates (optional);
      to: 2025-12-31                  #   undated articles are kept and flagged
    aliases:                          # optional, as in an aliases file
      merge: [[أوميروف, عمروف]]

Shipped topics live in the package's `seeds/topics/`; users add their own in a
folder given by `--topics DIR`, $NEWSDIFF_TOPICS, or `./topics/`; a user topic of
the same name wins. Keywords and names are matched on normalised text
(`normalize.key`), on whole words with attached proclitics allowed.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from .aliases import Aliases
from .errors import UserError
from .model import Article, Mention
from .normalize import key
from .resources import seeds_dir
from .yamlfile import fail, mapping_items, read_yaml

_TOP_KEYS = {"name", "title", "description", "select", "aliases"}
_SELECT_KEYS = {"keywords", "entities", "match", "from", "to"}
_PROCLITICS = "(?:و|ف|ب|ل|ك|لل|وب|ول|وال|بال|كال|فال|ال)?"


@dataclass
class Topic:
    """A topic definition, as read from its file."""

    name: str
    title: str
    path: str
    keywords: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    match: str = "any"
    date_from: Optional[str] = None
    date_to: Optional[str] = None
    aliases: Aliases = field(default_factory=Aliases)

    def reasons(self, article: Article, mentions: list[Mention]) -> Optional[list[str]]:
        """Why `article` is selected (a list of reasons), or None if it is not."""
        text_key = ""  # folded only when a keyword or entity is looked for
        if self.keywords or self.entities:
            text_key = " " + key(" ".join(s.text for s in article.sentences)) + " "
        found_kw = [k for k in self.keywords if _word(k).search(text_key)]
        names = {m.key for m in mentions if m.type in ("person", "place", "org")} if self.entities else set()
        found_ent = [e for e in self.entities if key(e) in names or _word(e).search(text_key)]
        hits = [bool(found_kw), bool(found_ent)]
        wanted = [bool(self.keywords), bool(self.entities)]
        if any(wanted):
            chosen = [h for h, w in zip(hits, wanted) if w]
            if not (all(chosen) if self.match == "all" else any(chosen)):
                return None
        reasons = [f"keyword {k}" for k in found_kw] + [f"entity {e}" for e in found_ent]
        if self.date_from or self.date_to:
            published = (article.published or "")[:10]
            if not published:
                reasons.append("undated (kept)")
            elif (self.date_from and published < self.date_from) or (self.date_to and published[:len(self.date_to)] > self.date_to):
                return None
            else:
                reasons.append(f"published {published} in window")
        return reasons or ["all articles"]


def _word(term: str) -> re.Pattern:
    return re.compile(r"(?<=\s)" + _PROCLITICS + re.escape(key(term)) + r"(?=[\s\W])")


def topic_dirs(user_dir: Optional[str] = None) -> list[Path]:
    """Folders searched for topics, shipped first, so that user topics override."""
    dirs = [seeds_dir() / "topics"]
    chosen = user_dir or os.environ.get("NEWSDIFF_TOPICS")
    if chosen:
        if not Path(chosen).is_dir():
            raise UserError(f"{chosen}: topics folder not found")
        dirs.append(Path(chosen))
    elif Path("topics").is_dir():
        dirs.append(Path("topics"))
    return dirs


def load_topics(user_dir: Optional[str] = None) -> dict[str, Topic]:
    """Every known topic by name."""
    topics: dict[str, Topic] = {}
    for folder in topic_dirs(user_dir):
        for path in sorted(folder.glob("*.y*ml")):
            topic = load_topic(path)
            topics[topic.name] = topic
    return topics


def get_topic(name: str, user_dir: Optional[str] = None) -> Topic:
    """The topic called `name`; a `UserError` listing the known ones if there is none."""
    topics = load_topics(user_dir)
    if name not in topics:
        known = ", ".join(sorted(topics)) or "none"
        raise UserError(f"unknown topic {name!r}; known topics: {known}")
    return topics[name]


def load_topic(path: Path) -> Topic:
    """Read and check one topic file."""
    name = str(path)
    root, data = read_yaml(path)
    if not isinstance(root, yaml.MappingNode):
        raise UserError(f"{name}:1: a topic file must be a mapping with keys name, title, select")
    items = mapping_items(root)
    for k, (knode, _) in items.items():
        if k not in _TOP_KEYS:
            raise fail(name, knode, f"unknown key {k!r}; expected one of {', '.join(sorted(_TOP_KEYS))}")
    topic = Topic(name=str(data.get("name") or path.stem), title=str(data.get("title") or path.stem),
                  path=name)
    if "select" in items:
        _read_select(name, items["select"][1], data["select"], topic)
    if "aliases" in items:
        from .aliases import aliases_from_yaml

        topic.aliases = aliases_from_yaml(name, items["aliases"][1], data["aliases"])
    return topic


def _read_select(name: str, node: yaml.Node, data, topic: Topic) -> None:
    if not isinstance(node, yaml.MappingNode):
        raise fail(name, node, "'select' must be a mapping (keywords, entities, match, from, to)")
    for k, (knode, vnode) in mapping_items(node).items():
        if k not in _SELECT_KEYS:
            raise fail(name, knode, f"unknown key {k!r} under select; expected one of "
                                    f"{', '.join(sorted(_SELECT_KEYS))}")
        value = data[k]
        if k in ("keywords", "entities"):
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise fail(name, vnode, f"'{k}' must be a list of words")
            setattr(topic, k, [v.strip() for v in value])
        elif k == "match":
            if value not in ("any", "all"):
                raise fail(name, vnode, "'match' must be 'any' or 'all'")
            topic.match = value
        else:
            if isinstance(value, (dt.date, dt.datetime)):
                value = value.isoformat()[:10]
            if not isinstance(value, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                raise fail(name, vnode, f"'{k}' must be a date like 2025-12-01")
            setattr(topic, "date_from" if k == "from" else "date_to", value)


def select(topic: Topic, articles: list[Article], mentions: dict[str, list[Mention]]
           ) -> list[tuple[Article, list[str]]]:
    """The articles `topic` selects, each with the reasons."""
    out = []
    for article in articles:
        reasons = topic.reasons(article, mentions.get(article.file, []))
        if reasons is not None:
            out.append((article, reasons))
    return out
