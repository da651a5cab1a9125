"""Decoded page text -> Article: the Arabic check, page parsing, metadata overrides."""
from __future__ import annotations

import re

from ..errors import Refused
from ..model import Article
from .decode import arabic_letters
from .page import parse_page

_LETTERS = re.compile(r"[^\W\d_]+")
MIN_ARABIC_LETTERS = 20


def page_article(text: str, encoding: str, file: str, path: str, sha256: str,
                 meta: dict | None = None) -> Article:
    """Parse page `text` into an Article; fields in `meta` win over what parsing found."""
    check_arabic(text, file)
    page = parse_page(text)
    if not page.sentences:
        raise Refused(file, "no article text found (only page furniture)")
    article = Article(file=file, path=path, text=text, encoding=encoding, sha256=sha256,
                      title=page.title, author=page.author, outlet=page.outlet,
                      source=page.source, published=page.published,
                      published_precision=page.published_precision,
                      sentences=page.sentences, excluded=page.excluded)
    for field_name, value in (meta or {}).items():
        if value:
            setattr(article, field_name, value)
    return article


def check_arabic(text: str, file: str) -> None:
    """Refuse text that is not Arabic: too few Arabic letters, or mostly another script."""
    arabic = arabic_letters(text)
    if arabic == 0:
        raise Refused(file, "not Arabic text (no Arabic letters)")
    if arabic >= MIN_ARABIC_LETTERS and arabic >= 0.3 * len(text):
        return  # Arabic news: no need to count the other letters
    letters = sum(map(len, _LETTERS.findall(text)))
    if arabic < MIN_ARABIC_LETTERS or arabic < 0.3 * letters:
        raise Refused(file, f"not Arabic news (only {arabic} of {letters} letters are Arabic)")
