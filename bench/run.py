"""Benchmark: prints throughput, memory and ratios on this machine (no pass/fail).

    python bench/run.py [--sizes 1000 10000] [--compare-sizes 1000 5000 10000] [--repeat 3] [--camel-articles 10]
                        [--skip startup parallel ingest compare camel]

Measures, on corpora made by `bench/generate.py` from the real articles in corpus/:
- start-up of `newsdiff --help` and `newsdiff entities` on the seed store;
- what two processes gain over one on this machine (the ceiling for `--jobs 2`);
- the floor: reading and decoding the files, nothing else;
- `newsdiff ingest` with --jobs 1 and --jobs 2: articles/s, tokens/s, peak memory of
  the whole process tree, and the ratio to the floor;
- `newsdiff compare` (a topic selecting every stored article; --jobs 1 and --jobs 2) and
  `newsdiff entities` on stores of each compare size (the ingest stores are reused): time
  (the fastest of --repeat runs) and peak memory;
  a step running past LIMIT_SECONDS or LIMIT_MIB is stopped and shown as "> N";
- the built-in tagger against camel-tools' NERecognizer with a CAMeLBERT-sized model
  (bert-base: 12 layers, 768 hidden, random weights built here) on the same texts,
  one process each: articles/s and the ratio.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

NEWSDIFF = [sys.executable, "-m", "newsdiff.cli"]


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(ln.split()[1] for ln in status.splitlines() if ln.startswith("VmRSS")))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


LIMIT_SECONDS = 900  # a step still running after this is stopped and reported as "> N"
LIMIT_MIB = 6 * 1024  # ... and one whose process tree grows past this


def _kill_tree(pid: int) -> None:
    todo, pids = [pid], []
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            pass
    for p in pids:
        try:
            os.kill(p, 9)
        except OSError:
            pass


def run(args: list[str], limit: float = LIMIT_SECONDS) -> tuple[float, float, str]:
    """Run a command; (seconds, peak MiB of its process tree, "" or why it was stopped)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, stopped = 0, ""
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kb(proc.pid))
        if time.perf_counter() - start > limit:
            stopped = f"stopped after {limit:.0f} s"
        elif peak / 1024 > LIMIT_MIB:
            stopped = f"stopped at {LIMIT_MIB} MiB"
        if stopped:
            _kill_tree(proc.pid)
            proc.wait()
            break
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    if not stopped and proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.read().decode()[-500:]}")
    return elapsed, peak / 1024, stopped


def _secs(secs: float, stopped: str) -> str:
    return f"> {secs:.0f} ({stopped})" if stopped else f"{secs:.1f}"


def floor(files: list[Path]) -> float:
    """Seconds to read and decode the files: the cost no step can go below."""
    from newsdiff.loader.decode import decode

    start = time.perf_counter()
    for f in files:
        decode(f.read_bytes(), f.name)
    return time.perf_counter() - start


