"""Fuzz the input readers for a bounded time: the file loader, the page parser, topic and aliases YAML.

    python scripts/fuzz.py [--seconds 600] [--target loader page records yaml]

Uses hypothesis (pip install hypothesis): its generators build inputs from the shipped
corpus pages and from hostile pieces (NUL bytes, lone surrogates, BOMs, other scripts,
deep nesting, huge numbers, bad dates, YAML tags and anchors), and its shrinking turns
a failure into a small input to paste into tests/test_fuzz_smoke.py as a regression.
The time is shared between the targets, round-robin, in batches of fresh random inputs.

What counts as a failure: any exception other than the documented refusals (`Refused`
from the loader, `UserError` from the YAML readers), and any broken invariant of a
loaded article (offsets that do not point at their text, text that SQLite cannot
store as UTF-8). Prints, per target, how many inputs were tried, for how long, and each
failure with its (shrunk) input; exits 1 if anything was found.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsdiff.aliases import load_aliases  # noqa: E402
from newsdiff.errors import Refused, UserError  # noqa: E402
from newsdiff.loader import load_file  # noqa: E402
from newsdiff.loader.page import parse_page  # noqa: E402
from newsdiff.model import Article  # noqa: E402
from newsdiff.topics import load_topic  # noqa: E402

PAGES = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
LINES = sorted({ln for page in PAGES for ln in page.splitlines() if ln.strip()})
WORK = Path(tempfile.mkdtemp(prefix="newsdiff-fuzz-"))

# -- generators -----------------------------------------------------------------------
ODD = ["\x00", "\ufeff", "\u200f", "\u200e", "\u2028", "\x85", "\x0b", "\r", "\r\n", "\t", "\u00a0",
       "\ud800", "\udfff", "😀", "\u0652", "\u0640", "...", "؟", "د.", "اقرأ أيضا:", "المصدر: ",
       "نشر في: ", "12/13/2025", "2025-13-45", "بقلم: ", " | ", " - ", "٢٠٢٥", "#", "\\", '"']
FURNITURE = ["مشاركة", "شارك الخبر", "إعلان", "وقت القراءة: 3 دقائق", "12 تعليق", "كلمات دلالية: أ، ب",
             "الموقع الرسمي | قناة المثال", "الخرطوم - وكالات", "(أ ف ب)", "جار التحميل...",
             "تاريخ النشر: السبت 6 ديسمبر 2025 - 11:10 ص", "نشر في: 5 كانون الأول 2025", "by John Smith"]
text_piece = st.one_of(
    st.sampled_from(LINES), st.sampled_from(ODD), st.sampled_from(FURNITURE),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةى .،؛:!؟\n0123456789٠١٢", max_size=80),
)


@st.composite
def page_texts(draw) -> str:
    """A page: pieces of real pages, furniture and odd characters, joined by newlines or not."""
    if draw(st.booleans()):
        lines = draw(st.lists(text_piece, max_size=30))
        return draw(st.sampled_from(["\n", "", " ", "\r\n", "\n\n"])).join(lines)
    page = draw(st.sampled_from(PAGES))
    for _ in range(draw(st.integers(0, 6))):  # mutate a real page: cut, insert, repeat
        i = draw(st.integers(0, len(page)))
        j = draw(st.integers(i, min(len(page), i + 200)))
        page = page[:i] + draw(st.sampled_from([(""), draw(text_piece), page[i:j] * 3])) + page[j:]
    return page


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text_piece,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text_piece, inner, max_size=4), max_leaves=12)
FIELDS = ["maintext", "content", "text", "body", "article", "title", "date_publish", "date", "pubDate",
          "source_domain", "outlet", "authors", "author", "byline", "url", "articles"]


@st.composite
def record_files(draw) -> tuple[bytes, str]:
    """A JSON / JSON Lines file of scraper-like records, sometimes broken on purpose."""
    records = draw(st.lists(st.dictionaries(st.sampled_from(FIELDS), st.one_of(page_texts(), json_values),
                                            max_size=6) | json_values, max_size=4))
    form = draw(st.sampled_from(["array", "lines", "one", "wrapped"]))
    if form == "array":
        text = json.dumps(records, ensure_ascii=draw(st.booleans()))
    elif form == "wrapped":
        text = json.dumps({"articles": records}, ensure_ascii=False)
    elif form == "one":
        text = json.dumps(records[0] if records else {}, ensure_ascii=False)
    else:
        text = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    hostile = draw(st.sampled_from(["", "", "", "[" * 5000, "1" * 5000, '"\\ud800"', "\x00", "{", "]}",
                                    '{"text": "\\udfff' + "ب" * 30 + '"}', "\ufeff"]))
    at = draw(st.integers(0, len(text)))
    text = text[:at] + hostile + text[at:]
    raw = text.encode(draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig"])), "surrogatepass")
    return raw, draw(st.sampled_from([".json", ".jsonl", ".ndjson"]))


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "iso8859-6", "latin-1", "cp1252"]


@st.composite
def raw_files(draw) -> tuple[bytes, str]:
    """Bytes of a file: a page in some encoding (perhaps damaged), or random bytes."""
    suffix = draw(st.sampled_from([".txt", ".html", "", ".json"]))
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=2000)), suffix
    raw = draw(page_texts()).encode(draw(st.sampled_from(ENCODINGS)), "replace")
    if draw(st.booleans()):  # flip some bytes, cut it short, or prepend a magic number
        data = bytearray(raw)
        for _ in range(draw(st.integers(1, 8))):
            if data:
                data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        raw = bytes(data[:draw(st.integers(0, len(data)))]) if draw(st.booleans()) else bytes(data)
        raw = draw(st.sampled_from([b"", b"", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"%PDF", b"\x00"])) + raw
    return raw, suffix


YAML_PIECES = ["name: ", "title: ", "select:\n", "  keywords: ", "  entities: ", "  match: ", "  from: ",
               "  to: ", "aliases:\n", "merge:\n", "separate:\n", "  - ", "[", "]", "{", "}", ", ", ": ",
               "\n", "  ", "- ", "&a ", "*a", "!!python/object:os.system ", "!!binary ", "!!set ",
               "!!timestamp ", "2025-12-01", "2025-13-45", "1" * 5000, "ميامي", "عمروف", "'", '"', "#",
               "? ", "<<: ", "null", "~", "true", "any", "all", "|\n", ">\n", "\t", "%YAML 1.1\n", "---\n",
               "...\n", "\ufeff", "\x00", "\udc80", "[" * 1100]


@st.composite
def yaml_texts(draw) -> str:
    """Topic- and aliases-like YAML: a valid file mutated, or pieces of YAML syntax glued together."""
    if draw(st.booleans()):
        return "".join(draw(st.lists(st.sampled_from(YAML_PIECES) | text_piece, max_size=40)))
    base = draw(st.sampled_from([
        "name: t\ntitle: محادثات\nselect:\n  keywords: [ميامي, محادثات]\n  entities: [ويتكوف]\n"
        "  match: any\n  from: 2025-11-20\n  to: 2025-12-31\naliases:\n  merge: [[أوميروف, عمروف]]\n",
        "merge:\n  - [أوميروف, عمروف, عميروف]\nseparate:\n  - [محمد بن سلمان, محمد بن زايد]\n"]))
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(base)))
        j = draw(st.integers(i, min(len(base), i + 20)))
        base = base[:i] + draw(st.sampled_from(YAML_PIECES) | text_piece) + base[j:]
    return base


# -- checks ---------------------------------------------------------------------------
def _storable(*values) -> None:
    for v in values:
        if isinstance(v, str):
            v.encode("utf-8")  # what SQLite needs; a lone surrogate raises here


def check_spans(text: str, sentences, excluded) -> None:
    for i, s in enumerate(sentences):
        assert s.index == i, (s.index, i)
        assert 0 <= s.start < s.end <= len(text), (s.start, s.end, len(text))
        assert text[s.start:s.end] == s.text
    for b in excluded:
        assert 0 <= b.start <= b.end <= len(text), (b.start, b.end, len(text))


def check_article(a: Article) -> None:
    assert a.sentences, "an article without sentences"
    check_spans(a.text, a.sentences, a.excluded)
    _storable(a.file, a.path, a.text, a.title, a.author, a.outlet, a.source, a.url, a.published, a.encoding)


def check_load(raw: bytes, suffix: str) -> None:
    """load_file never raises; each result is a refusal with a one-line reason or a sound article."""
    path = WORK / f"input{suffix}"
    path.write_bytes(raw)
    for item in load_file(path):
        if isinstance(item, Refused):
            assert item.reason and "\n" not in item.reason, item.reason
            _storable(item.file, item.reason)
        else:
            check_article(item)


def check_page(text: str) -> None:
    page = parse_page(text)
    check_spans(text, page.sentences, page.excluded)


def check_yaml(text: str) -> None:
    """The topic and aliases readers accept the file or raise UserError; nothing else."""
    path = WORK / "input.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    for reader in (load_topic, load_aliases):
        try:
            reader(path)
        except UserError as exc:
            assert "\n" not in str(exc), str(exc)


TARGETS = {
    "loader": (raw_files(), lambda arg: check_load(*arg)),
    "records": (record_files(), lambda arg: check_load(*arg)),
    "page": (page_texts(), check_page),
    "yaml": (yaml_texts(), check_yaml),
}


# -- running --------------------------------------------------------------------------
def run(target: str, examples: int, seed: int | None = None) -> tuple[int, dict[str, str]]:
    """Try `examples` inputs of `target`: (inputs tried, {failure: the shortest input that caused it}).

    Failures are caught and recorded, not raised, so one run finds every distinct failure
    (by exception type and the line it came from) instead of stopping at the first; the
    shortest input seen for each stands in for hypothesis's shrinking, which took minutes
    on deeply nested inputs.
    """
    strategy, check = TARGETS[target]
    tried = 0
    found: dict[str, str] = {}

    @settings(max_examples=examples, deadline=None, database=None, derandomize=seed is not None,
              suppress_health_check=list(HealthCheck), phases=[Phase.generate])
    @given(strategy)
    def test(arg):
        nonlocal tried
        tried += 1
        try:
            check(arg)
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno} ({where.name})"
            shown = f"{' '.join(str(exc).split())[:200]}\n  input: {arg!r:.1500}"
            if key not in found or len(shown) < len(found[key]):
                found[key] = shown

    test()
    return tried, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600, help="total time budget (default 600)")
    parser.add_argument("--target", nargs="+", choices=sorted(TARGETS), default=sorted(TARGETS))
    parser.add_argument("--batch", type=int, default=200, help="inputs per batch (default 200)")
    args = parser.parse_args()
    tried = {t: 0 for t in args.target}
    spent = {t: 0.0 for t in args.target}
    found: dict[str, dict[str, str]] = {t: {} for t in args.target}
    start = time.monotonic()
    while time.monotonic() - start < args.seconds:
        for target in args.target:
            if time.monotonic() - start >= args.seconds:
                break
            t0 = time.monotonic()
            n, failures = run(target, args.batch)
            tried[target] += n
            spent[target] += time.monotonic() - t0
            for key, shown in failures.items():
                if key not in found[target] or len(shown) < len(found[target][key]):
                    found[target][key] = shown
    total = time.monotonic() - start
    print(f"fuzzed for {total:.0f} s, {sum(tried.values())} inputs")
    for target in args.target:
        print(f"  {target:8s} {tried[target]:7d} inputs in {spent[target]:6.0f} s: "
              f"{len(found[target])} distinct failure(s)")
        for key, shown in found[target].items():
            print(f"    {key}: " + shown.replace("\n", "\n    "))
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
