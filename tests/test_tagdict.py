"""The CRF's tag dictionary: counts per base form, jackknifed folds, the file written
beside the model, and train_tagger.py --dev keeping the dev split out of it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.conll import read_conll, write_conll
from newsdiff.tagging import gazetteer
from newsdiff.tagging.crf import CRFTagger, train
from newsdiff.tagging.features import sentence_features
from newsdiff.tagging.tagdict import FOLDS, TagDict, jackknifed, path_for

ROOT = Path(__file__).resolve().parents[1]
ANERCORP = ROOT.parent / "shared/data/anercorp/train.conll"

SENTENCES = [
    [("قال", "O"), ("كوفي", "B-PERS"), ("عنان", "I-PERS"), ("في", "O"), ("القاهرة", "B-LOC")],
    [("وصل", "O"), ("عنان", "B-PERS"), ("إلى", "O"), ("القاهرة", "B-LOC")],
    [("شارع", "O"), ("عنان", "O"), ("في", "O"), ("القاهرة", "B-LOC")],
    [("وعنان", "B-PERS"), ("قال", "O")],
]


def test_counts_and_features_per_base_form():
    tags = TagDict.build(SENTENCES, gazetteer.load())
    assert tags.counts["عنان"] == (4, 3, 0, 0, 0)  # وعنان counts as عنان
    assert tags.feature("عنان") == "dict=PERS:3"  # three of four uses: third quarter
    assert tags.feature("القاهره") == "dict=LOC:4"
    assert tags.feature("قال") == "dict=O"
    assert tags.feature("بغداد") == "dict=unseen"


def test_save_and_load_give_the_same_features(tmp_path):
    tags = TagDict.build(SENTENCES, gazetteer.load())
    tags.save(tmp_path / "m.tags.tsv")
    again = TagDict.load(tmp_path / "m.tags.tsv")
    assert again.counts == tags.counts
    assert (tmp_path / "m.tags.tsv").read_text(encoding="utf-8").splitlines()[0].count("\t") == 5
    assert path_for(tmp_path / "m.crfsuite") == tmp_path / "m.tags.tsv"


def test_each_sentence_gets_the_dictionary_of_the_other_folds():
    sents = [[(f"كلمة{n}", "B-PERS")] for n in range(10)]
    dicts = jackknifed(sents, gazetteer.load())
    assert len(dicts) == 10 and len({d.ident for d in dicts}) == FOLDS
    for n, d in enumerate(dicts):
        fold = {m for m in range(10) if dicts[m] is d}
        assert n in fold and len(fold) == 2
        assert all((d.feature(f"كلمه{m}") == "dict=unseen") == (m in fold) for m in range(10))


def test_trained_model_ships_its_dictionary_and_decodes_as_crfsuite(tmp_path):
    import pycrfsuite

    gaz = gazetteer.load()
    sents = read_conll(ANERCORP)[:300]
    model = tmp_path / "small.crfsuite"
    train(sents, model, gaz, {"max_iterations": 30})
    assert path_for(model).is_file()
    ours = CRFTagger(model, gaz)
    assert ours.tags.counts == TagDict.build(sents, gaz).counts
    reference = pycrfsuite.Tagger()
    reference.open(str(model))
    tokens = [[t for t, _ in s] for s in read_conll(ANERCORP)[300:360]]
    expected = [list(reference.tag(sentence_features(s, gaz, ours.tags))) for s in tokens]
    assert ours.tag_many(tokens) == expected
    assert any(f.startswith("dict=") for f in sentence_features(tokens[0], gaz, ours.tags)[0])
    path_for(model).unlink()  # a model copied without its dictionary is refused, not misread
    with pytest.raises(FileNotFoundError, match="tag dictionary"):
        CRFTagger(model, gaz)


def test_dev_mode_keeps_the_dev_split_out_of_the_dictionary(tmp_path):
    """--dev trains on the first five sixths only: words of the last sixth alone are unseen."""
    sents = read_conll(ANERCORP)[:120]
    write_conll(sents, tmp_path / "data.conll")
    out = tmp_path / "D"
    run = subprocess.run([sys.executable, str(ROOT / "scripts/train_tagger.py"), "--dev", "--data",
                          str(tmp_path / "data.conll"), "--dev-out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "builtin" in run.stdout and (out / "dev.crfsuite").is_file()
    gaz = gazetteer.load()
    shipped = TagDict.load(out / "dev.tags.tsv")
    assert shipped.counts == TagDict.build(sents[:100], gaz).counts
    only_dev = set(TagDict.build(sents[100:], gaz).counts) - set(shipped.counts)
    assert only_dev and all(shipped.feature(b) == "dict=unseen" for b in only_dev)


def test_a_custom_model_without_its_dictionary_is_a_clear_error(cli, tmp_path, monkeypatch):
    """NEWSDIFF_NER_MODEL copied without NAME.tags.tsv: one line naming the missing file, exit 2."""
    import shutil

    from conftest import ARTICLE, write
    from newsdiff.tagging.builtin import MODEL_PATH

    model = tmp_path / "mine.crfsuite"
    shutil.copy(MODEL_PATH, model)
    write(tmp_path / "in" / "a.txt", ARTICLE)
    monkeypatch.setenv("NEWSDIFF_NER_MODEL", str(model))
    result = cli("ingest", str(tmp_path / "in"))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "mine.tags.tsv" in result.output and "missing" in result.output
