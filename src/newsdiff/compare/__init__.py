"""The cross-article comparison of a topic: a pure data structure, rendered elsewhere.

`build_comparison` takes the selected articles and their stored mentions and returns
a `Comparison` whose sections are plain lists and dicts (the `compare --json` shape):
coverage, entities, roles, figures, timeline, claims and quotes. Every row carries
its provenance: article file, sentence index and character offsets.
"""
from __future__ import annotations

import copy
from array import array
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar

from ..aliases import Aliases
from ..bulk import paused_gc
from ..model import Article, Mention
from ..resolve import resolve
from .beside import beside
from .groundwork import NAME_TYPES, Workers, prepare_all, shared
from .timeline import Dated, build_timeline

if TYPE_CHECKING:
    from .figures import FigureRef

ENTITY = "#ent:"  # claim tokens of resolved names begin so
T = TypeVar("T")


@dataclass
class Comparison:
    """What the outlets say about one topic, section by section."""

    topic: dict[str, Any]
    coverage: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    claims: dict[str, Any] = field(default_factory=dict)
    quotes: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A copy as plain dicts and lists (what `dataclasses.asdict` gives, several times faster)."""
        with paused_gc():
            return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


_SCALARS = frozenset((str, int, float, bool, type(None)))


def _plain(x: Any) -> Any:
    """Deep copy of JSON-like data (dicts, lists, tuples of scalars): `asdict`'s copy of it."""
    t = type(x)
    if t is dict:
        return {k if type(k) in _SCALARS else _plain(k): v if type(v) in _SCALARS else _plain(v)
                for k, v in x.items()}
    if t is list:
        return [v if type(v) in _SCALARS else _plain(v) for v in x]
    if t in _SCALARS:
        return x
    if t is tuple:
        return tuple(_plain(v) for v in x)
    if is_dataclass(x) and not isinstance(x, type):
        return asdict(x)
    return copy.deepcopy(x)


def outlet_label(article: Article) -> str:
    """How reports name an article's outlet: outlet, else original source, else file name."""
    return article.outlet or article.source or article.file


def _ref(article: Article, m: Mention) -> dict[str, Any]:
    return {"article": article.file, "outlet": outlet_label(article), "sentence": m.sentence,
            "start": m.start, "end": m.end, "surface": m.surface}


def build_comparison(topic: dict[str, Any], selected: list[tuple[Article, list[str]]],
                     mentions: dict[str, list[Mention]], aliases: Optional[Aliases] = None,
                     workers: Optional[Workers] = None, stored: Optional[dict[str, tuple]] = None) -> Comparison:
    """Compare the `selected` articles (each with why it was selected); their per-article
    work (`groundwork`) is taken from `stored` (file -> its stored columns) or done
    here, shared with `workers` if given. Everything that needs names resolved but
    no groundwork is done before waiting for it, while the workers are still busy; with
    them, the claims are then aligned in a forked child while this process does the
    work that needs no claims."""
    # numpy and scipy (half a second to import) are imported only now, once `workers`
    # are at work, not with this package, which the workers import too.
    import numpy as np

    from .claims import align
    from .figures import figure_pairs, join_pairs

    articles = {a.file: a for a, _ in selected}
    mine = {f: mentions.get(f, []) for f in articles}
    pending = prepare_all(articles, mine, workers, stored)
    entities = resolve(mine, aliases)
    token_of: dict[int, str] = {}  # id of a name mention -> ENTITY + its entity's name
    for e in entities:
        if e.type in NAME_TYPES:
            token_of.update(dict.fromkeys(map(id, map(itemgetter(1), e.mentions)), ENTITY + e.name))
    comp = Comparison(topic=topic)
    comp.coverage = [_coverage(a, reasons) for a, reasons in selected]
    comp.entities = _matrix(entities, list(articles))
    comp.roles = _roles(entities, articles)

    first, tokens, row = {}, [], 0  # tokens: the entity/date/figure tokens of every mention
    rows = array("q")  # the position of each token's sentence among all sentences
    for a in articles.values():
        first[a.file] = row
        rows.extend(row + m.sentence for m in mine[a.file])
        tokens += [token_of.get(id(m)) or _identity(m) for m in mine[a.file]]
        row += len(a.sentences)
    names = _figure_names(mine, token_of)
    work = pending()
    article = np.repeat(np.arange(len(articles)), [len(a.sentences) for a in articles.values()])
    aligned = (beside if shared(articles, workers) else _now)(
        align, article, [work[f] for f in articles], rows, tokens)
    figures = _figure_refs(articles, mine, work, names)
    pairs = figure_pairs(figures)
    comp.quotes = _quotes(articles, mine, work, token_of)
    sentences = _sentence_rows(articles)
    del entities, token_of, names  # freed here, while the child aligns, not after the report is built
    multi, best = aligned()
    claim_of = {k: c for c, members in enumerate(multi) for k in members}
    comp.claims = _claims(multi, best, claim_of, sentences, articles)

    def claim(file: str, sentence: int) -> Optional[int]:
        return claim_of.get(first[file] + sentence)

    for f in figures:
        f.claim = claim(f.article, f.mention.sentence)
    comp.figures = _figures(articles, join_pairs(pairs))
    comp.timeline = _timeline(articles, mine, claim)
    return comp


