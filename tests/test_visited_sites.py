"""How a visited item's stem and ending are judged (policyie/extractors/_visited_sites.py), word by word: the
sentences of tests/corpus/places.yaml reach these judgments only where the NER leaves the item open, so the
judgments are tested on their own too."""

from __future__ import annotations

import pytest

from policyie.extractors import _visited_sites as V

# (name, ending, whether a common word ends it): 大庙 and 古寺 are common words, but not after a place they name
COMMON_ENDS = [
    ("嵩山大庙", "庙", False),
    ("峨眉古寺", "寺", False),
    ("县城大庙", "庙", True),
    ("实训教学楼", "楼", True),
    ("大散关", "关", False),
]

# (stem, ending, whether the stem names the site by itself)
NAMED = [
    ("钩台", "老街", True),  # 钩|台: no word of two characters spells it, so it is a name the dictionary lacks
    ("均台", "古道", True),
    ("两处", "窑址", False),  # a count
    ("各类", "遗址", False),
    ("红色", "遗址", False),  # a description
    ("抗战交通", "遗址", False),
]


@pytest.mark.parametrize(("name", "ending", "common"), COMMON_ENDS)
def test_common_end(name: str, ending: str, common: bool) -> None:
    assert V._common_end(name, ending) is common


@pytest.mark.parametrize(("stem", "ending", "named"), NAMED)
def test_named(stem: str, ending: str, named: bool) -> None:
    assert V._named(stem, ending) is named



def test_a_list_of_people_names_no_hills() -> None:
    """…贺国强、刘云山、王岐山…: names end in 山 or 峰 as hills do; a list two of whose items are people's names (the
    officials') is a list of people, though one item is found as a place already."""
    text = "春节前夕，有关方面负责同志慰问了李长春、贺国强、刘云山、王岐山、杜青林、李海峰等老同志。"
    found = {text.index("李海峰") + 3}
    people = {"李长春", "贺国强", "杜青林"}

    def listed(in_person) -> list[str]:
        return [text[x[0] : x[1]] for x in V._listed_sites(text, {}, {}, found, {}, in_person)]

    assert listed(lambda s, e: False) == ["刘云山", "王岐山", "李海峰"]  # the shape alone reads hills
    assert listed(lambda s, e: text[s:e] in people) == []
