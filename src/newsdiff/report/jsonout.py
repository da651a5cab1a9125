"""JSON output: UTF-8, Arabic as written (no \\u escapes)."""
from __future__ import annotations

import json
import sys
from typing import Any


def dump(data: Any) -> None:
    """Print `data` as indented JSON on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
