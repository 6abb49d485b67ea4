"""`Document` → one flat row set per record type: the schema Parquet and DuckDB outputs share.

The schema is declared once here (name, type, description per column); the Arrow schema, the
DuckDB DDL and docs/schema.md all derive from it, so they cannot drift apart. Every record table
carries ``doc_id`` and is keyed by it; tables whose records have no natural key also carry
``idx``, the record's position in its `Document` list, so (doc_id, idx) identifies a row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from policyie.outputs import WriteSummary
from policyie.records import Document


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # str, int, float, bool, date, str[]
    doc: str


def _c(name: str, type_: str, doc: str) -> Column:
    return Column(name, type_, doc)


_DOC_ID = _c("doc_id", "str", "`documents.id` of the article")
_IDX = _c("idx", "int", "position of the record in its document's list (0-based)")
# `start`/`end` are reserved words in SQL; offsets get unambiguous names that need no quoting.
_START = _c("start_offset", "int", "character offset in `documents.text` where the span starts")
_END = _c("end_offset", "int", "character offset where the span ends (exclusive)")

SCHEMA: dict[str, tuple[Column, ...]] = {
    "documents": (
        _c("id", "str", "document id (primary key): given id, file stem, or content hash"),
        _c("title", "str", "headline"),
        _c("source", "str", "publisher (新闻联播, 北京日报 …)"),
        _c("published", "str", "publication time as ISO 8601 text, with offset when a time is known"),
        _c("published_date", "date", "the calendar date of `published` (for GROUP BY year/month)"),
        _c("url", "str", "where the article was found"),
        _c("authors", "str[]", "reporters, writers, editors"),
        _c("categories", "str[]", "front-matter categories/tags"),
        _c("n_chars", "int", "length of `text` in characters"),
        _c("n_officials", "int", "number of officials"),
        _c("n_places", "int", "number of places"),
        _c("n_dates", "int", "number of date mentions"),
        _c("n_meetings", "int", "number of meetings"),
        _c("n_activities", "int", "number of activities"),
        _c("n_slogans", "int", "number of slogans"),
        _c("n_directives", "int", "number of directives"),
        _c("text", "str", "the cleaned Simplified article body all offsets refer to"),
    ),
    "officials": (
        _DOC_ID,
        _c("name", "str", "the person's name"),
        _c("titles", "str[]", "surface titles next to the name (市委书记, 总书记 …)"),
        _c("n_mentions", "int", "how often the name occurs in the article"),
        _c("first_offset", "int", "offset of the first mention (null when none was recorded)"),
        _c("country", "str", "the state or international body whose posts the person holds (中国, 法国, 联合国)"),
        _c("person_id", "str", "the knowledge base's key for the person, the same in every document (null: unknown)"),
        _c("evidence", "str", "which rule made the record (docs/records.md)"),
    ),
    "official_titles": (
        _DOC_ID,
        _c("name", "str", "the official's name (joins `officials` on doc_id, name)"),
        _c("title", "str", "surface title (市委副书记)"),
        _c("org", "str", "normalised organisation (北京市委), when known"),
        _c("post", "str", "normalised post (副书记), when known"),
    ),
    "places": (
        _DOC_ID,
        _c("name", "str", "canonical place name"),
        _c("level", "str", "country, province, city, district, town, village, zone, park, region, site, area"),
        _c("code", "str", "GB/T 2260 administrative code, where one exists"),
        _c("parent", "str", "the enclosing place"),
        _c("lat", "float", "latitude (WGS 84), when the gazetteer has it"),
        _c("lon", "float", "longitude"),
        _c("n_mentions", "int", "how often the place occurs in the article"),
        _c("evidence", "str", "which rule made the record (docs/records.md)"),
    ),
    "dates": (
        _DOC_ID,
        _IDX,
        _c("text", "str", "the date expression as written (昨天下午)"),
        _START,
        _END,
        _c("value", "str", "TIMEX-style value: 2022-06-06, 2022-06, 2022-Q3, XXXX-10-26, 2024-03-30/2024-03-31"),
        _c("granularity", "str", "day, month, quarter, half, year …"),
        _c("interval_start", "str", "first day of an explicit range, else null"),
        _c("interval_end", "str", "last day of an explicit range, else null"),
        _c("part", "str", "part of day as a TIMEX3 code: MO (上午, 早上 …), MI (中午), AF (下午), EV (晚上, 傍晚 …), NI (夜间, 凌晨 …)"),
        _c("evidence", "str", "which rule made the record (docs/records.md)"),
    ),
    "meetings": (
        _DOC_ID,
        _IDX,
        _c("name", "str", "meeting name"),
        _c("kind", "str", "会议, 常委会, 全会, 座谈会, 会见, 会谈 …"),
        _c("date", "str", "TIMEX value of the meeting date"),
        _c("hosts", "str[]", "who presided (主持)"),
        _c("attendees", "str[]", "who attended (出席, 列席, 参加)"),
        _c("speakers", "str[]", "who spoke (讲话, 强调, 指出)"),
        _c("place", "str", "where it was held"),
        _c("referenced", "bool", "true for a meeting only cited, false for one the article reports"),
        _START,
        _END,
        _c("evidence", "str", "which rule made the record (docs/records.md)"),
    ),
    "activities": (
        _DOC_ID,
        _IDX,
        _c("kind", "str", "调研, 视察, 考察, 检查, 走访 …"),
        _c("actors", "str[]", "who led it"),
        _c("companions", "str[]", "who went along (一同, 陪同)"),
        _c("places", "str[]", "where"),
        _c("date", "str", "TIMEX value of when"),
        _c("topic", "str", "what it was about"),
        _START,
        _END,
        _c("evidence", "str", "which rule made the record (docs/records.md)"),
    ),
    "slogans": (
        _DOC_ID,
        _c("text", "str", "canonical formulation without quote marks (两个确立)"),
        _c("kind", "str", "numbered, quoted, parallel"),
        _c("gloss", "str", "what it stands for, where known"),
        _c("n_mentions", "int", "how often it occurs in the article"),
        _c("evidence", "str", "which rule made the record (docs/records.md)"),
    ),
    "directives": (
        _DOC_ID,
        _IDX,
        _c("speaker", "str", "who issued it (a person or a meeting)"),
        _c("verb", "str", "强调, 指出, 要求 …"),
        _c("text", "str", "the instruction"),
        _START,
        _END,
        _c("slogans", "str[]", "slogans the instruction contains"),
        _c("evidence", "str", "which rule made the record (docs/records.md)"),
    ),
}

TABLES: tuple[str, ...] = tuple(SCHEMA)
Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    return {t: [] for t in TABLES}


Getter = Callable[[Document, int, Any], Any]


def _count_of(field: str) -> Getter:
    return lambda d, i, r: len(getattr(d, field))


# Columns read the same way in every table: the document's id, the record's position and offsets.
_COMMON: dict[str, Getter] = {
    "doc_id": lambda d, i, r: d.id,
    "idx": lambda d, i, r: i,
    "start_offset": lambda d, i, r: r.start,
    "end_offset": lambda d, i, r: r.end,
    "n_mentions": lambda d, i, r: len(r.mentions),
}
# Columns that are not an attribute of the record of the same name; every other column is.
_DERIVED: dict[str, dict[str, Getter]] = {
    "documents": {
        "published_date": lambda d, i, r: _date(d.published),
        "n_chars": lambda d, i, r: len(d.text),
        **{f"n_{f}": _count_of(f)
           for f in ("officials", "places", "dates", "meetings", "activities", "slogans", "directives")},
    },
    "officials": {
        "titles": lambda d, i, r: [t.text for t in r.titles],
        "first_offset": lambda d, i, r: min((m.start for m in r.mentions), default=None),
        "person_id": lambda d, i, r: r.id,
    },
    "official_titles": {  # a row per (official, title)
        "name": lambda d, i, r: r[0].name,
        "title": lambda d, i, r: r[1].text,
        "org": lambda d, i, r: r[1].org,
        "post": lambda d, i, r: r[1].post,
    },
    "dates": {
        "interval_start": lambda d, i, r: (r.interval or [None])[0],
        "interval_end": lambda d, i, r: (r.interval or [None, None])[1] if len(r.interval or []) > 1 else None,
    },
}


def _records(table: str, doc: Document) -> list[Any]:
    if table == "documents":
        return [doc]
    if table == "official_titles":
        return [(o, t) for o in doc.officials for t in o.titles]
    return getattr(doc, table)


@cache
def _getters() -> dict[str, list[tuple[Column, Getter | None]]]:
    """Each table's columns with how to compute them (None: the record's attribute of the column's name),
    worked out once rather than for every document."""
    return {table: [(c, _DERIVED.get(table, {}).get(c.name) or _COMMON.get(c.name)) for c in cols]
            for table, cols in SCHEMA.items()}


def add_rows(rows: Rows, doc: Document) -> None:
    """Append the rows of ``doc`` to ``rows`` (one list per table), column by column as SCHEMA lists them:
    a column is the record's attribute of that name unless `_COMMON` or `_DERIVED` says how to compute it."""
    for table, getters in _getters().items():
        out = rows[table]
        for i, rec in enumerate(_records(table, doc)):
            row: dict[str, Any] = {}
            for c, get in getters:
                v = get(doc, i, rec) if get is not None else getattr(rec, c.name)
                row[c.name] = list(v) if v is not None and c.type.endswith("[]") else v
            out.append(row)


