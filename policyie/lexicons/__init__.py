"""The package's lexicons: TSV files beside this module, built or curated by the scripts in ``scripts/``
(each file's first comment line names its script), read by one loader.

Callers turn rows into the structure they look things up in and cache that; the rows themselves are not
kept, so a large table (divisions, zones) costs memory only while it is being indexed.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """Where lexicon ``name`` (``posts.tsv``, ``villages/01.tsv.gz`` …) lies in the installed package."""
    return HERE / name


def rows(name: str, header: bool = False) -> list[list[str]]:
    """The data lines of lexicon ``name`` split on tabs. '#' comment lines and blank lines are skipped, and
    so is the first remaining line, the column names, when ``header`` is set."""
    out = [line.split("\t") for line in path(name).read_text(encoding="utf-8").splitlines()
           if line and not line.startswith("#")]
    return out[1:] if header else out


def records(name: str) -> list[dict[str, str | None]]:
    """The data lines of lexicon ``name`` keyed by its column names (its first line that is not a comment);
    a short line's missing cells are None."""
    lines = rows(name)
    if not lines:
        return []
    names = lines[0]
    return [{k: (cells[i] if i < len(cells) else None) for i, k in enumerate(names)} for cells in lines[1:]]
