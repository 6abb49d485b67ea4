"""A `Document` as HTML: in Jupyter (``Document._repr_html_``, `display`) and as a review page (`page`).

The text comes first, with the spans of officials, places, dates, meetings and slogans highlighted in
one colour per kind (displaCy's entity view is the model), then one compact table per record type.
Every piece of article text is HTML-escaped. Notebook output uses inline styles only, because
JupyterLab strips ``<style>`` blocks from untrusted output; the review page is one self-contained
file: its styles and script are inline and a Content-Security-Policy forbids every network request.

    >>> import policyie
    >>> policyie.display(doc, fields=["officials", "places"])   # in a notebook: rendered
    >>> str(policyie.display(doc))                              # elsewhere: the HTML as a string
    >>> from policyie.display import page
    >>> Path("page.html").write_text(page(doc), encoding="utf-8")  # `policyie show FILE --html -o page.html`
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from policyie.records import Document

# Record fields with spans in the text, in the order their marks win a tie (same start and end).
HIGHLIGHTED: tuple[str, ...] = ("officials", "places", "dates", "meetings", "slogans")
# Record fields that get a table, in the order shown.
FIELDS: tuple[str, ...] = ("officials", "places", "dates", "meetings", "activities", "slogans", "directives")


@dataclass(frozen=True)
class Kind:
    label: str  # what the mark's badge and the legend say
    colour: str  # background of the mark


# displaCy's colours for PERSON, GPE, DATE and EVENT; a pink of its palette for slogans.
KINDS: dict[str, Kind] = {
    "officials": Kind("official", "#aa9cfc"),
    "places": Kind("place", "#feca74"),
    "dates": Kind("date", "#bfe1d9"),
    "meetings": Kind("meeting", "#ffeb80"),
    "slogans": Kind("slogan", "#f7a8c8"),
}

_ids = itertools.count(1)


class HTML:
    """Rendered HTML: Jupyter shows it (``_repr_html_``), ``str()`` gives the markup anywhere else."""

    def __init__(self, markup: str) -> None:
        self.html = markup

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<policyie HTML, {len(self.html)} characters; str() gives the markup>"


def display(
    doc: Document, fields: str | Iterable[str] | None = None, *, text: bool = True, max_height: str = "26em"
) -> HTML:
    """``doc`` as HTML for a notebook: its metadata, its text with the spans of ``fields`` highlighted
    (in a box of at most ``max_height`` that scrolls, so long articles stay readable), and a table per
    field in ``fields`` (default: every record type). ``text=False`` leaves the text out."""
    chosen = _fields(fields)
    prefix = f"pie{next(_ids)}-"
    parts = [f'<div class="policyie" style="{_FONT}line-height:1.5;max-width:100%">', _header(doc, inline=True)]
    if text:
        parts.append(_legend(doc, chosen, inline=True))
        parts.append(
            f'<div class="pie-text" style="white-space:pre-wrap;overflow-wrap:anywhere;overflow-x:hidden;overflow-y:auto;max-height:{html.escape(max_height)};'
            'border:1px solid #ddd;border-radius:4px;padding:0.5em 0.75em;margin:0.5em 0;line-height:2.1">'
            f"{highlight(doc, chosen, prefix=prefix)}</div>"
        )
    parts.extend(_table(doc, f, prefix=prefix, inline=True, links=False) for f in chosen if getattr(doc, f))
    parts.append("</div>")
    return HTML("".join(parts))


def page(doc: Document, fields: str | Iterable[str] | None = None) -> str:
    """One self-contained HTML page for reviewing ``doc``: the highlighted text beside the records,
    each record linked to its span and, where the record carries ``evidence``, showing it.

    Nothing on the page reaches the network: styles and script are inline, there are no external
    URLs, and a Content-Security-Policy forbids every request besides inline styles and script."""
    chosen = _fields(fields)
    prefix = "pie-"
    title = doc.title or doc.id
    tables = "".join(_table(doc, f, prefix=prefix, inline=False, links=True) for f in chosen)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-Hans"><head><meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)} · policyie</title>\n<style>{_PAGE_CSS}</style></head>\n"
        '<body><div class="policyie">\n'
        f"{_header(doc, inline=False)}\n"
        '<main><section class="pie-left">'
        f"{_legend(doc, chosen, inline=False)}"
        f'<div class="pie-text" id="pie-text">{highlight(doc, chosen, prefix=prefix)}</div></section>\n'
        f'<section class="pie-records">{tables or "<p>no records</p>"}</section></main>\n'
        f"</div><script>{_PAGE_JS}</script></body></html>\n"
    )


# -- the highlighted text -------------------------------------------------------------------------


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # the Document field: officials, places, …
    record: int  # index of the record in that field's list
    mention: int  # index of the mention within the record (0 for records that are a span)
    title: str  # tooltip
    children: list[Mark] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.record}-{self.mention}"


def marks(doc: Document, fields: Sequence[str] = HIGHLIGHTED) -> list[Mark]:
    """The spans to highlight, for ``fields``; spans whose offsets do not fit ``doc.text`` are left out."""
    n = len(doc.text)
    out: list[Mark] = []

    def add(f: str, i: int, k: int, start: Any, end: Any, title: str) -> None:
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n:
            out.append(Mark(start, end, f, i, k, title))

    for f in fields:
        if f not in KINDS:
            continue
        for i, r in enumerate(getattr(doc, f)):
            tip = _TIPS[f](r)
            if f in ("dates", "meetings"):
                add(f, i, 0, r.start, r.end, tip)
            else:
                for k, m in enumerate(r.mentions):
                    add(f, i, k, m.start, m.end, tip)
    return out


def nest(spans: Iterable[Mark]) -> list[Mark]:
    """Arrange marks as a forest: a mark inside another becomes its child; of two marks that cross
    (each starts inside the other), the one that starts later (or, at the same start, is shorter) is
    dropped, so the markup stays well-formed. Returns the top-level marks in text order."""
    order = {f: i for i, f in enumerate(HIGHLIGHTED)}
    roots: list[Mark] = []
    stack: list[Mark] = []
    for m in sorted(spans, key=lambda m: (m.start, -m.end, order.get(m.kind, 99))):
        m.children = []
        while stack and stack[-1].end <= m.start:
            stack.pop()
        if stack and m.end > stack[-1].end:
            continue  # crosses the open mark
        (stack[-1].children if stack else roots).append(m)
        stack.append(m)
    return roots


def highlight(doc: Document, fields: Sequence[str] = HIGHLIGHTED, *, prefix: str = "pie-") -> str:
    """``doc.text`` as escaped HTML with a ``<mark>`` (inline-styled, with a label badge) per span."""
    text = doc.text
    out: list[str] = []

    def emit(nodes: list[Mark], start: int, end: int) -> None:
        pos = start
        for m in nodes:
            out.append(_e(text[pos : m.start]))
            kind = KINDS[m.kind]
            out.append(
                f'<mark id="{prefix}{m.id}" class="pie-mark pie-{kind.label}" data-kind="{kind.label}" '
                f'title="{_e(m.title)}" style="background:{kind.colour};color:#000;padding:0.15em 0.3em;'
                'margin:0 0.1em;border-radius:0.35em;box-decoration-break:clone;-webkit-box-decoration-break:clone">'
            )
            emit(m.children, m.start, m.end)
            out.append(
                '<span class="pie-badge" style="font-size:0.6em;font-weight:bold;line-height:1;'
                f'text-transform:uppercase;vertical-align:middle;margin-left:0.35em">{kind.label}</span></mark>'
            )
            pos = m.end
        out.append(_e(text[pos:end]))

    emit(nest(marks(doc, fields)), 0, len(text))
    return "".join(out)


# -- tooltips and tables --------------------------------------------------------------------------


def _join(items: Iterable[Any] | None) -> str:
    return "、".join(str(i) for i in items or [] if i)


def _dot(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p not in (None, "", []))


_TIPS: dict[str, Callable[[Any], str]] = {
    "officials": lambda o: _dot(o.name, _join(t.text for t in o.titles)),
    "places": lambda p: _dot(p.name, p.level, p.code, p.parent),
    "dates": lambda d: _dot(d.value, d.granularity, "/".join(d.interval or []), d.part),
    "meetings": lambda m: _dot(m.name, m.kind, m.date, "cited" if m.referenced else "held"),
    "slogans": lambda s: _dot(s.text, s.kind, s.gloss),
}


def _first_offset(record: Any) -> int | None:
    """Where the record's first span starts, for the table's link to the text."""
    if hasattr(record, "mentions"):
        return record.mentions[0].start if record.mentions else None
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    if isinstance(start, int) and isinstance(end, int) and start < end:
        return start
    return None


# (column, cell) per field; a cell is a function of the record.
_COLUMNS: dict[str, list[tuple[str, Callable[[Any], Any]]]] = {
    "officials": [
        ("name", lambda o: o.name),
        ("titles", lambda o: _join(t.text for t in o.titles)),
        ("org / post", lambda o: _join(" ".join(p for p in (t.org, t.post) if p) for t in o.titles)),
        ("country", lambda o: o.country),
        ("mentions", lambda o: len(o.mentions)),
    ],
    "places": [
        ("name", lambda p: p.name),
        ("level", lambda p: p.level),
        ("code", lambda p: p.code),
        ("parent", lambda p: p.parent),
        ("lat, lon", lambda p: f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else ""),
        ("mentions", lambda p: len(p.mentions)),
    ],
    "dates": [
        ("text", lambda d: d.text),
        ("value", lambda d: d.value),
        ("granularity", lambda d: d.granularity),
        ("interval", lambda d: "/".join(d.interval or [])),
        ("part", lambda d: d.part),
    ],
    "meetings": [
        ("name", lambda m: m.name),
        ("kind", lambda m: m.kind),
        ("date", lambda m: m.date),
        ("hosts", lambda m: _join(m.hosts)),
        ("attendees", lambda m: _join(m.attendees)),
        ("speakers", lambda m: _join(m.speakers)),
        ("place", lambda m: m.place),
        ("cited", lambda m: "yes" if m.referenced else ""),
    ],
    "activities": [
        ("kind", lambda a: a.kind),
        ("actors", lambda a: _join(a.actors)),
        ("companions", lambda a: _join(a.companions)),
        ("places", lambda a: _join(a.places)),
        ("date", lambda a: a.date),
        ("topic", lambda a: a.topic),
    ],
    "slogans": [
        ("text", lambda s: s.text),
        ("kind", lambda s: s.kind),
        ("gloss", lambda s: s.gloss),
        ("mentions", lambda s: len(s.mentions)),
    ],
    "directives": [
        ("speaker", lambda d: d.speaker),
        ("verb", lambda d: d.verb),
        ("text", lambda d: d.text),
        ("slogans", lambda d: _join(d.slogans)),
    ],
}

_CELL = "padding:0.15em 0.5em;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top"
_FONT = "font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','Microsoft YaHei',sans-serif;"


def _table(doc: Document, f: str, *, prefix: str, inline: bool, links: bool) -> str:
    """The records of field ``f`` as a table; a column empty in every row is left out (the record
    type's docs list it), except ``evidence``, shown whenever the records carry that attribute."""
    records = getattr(doc, f)
    columns = list(_COLUMNS[f])
    if any(hasattr(r, "evidence") for r in records):
        columns.append(("evidence", lambda r: _Raw(_evidence(getattr(r, "evidence", None)))))
    grid = [[_cell(fn(r)) for _, fn in columns] for r in records]
    keep = [j for j, (name, _) in enumerate(columns) if not grid or name == "evidence" or any(row[j] for row in grid)]
    cell = f' style="{_CELL}"' if inline else ""
    head = "".join(f"<th{cell}>{_e(columns[j][0])}</th>" for j in keep) + f"<th{cell}>at</th>"
    rows = []
    for i, (r, values) in enumerate(zip(records, grid, strict=True)):
        cells = "".join(f"<td{cell}>{values[j]}</td>" for j in keep)
        start = _first_offset(r)
        linked = links and start is not None and f in KINDS
        if start is None:
            at = ""
        elif linked:
            at = f'<a href="#{prefix}{f}-{i}-0">{start}</a>'
        else:
            at = str(start)
        target = f' data-target="{prefix}{f}-{i}-0"' if linked else ""
        rows.append(f"<tr{target}>{cells}<td{cell}>{at}</td></tr>")
    colour = KINDS[f].colour if f in KINDS else "#ccc"
    tstyle = ' style="border-collapse:collapse;font-size:0.85em;margin:0.2em 0 0.6em 0"' if inline else ""
    sstyle = f' style="cursor:pointer;font-weight:bold;border-left:0.6em solid {colour};padding-left:0.4em"' if inline else ""
    # In a notebook a long table scrolls in its own box, so a long article's records stay compact.
    box = ' style="max-height:18em;overflow:auto"' if inline else ""
    return (
        f'<details open class="pie-table" id="{prefix}table-{f}"><summary{sstyle} data-colour="{colour}">'
        f"{_e(f)} ({len(records)})</summary><div{box}><table{tstyle}><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></details>"
    )


class _Raw(str):
    """Markup already escaped."""


def _cell(value: Any) -> str:
    if isinstance(value, _Raw):
        return str(value)
    return "" if value is None else _e(str(value))


def _evidence(ev: Any) -> str:
    """A record's evidence, whatever its shape, escaped: a span-like object (text, start, end) or a
    mapping with ``text`` is a quote of the article; a string (the rule that made the record, such as
    ``title``) is shown as it is; a list shows each of its items."""
    if ev is None or ev == "" or ev == []:
        return ""
    if isinstance(ev, (list, tuple)):
        return "<br>".join(_evidence(x) for x in ev)
    if isinstance(ev, dict):
        if "text" in ev:
            return _evidence(_SpanLike(ev.get("text"), ev.get("start"), ev.get("end")))
        return "; ".join(f"{_e(str(k))}: {_e(str(v))}" for k, v in ev.items())
    text = getattr(ev, "text", None)
    if text is not None:
        start, end = getattr(ev, "start", None), getattr(ev, "end", None)
        where = f' <span class="pie-at">@{start}</span>' if isinstance(start, int) and isinstance(end, int) else ""
        return f'<q class="pie-evidence">{_e(str(text))}</q>{where}'
    return f'<span class="pie-evidence">{_e(str(ev))}</span>'


@dataclass
class _SpanLike:
    text: Any
    start: Any
    end: Any


# -- header and legend ------------------------------------------------------------------------------


def _header(doc: Document, *, inline: bool) -> str:
    meta = [
        ("id", doc.id),
        ("source", doc.source),
        ("published", doc.published),
        ("url", doc.url),  # text, never a link: the page requests nothing
        ("authors", _join(doc.authors)),
        ("categories", _join(doc.categories)),
    ]
    items = " · ".join(f"<b>{k}</b> {_e(str(v))}" for k, v in meta if v)
    h = ' style="margin:0.2em 0;font-size:1.15em"' if inline else ""
    m = ' style="color:#555;font-size:0.85em"' if inline else ""
    return f'<header><h3{h}>{_e(doc.title or doc.id)}</h3><div class="pie-meta"{m}>{items}</div></header>'


def _legend(doc: Document, fields: Sequence[str], *, inline: bool) -> str:
    chips = []
    for f in fields:
        if f not in KINDS:
            continue
        k = KINDS[f]
        style = (
            f' style="background:{k.colour};padding:0.1em 0.45em;border-radius:0.35em;margin-right:0.4em;'
            'font-size:0.8em;font-weight:bold"'
        )
        chips.append(
            f'<label class="pie-chip" data-kind="{k.label}"{style}>'
            + ("" if inline else f'<input type="checkbox" checked data-kind="{k.label}"> ')
            + f"{k.label} ({len(getattr(doc, f))})</label>"
        )
    return f'<div class="pie-legend">{"".join(chips)}</div>' if chips else ""


def _fields(fields: str | Iterable[str] | None) -> list[str]:
    if fields is None:
        return list(FIELDS)
    chosen = [fields] if isinstance(fields, str) else list(fields)
    unknown = [f for f in chosen if f not in FIELDS]
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(map(repr, unknown))}: choose from {', '.join(FIELDS)}")
    return [f for f in FIELDS if f in chosen]  # the canonical order


