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
    # dotted names inside a run: each dot lies inside one name, and the Han names beside it stay whole
    ("王建伟雪克来提·扎克尔李明", ["王建伟", "雪克来提·扎克尔", "李明"]),
    ("张海涛努尔·白克力刘小明", ["张海涛", "努尔·白克力", "刘小明"]),
    ("孙立平艾力·买买提阿依古丽·吾斯曼王海", ["孙立平", "艾力·买买提", "阿依古丽·吾斯曼", "王海"]),
    ("李建华米哈伊尔·米舒斯京", ["李建华", "米哈伊尔·米舒斯京"]),
    # one dotted name of transliteration syllables is not cut for a surname inside it (马斯, 马格坦)
    ("莉萨·科斯马斯", None),
    ("马格坦戈尔·圭尼贡多", None),
    ("买买提明·阿不都热依木", None),
    ("穆罕默德·本·萨勒曼", None),
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


def _spans(text: str, *names: str) -> list[charner.Span]:
    out, at = [], 0
    for name in names:
        at = text.index(name, at)
        out.append(charner.Span(at, at + len(name), "PER"))
        at += len(name)
    return out


# text, the tagger's PER spans (as the names it read), the names the list holds
LISTS = [
    # a name the tagger left untagged between tagged ones
    ("委员：张海涛黄敏李建国王小明。", ["张海涛", "李建国", "王小明"], ["张海涛", "黄敏", "李建国", "王小明"]),
    # pieces cut in the wrong places
    ("委员：杨立刘振华王小明孙立平。", ["杨立", "振华王小明", "孙立平"], ["杨立", "刘振华", "王小明", "孙立平"]),
    # two two-character names read as one
    ("委员：王海王群李建国张海涛。", ["王海王群", "李建国", "张海涛"], ["王海", "王群", "李建国", "张海涛"]),
    # a tagged name the surname table cannot read (a Tibetan name) stays one name
    ("委员：张海涛丹增李建国王小明。", ["张海涛", "丹增", "李建国", "王小明"], ["张海涛", "丹增", "李建国", "王小明"]),
]

# sentences, not lists: what stands between the names is no name
NOT_LISTS = [
    ("王刚和李强出席。", ["王刚", "李强"]),
    ("李鹏会见乔石。", ["李鹏", "乔石"]),
    ("李鹏总理、朱镕基副总理、钱其琛外长", ["李鹏", "朱镕基", "钱其琛"]),
    ("李鹏总理朱镕基副总理钱其琛外长", ["李鹏", "朱镕基", "钱其琛"]),
]


@pytest.mark.parametrize(("text", "tagged", "names"), LISTS)
def test_a_list_of_tagged_names_is_cut_as_one_run(text: str, tagged: list[str], names: list[str]) -> None:
    got = name_runs.split(text, _spans(text, *tagged))
    assert [text[s.start : s.end] for s in got] == names


@pytest.mark.parametrize(("text", "tagged"), NOT_LISTS)
def test_names_in_a_sentence_are_left_as_tagged(text: str, tagged: list[str]) -> None:
    spans = _spans(text, *tagged)
    assert name_runs.split(text, spans) == spans


def test_the_pipeline_reads_a_member_list_as_names() -> None:
    text = "治丧委员会名单主任委员：江泽民委员：李鹏乔石李瑞环彭真朱镕基刘华清胡锦涛荣毅仁丁关根。"
    people = {e.text for e in nlp.analyse(text).ner if e.label == "PER"}
    assert {"李瑞环", "朱镕基", "胡锦涛", "丁关根"} <= people
    assert not any(len(p) > 4 and "·" not in p for p in people)
