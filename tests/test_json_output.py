"""The JSON writer: the text of json.dumps(ensure_ascii=False, indent=2), whatever writes it."""
import io
import json
from dataclasses import dataclass

from newsdiff.report.jsonout import dump


@dataclass
class _Row:
    name: str
    values: tuple


def _written(data) -> str:
    out = io.StringIO()
    dump(data, out)
    return out.getvalue()


def test_text_is_the_standard_librarys():
    data = {"name": "رستم عمروف", "empty": [], "none": {}, "escapes": "\u0000\n\t\"\\",
            "numbers": [1, 0.1 + 0.2, 1e16, -3], "flags": [True, False, None], 5: "non-str key"}
    assert _written(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_dataclasses_are_written_as_their_fields():
    row = _Row("ترامب", (1, 2))
    assert json.loads(_written([row])) == [{"name": "ترامب", "values": [1, 2]}]


def test_what_orjson_refuses_still_comes_out():
    data = {"huge": 10 ** 40, "row": _Row("x", ())}
    assert json.loads(_written(data)) == {"huge": 10 ** 40, "row": {"name": "x", "values": []}}
