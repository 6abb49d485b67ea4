"""What the CLI was pointed at → a stream of articles (paths or corpus records), in a stable order.

Files, folders (every regular file below, hidden ones skipped), globs, ``-`` for stdin; a
``.jsonl`` (or ``.jsonl.gz``/``.ndjson``) file is a corpus of one article per line, and a table —
``.csv``, ``.tsv`` (either also ``.gz``) or ``.parquet`` — a corpus of one article per row. Problems
with one input (a missing path, a bad JSONL line, a row without text, a damaged file) become
`Unreadable` items, so the batch carries on.

Corpus records carry the keys `policyie.batch.extract_many` reads: ``text`` (else ``html``,
``content``, ``body``), ``id``, ``title``, ``url``, ``source`` and ``published`` (else ``pubtime``,
``date``, ``datetime``). A table's columns go by those names, in any case; `Columns` (the CLI's
``--text-column`` … ``--source-column``) names others. A record without an id gets
``<file stem>:<line or row number>``.
"""

from __future__ import annotations

import codecs
import csv
import glob
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from policyie.batch import PUBLISHED_KEYS, TEXT_KEYS

CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TABLE_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz", ".parquet")


@dataclass
class Unreadable:
    id: str
    reason: str
    message: str


Item = Path | dict | Unreadable


@dataclass(frozen=True)
class Columns:
    """Which column (or JSONL key) holds each field of a corpus record; None: the usual names."""

    text: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None

    def given(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


# The names each field goes by when no column is named, in the order `policyie.batch` tries them.
_FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "text": TEXT_KEYS,
    "id": ("id",),
    "title": ("title",),
    "url": ("url",),
    "source": ("source",),
    "published": PUBLISHED_KEYS,
}
_OPTION = {f: f"--{'date' if f == 'published' else f}-column" for f in _FIELD_KEYS}


def iter_sources(
    specs: list[str], stdin: io.BufferedReader | None = None, columns: Columns | None = None
) -> Iterator[Item]:
    for spec in specs:
        if spec == "-":
            yield from _stdin(stdin or sys.stdin.buffer)
            continue
        path = Path(spec)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in p.relative_to(path).parts):
                    continue
                if p.is_file():
                    yield from _file(p, columns)
                elif p.is_symlink() and not p.exists():
                    yield Unreadable(p.stem, "not-found", f"{p}: broken symbolic link")
        elif path.is_file():
            yield from _file(path, columns)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield Unreadable(spec, "no-match", f"{spec}: no file matches this pattern")
            for m in matches:
                if Path(m).is_file():
                    yield from _file(Path(m), columns)
        else:
            yield Unreadable(path.stem or spec, "not-found", f"{spec}: no such file or folder")


def _file(path: Path, columns: Columns | None = None) -> Iterator[Item]:
    if path.name.endswith(CORPUS_SUFFIXES):
        try:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
                yield from _records(fh, path.name.split(".")[0], columns)
        except (OSError, EOFError, zlib.error) as exc:
            # A truncated or damaged archive: the records read before the damage are kept.
            yield Unreadable(path.stem, "unreadable", f"{path}: {exc or type(exc).__name__}")
    elif path.name.lower().endswith(TABLE_SUFFIXES):
        yield from _table(path, columns or Columns())
    else:
        yield path


