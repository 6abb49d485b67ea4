"""What the CLI was pointed at → a stream of articles (paths or corpus records), in a stable order.

Files, folders (every regular file below, hidden ones skipped), globs, ``-`` for stdin; a
``.jsonl`` (or ``.jsonl.gz``/``.ndjson``) file is a corpus of one article per line. Problems with one
input (a missing path, a bad JSONL line) become `Unreadable` items, so the batch carries on.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CORPUS_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass
class Unreadable:
    id: str
    reason: str
    message: str


Item = Path | dict | Unreadable


def iter_sources(specs: list[str], stdin: io.BufferedReader | None = None) -> Iterator[Item]:
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
                    yield from _file(p)
                elif p.is_symlink() and not p.exists():
                    yield Unreadable(p.stem, "not-found", f"{p}: broken symbolic link")
        elif path.is_file():
            yield from _file(path)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield Unreadable(spec, "no-match", f"{spec}: no file matches this pattern")
            for m in matches:
                if Path(m).is_file():
                    yield from _file(Path(m))
        else:
            yield Unreadable(path.stem or spec, "not-found", f"{spec}: no such file or folder")


def _file(path: Path) -> Iterator[Item]:
    if path.name.endswith(CORPUS_SUFFIXES):
        try:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
                yield from _records(fh, path.name.split(".")[0])
        except (OSError, EOFError, zlib.error) as exc:
            # A truncated or damaged archive: the records read before the damage are kept.
            yield Unreadable(path.stem, "unreadable", f"{path}: {exc or type(exc).__name__}")
    else:
        yield path


def _records(lines, stem: str) -> Iterator[Item]:
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
        rec.setdefault("id", f"{stem}:{n}")
        yield rec


def _stdin(stream) -> Iterator[Item]:
    from policyie.errors import InputError
    from policyie.normalize.decode import decode_bytes

    data = stream.read()
    try:
        text = decode_bytes(data, origin="stdin")
    except InputError as exc:
        yield Unreadable("stdin", exc.reason, str(exc))
        return
    first = text.lstrip()[:1]
    if first == "{":
        yield from _records(text.splitlines(), "stdin")
    else:
        yield {"text": text, "id": "stdin"}
