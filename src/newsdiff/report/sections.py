"""The comparison as rich renderables, one table per section, each row with its source."""
from __future__ import annotations

from typing import Any

from rich.rule import Rule
from rich.table import Table
from rich.text import Text

STATUS = {"conflict": "CONFLICT", "compatible": "compatible", "agree": "agree", "single": "one outlet"}


EXCERPT = 70  # characters shown on each side of a date in the timeline


def _excerpt(text: str, start: int, end: int) -> str:
    """The part of a sentence around [start, end) (offsets within `text`), with … where cut."""
    s, e = max(0, start - EXCERPT), min(len(text), end + EXCERPT)
    while s > 0 and not text[s - 1].isspace():
        s += 1
    while e < len(text) and not text[e].isspace():
        e -= 1
    return ("… " if s > 0 else "") + text[s:e].strip() + (" …" if e < len(text) else "")


def _src(row: dict[str, Any]) -> str:
    return f"{row['article']}:{row['sentence']}"


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _labels(comp) -> dict[str, str]:
    """Short column labels A, B, C ... for articles."""
    return {c["article"]: chr(ord("A") + i) if i < 26 else f"A{i}" for i, c in enumerate(comp.coverage)}


def render_comparison(comp) -> list[Any]:
    """Renderables for every section of `comp`, in reading order."""
    labels = _labels(comp)
    out: list[Any] = [Rule(Text(f"{comp.topic['title']} ({comp.topic['name']}): "
                                f"{len(comp.coverage)} articles"))]
    out.append(_coverage(comp, labels))
    out.append(_entities(comp, labels))
    if comp.roles:
        out.append(_roles(comp))
    out.append(_figures(comp))
    if comp.timeline:
        out.append(_timeline(comp))
    out += _claims(comp)
    if comp.quotes:
        out.append(_quotes(comp))
    return out


def _coverage(comp, labels) -> Table:
    t = _table("1. Coverage", "", "article", "outlet", "published", "sentences", "characters", "selected by")
    for c in comp.coverage:
        t.add_row(labels[c["article"]], c["article"], Text(c["outlet"] or c["source"] or "—"),
                  c["published"] or "undated", str(c["sentences"]), str(c["characters"]),
                  Text("؛ ".join(c["selected_by"])))
    return t


def _entities(comp, labels) -> Table:
    t = Table(title="2. Who and where (mentions per article; * only one article)", title_justify="left")
    t.add_column("type")
    t.add_column("name", overflow="fold")
    t.add_column("spellings", overflow="fold")
    for file, label in labels.items():
        t.add_column(label, justify="right")
    for row in comp.entities:
        star = " *" if row["only_in"] else ""
        t.add_row(row["type"], Text(row["name"] + star), Text("، ".join(row["surfaces"])),
                  *(str(row["mentions"].get(f) or "·") for f in labels))
    return t


def _roles(comp) -> Table:
    t = _table("3. Roles: how each outlet describes each actor", "actor", "role", "outlet", "source")
    for row in comp.roles:
        for i, r in enumerate(row["roles"]):
            name = row["name"] + (f" ({row['distinct_roles']} different roles)" if row["differ"] and not i else "")
            t.add_row(Text(name if not i else ""), Text(r["role"]), Text(r["outlet"]), _src(r))
    return t


def _figures(comp) -> Table:
    t = _table("4. Figures: the same quantity across outlets", "status", "unit", "value", "as written",
               "outlet", "source")
    for g in comp.figures:
        for i, v in enumerate(g["values"]):
            qual = {"more_than": "> ", "less_than": "< ", "about": "~ "}.get(v["qualifier"], "")
            t.add_row(STATUS[g["status"]] if not i else "", (g["unit"] or "") if not i else "",
                      f"{qual}{v['value']}" + (f" ({v['kind']})" if v["kind"] not in (None, "count") else ""),
                      Text(v["surface"]), Text(v["outlet"]), _src(v))
    return t


def _timeline(comp) -> Table:
    t = _table("5. Timeline", "date", "event", "outlets", "as written", "source")
    for e in comp.timeline:
        first = e["dates"][0]
        at = first["text"].find(first["surface"])
        dates = "؛ ".join(f"{d['surface']} = {d['value']}" for d in e["dates"])
        flag = " CONFLICT" if e["conflict"] else ""
        event = _excerpt(first["text"], at, at + len(first["surface"])) if at >= 0 else first["text"]
        t.add_row(e["date"] + flag, Text(event), Text("، ".join(e["outlets"])), Text(dates),
                  ", ".join(_src(d) for d in e["dates"]))
    return t


def _claims(comp) -> list[Any]:
    shared = _table("6. Claims several outlets report", "outlets", "sentence", "source")
    for c in comp.claims["shared"]:
        for i, s in enumerate(c["sentences"]):
            shared.add_row(Text(f"{len(c['outlets'])}: " + "، ".join(c["outlets"])) if not i else "",
                           Text(s["text"]), f"{_src(s)} ({s['outlet']})")
    alone = _table("   What each outlet alone says", "outlet", "sentence", "source")
    for file, rows in comp.claims["only"].items():
        for i, s in enumerate(rows):
            alone.add_row(Text(s["outlet"]) if not i else "", Text(s["text"]), _src(s))
    return [shared, alone]


def _quotes(comp) -> Table:
    t = _table("7. Quotes by speaker", "speaker", "said", "outlet", "source")
    for q in comp.quotes:
        for i, x in enumerate(q["quotes"]):
            t.add_row(Text(q["speaker"] + ("" if q["named"] else " (unnamed)")) if not i else "",
                      Text(x["text"]), Text(x["outlet"]), _src(x))
    return t
