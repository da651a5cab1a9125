"""Instructions per ingested article, counted by valgrind: a measure of the cost of an
ingest worker's work that does not drift with the machine's speed (wall and CPU time here
drift by a quarter).

    python bench/instructions.py [--small 20] [--large 120]

Generates `--large` articles (`generate.py`), counts the instructions of what an ingest
worker does with them (load, analyse `ingest.GROUP` files at a time, prepare each article's
comparison groundwork, make the store's rows) for the first `--small` and then all
`--large` of them in fresh processes under `valgrind --tool=callgrind`, and prints the
difference per article (start-up cancels out). Needs valgrind (Debian package
`valgrind`); takes a few minutes.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

ANALYSE = """import sys
from newsdiff.analyze import analyser_version
from newsdiff.ingest import GROUP, _process
paths = sys.argv[1:]
version = analyser_version()
for i in range(0, len(paths), GROUP):  # as ingest's workers do: GROUP files at once
    group = paths[i : i + GROUP]
    _process(group, [{}] * len(group), "builtin", version)
"""


def instructions(files: list[Path]) -> int:
    """Instructions valgrind counts for ingesting `files` (without writing) in a new process."""
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                          "-c", ANALYSE, *map(str, files)], capture_output=True, text=True, check=True)
    return int(re.search(r"refs:\s+([\d,]+)", out.stderr).group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=20)
    ap.add_argument("--large", type=int, default=120)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = generate(Path(tmp), args.large, [HERE.parent / "corpus"])
        small, large = instructions(files[:args.small]), instructions(files)
    print(f"{(large - small) / (args.large - args.small) / 1e6:.1f} M instructions per article "
          f"({small:,} for {args.small}, {large:,} for {args.large})")


if __name__ == "__main__":
    main()
