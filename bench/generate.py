"""Make a large corpus from real articles, varied like a year of coverage of many stories.

Each generated article is a real page (from `corpus/` or the folders given) that keeps
its layout, length and grammar: head lines (title, byline, date line), paragraphs,
punctuation, numbers and the frequent words of Arabic news; the head lines are kept as
they are, so every article keeps its title, byline and publication date. What changes
in the body:

- **Stories.** Articles come in stories of `STORY_SIZE` (8) consecutive articles, as
  when several outlets cover one event. Each story rewrites the page's less frequent
  words (names, places, nouns, verbs) through its own mapping onto real words of the
  same kind: a listed name by a name from the gazetteers, any other word by a word of
  the common-word list (both under `seeds/gazetteers/`). Two stories share little
  beyond the frequent words, the articles of one story share most of their wording,
  as outlets covering one event do, and an article has about as many names as its
  page (53 mentions per article, as the seed articles have).
- **Outlets.** Within a story, each article replaces another ~15% of its rewritable
  words, rotates its body paragraphs and shifts every number by its serial number, so
  that no two files have the same bytes (content hashing skips none) and the figures
  of one story differ a little from outlet to outlet.
- A line "نسخة رقم N" names the copy.

Without stories (every article a copy of one of five pages) every sentence would
have thousands of near-copies, which no news corpus has, and aligning claims would
be quadratic by construction. Deterministic: the same arguments give the same files.

    python bench/generate.py OUT_DIR --count 10000 [--from corpus/ other/]
"""
from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from newsdiff.normalize import key

ROOT = Path(__file__).resolve().parents[1]
STORY_SIZE = 8
OUTLET_SHARE = 0.15  # share of rewritable words each article of a story replaces again
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u065f\u0670]+")


def _h(*parts) -> int:
    return int.from_bytes(hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest(), "big")


@lru_cache(maxsize=1)
def vocabularies() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """Real Arabic words to rewrite with, by kind: (names, ordinary words, every name).

    Names are the shipped given names, places and transliterated names; ordinary words
    the shipped common-word list. A word of a page is rewritten with a word of its own
    kind, so a generated article has about as many names as the page it comes from.
    """
    base = ROOT / "seeds" / "gazetteers"
    common = set((base / "common_words.txt").read_text(encoding="utf-8").split("\n"))
    names = set((base / "given_names.txt").read_text(encoding="utf-8").split("\n"))
    names |= {ln.split("\t")[0] for ln in (base / "places.tsv").read_text(encoding="utf-8").splitlines()}
    names |= {ln.split("\t")[0] for ln in (base / "translit.tsv").read_text(encoding="utf-8").splitlines()[:20000]}
    usable = {w for w in names | common if _WORD.fullmatch(w) and len(w) >= 3}
    return tuple(sorted(usable & names)), tuple(sorted(usable - names)), frozenset(names)


def _is_name(word: str) -> bool:
    """Whether a word as written is a listed name, with or without a proclitic or ال."""
    names = vocabularies()[2]
    k = key(word)
    return any(k[len(p):] in names for p in _PROCLITICS if k.startswith(p))


_PROCLITICS = ("", "ال", "وال", "بال", "لل", "و", "ب", "ل")


def frequent(pages: list[str]) -> frozenset[str]:
    """Words kept as written: short words and those in at least half the pages (the
    function words and common vocabulary of news)."""
    docs = Counter(w for p in pages for w in set(_WORD.findall(p)))
    return frozenset(w for w, n in docs.items() if len(w) <= 2 or n >= max(2, len(pages) / 2))


def variant(text: str, n: int, keep: frozenset[str] = frozenset(), story_size: int = STORY_SIZE) -> str:
    """The n-th article: page `text` rewritten for story n // story_size, outlet n % story_size."""
    names, words, _ = vocabularies()
    story = n // story_size

    def rewrite(m: re.Match) -> str:
        w = m.group()
        if w in keep:
            return w
        k = _h(story, w)
        if _h(n, w, m.start()) % 1000 < OUTLET_SHARE * 1000:
            k = _h(n, w, m.start(), "outlet")
        vocab = names if _is_name(w) else words
        return vocab[k % len(vocab)]

    lines = text.split("\n")
    head, body = lines[:3], lines[3:]
    if body:
        k = n % len(body)
        body = body[k:] + body[:k]
    body_text = _NUMBER.sub(lambda m: str(int(m.group()) + n % 97), "\n".join(body))
    return "\n".join(head) + f"\nنسخة رقم {n}\n" + _WORD.sub(rewrite, body_text)


def generate(out: Path, count: int, sources: list[Path]) -> list[Path]:
    """Write `count` varied articles into `out` (in subfolders of 1,000); return their paths."""
    pages = [p.read_text(encoding="utf-8") for src in sources for p in sorted(src.glob("*.txt"))]
    if not pages:
        raise SystemExit("no *.txt articles in " + ", ".join(map(str, sources)))
    keep = frequent(pages)
    written = []
    for n in range(count):
        path = out / f"{n // 1000:03d}" / f"a{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        page = pages[(n // STORY_SIZE) % len(pages)]  # the articles of a story come from one page
        path.write_text(variant(page, n, keep), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--from", dest="sources", type=Path, nargs="+", default=[ROOT / "corpus"])
    args = parser.parse_args()
    print(f"wrote {len(generate(args.out, args.count, args.sources))} articles to {args.out}")


if __name__ == "__main__":
    main()