def _e(s: str) -> str:
    return html.escape(s, quote=True)


# -- the review page's own style and script -----------------------------------------------------------

_PAGE_CSS = (
    "body{margin:0;padding:1em 1.5em;background:#fafafa;color:#222;" + _FONT + "}"
    "header h3{margin:0 0 0.2em 0;font-size:1.35em}"
    ".pie-meta{color:#555;font-size:0.9em;margin-bottom:0.8em}"
    "main{display:grid;grid-template-columns:minmax(0,1fr);gap:1.2em}"
    ".pie-text{white-space:pre-wrap;overflow-wrap:anywhere;overflow-x:hidden;overflow-y:auto;max-height:70vh;background:#fff;border:1px solid #ddd;"
    "border-radius:6px;padding:0.8em 1em;line-height:2.2;font-size:1.05em}"
    "@media (min-width:1000px){main{grid-template-columns:minmax(0,11fr) minmax(0,9fr)}"
    ".pie-left{position:sticky;top:0.5em;align-self:start}"
    ".pie-text{max-height:calc(100vh - 7em)}}"
    ".pie-legend{margin:0 0 0.5em 0}.pie-chip{cursor:pointer;user-select:none}"
    ".pie-chip input{vertical-align:middle;margin:0 0.2em 0 0}"
    "mark.pie-flash{outline:3px solid #e0115f;outline-offset:1px}"
    ".pie-records{font-size:0.9em}"
    "details.pie-table{background:#fff;border:1px solid #ddd;border-radius:6px;margin:0 0 0.8em 0;padding:0.3em 0.6em;"
    "overflow-x:auto}"
    "details.pie-table summary{cursor:pointer;font-weight:bold;padding:0.2em 0}"
    "table{border-collapse:collapse;width:100%}"
    "th,td{" + _CELL + "}td{overflow-wrap:break-word}th{background:#f3f3f3;font-weight:600}"
    "tr[data-target]{cursor:pointer}tr[data-target]:hover{background:#f5f0ff}"
    "q.pie-evidence{color:#333;font-style:italic}.pie-at{color:#888;font-size:0.85em}"
    + "".join(f".pie-hide-{k.label} mark.pie-{k.label}{{background:transparent!important}}"
              f".pie-hide-{k.label} mark.pie-{k.label}>.pie-badge{{display:none}}" for k in KINDS.values())
)

_PAGE_JS = """
(function () {
  "use strict";
  var text = document.getElementById("pie-text");
  function show(id) {
    var m = document.getElementById(id);
    if (!m) { return; }
    m.scrollIntoView({block: "center", behavior: "smooth"});
    m.classList.add("pie-flash");
    setTimeout(function () { m.classList.remove("pie-flash"); }, 1600);
  }
  document.querySelectorAll("tr[data-target]").forEach(function (row) {
    row.addEventListener("click", function (ev) {
      ev.preventDefault();
      show(row.getAttribute("data-target"));
    });
  });
  document.querySelectorAll(".pie-legend input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("pie-hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });
})();
"""


__all__ = ["FIELDS", "HIGHLIGHTED", "HTML", "KINDS", "Mark", "display", "highlight", "marks", "nest", "page"]
