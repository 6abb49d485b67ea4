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


# Regression floors for the check sets annotated before policyie saw them (each README keeps the first
# score: 0.899 headline for checkset_2026, 0.890 for checkset_fresh, 0.899 for checkset_ner, 0.893 for
# checkset_local, 0.927 for checkset_wide, the unseen-article estimates). They sit
# a little under today's figures, so a change that loses what their errors taught fails here.
CHECKSETS = {
    "checkset_2026": (24, {"headline_f1": 0.96, "officials": 0.97, "official_titles": 0.95, "meetings": 0.95,
                           "activities": 0.95, "slogans": 0.95},
                      {"meeting_hosts": 0.93, "published": 1.0}),
    "checkset_fresh": (12, {"headline_f1": 0.94, "officials": 0.97, "official_titles": 0.95, "meetings": 0.93,
                            "activities": 0.95},
                       {"meeting_hosts": 0.95, "activity_companions": 1.0, "published": 1.0}),
    "checkset_ner": (12, {"headline_f1": 0.94, "officials": 0.95, "official_titles": 0.92, "places": 0.86,
                          "meetings": 0.92, "activities": 0.95, "dates": 0.97},
                     {"meeting_hosts": 0.95, "meeting_date": 0.95, "activity_companions": 0.6, "published": 1.0}),
    "checkset_local": (12, {"headline_f1": 0.96, "officials": 0.97, "official_titles": 0.97, "authors": 0.95,
                            "places": 0.92, "meetings": 0.95, "activities": 0.95, "dates": 0.95},
                       {"meeting_hosts": 0.95, "meeting_date": 0.95, "activity_date": 0.95, "activity_companions": 0.95,
                        "published": 1.0}),
    "checkset_wide": (12, {"headline_f1": 0.95, "officials": 0.97, "official_titles": 0.95, "places": 0.88,
                           "meetings": 0.95, "activities": 0.95, "slogans": 0.95},
                      {"meeting_hosts": 0.95, "meeting_date": 0.95, "activity_date": 0.95, "published": 1.0}),
    "checkset_dec": (12, {"headline_f1": 0.94, "officials": 0.94, "official_titles": 0.93, "places": 0.90,
                          "meetings": 0.93, "activities": 0.95, "slogans": 0.88},
                     {"meeting_hosts": 0.93, "meeting_date": 0.95, "published": 1.0}),
    "checkset_dec2": (10, {"headline_f1": 0.93, "officials": 0.97, "official_titles": 0.93, "authors": 0.95,
                           "places": 0.84, "meetings": 0.95, "slogans": 0.95},
                      {"meeting_hosts": 0.95, "meeting_date": 0.9, "published": 1.0}),
    "checkset_dec3": (10, {"headline_f1": 0.94, "officials": 0.97, "official_titles": 0.95, "authors": 0.95,
                           "places": 0.85, "meetings": 0.95, "slogans": 0.92},
                      {"meeting_hosts": 0.95, "meeting_date": 0.85, "published": 1.0}),
    "checkset_dec4": (10, {"headline_f1": 0.96, "officials": 0.97, "official_titles": 0.97, "authors": 0.95,
                           "places": 0.92, "meetings": 0.97, "activities": 0.95, "slogans": 0.95},
                      {"meeting_hosts": 0.95, "meeting_date": 0.95, "activity_date": 0.95, "published": 1.0}),
    "checkset_dec5": (10, {"headline_f1": 0.95, "officials": 0.97, "official_titles": 0.97, "authors": 0.95,
                           "places": 0.87, "meetings": 0.97, "activities": 0.95, "slogans": 0.92},
                      {"meeting_hosts": 0.95, "meeting_date": 0.9, "published": 1.0}),
    "checkset_dec6": (10, {"headline_f1": 0.97, "officials": 0.99, "official_titles": 0.99, "authors": 0.99,
                           "places": 0.93, "meetings": 0.99, "activities": 0.99, "slogans": 0.96},
                      {"meeting_hosts": 0.99, "meeting_date": 0.8, "activity_companions": 0.99, "published": 1.0}),
    "checkset_dec7": (10, {"headline_f1": 0.96, "officials": 0.97, "official_titles": 0.98, "authors": 0.95,
                           "places": 0.92, "meetings": 0.95, "activities": 0.99, "slogans": 0.94},
                      {"meeting_hosts": 0.99, "meeting_date": 0.9, "published": 1.0}),
    "checkset_dec8": (10, {"headline_f1": 0.96, "officials": 0.99, "official_titles": 0.99, "authors": 0.99,
                           "places": 0.93, "dates": 0.98, "meetings": 0.97, "activities": 0.92, "slogans": 0.95},
                      {"meeting_hosts": 0.99, "meeting_date": 0.99, "published": 1.0}),
    "checkset_dec9": (10, {"headline_f1": 0.94, "officials": 0.99, "official_titles": 0.96, "authors": 0.99,
                           "places": 0.86, "dates": 0.98, "meetings": 0.9, "activities": 0.99, "slogans": 0.9},
                      {"meeting_hosts": 0.99, "meeting_date": 0.85, "published": 1.0}),
    "checkset_dec10": (10, {"headline_f1": 0.96, "officials": 0.99, "official_titles": 0.99, "authors": 0.99,
                            "places": 0.95, "dates": 0.95, "meetings": 0.95, "activities": 0.99, "slogans": 0.92},
                       {"meeting_hosts": 0.99, "meeting_date": 0.88, "published": 1.0}),
    "checkset_dec11": (10, {"headline_f1": 0.94, "officials": 0.99, "official_titles": 0.99, "authors": 0.99,
                            "places": 0.89, "dates": 0.97, "meetings": 0.89, "activities": 0.84, "slogans": 0.96},
                       # (2026-12-05: its gold makes one reception of 王毅分别会见 three ministers, later golds one per
                       # guest, as the code now does wherever the list writes a guest short; the split receptions also
                       # pair with other receptions of the gold, hence hosts and dates)
                       {"meeting_hosts": 0.84, "meeting_date": 0.84, "published": 1.0}),
    "checkset_dec12": (10, {"headline_f1": 0.955, "officials": 0.99, "official_titles": 0.97, "authors": 0.99,
                            "places": 0.87, "dates": 0.98, "meetings": 0.97, "activities": 0.99, "slogans": 0.91},
                       {"meeting_hosts": 0.99, "meeting_date": 0.85, "published": 0.9}),
    "checkset_dec13": (10, {"headline_f1": 0.97, "officials": 0.99, "official_titles": 0.99, "authors": 0.97,
                            "places": 0.93, "dates": 0.99, "meetings": 0.96, "activities": 0.99, "slogans": 0.95},
                       {"meeting_hosts": 0.99, "meeting_date": 0.94, "activity_companions": 0.99, "published": 1.0}),
    "checkset_dec14": (10, {"headline_f1": 0.97, "officials": 0.99, "official_titles": 0.99, "authors": 0.99,
                            "places": 0.88, "dates": 0.98, "meetings": 0.96, "activities": 0.99, "slogans": 0.97},
                       {"meeting_hosts": 0.99, "meeting_date": 0.89, "directives_recall": 0.97, "activity_companions": 0.99,
                        "published": 1.0}),
    "checkset_dec15": (10, {"headline_f1": 0.95, "officials": 0.99, "official_titles": 0.99, "authors": 0.99,
                            # (meetings: 韩正分别会见了基尔、图瓦德拉和恩杜瓦 is one reception in this gold, three in later
                            # ones and in the code since 2026-12-05)
                            "places": 0.87, "dates": 0.94, "meetings": 0.96, "activities": 0.9, "slogans": 0.94},
                       {"meeting_hosts": 0.99, "meeting_date": 0.99, "directives_recall": 0.89, "activity_companions": 0.99,
                        "published": 1.0}),
    "checkset_dec16": (10, {"headline_f1": 0.96, "officials": 0.99, "official_titles": 0.98, "authors": 0.99,
                            "places": 0.90, "dates": 0.92, "meetings": 0.97, "activities": 0.99, "slogans": 0.96},
                       {"meeting_hosts": 0.95, "meeting_date": 0.99, "directives_recall": 0.89, "activity_companions": 0.99,
                        "published": 1.0}),
    "checkset_dec17": (10, {"headline_f1": 0.97, "officials": 0.99, "official_titles": 0.99, "authors": 0.99,
                            "places": 0.89, "dates": 0.96, "meetings": 0.97, "activities": 0.99, "slogans": 0.95},
                       {"meeting_hosts": 0.99, "meeting_date": 0.99, "directives_recall": 0.93, "activity_companions": 0.99,
                        "published": 1.0}),
    "checkset_dec18": (10, {"headline_f1": 0.94, "officials": 0.99, "official_titles": 0.99, "authors": 0.99,
                            "places": 0.85, "dates": 0.96, "meetings": 0.99, "activities": 0.82, "slogans": 0.96},
                       {"meeting_hosts": 0.99, "meeting_date": 0.95, "directives_recall": 0.94, "activity_companions": 0.99,
                        "published": 1.0}),
    "checkset_dec19": (10, {"headline_f1": 0.94, "officials": 0.99, "official_titles": 0.95, "authors": 0.95,
                            "places": 0.86, "dates": 0.98, "meetings": 0.96, "activities": 0.9, "slogans": 0.96},
                       {"meeting_hosts": 0.94, "meeting_date": 0.88, "directives_recall": 0.87, "activity_companions": 0.99,
                        "published": 1.0}),
    "checkset_dec20": (10, {"headline_f1": 0.93, "officials": 0.99, "official_titles": 0.96, "authors": 0.97,
                            "places": 0.85, "dates": 0.97, "meetings": 0.97, "activities": 0.83, "slogans": 0.95},
                       {"meeting_hosts": 0.93, "meeting_date": 0.93, "directives_recall": 0.98, "activity_companions": 0.8,
                        "published": 1.0}),
    "checkset_dec21": (10, {"headline_f1": 0.93, "officials": 0.99, "official_titles": 0.98, "authors": 0.97,
                            "places": 0.8, "dates": 0.97, "meetings": 0.95, "activities": 0.9, "slogans": 0.91},
                       {"meeting_hosts": 0.94, "meeting_date": 0.94, "directives_recall": 0.96, "activity_companions": 0.99,
                        "published": 0.9}),
    "checkset_dec22": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 0.97, "authors": 1.0,
                            "places": 0.93, "dates": 0.99, "meetings": 0.97, "activities": 0.9, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.9, "activity_companions": 1.0,
                        "published": 1.0}),
    "checkset_dec23": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.88, "dates": 1.0, "meetings": 1.0, "activities": 1.0, "slogans": 0.95},
                       {"meeting_hosts": 0.94, "meeting_date": 0.94, "directives_recall": 0.97, "activity_companions": 1.0,
                        "published": 1.0}),
    "checkset_dec24": (10, {"headline_f1": 0.955, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.94, "dates": 0.98, "meetings": 0.97, "activities": 0.83, "slogans": 0.97},
                       {"meeting_hosts": 1.0, "meeting_date": 0.93, "directives_recall": 0.98, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_dec25": (10, {"headline_f1": 0.95, "officials": 0.99, "official_titles": 0.97, "authors": 1.0,
                            "places": 0.9, "dates": 1.0, "meetings": 1.0, "activities": 0.9, "slogans": 0.95},
                       {"meeting_hosts": 1.0, "meeting_date": 0.94, "directives_recall": 0.96, "activity_companions": 0.8,
                        "published": 1.0}),
    "checkset_dec26": (10, {"headline_f1": 0.95, "officials": 1.0, "official_titles": 0.98, "authors": 1.0,
                            "places": 0.88, "dates": 0.96, "meetings": 0.97, "activities": 0.9, "slogans": 0.98},
                       {"meeting_hosts": 0.93, "meeting_date": 1.0, "directives_recall": 0.89, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_dec27": (10, {"headline_f1": 0.975, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.93, "dates": 0.94, "meetings": 1.0, "activities": 1.0, "slogans": 0.97},
                       {"meeting_hosts": 0.93, "meeting_date": 1.0, "directives_recall": 0.97, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_dec28": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.92, "dates": 0.99, "meetings": 1.0, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_dec29": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.88, "dates": 0.93, "meetings": 0.96, "activities": 1.0, "slogans": 0.97},
                       {"meeting_hosts": 0.92, "meeting_date": 0.92, "directives_recall": 0.97, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_dec30": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.92, "dates": 0.97, "meetings": 1.0, "activities": 1.0, "slogans": 0.97},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_dec31": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 0.96,
                            "places": 0.90, "dates": 1.0, "meetings": 0.96, "activities": 1.0, "slogans": 0.95},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.97, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_jan01": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.93, "dates": 0.97, "meetings": 1.0, "activities": 1.0, "slogans": 0.96},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 0.9, "title": 1.0}),
    "checkset_jan02": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 0.99, "authors": 1.0,
                            "places": 0.93, "dates": 0.98, "meetings": 1.0, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.98, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_jan03": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.9, "dates": 1.0, "meetings": 1.0, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_jan04": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 0.98, "authors": 1.0,
                            "places": 0.85, "dates": 0.96, "meetings": 1.0, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.98, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_jan05": (10, {"headline_f1": 0.95, "officials": 0.98, "official_titles": 0.99, "authors": 0.97,
                            "places": 0.93, "dates": 0.98, "meetings": 0.96, "activities": 0.92, "slogans": 0.91},
                       {"meeting_hosts": 0.9, "meeting_date": 1.0, "directives_recall": 0.97, "activity_companions": 0.83,
                        "published": 1.0, "title": 1.0}),
    "checkset_jan06": (10, {"headline_f1": 0.94, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.82, "dates": 0.98, "meetings": 0.97, "activities": 0.9, "slogans": 0.93},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.96, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_jan07": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 0.99, "authors": 0.99,
                            "places": 0.88, "dates": 1.0, "meetings": 0.97, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.96, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    "checkset_jan08": (10, {"headline_f1": 0.96, "officials": 0.99, "official_titles": 0.98, "authors": 0.9,
                            "places": 0.9, "dates": 1.0, "meetings": 0.93, "activities": 1.0, "slogans": 0.96},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.92, "activity_companions": 0.75,
                        "published": 1.0, "title": 1.0}),
    "checkset_jan09": (10, {"headline_f1": 0.95, "officials": 1.0, "official_titles": 1.0, "authors": 0.97,
                            "places": 0.9, "dates": 0.95, "meetings": 0.97, "activities": 0.9, "slogans": 0.96},
                       {"meeting_hosts": 0.93, "meeting_date": 1.0, "directives_recall": 0.98, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.956 (24d775c), the estimate until jan11; these floors are its present scores
    "checkset_jan10": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.88, "dates": 1.0, "meetings": 1.0, "activities": 1.0, "slogans": 0.97},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.98, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.952 (42fcb42), the estimate until jan12/jan13; these floors are its present scores
    # (places 0.958 -> 0.941 on 2026-12-06, deliberately: a foreign city's one name now opens the zone it names, and
    # 的黎波里经济特区 is read whole where this gold lists the city alone; jan07's 比尔森新能源汽车产业园 is read whole as its gold has it)
    # (places down on 2026-12-07, deliberately: a township's named base, 红梅镇中药材初加工基地, is a place by SPEC §3 and read since
    # fae37d1; this gold, written before the sets began marking them, leaves it out)
    "checkset_jan11": (10, {"headline_f1": 0.96, "officials": 0.97, "official_titles": 0.95, "authors": 0.91,
                            "places": 0.93, "dates": 1.0, "meetings": 1.0, "activities": 0.9, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.97, "activity_companions": 0.8,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.909 (fbe32df), the estimate until jan13; these floors are its present scores
    "checkset_jan12": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 1.0, "authors": 0.97,
                            "places": 0.94, "dates": 0.97, "meetings": 0.97, "activities": 0.9, "slogans": 0.94},
                       {"meeting_hosts": 0.88, "meeting_date": 0.94, "directives_recall": 0.98, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.953 (7f97adb), the estimate until jan14; these floors are its present scores
    "checkset_jan13": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 1.0, "authors": 0.97,
                            "places": 0.88, "dates": 0.98, "meetings": 0.97, "activities": 0.9, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.97, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.932 (7a4ebc8), the estimate until jan15; these floors are its present scores
    "checkset_jan14": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 0.99, "authors": 1.0,
                            "places": 0.96, "dates": 1.0, "meetings": 0.97, "activities": 1.0, "slogans": 0.96},
                       {"meeting_hosts": 0.94, "meeting_date": 1.0, "directives_recall": 0.98, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.913 (3563547), the estimate until jan16; these floors are its present scores
    "checkset_jan15": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.89, "dates": 0.96, "meetings": 0.97, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 0.93, "meeting_date": 1.0, "directives_recall": 0.98, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.956 (79ceaa1), the estimate until jan17; these floors are its present scores
    "checkset_jan16": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.93, "dates": 0.99, "meetings": 1.0, "activities": 0.85, "slogans": 0.98},
                       {"meeting_hosts": 0.94, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.968 (3e88cbe), the estimate until jan18; these floors are its present scores
    "checkset_jan17": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 0.99, "authors": 1.0,
                            "places": 0.93, "dates": 0.97, "meetings": 1.0, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.948 (ff2c948), the estimate until jan19; these floors are its present scores
    "checkset_jan18": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.98, "dates": 1.0, "meetings": 1.0, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.945 (6440a8a), the estimate until jan20; these floors are its present scores
    "checkset_jan19": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.93, "dates": 1.0, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.901 (64c37c5; r08 lost to a crash), the estimate until jan21; these floors are its present
    # scores
    "checkset_jan20": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 1.0, "dates": 0.96, "meetings": 0.97, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 0.9, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.957 (a7ab9b8), the estimate until jan22; these floors are its present scores
    "checkset_jan21": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.9, "dates": 0.97, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.974 (16ba304), the estimate until jan23; these floors are its present scores
    "checkset_jan22": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.96, "dates": 1.0, "meetings": 0.95, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.931 (360e368), the estimate until jan24; these floors are its present scores
    "checkset_jan23": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 0.98, "authors": 1.0,
                            "places": 0.92, "dates": 0.93, "meetings": 1.0, "activities": 1.0, "slogans": 0.94},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.920 (8b53081; the session-start code scored 0.938), the estimate until jan25; these floors
    # are its present scores
    "checkset_jan24": (10, {"headline_f1": 0.96, "officials": 0.98, "official_titles": 0.98, "authors": 1.0,
                            "places": 0.96, "dates": 0.98, "meetings": 1.0, "activities": 0.83, "slogans": 0.97},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.9, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.934 (611eaf4), the estimate until jan26; these floors are its present scores
    "checkset_jan25": (10, {"headline_f1": 0.95, "officials": 0.98, "official_titles": 0.94, "authors": 0.92,
                            "places": 0.91, "dates": 0.99, "meetings": 1.0, "activities": 0.87, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.961 (2da1c44), the estimate until jan27; these floors are its present scores
    "checkset_jan26": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.95, "dates": 0.95, "meetings": 1.0, "activities": 0.92, "slogans": 0.97},
                       {"meeting_hosts": 0.87, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.971 (1353c6d; authors 0.647), the estimate until jan28; these floors are its present scores
    "checkset_jan27": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.95, "dates": 0.95, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.977 (1572ed3; authors 0.750), the estimate until jan29; these floors are its present scores
    "checkset_jan28": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.99, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.98, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.931 (01d3288), the estimate until jan30; these floors are its present scores
    # (places down on 2026-12-07, deliberately: a township's named base, 王稳庄镇小站稻种植基地, is a place by SPEC §3 and read since
    # fae37d1; this gold, written before the sets began marking them, leaves it out)
    "checkset_jan29": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.95, "dates": 0.98, "meetings": 0.94, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.934 (d107ed6), the estimate until jan31; these floors are its present scores
    "checkset_jan30": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.97, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.952 (24b9708), the estimate until jan32; these floors are its present scores
    "checkset_jan31": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.95, "dates": 0.99, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.911 (86e53f7), the estimate until jan33; these floors are its present scores
    # (dates 0.979 → 0.969 at the thirty-fourth stop: its 五一假期前 is the month, four other sets' the holiday's day)
    "checkset_jan32": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.92, "dates": 0.96, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.937 (ea45f6a), the estimate until jan34; these floors are its present scores
    "checkset_jan33": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.95, "dates": 0.98, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.913 (0e35977), the estimate until jan35; these floors are its present scores
    "checkset_jan34": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 0.98, "authors": 1.0,
                            "places": 0.91, "dates": 0.96, "meetings": 0.94, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "published": 1.0, "title": 1.0}),
    # its first score was 0.980 (0d9563f), the estimate until jan36; these floors are its present scores
    "checkset_jan35": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.99, "dates": 0.95, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score was 0.966 (c6705ce), the estimate until jan37; these floors are its present scores
    "checkset_jan36": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.98, "dates": 0.99, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score was 0.932 (4015119), the estimate until jan38; these floors are its present scores
    # (places down on 2026-12-07, deliberately: a township's named base, 番田镇大吴村铁棍山药种植基地, is a place by SPEC §3 and read since
    # fae37d1; this gold, written before the sets began marking them, leaves it out)
    "checkset_jan37": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.96, "dates": 0.89, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score was 0.973 (3cd7804), the estimate until jan39; these floors are its present scores
    # (places down on 2026-12-07, deliberately: a township's named base, 黄宅镇塘里村早稻育秧基地, is a place by SPEC §3 and read since
    # fae37d1; this gold, written before the sets began marking them, leaves it out)
    "checkset_jan38": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.95, "dates": 0.96, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score was 0.975 (4f0147e), the estimate until jan40; these floors are its present scores
    "checkset_jan39": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.96, "dates": 0.97, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score was 0.940 (5e22c46), the estimate until jan41; these floors are its present scores
    "checkset_jan40": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.95, "dates": 0.98, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 0.83, "meeting_date": 1.0, "directives_recall": 0.97, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score was 0.931 (e574d28), the estimate until jan42; these floors are its present scores
    "checkset_jan41": (10, {"headline_f1": 0.95, "officials": 0.98, "official_titles": 0.93, "authors": 1.0,
                            "places": 0.90, "dates": 0.97, "meetings": 1.0, "activities": 0.90, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.87, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score was 0.962 (63acb1f), the estimate until jan43; these floors are its present scores
    "checkset_jan42": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.94, "dates": 0.98, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score was 0.940 (e69d2ed), the estimate until jan44; these floors are its present scores
    "checkset_jan43": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.95, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.97, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score was 0.940 (c829f94), the estimate until jan45; these floors are its present scores
    "checkset_jan44": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.97, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.969 (6c89a26), was the estimate until jan46; these floors are its present scores
    "checkset_jan45": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 0.97, "authors": 1.0,
                            "places": 0.96, "dates": 1.0, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.975 (6f865a0, the twenty-second session's start code), was the estimate until jan47; these
    # floors are its present scores (dates 0.976 since the lunar festivals, 06ce462: its annotators wrote 端午节 where the
    # text has 端午节前后, which jan40's keep whole)
    "checkset_jan46": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.96, "dates": 0.97, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.978 (1276c88), was the estimate until jan48; these floors are its present scores
    "checkset_jan47": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.93, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.944 (ee4946a), was the estimate until jan49; these floors are its present scores
    "checkset_jan48": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.9, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.96, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.946 (02eb06f), was the estimate until jan50; these floors are its present scores
    "checkset_jan49": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.98, "dates": 0.91, "meetings": 1.0, "activities": 1.0, "slogans": 0.96},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.944 (1e05aa2), was the estimate until jan51; these floors are its present scores
    "checkset_jan50": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.87, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.973 (94408a5), was the estimate until jan52; these floors are its present scores
    "checkset_jan51": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.99, "dates": 0.94, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.951 (719d2bb), was the estimate until jan53; these floors are its present scores
    "checkset_jan52": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.98, "dates": 0.95, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.954 (1764a1c), was the estimate until jan54; these floors are its present scores
    "checkset_jan53": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.94, "dates": 0.98, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.927 (345b9df), was the estimate until jan55; these floors are its present scores
    "checkset_jan54": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 0.97, "authors": 1.0,
                            "places": 0.98, "dates": 0.95, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.947 (d1f481c), was the estimate until jan56; these floors are its present scores
    "checkset_jan55": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.95, "meetings": 1.0, "activities": 0.8, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.938 (2739ce7), was the estimate until jan57; these floors are its present scores
    "checkset_jan56": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 1.0, "dates": 0.94, "meetings": 1.0, "activities": 0.85, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.948 (7715e33), was the estimate until jan58; these floors are its present scores
    "checkset_jan57": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 1.0, "dates": 0.93, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.937 (0d97304), was the estimate until jan59; these floors are its present scores
    "checkset_jan58": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.91, "meetings": 1.0, "activities": 0.85, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.944 (306cc65), was the estimate until jan60; these floors are its present scores
    "checkset_jan59": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.89, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.964 (b7e01a7), was the estimate until jan61; these floors are its present scores
    "checkset_jan60": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.98, "dates": 0.93, "meetings": 1.0, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.972 (c487c0e), was the estimate until jan62; these floors are its present scores
    "checkset_jan61": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.98, "meetings": 0.95, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.961 (ce4b437), was the estimate until jan63; these floors are its present scores
    "checkset_jan62": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.93, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.957 (ec17a85), was the estimate until jan64; these floors are its present scores
    "checkset_jan63": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.91, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 0.62, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 0.85, "activity_places": 0.85, "published": 1.0, "title": 1.0}),
    # its first score, 0.967 (17d0d0b), was the estimate until jan65; these floors are its present scores
    "checkset_jan64": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.93, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 0.87, "directives_recall": 0.98, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.977 (9de03eb), was the estimate until jan66; these floors are its present scores
    "checkset_jan65": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 0.97, "authors": 1.0,
                            "places": 0.93, "dates": 1.0, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.963 (eb41c5a), was the estimate until jan67; these floors are its present scores
    "checkset_jan66": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.98, "dates": 1.0, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.981 (6eceba4), was the estimate until jan68; these floors are its present scores
    "checkset_jan67": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.95, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 0.85, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.964 (43e2046), was the estimate until jan69; these floors are its present scores
    "checkset_jan68": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.94, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 0.85, "published": 1.0, "title": 1.0}),
    # its first score, 0.977 (69bf5a4), was the estimate until jan70; these floors are its present scores
    "checkset_jan69": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.96, "dates": 0.98, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.978 (200a714), was the estimate until jan71; these floors are its present scores
    "checkset_jan70": (10, {"headline_f1": 0.99, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.96, "dates": 0.96, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.98, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 0.85, "published": 1.0, "title": 1.0}),
    # its first score, 0.962 (c793498), was the estimate until jan72; these floors are its present scores
    "checkset_jan71": (10, {"headline_f1": 0.97, "officials": 0.98, "official_titles": 0.98, "authors": 1.0,
                            "places": 0.98, "dates": 0.93, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 0.89, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.959 (d37c8d0), was the estimate until jan73; these floors are its present scores
    "checkset_jan72": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.94, "dates": 0.91, "meetings": 1.0, "activities": 1.0, "slogans": 0.98},
                       {"meeting_hosts": 1.0, "meeting_date": 0.87, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.965 (fc82e40), was the estimate until jan74; these floors are its present scores
    "checkset_jan73": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.94, "dates": 0.93, "meetings": 1.0, "activities": 0.92, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 0.87, "directives_recall": 0.98, "activity_companions": 1.0,
                        "activity_date": 0.83, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.963 (d5f3bd6), was the estimate until jan75; these floors are its present scores
    "checkset_jan74": (10, {"headline_f1": 0.96, "officials": 1.0, "official_titles": 0.98, "authors": 1.0,
                            "places": 0.91, "dates": 0.87, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 0.62, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 0.85, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.971 (fb69e39), was the estimate until jan76; these floors are its present scores
    "checkset_jan75": (10, {"headline_f1": 0.98, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.97, "dates": 0.94, "meetings": 1.0, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 1.0, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
    # its first score, 0.965 (e195a19), is the newest estimate; these floors are its present scores
    "checkset_jan76": (10, {"headline_f1": 0.97, "officials": 1.0, "official_titles": 1.0, "authors": 1.0,
                            "places": 0.94, "dates": 0.92, "meetings": 0.96, "activities": 1.0, "slogans": 1.0},
                       {"meeting_hosts": 1.0, "meeting_date": 1.0, "directives_recall": 1.0, "activity_companions": 1.0,
                        "activity_date": 0.85, "activity_places": 1.0, "published": 1.0, "title": 1.0}),
}


@pytest.mark.parametrize("name", sorted(CHECKSETS))
def test_checkset_floor(name: str, tmp_path: Path) -> None:
    """tests/checkset_*: national and local articles annotated before policyie saw them (see their READMEs)."""
    size, f1_floors, acc_floors = CHECKSETS[name]
    articles = sorted((ROOT / "tests" / name / "articles").iterdir())
    got = _score(articles, ROOT / "tests" / name / "gold", tmp_path / f"{name}.jsonl")
    assert got["docs"] == len(articles) == size and got["missing"] == []
    for field, floor in f1_floors.items():
        value = got[field] if field == "headline_f1" else got[field]["f1"]
        assert value >= floor, f"{field} = {value}"
    for field, floor in acc_floors.items():
        assert got[field]["acc"] >= floor, f"{field} = {got[field]}"


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