def write_in_batches(docs: Iterable[Document], summary: WriteSummary, batch_size: int,
                     write: Callable[[str, list[dict]], None]) -> None:
    """Turn ``docs`` into table rows and hand each table's rows to ``write`` every ``batch_size`` documents
    and at the end, counting documents and rows in ``summary``: the loop every file output shares."""
    rows = empty_rows()

    def flush() -> None:
        for t, batch in rows.items():
            if batch:
                write(t, batch)
                summary.rows[t] += len(batch)
            batch.clear()

    for doc in docs:
        add_rows(rows, doc)
        summary.documents += 1
        if len(rows["documents"]) >= batch_size:
            flush()
    flush()


def _date(iso: str | None) -> date | None:
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


# -- derived schemas ----------------------------------------------------------------------------

_ARROW = {"str": "string", "int": "int64", "float": "float64", "bool": "bool_", "date": "date32"}
_SQL = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN", "date": "DATE", "str[]": "VARCHAR[]"}


def arrow_schema(table: str):  # -> pyarrow.Schema
    import pyarrow as pa

    def typ(t: str):
        return pa.list_(pa.string()) if t == "str[]" else getattr(pa, _ARROW[t])()

    return pa.schema([pa.field(c.name, typ(c.type)) for c in SCHEMA[table]])


