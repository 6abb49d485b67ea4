"""Both notebooks run top to bottom from a clean kernel, and git keeps them without outputs.

They run in a temporary folder (the database and figures land there, never in the repo), on the
seed articles. The kernel is the ``python3`` kernelspec; jupyter_client starts it with this
interpreter (``sys.executable``), and the first notebook checks that by printing ``sys.prefix``.
Needs the ``notebooks`` and ``analytics`` extras and a CJK font (the notebooks refuse to draw tofu).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FIGURES = {
    "01_quickstart": [
        "quickstart_cooccurrence", "quickstart_places_map", "quickstart_slogans", "quickstart_provinces",
        "quickstart_article_map",
    ],
    "02_corpus": ["corpus_slogans_over_time", "corpus_inspection_officials"],
}


def test_notebooks_are_there() -> None:
    assert {p.stem for p in NOTEBOOKS} == set(FIGURES)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; strip them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executes(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ipykernel")
    figures = tmp_path / "figures"
    # The kernel inherits this environment; the notebooks read their parameters from it.
    monkeypatch.setenv("POLICYIE_SEEDS", str(ROOT / "seeds"))
    monkeypatch.setenv("POLICYIE_CORPUS", str(ROOT / "seeds"))
    monkeypatch.delenv("POLICYIE_LIMIT", raising=False)
    monkeypatch.setenv("POLICYIE_DB", str(tmp_path / "corpus.duckdb"))
    monkeypatch.setenv("POLICYIE_FIGURES", str(figures))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    # The kernel imports this checkout, the code under test, whether or not it is pip-installed.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))

    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError, with the failing cell, on any error

    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    for name in FIGURES[path.stem]:
        png = figures / f"{name}.png"
        assert png.exists() and png.stat().st_size > 10_000, f"{name}.png not drawn"
    if path.stem == "01_quickstart":
        printed = "".join(
            o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream"
        )
        assert f"python: {sys.prefix}" in printed, "the kernel is not this interpreter"
    # Nothing was written next to the committed notebooks.
    assert not list((ROOT / "notebooks").glob("*.duckdb"))
