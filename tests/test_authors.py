"""Authors corpus: every byline variant must give exactly the expected names, in order."""

from __future__ import annotations

import pytest
from corpus_cases import case_params, load_corpus

from policyie import extract, nlp
from policyie.extractors import authors
from policyie.extractors._people import COMPOUND_SURNAMES, split_run
from policyie.extractors.base import Context
from policyie.records import Document

CORPUS = load_corpus("authors.yaml")



@pytest.mark.parametrize(("case", "sentence"), list(case_params(CORPUS)))
def test_authors(case: dict, sentence: str) -> None:
    if case.get("bylines"):
        body = "市委书记王立新出席会议。"
        ctx = Context(doc=Document(id="t", text=body), analysis=nlp.analyse(body), bylines=[sentence])
    else:
        ctx = Context(doc=Document(id="t", text=sentence), analysis=nlp.analyse(sentence))
    assert authors.extract(ctx) == case["expect"]


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("祁梦竹范俊生", ["祁梦竹", "范俊生"]),
        ("王海涛李静", ["王海涛", "李静"]),
        ("李静王海涛", ["李静", "王海涛"]),
        ("张雪刘洋", ["张雪", "刘洋"]),
        ("欧阳晓明", ["欧阳晓明"]),
        ("徐飞鹏", ["徐飞鹏"]),
    ],
)
def test_split_run(run: str, names: list[str]) -> None:
    assert split_run(run) == names


@pytest.mark.parametrize("surname", sorted(COMPOUND_SURNAMES))
def test_every_compound_surname_splits_without_error(surname: str) -> None:
    """A compound surname the surname counts lack (梁丘, 贺兰) once raised a KeyError deep in an info line's scan
    (checkset_jan20's first run); each now opens a name of the run as the others do."""
    assert split_run(f"{surname}琤吴璁") == [f"{surname}琤", "吴璁"]


def test_an_info_line_with_a_rare_compound_surname_gives_its_author() -> None:
    doc = extract("区人民政府网讯 3月2日，区委书记王立新主持召开推进会。\n撰稿：梁丘琤 贺兰璁\n")
    assert doc.authors == ["梁丘琤", "贺兰璁"]
