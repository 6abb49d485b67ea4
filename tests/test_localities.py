"""Villages, sites and regions as places (tests/corpus/localities.yaml), and the village table's cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from corpus_cases import case_params, load_corpus

from policyie import extract
from policyie.extractors import _localities as L

CORPUS = load_corpus("localities.yaml")



@pytest.mark.parametrize(("case", "sentence"), list(case_params(CORPUS)))
def test_localities(case: dict, sentence: str) -> None:
    doc = extract(sentence, published="2024-04-30", kb=False)
    got = {p.name: p for p in doc.places}
    for want in case["places"]:
        name, level, *parent = want
        assert name in got, f"{name} not among {list(got)}"
        assert got[name].level == level
        if parent:
            assert got[name].parent == parent[0]
        for m in got[name].mentions:
            assert sentence[m.start : m.end] == m.text
    for name in case.get("absent", []):
        assert name not in got, f"{name} taken as a place"


@pytest.mark.parametrize("sentence", ["通城地处湘鄂赣省际交界地区。", "修水县位于湘鄂赣三省交界地区。"])
def test_a_listed_province_run_is_mentioned_with_the_area_where_they_meet(sentence: str) -> None:
    # 湘鄂赣 is in the region list; the area phrase after it (省际交界地区) is part of the mention, as for any run
    (run,) = [p for p in extract(sentence, kb=False).places if p.name == "湘鄂赣"]
    assert [m.text for m in run.mentions] == [sentence[sentence.index("湘"):-1]]


def test_corpus_has_twenty_sentences_per_class() -> None:
    per: dict[str, int] = {}
    for case in CORPUS["cases"]:
        for _, level, *_ in case["places"]:
            per[level] = per.get(level, 0) + len(case["say"])
    assert all(per.get(k, 0) >= 20 for k in ("village", "site", "region")), per


def test_the_village_cache_is_rebuilt_when_damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(L, "_DB", None)
    assert L.villages_named("十八洞村") == (("双龙镇", "433124"),)
    (db,) = (tmp_path / "policyie").glob("villages-*.sqlite")
    L._DB[1].close()
    db.write_bytes(b"not a database")  # damaged, or another program's file
    monkeypatch.setattr(L, "_DB", None)
    assert L.villages_named("下姜村") == (("枫树岭镇", "330127"),)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta").fetchone() == (L._DB_FORMAT,)


def test_without_a_writable_cache_the_shards_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # a file where the cache folder would go
    monkeypatch.setattr(L, "_DB", None)
    assert L.villages_named("十八洞村") == (("双龙镇", "433124"),)
    assert L._DB is not None and L._DB[1] is None
    monkeypatch.setattr(L, "_DB", None)


def test_a_countys_townships_from_the_file_and_from_the_shards_agree(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """馆陶县 (130433): the village table still files villages under 王桥乡 and 寿山寺乡, merged since."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(L, "_DB", None)
    L.townships_of.cache_clear()
    from_file = L.townships_of("130433")
    assert {"王桥乡", "寿山寺乡", "柴堡镇"} <= from_file
    assert from_file == L._shard_townships()["130433"]
    L.townships_of.cache_clear()
    monkeypatch.setattr(L, "_DB", None)


@pytest.mark.parametrize(("text", "end"), [
    ("兴化市缸顾乡千垛景区", 6),  # a township no table holds, right after its county
    ("桐庐县把分水镇打造成制笔小镇。", None),  # 把, a word of its own, before a township the gazetteer holds
])
def test_a_township_after_its_county_opens_with_no_glued_preposition(text: str, end: int | None) -> None:
    from policyie import nlp
    from policyie.extractors._county_townships import _township_end

    assert _township_end(text, nlp.analyse(text), 3) == end


@pytest.mark.parametrize(("text", "short_end", "village"), [
    ("在龙潭畲族乡岭背村，他走访畲族群众。", 3, "岭背村"),  # the township's short form, its peoples' kind after it
    ("在石门回族镇新庄村，他察看冬季取暖。", 3, "新庄村"),
    ("在石门镇新庄村，他察看冬季取暖。", 4, "新庄村"),  # the township in full: as before
])
def test_a_village_after_a_peoples_township_opens_after_the_townships_kind(text: str, short_end: int, village: str) -> None:
    from policyie import nlp

    found = L.township_villages(text, nlp.analyse(text), {short_end: "某乡"})
    assert [loc.name for loc in found] == [village]
