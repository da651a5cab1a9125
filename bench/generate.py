"""Make a large corpus from real articles, varied so that content hashing skips none.

Each generated article is a real page (from `corpus/` or the folders given) with
its body paragraphs rotated, every number shifted by the article's serial number,
and a line naming the copy, so that no two files have the same bytes while each
keeps the length, layout and language of real news.

    python bench/generate.py OUT_DIR --count 10000 [--from corpus/ other/]
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

_NUMBER = re.compile(r"\d+")


def variant(text: str, n: int) -> str:
    """The n-th variation of a page's text."""
    lines = text.split("\n")
    head, body = lines[:3], lines[3:]
    if body:
        k = n % len(body)
        body = body[k:] + body[:k]
    shifted = _NUMBER.sub(lambda m: str(int(m.group()) + n % 97), "\n".join(body))
    return "\n".join(head) + f"\nنسخة رقم {n}\n" + shifted


def generate(out: Path, count: int, sources: list[Path]) -> list[Path]:
    """Write `count` varied articles into `out` (in subfolders of 1,000); return their paths."""
    pages = [p.read_text(encoding="utf-8") for src in sources for p in sorted(src.glob("*.txt"))]
    if not pages:
        raise SystemExit("no *.txt articles in " + ", ".join(map(str, sources)))
    written = []
    for n in range(count):
        path = out / f"{n // 1000:03d}" / f"a{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(variant(pages[n % len(pages)], n), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--from", dest="sources", type=Path, nargs="+",
                        default=[Path(__file__).resolve().parents[1] / "corpus"])
    args = parser.parse_args()
    print(f"wrote {len(generate(args.out, args.count, args.sources))} articles to {args.out}")


if __name__ == "__main__":
    main()
