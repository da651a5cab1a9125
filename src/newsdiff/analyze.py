"""Analysis of one article: names (built-in or camel tagger), dates and figures.

`analyze` is a pure function of the article and the shipped seeds and models, which
is what makes `ingest --jobs N` equal to `--jobs 1` and re-ingest of unchanged
files free. `analyser_version` names everything the result depends on, so that a
store analysed by an older version is redone.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from . import __version__
from .errors import UserError
from .model import Article, Mention

TAGGERS = ("builtin", "camel")
_instances: dict[tuple, object] = {}


def get_tagger(name: str):
    """The name tagger called `name`, loaded once per process (and per camel model setting)."""
    if name not in TAGGERS:
        raise UserError(f"unknown tagger {name!r}; choose one of: {', '.join(TAGGERS)}")
    where = (name, os.environ.get("NEWSDIFF_NER_MODEL")) if name == "builtin" else (
        name, os.environ.get("NEWSDIFF_CAMEL_NER_MODEL"), os.environ.get("CAMELTOOLS_DATA"))
    if where not in _instances:
        if name == "builtin":
            from .tagging.builtin import BuiltinTagger

            from .tagging.tagdict import path_for

            custom = os.environ.get("NEWSDIFF_NER_MODEL")
            if custom and not os.path.isfile(custom):
                raise UserError(f"NEWSDIFF_NER_MODEL={custom}: no such model file")
            try:
                _instances[where] = BuiltinTagger(custom)
            except FileNotFoundError:
                raise UserError(f"NEWSDIFF_NER_MODEL={custom}: its tag dictionary {path_for(custom)} "
                                "is missing (copy it with the model)") from None
        else:
            from .tagging.camel import CamelTagger

            _instances[where] = CamelTagger()
    return _instances[where]


def analyze(article: Article, tagger: str = "builtin") -> list[Mention]:
    """All mentions of `article`: persons, places, orgs, dates and figures, in text order."""
    return analyze_many([article], tagger)[0]


def analyze_many(articles: list[Article], tagger: str = "builtin") -> list[list[Mention]]:
    """`analyze` of each article; the same result, cheaper per article for a batch (the
    built-in tagger's CRF decodes the batch's sentences at once)."""
    from .tagging.dates import extract_dates, find_dates, fold_sentences
    from .tagging.figures import extract_figures

    out = []
    for article, mentions in zip(articles, get_tagger(tagger).tag_many(articles)):
        mentions = list(mentions)
        folded = fold_sentences(article)
        found = find_dates(article, folded)
        mentions += extract_dates(article, folded, found)
        mentions += extract_figures(article, folded, found)
        out.append(sorted(mentions, key=lambda m: (m.start, m.end, m.type)))
    return out


# The package's code the analysis runs, and the comparison groundwork ingest stores with
# it (a change to it redoes stored articles; one to the rest of compare or the reports does not)
ANALYSIS_CODE = ("loader", "tagging", "analyze.py", "conll.py", "model.py", "normalize.py",
                 "compare/groundwork.py", "compare/quotes.py", "compare/text.py")


def analyser_version(tagger: str = "builtin") -> str:
    """Version string of the analysis: package version, tagger, and a digest of seeds, models
    and the analysis's own code (`ANALYSIS_CODE`)."""
    if tagger == "camel":
        return _version(tagger, get_tagger(tagger).identity())
    custom = os.environ.get("NEWSDIFF_NER_MODEL")
    return _version(tagger, f"{custom}@{os.stat(custom).st_mtime_ns}" if custom and os.path.exists(custom) else "")


@lru_cache(maxsize=None)
def _version(tagger: str, model: str) -> str:
    """The digest behind `analyser_version`, computed once per tagger and model."""
    from .resources import data_dir, digest, seeds_dir

    package = Path(__file__).parent
    files = [f for folder in (seeds_dir(), data_dir()) for f in sorted(Path(folder).rglob("*"))
             if f.is_file() and not f.name.startswith(".")]
    for name in ANALYSIS_CODE:
        files += sorted((package / name).rglob("*.py")) if (package / name).is_dir() else [package / name]
    return f"{__version__}/{tagger}/{digest(files, model)}"
