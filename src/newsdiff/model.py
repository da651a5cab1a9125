"""Typed records passed between pipeline stages.

Offsets (`start`, `end`) are always character offsets into `Article.text`, the
decoded text exactly as stored; `surface` is `text[start:end]`, shown as written.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

ENTITY_TYPES = ("person", "place", "org", "date", "figure")


@dataclass(slots=True)
class Sentence:
    """One sentence of the article's own text (title or body)."""

    index: int
    start: int
    end: int
    text: str
    part: str = "body"  # "title", "heading", "caption" or "body"


@dataclass(slots=True)
class Block:
    """A stretch of the page kept apart from the article text, with the reason."""

    start: int
    end: int
    reason: str  # e.g. "share widget", "read-also tail", "tag list", "byline"
    text: str


@dataclass
class Article:
    """A decoded, parsed article: metadata, sentences and what was excluded."""

    file: str  # file name (with "#N" record suffix for JSON/JSONL records)
    path: str  # path as given to ingest
    text: str  # decoded text exactly as stored
    encoding: str
    sha256: str  # hash of the raw bytes (or of the record) the text came from
    title: Optional[str] = None
    author: Optional[str] = None
    outlet: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # ISO 8601 at its precision
    published_precision: Optional[str] = None  # "datetime", "day", "month", "year"
    sentences: list[Sentence] = field(default_factory=list)
    excluded: list[Block] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Optional[Sentence]:
        """The sentence holding character `offset`, if any."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Mention:
    """One extracted item: a name, a date or a figure, with its provenance."""

    type: str  # one of ENTITY_TYPES
    start: int
    end: int
    surface: str  # text[start:end], exactly as written
    sentence: int  # Sentence.index
    key: str = ""  # normalised match key
    role: Optional[str] = None  # persons: the title/role the sentence gives, as written
    value: Any = None  # dates: ISO string or None; figures: number
    unit: Optional[str] = None  # figures: what is counted (English)
    kind: Optional[str] = None  # figures: count/duration/ordinal/percent/money; dates: absolute/relative
    qualifier: Optional[str] = None  # figures: more_than/about/less_than
    source: str = ""  # which component produced it: "gazetteer", "crf", "rule", "camel", ...

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
