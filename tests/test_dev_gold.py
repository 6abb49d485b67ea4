"""End to end on the five dev articles, scored by the shared scorer (a copy in tests/score.py).

The floors are what the pipeline reaches now; a change that drops below one has broken something.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from policyie import extract

ROOT = Path(__file__).parent.parent

# The acceptance thresholds of the issues each field was built under (Foundation: headline 0.60;
# officials/authors, dates, places, events, slogans: their own), so a regression fails here.
FLOORS = {
    "headline_f1": 0.95,
    "officials": 0.95,
    "official_titles": 0.95,
    "authors": 1.0,
    "places": 0.95,
    "dates": 0.95,
    "dates_text": 0.98,
    "meetings": 0.95,
    "activities": 0.95,
    "slogans": 0.95,
}
ACCURACY_FLOORS = {
    "published": 1.0,
    "title": 1.0,
    "meeting_date": 1.0,
    "meeting_hosts": 1.0,
    "activity_date": 1.0,
    "directives_recall": 0.9,
}


def _score(articles: list[Path], gold: Path, out: Path) -> dict:
    with out.open("w", encoding="utf-8") as fh:
        for p in articles:
            fh.write(extract(p).to_json(ensure_ascii=False) + "\n")
    res = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "score.py"), str(out), str(gold), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(res.stdout)


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("dev") / "dev.jsonl"
    return _score(sorted((ROOT / "seeds").glob("*.txt")), ROOT / "tests" / "gold", out)


SYNTHETIC = ROOT / "tests" / "synthetic"


def test_independent_set_floor(tmp_path: Path) -> None:
    """tests/synthetic: articles annotated before policyie saw them (see its README)."""
    articles = sorted((SYNTHETIC / "articles").iterdir())
    got = _score(articles, SYNTHETIC / "gold", tmp_path / "synthetic.jsonl")
    assert got["docs"] == len(articles) == 49 and got["missing"] == []
    assert got["headline_f1"] >= 0.95, got["headline_f1"]
    assert got["published"]["acc"] == 1.0 and got["title"]["acc"] == 1.0


CHECKSET = ROOT / "tests" / "checkset_2026"
# Regression floors for the 2026-12 check set (its README has the first score, 0.899 headline): a little
# under today's figures, so a change that loses what its errors taught fails here.
CHECKSET_FLOORS = {"headline_f1": 0.95, "officials": 0.97, "official_titles": 0.95, "meetings": 0.95}


def test_checkset_2026_floor(tmp_path: Path) -> None:
    """tests/checkset_2026: national and local articles annotated before policyie saw them (see its README)."""
    articles = sorted((CHECKSET / "articles").iterdir())
    got = _score(articles, CHECKSET / "gold", tmp_path / "checkset.jsonl")
    assert got["docs"] == len(articles) == 24 and got["missing"] == []
    for field, floor in CHECKSET_FLOORS.items():
        value = got[field] if field == "headline_f1" else got[field]["f1"]
        assert value >= floor, f"{field} = {value}"
    assert got["meeting_hosts"]["acc"] >= 0.93 and got["published"]["acc"] == 1.0


FRESH = ROOT / "tests" / "checkset_fresh"
# Regression floors for the fresh check set (first score 0.890 headline, hosts 0.636: the unseen-article
# estimate, kept in its README), a little under what its errors taught.
FRESH_FLOORS = {"headline_f1": 0.91, "officials": 0.96, "meetings": 0.93}


def test_checkset_fresh_floor(tmp_path: Path) -> None:
    """tests/checkset_fresh: twelve articles annotated by a helper who never ran policyie (see its README)."""
    articles = sorted((FRESH / "articles").iterdir())
    got = _score(articles, FRESH / "gold", tmp_path / "fresh.jsonl")
    assert got["docs"] == len(articles) == 12 and got["missing"] == []
    for field, floor in FRESH_FLOORS.items():
        value = got[field] if field == "headline_f1" else got[field]["f1"]
        assert value >= floor, f"{field} = {value}"
    assert got["meeting_hosts"]["acc"] >= 0.9 and got["activity_companions"]["acc"] == 1.0


def test_every_gold_document_is_predicted(scores: dict) -> None:
    assert scores["docs"] == 5 and scores["missing"] == []


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_f1_floor(scores: dict, field: str) -> None:
    value = scores[field] if field == "headline_f1" else scores[field]["f1"]
    assert value >= FLOORS[field], f"{field} = {value}"


@pytest.mark.parametrize("field", sorted(ACCURACY_FLOORS))
def test_accuracy_floor(scores: dict, field: str) -> None:
    assert scores[field]["acc"] >= ACCURACY_FLOORS[field], scores[field]


def test_scorer_is_the_shared_one() -> None:
    spec = importlib.util.spec_from_file_location("score", ROOT / "tests" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.HEADLINE == ["officials", "official_titles", "places", "dates", "meetings", "activities", "slogans"]
