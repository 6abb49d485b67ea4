"""Runs of names printed without separators (`policyie.name_runs`): cut into names, and single long
names (minority, transliterated, Japanese) left whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policyie import charner, name_runs, nlp

# run → the names it holds; None: one name, not to be cut
CASES = [
    ("邹家华姜春云", ["邹家华", "姜春云"]),
    ("王云龙王云坤王太华", ["王云龙", "王云坤", "王太华"]),
    ("叶选平吴学谦", ["叶选平", "吴学谦"]),
    ("孙起孟雷洁琼", ["孙起孟", "雷洁琼"]),
    ("吴阶平宋健", ["吴阶平", "宋健"]),
    ("张海涛李建国刘小明", ["张海涛", "李建国", "刘小明"]),
    ("王晓东欧阳坚", ["王晓东", "欧阳坚"]),
    ("陈敏尔欧阳坚", None),  # 尔 and 欧 read as transliteration: left whole rather than guessed
    ("斯琴巴特尔", None),
    ("乌云其木格", None),
    ("霍尔布鲁克", None),
    ("普里马科夫", None),
    ("费尔南德斯", None),
    ("大江健三郎", None),
    ("达瓦次仁", None),  # four characters: a name, never a run
    ("欧阳修文", None),
    ("王丙乾·X", None),
]


@pytest.mark.parametrize(("run", "names"), CASES)
def test_cut(run: str, names: list[str] | None) -> None:
    got = name_runs.cut(run)
    assert ([run[a:b] for a, b in got] if got else None) == names


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐云龙坤华平国明海军建伟强文", min_size=0, max_size=16))
def test_pieces_tile_the_run_and_each_is_a_name(run: str) -> None:
    got = name_runs.cut(run)
    if got is None:
        return
    assert len(got) >= 2 and got[0][0] == 0 and got[-1][1] == len(run)
    assert all(a == b for (_, a), (b, _) in zip(got, got[1:], strict=False))
    assert all(2 <= b - a <= 4 for a, b in got)


def test_split_keeps_other_spans_and_order() -> None:
    text = "委员：江泽民李鹏乔石李瑞环，北京市。"
    spans = [charner.Span(3, 13, "PER"), charner.Span(14, 17, "LOC")]
    got = name_runs.split(text, spans)
    assert [(text[s.start : s.end], s.label) for s in got] == [
        ("江泽民", "PER"), ("李鹏", "PER"), ("乔石", "PER"), ("李瑞环", "PER"), ("北京市", "LOC"),
    ]
    assert name_runs.split(text, [charner.Span(3, 13, "ORG")]) == [charner.Span(3, 13, "ORG")]


def test_the_pipeline_reads_a_member_list_as_names() -> None:
    text = "治丧委员会名单主任委员：江泽民委员：李鹏乔石李瑞环彭真朱镕基刘华清胡锦涛荣毅仁丁关根。"
    people = {e.text for e in nlp.analyse(text).ner if e.label == "PER"}
    assert {"李瑞环", "朱镕基", "胡锦涛", "丁关根"} <= people
    assert not any(len(p) > 4 and "·" not in p for p in people)
