"""The library API: what the CLI does, for notebooks and scripts.

    import newsdiff
    report = newsdiff.ingest(["corpus/"], db="news.db")
    newsdiff.list_articles("news.db")
"""
from __future__ import annotations

from typing import Any, Optional

from .bulk import paused_gc
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


def entities(db: Optional[str] = None, types: Optional[list[str]] = None, article: Optional[str] = None,
             aliases: Optional[str] = None) -> list:
    """Entities of the stored articles, variants merged across articles.

    `types` keeps some of person/place/org/date/figure; `article` keeps the entities
    that article mentions (with its mentions only); `aliases` names an aliases file.
    """
    from .aliases import load_aliases
    from .errors import UserError
    from .resolve import resolve

    user_aliases = load_aliases(aliases) if aliases else None
    with Store.open(db, create=False) as store:
        if article is not None and article not in set(store.files()):
            raise UserError(f"no stored article named {article!r} (see `newsdiff articles`)")
        with paused_gc():
            mentions = store.mentions()
    with paused_gc():
        found = resolve(mentions, user_aliases)
    if types:
        found = [e for e in found if e.type in types]
    if article is not None:
        found = [e for e in found if article in e.articles]
        for e in found:
            e.mentions = [(f, m) for f, m in e.mentions if f == article]
            e.articles = [article]
    return found


def evaluate(gold: str, db: Optional[str] = None, tagger: str = "builtin") -> dict[str, Any]:
    """Score against annotation: a folder of *.gold.yaml files (scores the stored
    analysis) or a CoNLL file (scores `tagger` on its tokens)."""
    from pathlib import Path

    from .errors import UserError
    from .evaluate import load_gold, score_conll, score_gold

    path = Path(gold)
    if path.is_file() and path.suffix.lower() in (".conll", ".txt", ".tsv", ".bio", ".iob"):
        from .analyze import get_tagger

        return {"kind": "conll", **score_conll(path, get_tagger(tagger))}
    if not path.exists():
        raise UserError(f"{gold}: no such file or folder")
    annotations = load_gold(path)
    if not annotations:
        raise UserError(f"{gold}: no *.gold.yaml files here (and not a CoNLL file)")
    with Store.open(db, create=False) as store:
        predicted = store.mentions()
        for f in store.files():
            predicted.setdefault(f, [])
    return {"kind": "gold", **score_gold(annotations, predicted).to_dict()}


def topics(db: Optional[str] = None, topics_dir: Optional[str] = None) -> list[dict[str, Any]]:
    """Known topics, with how many stored articles each selects (None without a store)."""
    from .topics import load_topics, select

    from pathlib import Path

    from .store import default_path

    known = load_topics(topics_dir)
    have_store = Path(db or default_path()).exists()
    if have_store:
        with Store.open(db, create=False) as store:
            articles, mentions = store.articles(), store.mentions(("person", "place", "org"))
    rows = []
    for t in known.values():
        count = len(select(t, articles, mentions)) if have_store else None
        rows.append({"name": t.name, "title": t.title, "path": t.path, "articles": count})
    return rows


def compare(topic: str, db: Optional[str] = None, topics_dir: Optional[str] = None,
            aliases: Optional[str] = None, jobs: int = 1):
    """The comparison (`newsdiff.compare.Comparison`) of the articles `topic` selects;
    `jobs` processes share the per-article work of a large topic."""
    from .aliases import load_aliases, merged
    from .compare import build_comparison
    from .compare.groundwork import MIN_PARALLEL, Workers, can_fork, groundwork_version
    from .errors import EmptyResult
    from .store import default_path
    from .topics import get_topic, select

    chosen = get_topic(topic, topics_dir)
    user = load_aliases(aliases) if aliases else None
    version = groundwork_version()
    with Store.open(db, create=False) as store:
        stored = store.files()
        if not stored:
            raise EmptyResult(f"{store.path}: the store holds no articles; run `newsdiff ingest PATH` first")
        missing = store.without_groundwork(version)
    # forked before the store is read, and at work at once on every article whose groundwork
    # is not stored (see `Workers`); with none such, they only align the claims
    parallel = jobs > 1 and can_fork() and len(stored) >= MIN_PARALLEL
    workers = Workers(db or default_path(), jobs, missing if len(missing) >= MIN_PARALLEL else []) if parallel else None
    try:
        with Store.open(db, create=False) as store:
            with paused_gc():
                articles, mentions = store.articles_and_mentions()
                groundwork = store.groundwork(version)
        selected = select(chosen, articles, mentions)
        if not selected:
            raise EmptyResult(f"topic {chosen.name!r} selects none of the {len(articles)} stored articles")
        with paused_gc():
            return build_comparison({"name": chosen.name, "title": chosen.title, "path": chosen.path},
                                    selected, mentions, merged(chosen.aliases, user), workers, groundwork)
    finally:
        if workers is not None:
            workers.close()


def show(article: str, sentence: int, db: Optional[str] = None) -> dict[str, Any]:
    """One stored sentence with its mentions (the target of every provenance row)."""
    from .errors import UserError

    with Store.open(db, create=False) as store:
        found = store.articles([article])
        if not found:
            raise UserError(f"no stored article named {article!r} (see `newsdiff articles`)")
        mentions = store.mentions().get(article, [])
    a = found[0]
    if not 0 <= sentence < len(a.sentences):
        raise UserError(f"{article} has sentences 0 to {len(a.sentences) - 1}, not {sentence}")
    s = a.sentences[sentence]
    return {"article": a.file, "outlet": a.outlet or a.source, "sentence": s.index, "start": s.start,
            "end": s.end, "part": s.part, "text": s.text,
            "mentions": [m.to_dict() for m in mentions if m.sentence == sentence]}
