"""camel-tools' CAMeLBERT NER as a second name tagger.

    ok, why = camel_status()        # is the model usable? never touches the network
    tagger = CamelTagger()          # UserError with a one-line reason if not
    mentions = tagger.tag(article)  # persons, places, orgs as Mentions (source "camel")

The model is the camel-tools data package `ner-arabert` (default NER dataset of the
catalogue in the camel-tools data folder) or a local folder named by
`NEWSDIFF_CAMEL_NER_MODEL`. torch, transformers and `camel_tools.ner` are imported
on first use only.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Optional, Sequence

from ..conll import spans
from ..errors import UserError
from ..model import Article, Mention
from ..normalize import fold, key
from . import gazetteer
from .features import base_form, known, proclitic_splits

MODEL_ENV = "NEWSDIFF_CAMEL_NER_MODEL"
NER_COMPONENT = "NamedEntityRecognition"
NER_PACKAGE = "ner-arabert"
TYPES = {"PERS": "person", "LOC": "place", "ORG": "org"}
FIX = f"run `camel_data -i {NER_PACKAGE}` (needs the internet) or set {MODEL_ENV} to a local CAMeLBERT NER folder"
_EMPTY_CATALOGUE = {"version": "1.6", "packages": {}, "components": {}}
_PUNCT = re.compile(r"^[\W_]+$")

__all__ = ["CamelTagger", "camel_status", "data_dir", "MODEL_ENV"]


def data_dir() -> Path:
    """The camel-tools data folder, found as `camel_tools.data.catalogue` does."""
    if os.environ.get("CAMELTOOLS_DATA") is not None:
        return Path(os.environ["CAMELTOOLS_DATA"]).expanduser().absolute()
    if sys.platform == "win32":
        return Path(Path.home(), "AppData/Roaming/camel_tools")
    return Path(Path.home(), ".camel_tools")


def _model_problem(path: Path) -> Optional[str]:
    """What a BERT token-classifier folder lacks, or None if it looks complete."""
    if not path.is_dir():
        return "no such folder"
    missing = [f for f in ("config.json", "vocab.txt") if not (path / f).is_file()]
    if not any((path / f).is_file() for f in ("pytorch_model.bin", "model.safetensors")):
        missing.append("pytorch_model.bin or model.safetensors")
    return f"missing {', '.join(missing)}" if missing else None


def _catalogue_model() -> tuple[Optional[Path], str]:
    """Path of the catalogue's default NER model, or None and why not."""
    cat_path = data_dir() / "catalogue.json"
    if not cat_path.is_file():
        return None, f"no camel-tools catalogue at {cat_path}"
    try:
        component = json.loads(cat_path.read_text(encoding="utf-8"))["components"].get(NER_COMPONENT)
        if component is None:
            return None, f"camel-tools catalogue {cat_path} lists no {NER_COMPONENT} component"
        name = component["default"]
        return data_dir() / "data" / component["datasets"][name]["path"], f"camel-tools NER model {name!r}"
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return None, f"unreadable camel-tools catalogue {cat_path} ({type(exc).__name__}: {exc})"


def _find_model(model_path: Optional[str | Path]) -> tuple[Optional[Path], bool, str]:
    """(model folder, whether it comes from the catalogue, status line)."""
    for mod in ("camel_tools", "torch", "transformers"):
        if importlib.util.find_spec(mod) is None:
            return None, False, f"{mod} is not installed (pip install camel-tools)"
    given = model_path or os.environ.get(MODEL_ENV)
    if given:
        path = Path(given).expanduser()
        origin = "model" if model_path else MODEL_ENV
        problem = _model_problem(path)
        if problem:
            return None, False, f"{origin} {path}: {problem}; point it at a CAMeLBERT NER folder"
        return path, False, f"CAMeLBERT NER model at {path} (from {origin})"
    path, what = _catalogue_model()
    if path is None:
        return None, True, f"{what}: {FIX}"
    problem = _model_problem(path)
    if problem:
        return None, True, f"{what} not installed at {path} ({problem}): {FIX}"
    return path, True, f"{what} at {path}"


def camel_status(model_path: Optional[str | Path] = None) -> tuple[bool, str]:
    """Whether the CAMeLBERT NER model is usable, with a one-line reason. No network, no raise."""
    path, _, why = _find_model(model_path)
    return path is not None, why


def _first_line(exc: BaseException) -> str:
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def _import_ner():
    """Import `camel_tools.ner`; without a catalogue, behind a throw-away empty one.

    camel-tools reads its catalogue on import and downloads it when it is missing;
    a local model folder needs no catalogue, so none is fetched.
    """
    if "camel_tools.data" in sys.modules or (data_dir() / "catalogue.json").is_file():
        import camel_tools.ner as ner

        return ner
    saved = os.environ.get("CAMELTOOLS_DATA")
    with tempfile.TemporaryDirectory(prefix="newsdiff-camel-") as tmp:
        Path(tmp, "catalogue.json").write_text(json.dumps(_EMPTY_CATALOGUE), encoding="utf-8")
        os.environ["CAMELTOOLS_DATA"] = tmp
        try:
            import camel_tools.ner as ner
        finally:
            if saved is None:
                del os.environ["CAMELTOOLS_DATA"]
            else:
                os.environ["CAMELTOOLS_DATA"] = saved
    return ner


