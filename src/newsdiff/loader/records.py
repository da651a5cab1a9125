"""Scraper output: JSON and JSON Lines files of article records.

Field names understood (the first present wins):
- text: `maintext` (news-please), `content`, `text`, `body`, `article`
- title: `title`; date: `date_publish` (news-please), `date`, `published`,
  `publish_date`, `date_published`, `pubDate`
- outlet: `source_domain` (news-please), `outlet`, `source`, `site`, `publisher`
- author: `authors` (a list, news-please), `author`, `byline`; url: `url`
A JSON file may hold one record, a list of records, or {"articles": [...]}.
Each record becomes an Article named `FILE#N`: N is the record's line number in a
JSON Lines file and its 1-based position in a JSON array. The stored text is the
title, a blank line, then the record's text; fields given by the record win over
what page parsing would guess from that text.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Iterator, Union

from ..errors import Refused
from ..model import Article
from .article import page_article
from .decode import shown
from .published import parse_published

TEXT_FIELDS = ("maintext", "content", "text", "body", "article")
DATE_FIELDS = ("date_publish", "date", "published", "publish_date", "date_published", "pubDate")
OUTLET_FIELDS = ("source_domain", "outlet", "source", "site", "publisher")
AUTHOR_FIELDS = ("authors", "author", "byline")
# json.loads keeps a lone "\ud800" escape as a surrogate, which cannot be stored as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def iter_records(text: str, encoding: str, path: Path) -> Iterator[Union[Article, Refused]]:
    """Articles (or per-record refusals) from the JSON / JSON Lines `text` of `path`."""
    for n, record in _records(text, path):
        name = f"{shown(path.name)}#{n}"
        if isinstance(record, Refused):  # a JSON Lines line that is not valid JSON
            yield record
            continue
        if not isinstance(record, dict):
            yield Refused(name, "record is not a JSON object")
            continue
        try:
            yield record_article(record, encoding, name, shown(str(path)))
        except Refused as refused:
            yield refused
        except RecursionError:
            yield Refused(name, "record nested too deeply")


def _records(text: str, path: Path) -> Iterator[tuple[int, Any]]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        data = _parse(text, shown(path.name))
        yield from enumerate(data, start=1)
        return
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        data = None
    if isinstance(data, dict):
        articles = data.get("articles")
        if isinstance(articles, list):
            yield from enumerate(articles, start=1)
        else:
            yield 1, data
        return
    for lineno, line in enumerate(text.splitlines(), start=1):  # JSON Lines
        if line.strip():
            try:
                yield lineno, json.loads(line)
            except (ValueError, RecursionError) as exc:
                yield lineno, Refused(f"{shown(path.name)}#{lineno}", f"invalid JSON ({_json_problem(exc)})")


def _parse(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(name, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise Refused(name, f"invalid JSON ({_json_problem(exc)})") from None


def _json_problem(exc: Exception) -> str:
    """What json.loads disliked: its message, "nested too deeply", or "a number too long"."""
    if isinstance(exc, json.JSONDecodeError):
        return exc.msg
    return "nested too deeply" if isinstance(exc, RecursionError) else "a number too long"


def _text(value: Any) -> Any:
    """`value` with lone surrogates replaced by U+FFFD when it is a string."""
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def _first(record: dict, fields: tuple[str, ...]) -> Any:
    for f in fields:
        value = record.get(f)
        if value not in (None, "", []):
            return value
    return None


def record_article(record: dict, encoding: str, name: str, path: str) -> Article:
    """One record -> Article, refusing a record without text."""
    if isinstance(record, Refused):
        raise record
    body = _text(_first(record, TEXT_FIELDS))
    if not isinstance(body, str) or not body.strip():
        raise Refused(name, "record has no article text (" + "/".join(TEXT_FIELDS[:3]) + ")")
    title = _text(record.get("title")) if isinstance(record.get("title"), str) else None
    text = f"{title.strip()}\n\n{body}" if title and title.strip() else body
    author = _text(_first(record, AUTHOR_FIELDS))
    if isinstance(author, list):
        author = "، ".join(_text(a) if isinstance(a, str) else str(a) for a in author
                            if a and not isinstance(a, (list, dict))) or None
    outlet = _text(_first(record, OUTLET_FIELDS))
    published, precision = (None, None)
    date = _text(_first(record, DATE_FIELDS))
    if isinstance(date, str):
        published, precision = parse_published(date)
    meta = {"title": title.strip() if title else None, "author": author if isinstance(author, str) else None,
            "outlet": outlet if isinstance(outlet, str) else None,
            "url": _text(record.get("url")) if isinstance(record.get("url"), str) else None,
            "published": published, "published_precision": precision}
    digest = hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False)
                            .encode("utf-8", "surrogatepass")).hexdigest()
    return page_article(text, encoding, name, path, digest, meta)
