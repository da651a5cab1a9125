"""The comparison as one self-contained HTML page: no scripts, no network at view time.

Every string that comes from an article or a topic file goes through `html.escape`,
so markup in scraped text shows as text and runs nothing. The page is right-to-left;
the timeline is drawn as an inline SVG.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, Iterable

from ..errors import UserError

STATUS = {"conflict": "تعارض", "compatible": "متوافق", "agree": "اتفاق", "single": "مصدر واحد"}
_CSS = """
body{font-family:"Noto Naskh Arabic","Amiri","Segoe UI",Tahoma,sans-serif;margin:2em;line-height:1.6;color:#222}
h1{font-size:1.5em}h2{border-bottom:2px solid #444;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0;width:100%}
th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:right;overflow-wrap:anywhere}
.wide{overflow-x:auto}
th{background:#eee}.conflict{background:#fdd}.compatible{background:#ffd}.agree{background:#dfd}
.single{background:#f4f4f4}.src{font-family:monospace;direction:ltr;unicode-bidi:isolate;font-size:.85em}
.only{font-weight:bold}.num{text-align:center}svg text{font-size:12px}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _ltr(value: Any) -> str:
    """A file name, date or number, kept left-to-right inside the right-to-left page."""
    return f'<bdi dir="ltr">{_e(value)}</bdi>'


def _t(value: Any) -> str:
    """Text from an article or a topic, escaped and isolated so its direction cannot spill."""
    return f"<bdi>{_e(value)}</bdi>"


QUALIFIERS = {"more_than": "أكثر من", "about": "نحو", "less_than": "أقل من"}


def _src(row: dict[str, Any]) -> str:
    return (f'<span class="src" title="characters {_e(row["start"])}-{_e(row["end"])}">'
            f'{_e(row["article"])}:{_e(row["sentence"])}</span>')


def _table(headers: Iterable[str], rows: Iterable[str]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    return f"<div class=wide><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"


def _labels(files: list[str]) -> dict[str, str]:
    """Short column labels A, B, C ... for articles (the coverage table gives the key)."""
    return {f: chr(ord("A") + i) if i < 26 else f"A{i}" for i, f in enumerate(files)}


def render_html(comp) -> str:
    """The whole page as a string."""
    d = comp.to_dict()
    files = [c["article"] for c in d["coverage"]]
    parts = [f"<h1>{_e(d['topic']['title'])}</h1>",
             f"<p>الموضوع <b>{_e(d['topic']['name'])}</b>: {len(files)} مقالات</p>",
             _coverage(d), _entities(d, files), _roles(d), _figures(d), _timeline(d), _claims(d), _quotes(d)]
    return ("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{_e(d['topic']['title'])}</title><style>{_CSS}</style></head><body>"
            + "\n".join(parts) + "</body></html>\n")


def write_html(comp, path: str) -> None:
    """Write the page to `path`."""
    try:
        Path(path).write_text(render_html(comp), encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{path}: cannot write the HTML report ({exc.strerror or exc})") from None


def _coverage(d) -> str:
    labels = _labels([c["article"] for c in d["coverage"]])
    rows = [f"<tr><td>{labels[c['article']]}</td><td>{_ltr(c['article'])}</td><td>{_e(c['title'])}</td><td>{_t(c['outlet'] or c['source'] or '')}</td>"
            f"<td>{_ltr(c['published']) if c['published'] else 'بلا تاريخ'}</td><td class=num>{c['sentences']}</td>"
            f"<td>{_e('؛ '.join(c['selected_by']))}</td></tr>" for c in d["coverage"]]
    return "<h2 id=coverage>1. التغطية</h2>" + _table(
        ["", "المقال", "العنوان", "المنفذ", "التاريخ", "جمل", "سبب الاختيار"], rows)


def _entities(d, files) -> str:
    rows = []
    for r in d["entities"]:
        cells = "".join(f"<td class=num>{r['mentions'].get(f) or '·'}</td>" for f in files)
        cls = " class=only" if r["only_in"] else ""
        rows.append(f"<tr><td>{_e(r['type'])}</td><td{cls}>{_e(r['name'])}</td>"
                    f"<td>{_e('، '.join(r['surfaces']))}</td>{cells}</tr>")
    return ("<h2 id=entities>2. من وأين: عدد الذكر في كل مقال (الخط العريض: مقال واحد فقط)</h2>"
            + _table(["النوع", "الاسم", "التهجئات", *_labels(files).values()], rows))


def _roles(d) -> str:
    rows = [f"<tr><td>{_t(r['name'])}</td><td>{_t(x['role'])}</td><td>{_t(x['outlet'])}</td><td>{_src(x)}</td></tr>"
            for r in d["roles"] for x in r["roles"]]
    return "<h2 id=roles>3. الأدوار كما يصفها كل منفذ</h2>" + _table(["الشخص", "الدور", "المنفذ", "المصدر"], rows)


def _figures(d) -> str:
    rows = []
    for g in d["figures"]:
        for i, v in enumerate(g["values"]):
            status = f"<td rowspan={len(g['values'])}>{STATUS[g['status']]}</td>" if not i else ""
            rows.append(f"<tr class={g['status']}>{status}<td>{_e(g['unit'])}</td><td>{QUALIFIERS.get(v['qualifier'], '')} "
                        f"{_ltr(v['value'])}</td><td>{_t(v['surface'])}</td><td>{_t(v['outlet'])}</td>"
                        f"<td>{_src(v)}</td></tr>")
    return "<h2 id=figures>4. الأرقام</h2>" + _table(["الحالة", "الوحدة", "القيمة", "كما كُتبت", "المنفذ", "المصدر"], rows)


def _timeline(d) -> str:
    events = d["timeline"]
    if not events:
        return "<h2 id=timeline>5. الخط الزمني</h2><p>لا توجد أحداث مؤرخة.</p>"
    height = 40 + 28 * len(events)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" viewBox="0 0 900 {height}" '
           f'role="img" aria-label="timeline" style="direction:ltr"><line x1="860" y1="20" x2="860" y2="{height - 10}" stroke="#444"/>']
    for i, e in enumerate(events):
        y = 30 + 28 * i
        color = "#c00" if e["conflict"] else "#06c"
        label = f"{e['date']} — {'، '.join(e['outlets'])}"
        svg.append(f'<circle cx="860" cy="{y}" r="6" fill="{color}"/>'
                   f'<text x="845" y="{y + 4}" text-anchor="end">{_e(label)}</text>')
    svg.append("</svg>")
    rows = [f"<tr{' class=conflict' if e['conflict'] else ''}><td>{_ltr(e['date'])}</td>"
            f"<td>{_e(e['dates'][0]['text'])}</td><td>{_e('؛ '.join(x['surface'] + ' = ' + x['value'] for x in e['dates']))}</td>"
            f"<td>{' '.join(_src(x) for x in e['dates'])}</td></tr>" for e in events]
    return ("<h2 id=timeline>5. الخط الزمني</h2>" + "".join(svg)
            + _table(["التاريخ", "الحدث", "كما كُتب", "المصدر"], rows))


def _claims(d) -> str:
    rows = []
    for c in d["claims"]["shared"]:
        for i, s in enumerate(c["sentences"]):
            head = f"<td rowspan={len(c['sentences'])}>{'، '.join(_t(o) for o in c['outlets'])}</td>" if not i else ""
            rows.append(f"<tr>{head}<td>{_e(s['text'])}</td><td>{_src(s)}</td></tr>")
    only = []
    for file, sentences in d["claims"]["only"].items():
        for s in sentences:
            only.append(f"<tr><td>{_t(s['outlet'])}</td><td>{_e(s['text'])}</td><td>{_src(s)}</td></tr>")
    return ("<h2 id=claims>6. ما تنقله عدة منافذ</h2>" + _table(["المنافذ", "الجملة", "المصدر"], rows)
            + "<h3>ما ينفرد به كل منفذ</h3>" + _table(["المنفذ", "الجملة", "المصدر"], only))


def _quotes(d) -> str:
    rows = [f"<tr><td>{_t(q['speaker'])}{'' if q['named'] else ' (غير مسمى)'}</td><td>{_e(x['text'])}</td>"
            f"<td>{_t(x['outlet'])}</td><td>{_src(x)}</td></tr>" for q in d["quotes"] for x in q["quotes"]]
    return "<h2 id=quotes>7. التصريحات حسب المتحدث</h2>" + _table(["المتحدث", "القول", "المنفذ", "المصدر"], rows)