def _now(step: Callable[..., T], *args: Any) -> Callable[[], T]:
    """`beside`, in this process."""
    done = step(*args)
    return lambda: done


def _identity(m: Mention) -> str:
    """The token standing for a date, a figure or an unresolved name in claims."""
    if m.type == "figure":
        return f"#fig:{m.value}:{m.unit}"
    if m.type == "date":
        return f"#date:{m.value or m.key}"
    return ENTITY + m.key


def _name(token_of: dict[int, str], m: Mention, default: str) -> str:
    """The name of the entity of mention `m`, else `default`."""
    token = token_of.get(id(m))
    return default if token is None else token[len(ENTITY):]


def _coverage(a: Article, reasons: list[str]) -> dict[str, Any]:
    return {"article": a.file, "title": a.title, "outlet": a.outlet, "source": a.source,
            "author": a.author, "published": a.published, "sentences": len(a.sentences),
            "characters": sum(len(s.text) for s in a.sentences), "selected_by": reasons}


def _matrix(entities, files: list[str]) -> list[dict[str, Any]]:
    position = {f: i for i, f in enumerate(files)}
    rows = []
    for e in entities:
        if e.type not in NAME_TYPES:
            continue
        counts = Counter(map(itemgetter(0), e.mentions))
        present = sorted(counts, key=position.__getitem__)
        rows.append({"type": e.type, "name": e.name, "surfaces": e.surfaces, "mentions": counts,
                     "articles": present, "only_in": present[0] if len(present) == 1 else None,
                     "spellings": len(e.surfaces)})
    return rows


def _roles(entities, articles: dict[str, Article]) -> list[dict[str, Any]]:
    rows = []
    for e in entities:
        if e.type != "person" or not e.roles:
            continue
        seen, described = set(), []
        for f, m in e.mentions:
            if m.role and (f, m.role) not in seen:
                seen.add((f, m.role))
                described.append({**_ref(articles[f], m), "role": m.role})
        if described:
            distinct = {r["role"] for r in described}
            rows.append({"name": e.name, "surfaces": e.surfaces, "roles": described,
                         "distinct_roles": len(distinct),
                         "differ": len({(r['article'], r['role']) for r in described}) > 1 and len(distinct) > 1})
    rows.sort(key=lambda r: (-r["distinct_roles"], r["name"]))
    return rows


def _sentence_rows(articles: dict[str, Article]) -> list[dict[str, Any]]:
    """The claims section's row of every sentence, article by article."""
    rows = []
    for f, a in articles.items():
        outlet = outlet_label(a)
        rows += [{"article": f, "outlet": outlet, "sentence": s.index, "start": s.start, "end": s.end,
                  "text": s.text} for s in a.sentences]
    return rows


