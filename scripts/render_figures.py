"""Re-render the README figures (docs/figures/*.png) by executing the notebooks.

    python scripts/render_figures.py                      # both: quickstart on seeds/, corpus sample
    python scripts/render_figures.py --only 01             # just the quickstart figures
    python scripts/render_figures.py --corpus ../shared/data/corpus/xwlb_2018_2026.jsonl.gz --limit 3000 --workers 2

Each notebook runs from a clean kernel in a temporary folder (its database stays there); the
executed copies are not kept, so the committed notebooks stay without outputs. The figures
are the notebooks' own, saved where ``POLICYIE_FIGURES`` points. Needs the ``notebooks`` and
``analytics`` extras and a CJK font (Debian: ``apt-get install -y fonts-wqy-microhei``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "xwlb_2018_2026.jsonl.gz"


def run(notebook: Path, env: dict[str, str], timeout: int) -> None:
    os.environ.update(env)  # the kernel inherits this process's environment
    nb = nbformat.read(notebook, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["POLICYIE_DB"] = str(Path(tmp) / "corpus.duckdb")
        t0 = time.perf_counter()
        NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": tmp}}).execute()
    print(f"{notebook.name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=["01", "02"], help="run one notebook")
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus for notebook 02 (JSONL(.gz) or folder)")
    ap.add_argument("--limit", type=int, default=3000, help="articles sampled evenly from the corpus (0: all)")
    ap.add_argument("--workers", type=int, default=1, help="extraction processes in notebook 02")
    ap.add_argument("--out", default=str(ROOT / "docs" / "figures"), help="folder for the PNGs")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds allowed per cell")
    args = ap.parse_args(argv)
    if args.only in (None, "02"):
        sys.path.insert(0, str(ROOT))
        from policyie.shared_data import require

        require([args.corpus], "a corpus for notebook 02", "give one with --corpus, or render only the quickstart with --only 01")

    base = {
        "POLICYIE_FIGURES": str(Path(args.out).resolve()),
        "POLICYIE_SEEDS": str(ROOT / "seeds"),
        "MPLBACKEND": "Agg",
        # The kernel imports this checkout, whether or not it is pip-installed.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    if args.only in (None, "01"):
        run(ROOT / "notebooks" / "01_quickstart.ipynb", base, args.timeout)
    if args.only in (None, "02"):
        corpus = {
            "POLICYIE_CORPUS": str(Path(args.corpus).resolve()),
            "POLICYIE_LIMIT": str(args.limit) if args.limit else "",
            "POLICYIE_WORKERS": str(args.workers),
        }
        run(ROOT / "notebooks" / "02_corpus.ipynb", base | corpus, args.timeout)
    print(f"figures in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
