"""The tables of docs/schema.md as pandas DataFrames: from `Document`s (`frames`) or from what
`policyie.outputs.write` wrote (`read`), with the same columns and dtypes either way.

    >>> import policyie
    >>> tables = policyie.frames(policyie.extract_many(paths))     # {"documents": DataFrame, "officials": …}
    >>> policyie.outputs.write(docs, "out.duckdb")
    >>> policyie.read("out.duckdb")["officials"].groupby("name").size()

The rows are those of `policyie.outputs.tables.add_rows` (the Parquet and DuckDB writers' rows), and
every column gets one dtype by its schema type, whatever the source:

========  ===========================================================================
schema    pandas dtype
========  ===========================================================================
str       ``string`` (pandas' StringDtype; missing is ``pd.NA``)
int       ``Int64`` (nullable: ``officials.first_offset`` may be missing)
float     ``float64`` (missing is NaN)
bool      ``boolean`` (nullable)
date      ``datetime64[s]`` (the day at midnight, so ``.dt.year`` works)
str[]     ``object``: a Python ``list`` of ``str`` per row (``None`` when missing)
========  ===========================================================================

pandas is optional (``pip install 'policyie[analytics]'``); so are pyarrow (Parquet) and DuckDB.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policyie.outputs.tables import SCHEMA, TABLES, add_rows, empty_rows
from policyie.records import Document

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# pandas dtype per schema type; None: an object column, converted by `_list_column`.
DTYPES: dict[str, str | None] = {
    "str": "string",
    "int": "Int64",
    "float": "float64",
    "bool": "boolean",
    "date": "datetime64[s]",
    "str[]": None,
}


def frames(docs: Iterable[Document]) -> dict[str, pd.DataFrame]:
    """One DataFrame per table of docs/schema.md for ``docs`` (consumed once), with exactly the columns of
    `policyie.outputs.tables.SCHEMA` in its order, and the dtypes of `DTYPES`."""
    rows = empty_rows()
    for doc in docs:
        add_rows(rows, doc)
    return {t: _typed(t, _pandas().DataFrame(rows[t], columns=[c.name for c in SCHEMA[t]])) for t in TABLES}


def read(path: str | Path) -> dict[str, pd.DataFrame]:
    """The tables that `policyie.outputs.write` wrote to ``path``, as `frames` returns them.

    ``path`` is a DuckDB file (``.duckdb``/``.db``), a Parquet folder (``out.parquet``, the parts of
    each table read in name order), or a JSON Lines file of `Document`\\ s (``.jsonl``/``.json``/``.ndjson``,
    also gzipped). Rows come in the order they were written; a column that an older policyie did not
    write is all missing."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    name = path.name.lower()
    if path.is_dir():
        if name.endswith(".csv"):
            raise ValueError(f"{path}: reading CSV folders back is not supported; write Parquet or DuckDB instead")
        return _read_parquet(path)
    if name.endswith((".duckdb", ".db")):
        return _read_duckdb(path)
    if name.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz")):
        return frames(_read_jsonl(path))
    raise ValueError(
        f"cannot tell what {path} holds: pass a .duckdb/.db file, a .parquet folder or a .jsonl file"
    )


# -- sources ---------------------------------------------------------------------------------------


def _read_duckdb(path: Path) -> dict[str, pd.DataFrame]:
    try:
        import duckdb
    except ImportError:
        raise ImportError("reading DuckDB needs duckdb: pip install 'policyie[analytics]'") from None
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for t in TABLES:
            have = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [t]
            ).fetchall()}
            if not have:
                out[t] = _typed(t, _pandas().DataFrame(columns=[c.name for c in SCHEMA[t]]))
                continue
            cols = ", ".join(c.name if c.name in have else f"NULL AS {c.name}" for c in SCHEMA[t])
            # DuckDB keeps insertion order for a plain scan (preserve_insertion_order, on by default):
            # the rows come back in the order the writer inserted them, as `frames` lists them.
            rel = con.sql(f"SELECT {cols} FROM {t}")
            # DuckDB 2 names it to_arrow_table; 1.x fetch_arrow_table.
            to_arrow = getattr(rel, "to_arrow_table", None) or rel.fetch_arrow_table
            out[t] = _typed(t, to_arrow().to_pandas())
        return out
    finally:
        con.close()


def _read_parquet(root: Path) -> dict[str, pd.DataFrame]:
    from policyie.outputs.parquet import read_table  # imports pyarrow only when called

    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ImportError("reading Parquet needs pyarrow: pip install 'policyie[analytics]'") from None
    if not any((root / t).is_dir() for t in TABLES):
        raise ValueError(f"{root} is not a policyie Parquet folder: it has none of the folders {', '.join(TABLES)}")
    out = {}
    for t in TABLES:
        df = read_table(root, t).to_pandas()
        for c in SCHEMA[t]:
            if c.name not in df.columns:
                df[c.name] = None
        out[t] = _typed(t, df[[c.name for c in SCHEMA[t]]])
    return out


def _read_jsonl(path: Path) -> Iterable[Document]:
    import gzip
    import json

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield Document.from_dict(json.loads(line))


# -- dtypes ----------------------------------------------------------------------------------------


def _typed(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the columns of ``table`` in schema order, each converted to its `DTYPES` dtype.

    What this evens out: rows built in Python give object columns (lists, ``datetime.date``, ints with
    None); Arrow's ``to_pandas`` (Parquet, DuckDB) gives float64 for an int column with a null, NumPy
    arrays for lists, ``datetime.date`` objects for DATE and, with pandas 3, its own string dtype. Every
    value survives both routes (ints stay exact below 2**53, which offsets and counts are), so the
    conversion loses nothing."""
    pd = _pandas()
    out = {}
    for c in SCHEMA[table]:
        s = df[c.name] if c.name in df.columns else pd.Series([None] * len(df), dtype=object)
        dtype = DTYPES[c.type]
        if c.type == "str[]":
            out[c.name] = _list_column(s)
        elif c.type == "date":
            out[c.name] = pd.to_datetime(s.astype(object).where(s.notna(), None)).astype(dtype)
        elif c.type == "float":
            out[c.name] = pd.to_numeric(s.astype(object).where(s.notna(), None), errors="coerce").astype(dtype)
        else:
            out[c.name] = s.astype(object).where(s.notna(), None).astype(dtype)
    return pd.DataFrame(out, index=pd.RangeIndex(len(df)))


def _list_column(s: pd.Series) -> pd.Series:
    """Lists as Python lists of str: Arrow gives NumPy arrays, the rows give lists."""
    pd = _pandas()

    def one(v: Any) -> list[str] | None:
        if v is None or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, str):
            return [v]
        if isinstance(v, Mapping):
            return [str(x) for x in v.values()]
        return [str(x) for x in v]

    return pd.Series([one(v) for v in s.tolist()], dtype=object, index=pd.RangeIndex(len(s)))


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError("policyie.frames and policyie.read need pandas: pip install 'policyie[analytics]'") from None
    return pandas


__all__ = ["DTYPES", "frames", "read"]