def _claims(multi: list[list[int]], best, claim_of: dict[int, int], sentences: list[dict[str, Any]],
            articles) -> dict[str, Any]:
    shared = []
    for members in multi:
        rows = [sentences[k] for k in members]
        for k, row in zip(members, rows):
            row["similarity"] = round(float(best[k]), 3)
        shared.append({"outlets": sorted({r["outlet"] for r in rows}), "articles": sorted({r["article"] for r in rows}),
                       "sentences": rows})
    alone = [True] * len(sentences)
    for k in claim_of:
        alone[k] = False
    only: dict[str, list] = {}
    start = 0
    for f, a in articles.items():  # the sentences are laid out article by article
        end = start + len(a.sentences)
        only[f] = list(compress(sentences[start:end], alone[start:end]))
        start = end
    return {"shared": shared, "only": only}


def _figure_names(mine: dict[str, list[Mention]], token_of: dict[int, str]) -> dict[tuple[str, int], frozenset[str]]:
    """(file, sentence) -> the names of the entities in it, for each sentence with a figure."""
    out = {}
    for f, ms in mine.items():
        found: dict[int, set[str]] = {m.sentence: set() for m in ms if m.type == "figure" and m.value is not None}
        if found:
            for m in ms:
                if m.sentence in found and m.type in NAME_TYPES:
                    found[m.sentence].add(_name(token_of, m, m.key))
            out.update(((f, k), frozenset(v)) for k, v in found.items())
    return out


def _figure_refs(articles, mine, work, names) -> list[FigureRef]:
    """Every figure with what surrounds it (its `claim` is set once claims are aligned)."""
    from .figures import FigureRef

    refs = []
    for f in articles:
        for c in work[f].figures:
            m = mine[f][c.mention]
            refs.append(FigureRef(f, m, c.local, frozenset(work[f].sentence_stems(m.sentence)),
                                  names[f, m.sentence], c.events))
    return refs


def _figures(articles, groups) -> list[dict[str, Any]]:
    rows = []
    for g in groups:
        values = [{**_ref(articles[r.article], r.mention), "value": r.mention.value, "unit": r.mention.unit,
                   "kind": r.mention.kind, "qualifier": r.mention.qualifier,
                   "text": articles[r.article].sentences[r.mention.sentence].text} for r in g.members]
        rows.append({"unit": g.unit, "status": g.status(), "articles": g.articles,
                     "outlets": sorted({outlet_label(articles[f]) for f in g.articles}), "values": values})
    return rows


def _timeline(articles, mine, claim) -> list[dict[str, Any]]:
    dated = [Dated(f, m.sentence, m.start, m.end, m.surface, str(m.value),
                   articles[f].sentences[m.sentence].text, claim(f, m.sentence))
             for f in articles for m in mine[f] if m.type == "date" and m.value]
    rows = []
    for e in build_timeline(dated):
        rows.append({"date": e.value, "conflict": e.conflict(), "articles": e.articles,
                     "outlets": sorted({outlet_label(articles[f]) for f in e.articles}),
                     "dates": [{"article": d.article, "outlet": outlet_label(articles[d.article]),
                                "sentence": d.sentence, "start": d.start, "end": d.end,
                                "surface": d.surface, "value": d.value, "text": d.text} for d in e.dates]})
    return rows


def _quotes(articles, mine, work, token_of) -> list[dict[str, Any]]:
    by_speaker: dict[str, list] = defaultdict(list)
    for f, a in articles.items():
        for q in work[f].quotes:
            speaker = None if q.speaker is None else mine[f][q.speaker]
            by_speaker[q.source_text if speaker is None else _name(token_of, speaker, speaker.surface)].append({
                "article": f, "outlet": outlet_label(a), "sentence": q.sentence, "start": q.start,
                "end": q.end, "verb": q.verb, "text": q.text, "named": speaker is not None,
                "speaker_surface": q.source_text if speaker is None else speaker.surface})
    rows = [{"speaker": k, "named": v[0]["named"], "articles": sorted({x["article"] for x in v}), "quotes": v}
            for k, v in by_speaker.items()]
    rows.sort(key=lambda r: (not r["named"], -len(r["articles"]), -len(r["quotes"]), r["speaker"]))
    return rows
