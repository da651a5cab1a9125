"""The camel-tools backend through its real loading path, with a tiny hand-wired BERT.

The tiny model's encoder adds nothing (zeroed output projections, no position or
segment embeddings), so each token's label depends on its word alone: words listed
in LABELLED get that label, every other word gets O.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.errors import UserError
from newsdiff.model import Article, Sentence
from newsdiff.normalize import key

SRC = Path(__file__).resolve().parents[1] / "src"
LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
LABELLED = {"فلاديمير": "B-PERS", "بوتين": "I-PERS", "وموسكو": "B-LOC", "للأمم": "B-ORG",
            "المتحدة": "I-ORG", "«": "B-PERS", "ومعرض": "B-MISC"}
PLAIN = ["قال", "الرئيس", "إن", "في", "اجتماع", "مع", "ممثلي", "،", ".", "»"]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    torch = pytest.importorskip("torch")
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    folder = tmp_path_factory.mktemp("tiny_bert")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + list(LABELLED) + PLAIN
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=512,
                        id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)})
    model = BertForTokenClassification(config).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.zero_()
        for ln in (model.bert.embeddings.LayerNorm, model.bert.encoder.layer[0].attention.output.LayerNorm,
                   model.bert.encoder.layer[0].output.LayerNorm):
            ln.weight.fill_(1.0)
        for word, label in LABELLED.items():  # word -> a spike on the dimension of its label
            model.bert.embeddings.word_embeddings.weight[vocab.index(word), LABELS.index(label)] = 8.0
        for i in range(len(LABELS) - 1):
            model.classifier.weight[i, i] = 1.0
        model.classifier.bias[LABELS.index("O")] = 1.0
    model.save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt"), do_lower_case=False).save_pretrained(folder)
    return folder


@pytest.fixture
def camel_env(tmp_path, monkeypatch) -> Path:
    """A camel-tools data folder holding only an empty catalogue, and a throw-away HOME."""
    data = tmp_path / "camel_data"
    data.mkdir()
    (data / "catalogue.json").write_text(json.dumps({"version": "1.6", "packages": {}, "components": {}}))
    monkeypatch.setenv("CAMELTOOLS_DATA", str(data))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NEWSDIFF_CAMEL_NER_MODEL", raising=False)
    return data


@pytest.fixture
def offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _article() -> Article:
    title = "فلاديمير بوتين في وموسكو"
    body = ("قال الرئيس فلاديمير بوتين ، إن \u200f اجتماع وموسكو مع ممثلي للأمم المتحدة .\n"
            "في «اجتماع» ومعرض الرئيس .")
    text = title + "\n\n" + body
    sentences, pos = [], 0
    for i, (part, chunk) in enumerate([("title", title)] + [("body", s) for s in body.split("\n")]):
        start = text.index(chunk, pos)
        sentences.append(Sentence(i, start, start + len(chunk), chunk, part))
        pos = start + len(chunk)
    return Article(file="a.txt", path="a.txt", text=text, encoding="utf-8", sha256="0", sentences=sentences)


def test_tag_through_real_loader(tiny_model, camel_env, offline):
    from newsdiff.tagging.camel import CamelTagger, camel_status

    assert camel_status(tiny_model)[0]
    article = _article()
    found = CamelTagger(tiny_model).tag(article)
    for m in found:
        assert m.surface == article.text[m.start:m.end]
        assert article.sentence_at(m.start).index == m.sentence
        assert m.source == "camel"
    got = [(m.type, m.surface, m.key, m.sentence) for m in found]
    assert got == [
        ("person", "فلاديمير بوتين", key("فلاديمير بوتين"), 0),
        ("place", "موسكو", key("موسكو"), 0),  # و stripped: موسكو is a listed place
        ("person", "فلاديمير بوتين", key("فلاديمير بوتين"), 1),
        ("place", "موسكو", key("موسكو"), 1),
        ("org", "لأمم المتحدة", key("الأمم المتحدة"), 1),  # لل read as ل + ال
    ]  # the quote tagged B-PERS is punctuation only; ومعرض is MISC: both dropped


def test_tag_tokens_keeps_one_label_per_token(tiny_model, camel_env, offline):
    from newsdiff.tagging.camel import CamelTagger

    tags = CamelTagger(tiny_model).tag_tokens(["قال", "\u200f", "فلاديمير", "بوتين", "مجهول"])
    assert tags == ["O", "O", "B-PERS", "I-PERS", "O"]


def test_model_env_variable(tiny_model, camel_env, monkeypatch):
    from newsdiff.tagging.camel import camel_status

    monkeypatch.setenv("NEWSDIFF_CAMEL_NER_MODEL", str(tiny_model))
    ok, why = camel_status()
    assert ok and str(tiny_model) in why
    monkeypatch.setenv("NEWSDIFF_CAMEL_NER_MODEL", str(tiny_model / "nowhere"))
    ok, why = camel_status()
    assert not ok and "no such folder" in why


def test_status_without_data_names_what_is_missing(tmp_path, monkeypatch):
    from newsdiff.tagging.camel import camel_status

    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    monkeypatch.delenv("NEWSDIFF_CAMEL_NER_MODEL", raising=False)
    ok, why = camel_status()
    assert not ok
    assert str(tmp_path / "catalogue.json") in why
    assert "camel_data -i ner-arabert" in why and "NEWSDIFF_CAMEL_NER_MODEL" in why


def test_status_catalogue_without_model(tmp_path, monkeypatch):
    from newsdiff.tagging.camel import camel_status

    catalogue = {"version": "1.6", "packages": {},
                 "components": {"NamedEntityRecognition": {"default": "arabert",
                                                           "datasets": {"arabert": {"path": "ner/arabert"}}}}}
    (tmp_path / "catalogue.json").write_text(json.dumps(catalogue))
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    monkeypatch.delenv("NEWSDIFF_CAMEL_NER_MODEL", raising=False)
    ok, why = camel_status()
    assert not ok
    assert "'arabert' not installed" in why and str(tmp_path / "data" / "ner" / "arabert") in why


def test_no_data_is_a_one_line_user_error_without_network(tmp_path, monkeypatch, offline):
    from newsdiff.tagging.camel import CamelTagger

    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NEWSDIFF_CAMEL_NER_MODEL", raising=False)
    with pytest.raises(UserError) as err:
        CamelTagger()
    assert "\n" not in str(err.value) and "catalogue" in str(err.value)


def test_broken_model_is_a_one_line_user_error(tmp_path, camel_env, offline):
    from newsdiff.tagging.camel import CamelTagger

    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("config.json", "vocab.txt", "pytorch_model.bin"):
        (broken / name).write_text("not a model")
    tagger = CamelTagger(broken)
    with pytest.raises(UserError) as err:
        tagger.tag_tokens(["بوتين"])
    assert "\n" not in str(err.value) and str(broken) in str(err.value)


def test_light_imports():
    code = "import newsdiff.tagging.camel, newsdiff.doctor, sys; print('torch' in sys.modules)"
    env = dict(os.environ, PYTHONPATH=str(SRC))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_doctor_reports_camel_model(tmp_path, monkeypatch):
    from newsdiff.doctor import checks

    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    monkeypatch.delenv("NEWSDIFF_CAMEL_NER_MODEL", raising=False)
    found = {c.name: c for c in checks()}
    assert {"python", "built-in tagger", "camel-tools", "camel-tools NER model", "torch", "dateparser",
            "charset-normalizer"} <= set(found)
    assert not found["camel-tools NER model"].ok
    assert "camel_data -i ner-arabert" in found["camel-tools NER model"].detail


def test_model_folder_needs_no_catalogue(tiny_model, tmp_path):
    """camel-tools fetches a missing catalogue on import; with a model folder none is fetched."""
    code = ("import os, socket\n"
            "def refuse(*a, **k): raise AssertionError('network access attempted')\n"
            "socket.socket.connect = refuse\n"
            "from newsdiff.tagging.camel import CamelTagger\n"
            "print(CamelTagger().tag_tokens(['فلاديمير', 'بوتين', 'قال']), 'CAMELTOOLS_DATA' in os.environ)\n")
    env = {k: v for k, v in os.environ.items() if k != "CAMELTOOLS_DATA"}
    env.update(PYTHONPATH=str(SRC), HOME=str(tmp_path), NEWSDIFF_CAMEL_NER_MODEL=str(tiny_model))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['B-PERS', 'I-PERS', 'O'] False"


def test_cli_ingest_with_camel_tagger(tiny_model, camel_env, offline, monkeypatch, cli, tmp_path):
    monkeypatch.setenv("NEWSDIFF_CAMEL_NER_MODEL", str(tiny_model))
    page = tmp_path / "in" / "a.txt"
    page.parent.mkdir()
    page.write_text("فلاديمير بوتين في وموسكو\n\nقال الرئيس فلاديمير بوتين ، إن اجتماع وموسكو مع ممثلي للأمم المتحدة .\n",
                    encoding="utf-8")
    result = cli("ingest", str(page), "--tagger", "camel")
    assert result.exit_code == 0, result.output
    names = {(e["type"], e["name"]) for e in cli.json("entities")}
    assert ("person", "فلاديمير بوتين") in names and ("place", "موسكو") in names


def test_cli_camel_tagger_without_data_is_one_line(camel_env, offline, cli, tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("عنوان\n\nقال الرئيس إن الاجتماع كان مثمرا في العاصمة اليوم.\n", encoding="utf-8")
    result = cli("ingest", str(page), "--tagger", "camel")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "camel tagger unavailable" in result.output
    assert "camel_data -i ner-arabert" in result.output


def test_cli_doctor(camel_env, cli):
    result = cli("doctor", db=False)
    assert result.exit_code == 0
    assert "built-in tagger" in result.output and "camel-tools NER model" in result.output
    rows = json.loads(cli("doctor", "--json", db=False).stdout)
    assert any(r["name"] == "built-in tagger" and r["ok"] for r in rows)