def tokens_of(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def ingest_table(work: Path, sizes: list[int]) -> list[str]:
    corpus = work / "corpus"
    files = generate(corpus, max(sizes), [HERE.parent / "corpus"])
    rows = ["| articles | jobs | seconds | articles/s | tokens/s | peak MiB | x floor |", "|---|---|---|---|---|---|---|"]
    for n in sizes:
        chunk = files[:n]
        folders = sorted({str(f.parent) for f in chunk})
        base, toks = floor(chunk), tokens_of(chunk)
        print(f"floor for {n} articles ({toks:,} tokens): {base:.2f} s", flush=True)
        for jobs in (1, 2):
            db = work / (f"store-{n}.db" if jobs == 2 else f"ingest-{n}-1.db")  # the jobs 2 store is kept for compare
            secs, mib, stopped = run(NEWSDIFF + ["ingest", *folders, "--db", str(db), "--jobs", str(jobs)])
            rows.append(f"| {n} | {jobs} | {_secs(secs, stopped)} | {n / secs:.1f} | {toks / secs:,.0f} | {mib:.0f} | {secs / base:.0f} |")
            print(rows[-1], flush=True)
            if jobs == 1:
                db.unlink(missing_ok=True)
    return rows


def best_of(times: int, cmd: list[str]) -> tuple[float, float, bool]:
    """(seconds, peak MiB, stopped) of the fastest of `times` runs of `cmd` (the machine's own
    noise only ever slows a run down), with the highest peak memory; a run stopped at the
    limit is not repeated."""
    found = []
    for _ in range(times):
        found.append(run(cmd))
        if found[-1][2]:
            break
    return min(f[0] for f in found), max(f[1] for f in found), any(f[2] for f in found)


def compare_table(work: Path, sizes: list[int], repeat: int = 3) -> list[str]:
    corpus = work / "corpus"
    files = sorted(corpus.rglob("*.txt"))
    if len(files) < max(sizes):
        files = generate(corpus, max(sizes), [HERE.parent / "corpus"])
    topics = work / "topics"
    topics.mkdir(exist_ok=True)
    (topics / "bench.yaml").write_text("name: bench\ntitle: bench\n", encoding="utf-8")
    rows = ["| articles | compare s, --jobs 1 | compare s, --jobs 2 | compare MiB, --jobs 2 | entities s "
            "| entities MiB | compare --jobs 2 x floor |", "|---|---|---|---|---|---|---|"]
    for n in sizes:
        db = work / f"store-{n}.db"  # the ingest table's --jobs 2 store when it has this size
        if not db.exists():
            folders = sorted({str(f.parent) for f in files[:n]})
            run(NEWSDIFF + ["ingest", *folders, "--db", str(db), "--jobs", "2"])
        base = floor(files[:n])
        compare = NEWSDIFF + ["compare", "--topic", "bench", "--topics", str(topics), "--json", "--db", str(db)]
        one_secs, _, one_stop = best_of(repeat, compare + ["--jobs", "1"])
        c_secs, c_mib, c_stop = best_of(repeat, compare + ["--jobs", "2"])
        e_secs, e_mib, e_stop = best_of(repeat, NEWSDIFF + ["entities", "--json", "--db", str(db)])
        rows.append(f"| {n} | {_secs(one_secs, one_stop)} | {_secs(c_secs, c_stop)} | {c_mib:.0f} "
                    f"| {_secs(e_secs, e_stop)} | {e_mib:.0f} | {c_secs / base:.0f} |")
        print(rows[-1], flush=True)
    return rows


def startup_table(work: Path) -> list[str]:
    """Start-up: `newsdiff --help` and `newsdiff entities` on the five seed articles."""
    db = work / "seed.db"
    run(NEWSDIFF + ["ingest", str(HERE.parent / "corpus"), "--db", str(db)])
    exe = [str(Path(sys.executable).with_name("newsdiff"))]
    if not Path(exe[0]).exists():
        exe = NEWSDIFF
    rows = ["| command | seconds (best of 5) |", "|---|---|"]
    for args in (["--help"], ["entities", "--db", str(db)]):
        best = min(run(exe + args)[0] for _ in range(5))
        rows.append(f"| newsdiff {args[0]} | {best:.2f} |")
    return rows


def _tag_rate(paths: list[str]) -> float:
    """Articles per second of the built-in tagger alone on these files, in this process."""
    from newsdiff.loader import load_file
    from newsdiff.tagging.builtin import BuiltinTagger

    articles = [a for p in paths for a in load_file(p)]
    tagger = BuiltinTagger()
    tagger.tag(articles[0])
    start = time.perf_counter()
    for a in articles:
        tagger.tag(a)
    return len(articles) / (time.perf_counter() - start)


def parallel_table(work: Path, count: int = 200) -> list[str]:
    """How much two processes gain on this machine: the same tagging work alone and two at once."""
    from concurrent.futures import ProcessPoolExecutor

    files = [str(f) for f in generate(work / "parallel", count, [HERE.parent / "corpus"])]
    with ProcessPoolExecutor(1) as pool:
        one = pool.submit(_tag_rate, files).result()
    with ProcessPoolExecutor(2) as pool:
        two = sum(pool.map(_tag_rate, [files, files]))
    return ["| processes | articles/s (tagger only) | speed-up |", "|---|---|---|",
            f"| 1 | {one:.1f} | 1.00x |", f"| 2 at once | {two:.1f} | {two / one:.2f}x |"]


def camel_table(work: Path, count: int) -> list[str]:
    """Built-in tagger vs a CAMeLBERT-sized camel-tools model on the same articles."""
    from newsdiff.loader import load_file
    from newsdiff.tagging.builtin import BuiltinTagger

    model = work / "bert-base"
    build_bert_base(model, HERE.parent / "corpus")
    articles = [a for f in sorted((HERE.parent / "corpus").glob("*.txt")) for a in load_file(f)]
    articles = (articles * (count // len(articles) + 1))[:count]
    builtin = BuiltinTagger()
    builtin.tag(articles[0])
    start = time.perf_counter()
    for _ in range(20):
        for a in articles:
            builtin.tag(a)
    b_rate = 20 * len(articles) / (time.perf_counter() - start)
    os.environ["CAMELTOOLS_DATA"] = str(work / "camel_data")
    (work / "camel_data").mkdir(exist_ok=True)
    (work / "camel_data" / "catalogue.json").write_text('{"version":"1.6","packages":{},"components":{}}')
    from newsdiff.tagging.camel import CamelTagger

    camel = CamelTagger(model)
    camel.tag(articles[0])
    start = time.perf_counter()
    for a in articles:
        camel.tag(a)
    c_rate = len(articles) / (time.perf_counter() - start)
    per = sum(len(a.text[s.start:s.end].split()) for a in articles for s in a.sentences) / len(articles)
    return [f"{len(articles)} articles (the seed corpus, repeated), {per:.0f} tokens each; one process",
            "", "| tagger | articles/s | tokens/s | ratio |", "|---|---|---|---|",
            f"| built-in (CRF + rules) | {b_rate:.1f} | {b_rate * per:,.0f} | {b_rate / c_rate:.0f}x |",
            f"| camel-tools NERecognizer, bert-base sized | {c_rate:.2f} | {c_rate * per:,.0f} | 1x |"]


def build_bert_base(folder: Path, corpus: Path) -> None:
    """A bert-base-sized token classifier with random weights and a vocabulary from the corpus."""
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    words = sorted({w for f in corpus.glob("*.txt") for w in f.read_text(encoding="utf-8").split()})
    chars = sorted({c for w in words for c in w})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + chars + ["##" + c for c in chars] + words
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf-8")
    labels = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
    config = BertConfig(vocab_size=len(dict.fromkeys(vocab)), id2label=dict(enumerate(labels)),
                        label2id={l: i for i, l in enumerate(labels)})
    BertForTokenClassification(config).save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt"), do_lower_case=False).save_pretrained(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--compare-sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each compare/entities step; the fastest is shown")
    parser.add_argument("--camel-articles", type=int, default=10)
    parser.add_argument("--skip", nargs="*", default=[],
                        choices=["startup", "parallel", "ingest", "compare", "camel"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-") as tmp:
        work = Path(tmp)
        print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}\n", flush=True)
        if "startup" not in args.skip:
            print("## start-up\n" + "\n".join(startup_table(work)) + "\n", flush=True)
        if "parallel" not in args.skip:
            print("## two processes on this machine\n" + "\n".join(parallel_table(work)) + "\n", flush=True)
        if "ingest" not in args.skip:
            print("## ingest\n" + "\n".join(ingest_table(work, args.sizes)) + "\n", flush=True)
        if "compare" not in args.skip:
            print("## compare and entities\n" + "\n".join(compare_table(work, args.compare_sizes, args.repeat)) + "\n",
                  flush=True)
        if "camel" not in args.skip:
            print("## built-in tagger vs CAMeLBERT-sized model\n" + "\n".join(camel_table(work, args.camel_articles)),
                  flush=True)


if __name__ == "__main__":
    main()
