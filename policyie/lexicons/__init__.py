"""The package's lexicons: TSV files beside this module, built or curated by the scripts in ``scripts/``
(each file's first comment line names its script), read by one loader.

Callers turn rows into the structure they look things up in and cache that; the rows themselves are not
kept, so a large table (divisions, zones) costs memory only while it is being indexed.

The hand-curated word lists the rules read (``*_words.tsv``, ``numerals.tsv``) share one shape: columns
``list``, ``word`` and an optional ``value``, one word a line, so that a list is data a reviewer can read and
extend without touching code. ``lists`` and ``tables`` read them.
"""

from __future__ import annotations

import gzip
from pathlib import Path

HERE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """Where lexicon ``name`` (``posts.tsv``, ``villages/01.tsv.gz`` …) lies in the installed package."""
    return HERE / name


def rows(name: str, header: bool = False) -> list[list[str]]:
    """The data lines of lexicon ``name`` (gzipped when it ends in .gz) split on tabs. '#' comment lines and
    blank lines are skipped, and so is the first remaining line, the column names, when ``header`` is set."""
    if name.endswith(".gz"):
        with gzip.open(path(name), "rt", encoding="utf-8") as f:
            text = f.read()
    else:
        text = path(name).read_text(encoding="utf-8")
    out = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return out[1:] if header else out


def records(name: str) -> list[dict[str, str | None]]:
    """The data lines of lexicon ``name`` keyed by its column names (its first line that is not a comment);
    a short line's missing cells are None."""
    lines = rows(name)
    if not lines:
        return []
    names = lines[0]
    return [{k: (cells[i] if i < len(cells) else None) for i, k in enumerate(names)} for cells in lines[1:]]


def _list_rows(name: str) -> list[list[str]]:
    """The rows of a word-list lexicon (list, word[, value]), checked: a short or overlong line, an empty
    word or a word listed twice in one list is an error in the data, not something to skip."""
    out = rows(name)
    seen: set[tuple[str, str]] = set()
    for cells in out:
        if not 2 <= len(cells) <= 3 or not cells[0] or not cells[1]:
            raise ValueError(f"{name}: not a list, word[, value] line: {cells!r}")
        if (cells[0], cells[1]) in seen:
            raise ValueError(f"{name}: {cells[1]!r} listed twice in {cells[0]!r}")
        seen.add((cells[0], cells[1]))
    return out


def lists(name: str) -> dict[str, tuple[str, ...]]:
    """Word-list lexicon ``name`` as list name → its words, in file order (an order some rules rely on:
    the first suffix or head that matches wins)."""
    out: dict[str, list[str]] = {}
    for cells in _list_rows(name):
        out.setdefault(cells[0], []).append(cells[1])
    return {k: tuple(v) for k, v in out.items()}


def tables(name: str) -> dict[str, dict[str, str]]:
    """Word-list lexicon ``name`` as list name → {word: value}, in file order; a word without a value maps
    to the empty string."""
    out: dict[str, dict[str, str]] = {}
    for cells in _list_rows(name):
        out.setdefault(cells[0], {})[cells[1]] = cells[2] if len(cells) == 3 else ""
    return out
