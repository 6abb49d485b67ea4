"""One article's records as readable terminal tables (`policyie show FILE`).

Reading records next to the sentences they came from is how an analyst checks an extraction,
so besides one table per record type the article text is printed with every span highlighted.
"""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from policyie.records import Document

# One style per span kind, so overlapping kinds stay distinguishable in the text view.
STYLES: dict[str, str] = {
    "official": "bold cyan",
    "place": "bold green",
    "date": "bold magenta",
    "slogan": "bold yellow",
    "directive": "underline",
}


def render(doc: Document, console: Console | None = None, *, why: bool = False) -> None:
    """Print ``doc``: metadata, one table per non-empty record type, then the highlighted text. ``why`` adds
    each record's evidence (the rule that made it) as a last column."""
    console = console or Console()
    console.print(_metadata(doc))
    for table in _tables(doc, why):
        console.print(table)
    console.print(_legend())
    console.print(Panel(highlight(doc), title="text", title_align="left"))


def _metadata(doc: Document) -> Table:
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    rows = [
        ("id", doc.id),
        ("title", doc.title),
        ("source", doc.source),
        ("published", doc.published),
        ("url", doc.url),
        ("authors", "、".join(doc.authors)),
        ("categories", "、".join(doc.categories)),
    ]
    for key, value in rows:
        meta.add_row(key, value or "—")
    return meta


def _join(items: list[str] | None) -> str:
    return "、".join(i for i in items or [] if i) or ""


def _table(title: str, columns: list[str], rows: list[list[object]]) -> Table:
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


def _tables(doc: Document, why: bool = False) -> list[Table]:
    specs: list[tuple[str, list[str], list[list[object]]]] = [
        (
            "officials",
            ["name", "titles", "org / post", "country", "id", "mentions"],
            [
                [
                    o.name,
                    _join([t.text for t in o.titles]),
                    _join([" ".join(p for p in (t.org, t.post) if p) for t in o.titles]),
                    o.country,
                    o.id,
                    len(o.mentions),
                ]
                for o in doc.officials
            ],
        ),
        (
            "places",
            ["name", "level", "code", "parent", "lat, lon", "mentions"],
            [
                [
                    p.name,
                    p.level,
                    p.code,
                    p.parent,
                    f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else "",
                    len(p.mentions),
                ]
                for p in doc.places
            ],
        ),
        (
            "dates",
            ["text", "value", "granularity", "interval", "part", "at"],
            [[d.text, d.value, d.granularity, "/".join(d.interval or []), d.part, d.start] for d in doc.dates],
        ),
        (
            "meetings",
            ["name", "kind", "date", "hosts", "attendees", "speakers", "place", "cited"],
            [
                [
                    m.name,
                    m.kind,
                    m.date,
                    _join(m.hosts),
                    _join(m.attendees),
                    _join(m.speakers),
                    m.place,
                    "yes" if m.referenced else "",
                ]
                for m in doc.meetings
            ],
        ),
        (
            "activities",
            ["kind", "actors", "companions", "places", "date", "topic"],
            [[a.kind, _join(a.actors), _join(a.companions), _join(a.places), a.date, a.topic] for a in doc.activities],
        ),
        (
            "slogans",
            ["text", "kind", "gloss", "mentions"],
            [[s.text, s.kind, s.gloss, len(s.mentions)] for s in doc.slogans],
        ),
        (
            "directives",
            ["speaker", "verb", "text", "slogans"],
            [[d.speaker, d.verb, d.text, _join(d.slogans)] for d in doc.directives],
        ),
    ]
    if why:  # the rule behind each record (evidence), in the order the rows were built from the fields
        specs = [(title, [*cols, "evidence"], [[*row, getattr(rec, "evidence", None)]
                                                for row, rec in zip(rows, getattr(doc, title), strict=True)])
                 for title, cols, rows in specs]
    return [_table(title, cols, rows) for title, cols, rows in specs if rows]


def _legend() -> Text:
    legend = Text("spans: ")
    for kind, style in STYLES.items():
        legend.append(kind, style=style)
        legend.append("  ")
    return legend


def highlight(doc: Document) -> Text:
    """``doc.text`` with each record's span styled by kind; spans out of range are skipped, not fatal."""
    text = Text(doc.text)
    n = len(doc.text)
    spans: list[tuple[int, int, str]] = [(d.start, d.end, "directive") for d in doc.directives]
    spans += [(m.start, m.end, "official") for o in doc.officials for m in o.mentions]
    spans += [(m.start, m.end, "place") for p in doc.places for m in p.mentions]
    spans += [(d.start, d.end, "date") for d in doc.dates]
    spans += [(m.start, m.end, "slogan") for s in doc.slogans for m in s.mentions]
    # Directives go first so the shorter entity spans inside them are styled on top.
    for start, end, kind in spans:
        if 0 <= start < end <= n:
            text.stylize(STYLES[kind], start, end)
    return text


def render_to_text(doc: Document, width: int = 120) -> str:
    """The rendering as plain text, for tests and for piping into other tools."""
    console = Console(record=True, width=width, force_terminal=False, color_system=None)
    with console.capture():
        render(doc, console)
    return console.export_text()


__all__ = ["STYLES", "highlight", "render", "render_to_text"]