def _records(lines, stem: str, columns: Columns | None = None) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Unreadable(f"{stem}:{n}", "bad-json", f"{stem} line {n}: not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict):
            yield Unreadable(f"{stem}:{n}", "bad-json", f"{stem} line {n}: not a JSON object")
            continue
        if columns is not None and columns.given():
            rec = _renamed(rec, columns)
        rec.setdefault("id", f"{stem}:{n}")
        yield rec


def _renamed(rec: dict, columns: Columns) -> dict:
    """A JSONL record with the keys named by ``columns`` (any case) under the usual names; a named
    key replaces the usual ones for its field."""
    folded = {str(k).casefold(): k for k in rec}
    out = dict(rec)
    for field, usual in _FIELD_KEYS.items():
        wanted = getattr(columns, field)
        if not wanted:
            continue
        key = wanted if wanted in rec else folded.get(wanted.casefold())
        value = rec.get(key) if key is not None else None
        for k in usual:
            out.pop(k, None)
        if value is not None:
            out[field] = value
    return out


# -- tables: CSV, TSV, Parquet ---------------------------------------------------------------------


def _table(path: Path, columns: Columns) -> Iterator[Item]:
    """One record per row, in file order; the rows read before a damaged part are kept."""
    stem = path.name.split(".")[0]
    name = path.name.lower()
    try:
        if name.endswith(".parquet"):
            rows = _parquet_rows(path)
            if isinstance(rows, Unreadable):
                yield rows
                return
        else:
            rows = _csv_rows(path, "\t" if name.endswith((".tsv", ".tsv.gz")) else ",")
        header = next(rows, None)
        if header is None:
            yield Unreadable(stem, "empty", f"{path}: no header row")
            return
        plan = _plan(header, columns)
        if isinstance(plan, str):
            yield Unreadable(stem, "no-column", f"{path}: {plan}")
            return
        for n, row in enumerate(rows, 1):
            if not any(v not in (None, "") for v in row.values()):
                continue  # a blank line
            yield _row_record(row, plan, stem, n)
    except _TABLE_ERRORS as exc:
        yield Unreadable(path.stem, "unreadable", f"{path}: {exc or type(exc).__name__}")


def _plan(header: Iterable[str], columns: Columns) -> list[tuple[str, str]] | str:
    """(record key, column) pairs for a table's header, or what is wrong with it."""
    header = list(header)
    folded: dict[str, str] = {}
    for h in header:
        folded.setdefault(str(h).strip().casefold(), h)
    plan: list[tuple[str, str]] = []
    for field, usual in _FIELD_KEYS.items():
        wanted = getattr(columns, field)
        if wanted:
            col = wanted if wanted in header else folded.get(wanted.strip().casefold())
            if col is None:
                return f"no column {wanted!r} ({_OPTION[field]}); its columns are {', '.join(map(str, header))}"
            plan.append((field, col))
        else:
            plan.extend((k, folded[k]) for k in usual if k in folded)
    if not any(key in TEXT_KEYS for key, _ in plan):
        return (
            f"no text column ({', '.join(TEXT_KEYS)}, any case); its columns are {', '.join(map(str, header))}: "
            "name one with --text-column"
        )
    return plan


def _row_record(row: Mapping[str, object], plan: list[tuple[str, str]], stem: str, n: int) -> Item:
    rec: dict[str, object] = {}
    for key, col in plan:
        value = row.get(col)
        if value is not None and value != "":
            rec[key] = value
    rec.setdefault("id", f"{stem}:{n}")
    if not any(key in rec for key in TEXT_KEYS):
        cols = ", ".join(str(col) for key, col in plan if key in TEXT_KEYS)
        return Unreadable(str(rec["id"]), "no-text", f"{stem} row {n}: no text in column {cols}")
    return rec


def _csv_rows(path: Path, delimiter: str) -> Iterator:
    """The header (a list), then each row as a dict; UTF-8 (with or without BOM), else GB18030."""
    gz = path.name.lower().endswith(".gz")
    opener = gzip.open if gz else open
    head = b""
    with opener(path, "rb") as fh:
        try:  # a damaged archive: decide on what it gives before the damage (reported when the rows get there)
            while len(head) < 1 << 16 and (chunk := fh.read(4096)):
                head += chunk
        except (OSError, EOFError, zlib.error):
            pass
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "gb18030"  # what Excel saves a Chinese CSV as
    _allow_long_fields()
    with opener(path, "rt", encoding=encoding, errors="replace", newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            return
        yield header
        for cells in reader:
            yield dict(zip(header, cells, strict=False))


def _allow_long_fields() -> None:
    # csv's default limit is 128 KiB a field; an article may be up to 8 MiB.
    from policyie.normalize.decode import MAX_INPUT_BYTES

    if csv.field_size_limit() < 2 * MAX_INPUT_BYTES:
        csv.field_size_limit(2 * MAX_INPUT_BYTES)


def _parquet_rows(path: Path) -> Iterator | Unreadable:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return Unreadable(
            path.name.split(".")[0], "needs-extra",
            f"{path}: reading Parquet needs pyarrow: pip install 'policyie[analytics]'",
        )
    return _parquet_iter(pq, path)


def _parquet_iter(pq, path: Path) -> Iterator:
    pf = pq.ParquetFile(path)
    yield list(pf.schema_arrow.names)
    # A row group at a time (what is in memory), so that the groups before a damaged one are kept.
    for group in range(pf.num_row_groups):
        for batch in pf.read_row_group(group).to_batches(max_chunksize=256):
            for row in batch.to_pylist():
                yield {k: _plain(v) for k, v in row.items()}


def _plain(v: object) -> object:
    """A Parquet cell as JSON would carry it: dates and times as ISO strings."""
    iso = getattr(v, "isoformat", None)
    return iso() if callable(iso) and not isinstance(v, (str, bytes)) else v


# What a damaged table raises: I/O and archive errors, csv.Error, and pyarrow's ArrowInvalid (a
# ValueError), ArrowIOError (an OSError) and ArrowNotImplementedError.
_TABLE_ERRORS = (OSError, EOFError, zlib.error, csv.Error, ValueError, NotImplementedError)


def _stdin(stream) -> Iterator[Item]:
    from policyie.errors import InputError
    from policyie.normalize.decode import decode_bytes
    from policyie.normalize.documents import DocumentText

    data = stream.read()
    try:
        text = decode_bytes(data, origin="stdin")
    except InputError as exc:
        yield Unreadable("stdin", exc.reason, str(exc))
        return
    first = text.lstrip()[:1]
    if first == "{" and not isinstance(text, DocumentText):
        yield from _records(text.splitlines(), "stdin")
    else:
        yield {"text": text, "id": "stdin"}
