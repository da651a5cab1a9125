"""Content words of Arabic sentences, for aligning sentences and figure contexts.

Words are match keys (`normalize.key`) with the attached proclitics and the article
stripped and a few inflectional endings cut ("light stemming", as in Larkey et al.'s
light10), so "المحادثات" and "ومحادثات" meet; function words are dropped.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..normalize import key

_WORD = re.compile(r"[\w\u0621-\u064A]+")
_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("هما", "كما", "تين", "تان", "ات", "ان", "ين", "ون", "ها", "هم", "ية", "يه", "ه", "ي", "ت")
STOPWORDS = frozenset(key(w) for w in """
في من على إلى الى عن مع أن إن أنه إنه أنها إنها بأن لأن كان كانت يكون تكون هذا هذه ذلك تلك التي الذي الذين
اللذين اللتين ما لا لم لن قد كما أي او أو ثم بين حيث حتى عند عندما بعد قبل خلال منذ كل بعض غير بل لكن لكنه
وقد هو هي هم هما نحن انا أنا انت كذلك أيضا ايضا إذا اذا إذ وفق بحسب حسب نحو ضمن دون عبر لدى لدي تم يتم
قال قالت وقال وقالت أكد أكدت أضاف أضافت أوضح أوضحت أشار أشارت ذكر ذكرت اليوم أمس يوم
""".split())


@lru_cache(maxsize=65536)
def stem(word_key: str) -> str:
    """Light stem of one normalised word."""
    w = word_key
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= (3 if len(p) > 1 else 4):
            w = w[len(p):]
            break
    for _ in range(2):  # "محادثاتهما" -> "محادثات" -> "محادث"
        cut = next((s for s in _SUFFIXES if w.endswith(s) and len(w) - len(s) >= 3), None)
        if cut is None:
            break
        w = w[: -len(cut)]
    return w


@lru_cache(maxsize=1)
def _event_lexicon() -> dict[str, str]:
    """Light stem of each event word (seeds/events.yaml) -> its kind of event."""
    import yaml

    from ..resources import seeds_dir

    data = yaml.safe_load((seeds_dir() / "events.yaml").read_text(encoding="utf-8"))
    return {stem(key(w)): kind for kind, words in data.items() for w in words if " " not in w}


def events(words: list[str]) -> frozenset[str]:
    """Kinds of event (talks, war, attack, ...) that content-word stems speak of."""
    lexicon = _event_lexicon()
    return frozenset(lexicon[w] for w in words if w in lexicon)


class _ContentStems(dict):
    """Word key -> the stem of a content word, "" for a function word or a single letter;
    each word stemmed once (emptied past LIMIT words, which news vocabulary rarely reaches)."""

    LIMIT = 500_000

    def __missing__(self, word_key: str) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        if word_key in STOPWORDS or len(word_key) < 2:
            out = ""
        else:
            out = stem(word_key)
            out = "" if out in STOPWORDS else out
        self[word_key] = out
        return out


_CONTENT_STEMS = _ContentStems()


def content_words(text: str) -> list[str]:
    """Stems of the content words of `text`, in order (digits kept as they are)."""
    return content_stems(words(key(text)))


def content_stems(word_keys: list[str]) -> list[str]:
    """Stems of the content words among `word_keys` (`words` of a key), in order."""
    return list(filter(None, map(_CONTENT_STEMS.__getitem__, word_keys)))


def words(text_key: str) -> list[str]:
    """The words of a text's match key, in order."""
    return _WORD.findall(text_key)


class Columns(dict):
    """Term -> its column in a matrix of terms, columns numbered in order of first sight."""

    def __missing__(self, term) -> int:
        self[term] = column = len(self)
        return column
