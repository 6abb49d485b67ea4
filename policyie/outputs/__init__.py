"""Write `Document`s for analysis: JSON lines, Parquet tables, or a DuckDB database.

    >>> from policyie.outputs import write
    >>> write(extract_many(paths), "out.duckdb")      # one table per record type, upsert by id

The format follows the suffix (``.jsonl``/``.json``/``.ndjson``, ``.parquet``, ``.duckdb``/``.db``)
unless ``fmt`` names it; ``.csv`` is a folder of CSV files, one per table. The table layout is `policyie.outputs.tables.SCHEMA` (docs/schema.md).
pyarrow and DuckDB are optional (``pip install policyie[analytics]``) and only imported here when
those formats are asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from policyie.records import Document

FORMATS = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".duckdb": "duckdb",
    ".db": "duckdb",
    ".csv": "csv",
}
# What each format needs beyond the core install, named in the error when it is missing.
EXTRAS = {"parquet": ("pyarrow", "analytics"), "duckdb": ("duckdb", "analytics")}


@dataclass
class WriteSummary:
    path: str
    fmt: str
    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)  # rows written per table (Parquet, DuckDB)
    bytes: int = 0  # size on disk after writing (a directory counts its files)


def detect_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(
            f"cannot tell the output format of {str(path)!r} from its suffix: end it in one of "
            f"{', '.join(FORMATS)}, or name the format (--format in the CLI, fmt= in Python)"
        )
    return FORMATS[suffix]


def write(
    docs: Iterable[Document], path: str | Path | IO[str], *, fmt: str | None = None, batch_size: int | None = None
) -> WriteSummary:
    """Write ``docs`` (any iterable; consumed once, streamed) to ``path`` and say what was written.

    - ``jsonl``: one `Document` JSON per line (a text stream such as ``sys.stdout`` works too).
    - ``parquet``: ``path`` is a directory holding ``<table>/part-00000.parquet`` per table,
      replaced on re-run; the same layout `policyie.distributed` writes with one part per partition.
    - ``duckdb``: one table per record type; re-running upserts by document id.
    """
    if fmt is None:
        fmt = "jsonl" if not isinstance(path, (str, Path)) else detect_format(path)
    if fmt not in FORMATS.values():
        raise ValueError(f"unknown output format {fmt!r}: {', '.join(sorted(set(FORMATS.values())))}")
    kw = {"batch_size": batch_size} if batch_size else {}
    if fmt == "jsonl":
        from policyie.outputs.jsonl import write_jsonl

        if isinstance(path, (str, Path)) and Path(path).is_dir():
            raise OutputError(f"{path} is a folder, but jsonl output is one file: choose another path")
        return write_jsonl(docs, path)
    if not isinstance(path, (str, Path)):
        raise TypeError(f"{fmt} output needs a path, not a stream")
    need = EXTRAS.get(fmt)
    if need is not None:
        try:
            __import__(need[0])
        except ImportError:
            raise OutputError(
                f"{fmt} output needs {need[0]}, which is not installed: pip install 'policyie[{need[1]}]'"
            ) from None
    _check_target(Path(path), fmt)
    if fmt == "csv":
        from policyie.outputs.csvfiles import write_csv

        return write_csv(docs, path, **kw)
    if fmt == "parquet":
        from policyie.outputs.parquet import write_parquet

        return write_parquet(docs, path, **kw)
    if fmt == "duckdb":
        from policyie.outputs.duck import write_duckdb

        return write_duckdb(docs, path, **kw)
    raise AssertionError(fmt)  # every format in FORMATS is handled above


class OutputError(ValueError):
    """The output cannot be written as asked: a missing optional package, or a path of the wrong kind."""


def _check_target(path: Path, fmt: str) -> None:
    """Parquet and CSV write a folder, DuckDB a file: an existing path of the other kind is an error that
    says so, rather than a NotADirectoryError from deep inside a writer."""
    if fmt in ("parquet", "csv") and path.exists() and not path.is_dir():
        raise OutputError(f"{path} exists and is a file, but {fmt} output is a folder of tables: choose another path")
    if fmt == "duckdb" and path.is_dir():
        raise OutputError(f"{path} is a folder, but duckdb output is one database file: choose another path")


def disk_size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.exists() else 0


__all__ = ["EXTRAS", "FORMATS", "OutputError", "WriteSummary", "detect_format", "disk_size", "write"]