def arrow_table(table: str, rows: list[dict[str, Any]]):  # -> pyarrow.Table
    import pyarrow as pa

    schema = arrow_schema(table)
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        # One extractor returning a wrong type (a str lat, an int name) must not sink a corpus run.
        return pa.Table.from_pylist([_coerce(table, r) for r in rows], schema=schema)


def _coerce(table: str, row: dict[str, Any]) -> dict[str, Any]:
    return {c.name: _coerce_value(c.type, row.get(c.name)) for c in SCHEMA[table]}


def _coerce_value(type_: str, v: Any) -> Any:
    if v is None:
        return None
    try:
        if type_ == "str":
            return v if isinstance(v, str) else str(v)
        if type_ == "str[]":
            return [x if isinstance(x, str) else str(x) for x in (v if isinstance(v, (list, tuple)) else [v])]
        if type_ == "int":
            return int(v)
        if type_ == "float":
            return float(v)
        if type_ == "bool":
            return bool(v)
        if type_ == "date":
            return v if isinstance(v, date) else _date(str(v))
    except (TypeError, ValueError):
        return None
    return v


def sql_add_missing(table: str, have: set[str]) -> list[str]:
    """ALTER statements adding the columns of ``table`` that a database written by an older version lacks."""
    return [f"ALTER TABLE {table} ADD COLUMN {c.name} {_SQL[c.type]}" for c in SCHEMA[table] if c.name not in have]


def sql_ddl(table: str) -> str:
    cols = [f"{c.name} {_SQL[c.type]}" for c in SCHEMA[table]]
    if table == "documents":
        cols[0] += " PRIMARY KEY"
    return f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cols)})"


def markdown() -> str:
    """The schema as Markdown tables (docs/schema.md embeds this)."""
    out: list[str] = []
    for table, cols in SCHEMA.items():
        out.append(f"### `{table}`\n\n| column | type | meaning |\n|---|---|---|")
        out.extend(f"| `{c.name}` | {_SQL[c.type]} | {c.doc} |" for c in cols)
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown())

