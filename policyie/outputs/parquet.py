"""Parquet: a directory with one dataset per record type, ``<root>/<table>/part-NNNNN.parquet``.

One directory rather than one file because Parquet holds one table per file and analysts want
the record tables side by side; DuckDB reads them as ``read_parquet('out.parquet/officials/*.parquet')``
and pyarrow as ``pyarrow.dataset.dataset('out.parquet/officials')``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from policyie.outputs import WriteSummary, disk_size
from policyie.outputs.tables import TABLES, arrow_schema, arrow_table, write_in_batches
from policyie.records import Document


def write_parquet(
    docs: Iterable[Document], root: str | Path, *, part: int = 0, clear: bool = True, batch_size: int = 2000
) -> WriteSummary:
    """Write ``docs`` as part ``part`` of every table under ``root``, a row group per ``batch_size`` docs.

    ``clear`` removes the parts a previous run left (so a re-run replaces, never duplicates);
    `policyie.distributed` clears once and then writes one part per partition with ``clear=False``.
    """
    import pyarrow.parquet as pq

    root = Path(root)
    if clear:
        clear_parts(root)
    writers = {}
    for t in TABLES:
        (root / t).mkdir(parents=True, exist_ok=True)
        writers[t] = pq.ParquetWriter(root / t / part_name(part), arrow_schema(t), compression="zstd")
    summary = WriteSummary(str(root), "parquet", rows=dict.fromkeys(TABLES, 0))
    try:
        write_in_batches(docs, summary, batch_size, lambda t, batch: writers[t].write_table(arrow_table(t, batch)))
    finally:
        for w in writers.values():
            w.close()
    summary.bytes = disk_size(root)
    return summary


def part_name(part: int) -> str:
    return f"part-{part:05d}.parquet"


def clear_parts(root: Path) -> None:
    for t in TABLES:
        for p in (root / t).glob("part-*.parquet"):
            p.unlink()


def read_table(root: str | Path, table: str):  # -> pyarrow.Table, parts in order
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted((Path(root) / table).glob("part-*.parquet"))
    if not parts:
        return arrow_schema(table).empty_table()
    return pa.concat_tables([pq.read_table(p) for p in parts])
