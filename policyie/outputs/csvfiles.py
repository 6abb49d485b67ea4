"""CSV: a directory with one file per record type, ``<root>/<table>.csv``, the columns of docs/schema.md.

Spreadsheet users and analysts ask for CSV; like the Parquet output it is a folder, one table per file.
UTF-8 with a header row; list columns (``str[]``) hold a JSON array, so a list that contains commas or
quote marks reads back unchanged (``json.loads``); dates are ISO 8601; missing values are empty.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from policyie.outputs import WriteSummary, disk_size
from policyie.outputs.tables import SCHEMA, TABLES, write_in_batches
from policyie.records import Document


def write_csv(docs: Iterable[Document], root: str | Path, *, batch_size: int = 2000) -> WriteSummary:
    """Write ``docs`` to ``root``/<table>.csv, replacing the files a previous run left."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    summary = WriteSummary(str(root), "csv", rows=dict.fromkeys(TABLES, 0))
    files = {t: (root / f"{t}.csv").open("w", encoding="utf-8", newline="") for t in TABLES}
    try:
        writers = {t: csv.writer(f) for t, f in files.items()}
        for t, w in writers.items():
            w.writerow([c.name for c in SCHEMA[t]])
        write_in_batches(docs, summary, batch_size, lambda t, batch: writers[t].writerows(
            [_cell(c.type, r.get(c.name)) for c in SCHEMA[t]] for r in batch))
    finally:
        for f in files.values():
            f.close()
    summary.bytes = disk_size(root)
    return summary


def _cell(type_: str, v: object) -> object:
    if v is None:
        return ""
    if type_.endswith("[]"):
        return json.dumps(list(v), ensure_ascii=False)
    if type_ == "date":
        return v.isoformat() if hasattr(v, "isoformat") else str(v)
    if type_ == "bool":
        return "true" if v else "false"
    return v
