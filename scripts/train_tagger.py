"""Train the built-in CRF name tagger on ANERcorp train.conll.

--dev holds out the last sixth of the sentences (in order), trains on the rest and
prints conlleval-style PERS/LOC/ORG and micro scores for the CRF alone and for the
full built-in tagger (CRF + gazetteers + rules). Without --dev it trains on all the
data and writes src/newsdiff/data/ner.crfsuite.

Usage: python scripts/train_tagger.py [--dev [--dev-out DIR]] [--data PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsdiff.conll import read_conll, score, write_conll  # noqa: E402
from newsdiff.tagging import gazetteer  # noqa: E402
from newsdiff.tagging.builtin import BuiltinTagger  # noqa: E402
from newsdiff.tagging.crf import CRFTagger, train  # noqa: E402
from newsdiff.tagging.tagdict import path_for  # noqa: E402


def show(name: str, result: dict) -> None:
    cells = "  ".join(f"{t} {r['f1']:.3f}" for t, r in result.items() if t != "micro")
    m = result["micro"]
    print(f"{name:10s} {cells}  micro P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", action="store_true", help="hold out the last sixth and score it")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/anercorp/train.conll")
    ap.add_argument("--dev-out", type=Path, help="with --dev: also write dev.conll and dev.crfsuite here, "
                    "so that NEWSDIFF_NER_MODEL=DIR/dev.crfsuite newsdiff eval DIR/dev.conll scores it")
    ap.add_argument("--out", type=Path, default=ROOT / "src/newsdiff/data/ner.crfsuite")
    args = ap.parse_args()
    sents = read_conll(args.data)
    gaz = gazetteer.load()
    t0 = time.time()
    if not args.dev:
        train(sents, args.out, gaz)
        print(f"trained on {len(sents)} sentences in {time.time() - t0:.0f}s -> {args.out}")
        return
    cut = len(sents) - len(sents) // 6
    train_part, dev = sents[:cut], sents[cut:]
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / "dev.crfsuite"
        train(train_part, model, gaz)
        print(f"trained on {len(train_part)} sentences in {time.time() - t0:.0f}s; dev {len(dev)}")
        gold = [[tag for _, tag in s] for s in dev]
        crf = CRFTagger(model, gaz)
        show("crf", score(gold, [crf.tag([t for t, _ in s]) for s in dev]))
        full = BuiltinTagger(model_path=model)
        show("builtin", score(gold, [full.tag_tokens([t for t, _ in s]) for s in dev]))
        show("builtin-A", score(gold, [full.tag_tokens([t for t, _ in s], institutions=False) for s in dev]))
        print("builtin-A: without the ministry/armed-forces/metonym rules, which ANERcorp does not tag")
        if args.dev_out:
            args.dev_out.mkdir(parents=True, exist_ok=True)
            write_conll(dev, args.dev_out / "dev.conll")
            shutil.copy(model, args.dev_out / "dev.crfsuite")
            shutil.copy(path_for(model), path_for(args.dev_out / "dev.crfsuite"))


if __name__ == "__main__":
    main()