class CamelTagger:
    """CAMeLBERT NER via camel-tools; sentences of an article are tagged in one batch."""

    name = "camel"

    def __init__(self, model_path: Optional[str | Path] = None, batch_size: int = 32):
        path, from_catalogue, why = _find_model(model_path)
        if path is None:
            raise UserError(f"camel tagger unavailable: {why}")
        self._path, self._pretrained, self.batch_size = path, from_catalogue, batch_size
        self._ner = None

    def identity(self) -> str:
        """Which model this is (folder, file sizes and times), for versioning stored analyses."""
        files = sorted(f for f in self._path.iterdir() if f.is_file())
        return f"{self._path}:" + ",".join(f"{f.name}={f.stat().st_size}@{f.stat().st_mtime_ns}" for f in files)

    def _recognizer(self):
        if self._ner is None:
            try:  # any failure inside camel-tools/transformers/torch is a user-facing load error
                ner = _import_ner()
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # no "Loading weights" bar on the CLI's stderr
                self._ner = (ner.NERecognizer.pretrained(use_gpu=False) if self._pretrained
                             else ner.NERecognizer(str(self._path), use_gpu=False))
            except Exception as exc:
                raise UserError(f"cannot load the CAMeLBERT NER model from {self._path}: {_first_line(exc)}") from None
        return self._ner

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for each token of each sentence (one batched model call).

        Tokens BERT reads as nothing (e.g. a lone bidi mark) are labelled O.
        """
        ner = self._recognizer()
        kept = [[i for i, t in enumerate(s) if ner.tokenizer.tokenize(t)] for s in sentences]
        predicted = ner.predict([[s[i] for i in k] for s, k in zip(sentences, kept)], self.batch_size)
        out = []
        for sent, idx, labels in zip(sentences, kept, predicted):
            tags = ["O"] * len(sent)
            for i, label in zip(idx, labels):
                tags[i] = label
            out.append(tags)
        return out

    def tag_tokens(self, tokens: Sequence[str]) -> list[str]:
        """The model's BIO labels for one sentence of tokens (CoNLL evaluation)."""
        return self.tag_sentences([tokens])[0] if tokens else []

    def tag_many(self, articles: Sequence[Article]) -> list[list[Mention]]:
        """`tag` of each article."""
        return [self.tag(a) for a in articles]

    def tag(self, article: Article) -> list[Mention]:
        """Persons, places and organisations of every sentence, offsets into `article.text`."""
        from camel_tools.tokenizers.word import simple_word_tokenize

        text = article.text
        located = [_locate(text, s.start, simple_word_tokenize(text[s.start:s.end])) for s in article.sentences]
        tagged = self.tag_sentences([[text[a:b] for a, b in toks] for toks in located])
        mentions = []
        for sent, toks, tags in zip(article.sentences, located, tagged):
            words = [i for i, (a, b) in enumerate(toks) if not _PUNCT.match(text[a:b])]
            for label, s, e in spans(tags):
                inside = [i for i in words if s <= i < e]  # quotes and dashes at the edges go
                if label in TYPES and inside:
                    first, last = toks[inside[0]], toks[inside[-1]]
                    mentions.append(_mention(text, first, last[1], TYPES[label], sent.index))
        return mentions


def _locate(text: str, start: int, tokens: list[str]) -> list[tuple[int, int]]:
    """Offsets in `text` of tokens cut, in order, from the text beginning at `start`."""
    out, pos = [], start
    for tok in tokens:
        pos = text.index(tok, pos)
        out.append((pos, pos + len(tok)))
        pos += len(tok)
    return out


def _mention(text: str, first: tuple[int, int], end: int, typ: str, sentence: int) -> Mention:
    """A mention whose first word loses its proclitic (و ف ب ل ك، لل -> ال) when the rest is a name.

    The lexicon decides (`features.base_form`, as the built-in tagger does); an unlisted
    word is split only before the article (وبالجيش -> الجيش). The key gets ال back for لل.
    """
    start = first[0]
    k, offsets = fold(text[start:first[1]])
    gaz = gazetteer.load()
    n, base = base_form(k, gaz)
    if n == 0 and not known(k, gaz):
        n, base = next(((c, r) for c, r in reversed(proclitic_splits(k)) if r.startswith("ال") and len(r) >= 5), (0, k))
    start += offsets[n] if n else 0
    surface = text[start:end]
    restored = base[: len(base) - len(k) + n]  # the letters the reading adds back: "ا" for لل
    return Mention(type=typ, start=start, end=end, surface=surface, sentence=sentence,
                   key=restored + key(surface), source="camel")
