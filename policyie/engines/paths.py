"""Where policyie keeps its caches and finds its shipped model."""

from __future__ import annotations

import os
import pickle
from pathlib import Path


def write_cache(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # whole or absent: a concurrent reader never sees half a file
    except OSError:
        pass  # read-only home: build again next time


def prune_caches(directory: Path, pattern: str, keep: int) -> None:
    """Remove all but the ``keep`` newest files matching ``pattern``: a cache is keyed by what it was built
    from, so each install or version leaves its own behind."""
    try:
        files = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first, or a read-only home


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policyie"


def shipped_model_path() -> str:
    """The pipeline directory that ships with policyie (see models/README.md)."""
    from importlib import resources

    try:
        root = resources.files("policyie_models")
        path = os.fspath(root / "policyie_zh")
        if os.path.isfile(os.path.join(path, "config.cfg")):
            return path
    except ModuleNotFoundError:
        pass
    return "blank"
