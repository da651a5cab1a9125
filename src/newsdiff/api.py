"""The library API: what the CLI does, for notebooks and scripts.

    import newsdiff
    report = newsdiff.ingest(["corpus/"], db="news.db")
    newsdiff.list_articles("news.db")
"""
from __future__ import annotations

from typing import Any, Optional

from .store import Store


def list_articles(db: Optional[str] = None) -> list[dict[str, Any]]:
    """The stored articles as dicts (the `articles --json` shape)."""
    with Store.open(db, create=False) as store:
        return [article_summary(a) for a in store.articles()]


def article_summary(article) -> dict[str, Any]:
    """Public summary of one article: metadata, sentence count, excluded blocks."""
    return {
        "file": article.file,
        "path": article.path,
        "title": article.title,
        "author": article.author,
        "outlet": article.outlet,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "encoding": article.encoding,
        "characters": len(article.text),
        "sentences": len(article.sentences),
        "excluded": [{"reason": b.reason, "start": b.start, "end": b.end, "text": b.text}
                     for b in article.excluded],
    }
