"""Data that lives outside the package: the project's ``shared/`` folder beside a checkout.

Nothing policyie does at run time reads it. Rebuilding the lexicons (``scripts/build_*.py``), the NER
model (``policyie train``), the NER evaluation and the whole-corpus benchmark do, and a clone does not
have it. Those entry points check for what they need first and stop with one line that says what is
missing and where, exit code 2, instead of a traceback from deep inside::

    from policyie.shared_data import SHARED_DATA, require

    require([SHARED_DATA / "corpus" / "xwlb_2018_2026.jsonl.gz"], "the 新闻联播 corpus", "give another with --corpus")

Library code calls `need`, which raises `MissingData` (a `FileNotFoundError`) with the same message.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"


class MissingData(FileNotFoundError):
    """Input data a script or `policyie train` needs is not where it looks; the message says which."""


def message(paths: Iterable[str | Path], what: str, how: str | None = None) -> str | None:
    """The one-line complaint about the ``paths`` that do not exist, or None when all do."""
    missing = [Path(p) for p in paths if not Path(p).exists()]
    if not missing:
        return None
    where = ", ".join(str(p) for p in missing)
    line = f"needs {what}, but {where} {'is' if len(missing) == 1 else 'are'} not there"
    if any(_under(p, SHARED) for p in missing):
        line += " (the project's shared/ folder, beside the checkout: a clone does not have it)"
    if how:
        line += f"; {how}"
    return line


def need(paths: Iterable[str | Path], what: str, how: str | None = None) -> None:
    """Raise `MissingData` unless every one of ``paths`` exists."""
    line = message(paths, what, how)
    if line is not None:
        raise MissingData(line)


def require(paths: Iterable[str | Path], what: str, how: str | None = None, prog: str | None = None) -> None:
    """For scripts: unless every one of ``paths`` exists, print one line to stderr and exit with code 2."""
    line = message(paths, what, how)
    if line is not None:
        exit_missing(line, prog)


def exit_missing(line: str | MissingData, prog: str | None = None) -> None:
    print(f"{prog or Path(sys.argv[0]).name}: {line}", file=sys.stderr)
    raise SystemExit(2)


def _under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
