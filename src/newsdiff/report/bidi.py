"""Right-to-left text in the terminal, in tables and in plain lines.

Terminals differ: some apply the Unicode bidi algorithm themselves (GNOME Terminal
and other VTE ones, Konsole, Apple Terminal, mlterm), most do not (xterm, tmux,
kitty, Alacritty, Windows Terminal). Rendered output is fixed up line by line,
with each table cell (the text between rich's │ / ┃ borders) treated on its own:

- `logical` (for bidi terminals, and whenever output is not a terminal): text stays
  in logical order; an invisible LEFT-TO-RIGHT MARK is put on each side of every
  cell that holds Arabic, so the terminal's bidi algorithm cannot run two
  neighbouring Arabic cells together and swap them.
- `visual` (for the others): each cell line is shaped (arabic-reshaper) and put in
  display order (python-bidi), right-to-left, so it reads correctly on a
  terminal that draws characters left to right.

`auto` picks `visual` on a terminal not known to do bidi, else `logical`;
$NEWSDIFF_BIDI (auto, logical, visual) overrides.
"""
from __future__ import annotations

import os
import re

LRM = "\u200e"
_RTL = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
_BORDERS = re.compile(r"([│┃║|])")
MODES = ("auto", "logical", "visual")


def terminal_does_bidi(env: dict | None = None) -> bool:
    """Whether the terminal named by the environment is known to apply bidi itself."""
    env = os.environ if env is None else env
    if env.get("TMUX") or env.get("TERM", "").startswith("screen"):
        return False  # the multiplexer draws the screen, without bidi
    vte = env.get("VTE_VERSION", "")
    return bool((vte.isdigit() and int(vte) >= 5800) or env.get("KONSOLE_VERSION")
                or env.get("MLTERM") or env.get("TERM_PROGRAM") == "Apple_Terminal")


def choose_mode(is_tty: bool, env: dict | None = None) -> str:
    """The mode to use: $NEWSDIFF_BIDI if set, else by terminal."""
    env = os.environ if env is None else env
    wanted = env.get("NEWSDIFF_BIDI", "auto").lower()
    if wanted in ("logical", "visual"):
        return wanted
    return "visual" if is_tty and not terminal_does_bidi(env) else "logical"


def visual(text: str) -> str:
    """`text` shaped and in display order, right-to-left base direction."""
    if not _RTL.search(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text), base_dir="R")


def fix_line(line: str, mode: str) -> str:
    """One rendered line, fixed up for `mode` (see the module docstring)."""
    if mode not in ("logical", "visual") or not _RTL.search(line):
        return line
    parts = _BORDERS.split(line)
    for i in range(0, len(parts), 2):  # even parts are cell contents, odd ones borders
        seg = parts[i]
        if not _RTL.search(seg):
            continue
        if mode == "visual":
            body = seg.strip(" ")
            lead = len(seg) - len(seg.lstrip(" "))
            width = len(seg) - lead
            shown = visual(body)
            parts[i] = " " * lead + " " * max(0, width - len(shown) - 1) + shown + " " * min(1, width - len(shown))
        else:
            parts[i] = LRM + seg + LRM
    return "".join(parts)


def fix(text: str, mode: str) -> str:
    """All lines of `text` fixed up for `mode`."""
    return "\n".join(fix_line(line, mode) for line in text.split("\n"))
