"""The knowledge base of office-holders: building it, reading it back, ids, namesakes and untitled officials."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from corpus_cases import case_params, load_corpus

import policyie
from policyie import kb as K
from policyie.cli import main
from policyie.pipeline import run_until

ROOT = Path(__file__).resolve().parent.parent
CORPUS = load_corpus("untitled.yaml")
FIXTURE = K.KB(K.Person.from_json({"country": "中国", **p}) for p in CORPUS["kb"])



@pytest.mark.parametrize(("case", "sentence"), list(case_params(CORPUS)))
def test_untitled_and_ids(case: dict, sentence: str) -> None:
    doc = run_until(sentence, "officials", published=str(CORPUS["anchor"]), kb=FIXTURE)
    got = [(o.name, [t.text for t in o.titles], o.id, o.evidence) for o in doc.officials]
    want = [(e["name"], e.get("titles", []), e["id"], e["evidence"]) for e in case["expect"]]
    assert got == want
    for o, e in zip(doc.officials, case["expect"], strict=True):
        assert o.country == e.get("country", "中国")


def test_corpus_has_the_cases_the_issue_asks_for() -> None:
    untitled = [s for c in CORPUS["cases"] for s in c["say"] if any(e["evidence"] != "title" for e in c["expect"])]
    namesakes = [s for c in CORPUS["cases"] for s in c["say"]
                 if any(len(FIXTURE.by_name(e["name"])) > 1 for e in c["expect"])]
    assert len(untitled) >= 20 and len(namesakes) >= 10


def test_no_kb_means_no_kb_officials_and_no_ids() -> None:
    text = "吴政隆在会上讲话。国务院总理李强出席。"
    doc = run_until(text, "officials", published="2024-04-30", kb=False)
    assert [(o.name, o.id) for o in doc.officials] == [("李强", None)]
    doc = run_until(text, "officials", published="2024-04-30", kb=FIXTURE)
    assert [(o.name, o.id, o.evidence) for o in doc.officials] == [
        ("吴政隆", "中国:吴政隆", "kb:untitled"), ("李强", "中国:李强#1959", "title")]


def test_the_shipped_kb_knows_national_leaders() -> None:
    shipped = K.open_kb(None)
    assert shipped is not None and len(shipped) > 3000
    doc = policyie.extract("吴政隆、穆虹陪同考察。", published="2024-04-30")
    assert [(o.name, o.evidence) for o in doc.officials] == [("吴政隆", "kb:untitled"), ("穆虹", "kb:untitled")]
    assert all(o.id and o.id.startswith("中国:") for o in doc.officials)
    one = policyie.extract("国家主席习近平会见法国总统马克龙。", published="2024-05-06")
    assert {o.name: o.id for o in one.officials} == {"习近平": "中国:习近平", "马克龙": "法国:马克龙"}


def _docs(tmp_path: Path) -> Path:
    texts = {
        "a": ("2023-05-01", "市委书记尹力到通州区调研。法国总统马克龙访华。"),
        "b": ("2024-02-01", "市委书记尹力主持召开会议。"),
        "c": ("2024-03-01", "北京市委书记尹力会见客人。"),
    }
    path = tmp_path / "docs.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, (day, text) in texts.items():
            f.write(policyie.extract(text, published=day, doc_id=i, kb=False).to_json(ensure_ascii=False) + "\n")
    return path


def test_build_harvests_posts_with_dates_and_counts(tmp_path: Path) -> None:
    docs = [json.loads(x) for x in _docs(tmp_path).read_text(encoding="utf-8").splitlines()]
    built = K.build(docs, min_count=1)
    (yin,) = built.by_name("尹力")
    posts = {p.title: (p.first, p.last, p.count) for p in yin.posts}
    assert posts["市委书记"] == ("2023-05-01", "2024-02-01", 2)
    assert posts["北京市委书记"] == ("2024-03-01", "2024-03-01", 1)
    assert yin.id == "中国:尹力" and yin.count == 3
    (mac,) = built.by_name("马克龙")
    assert (mac.id, mac.country) == ("法国:马克龙", "法国")
    assert not K.build(docs, min_count=2).by_name("马克龙")  # seen once, on no list


def test_build_merges_lists_and_gives_namesakes_distinct_stable_ids(tmp_path: Path) -> None:
    lists = [K.Person(id="", name="王宁", born="1955-08", posts=[K.Post(title="武警部队司令员", first="2017", last="2020")]),
             K.Person(id="", name="王宁", born="1961-12", posts=[K.Post(title="福建省委书记", place="福建省")])]
    docs = [{"published": "2021-03-01", "officials": [{"name": "王宁", "country": "中国",
                                                       "titles": [{"text": "福建省委书记"}]}]}]
    built = K.build(docs, lists)
    ids = sorted(p.id for p in built.by_name("王宁"))
    assert ids == ["中国:王宁#1955", "中国:王宁#1961"]
    fujian = built.get("中国:王宁#1961")
    assert fujian is not None and fujian.count == 1  # the harvested post joined the right namesake
    again = K.build(docs, [K.Person(id="", name=p.name, born=p.born, posts=list(p.posts)) for p in lists])
    assert sorted(p.id for p in again.by_name("王宁")) == ids


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    for name in ("kb.jsonl", "kb.jsonl.gz"):
        FIXTURE.save(tmp_path / name)
        back = K.KB.load(tmp_path / name)
        assert sorted(json.dumps(p.to_json(), sort_keys=True) for p in back) == sorted(
            json.dumps(p.to_json(), sort_keys=True) for p in FIXTURE)


def test_lazy_load_reads_names_written_with_escapes(tmp_path: Path) -> None:
    """The lazy loader indexes a person by the name field as written; escaped names (another writer's
    ensure_ascii, a quote) are decoded as JSON, so both spellings of a file index the same names."""
    for ensure_ascii in (False, True):
        path = tmp_path / f"kb-{ensure_ascii}.jsonl"
        lines = [json.dumps({"policyie_kb": K.FORMAT})]
        lines += [json.dumps({**next(iter(FIXTURE)).to_json(), "name": n}, ensure_ascii=ensure_ascii)
                  for n in ("王小明", '马"克', "让-伊夫·勒德里昂")]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert K.KB.load(path, lazy=True).names == {"王小明", '马"克', "让-伊夫·勒德里昂"}


def test_a_lazy_kb_counts_and_answers_truth_without_parsing(tmp_path: Path) -> None:
    """len() and truth of a lazily loaded KB are the parsed KB's, with no person parsed to tell them."""
    FIXTURE.save(tmp_path / "kb.jsonl")
    lazy = K.KB.load(tmp_path / "kb.jsonl", lazy=True)
    assert bool(lazy) and len(lazy) == len(FIXTURE) > 0
    assert lazy._raw and not lazy._persons  # nothing parsed yet
    assert len(lazy) == len(list(lazy)) and not lazy._raw  # iterating parses all; the count stays
    assert not K.KB() and len(K.KB()) == 0


@pytest.mark.parametrize(("content", "match"), [
    (b"", "empty"), (b"not json\n", "not JSON"), (b'{"a": 1}\n', "header"),
    (b'{"policyie_kb": 99}\n', "format"), (b'{"policyie_kb": 1}\n{"name": "x"}\n', "line 2"),
])
def test_a_bad_kb_file_is_a_clear_error(tmp_path: Path, content: bytes, match: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    with pytest.raises(K.KBError, match=match):
        K.KB.load(path)
    with pytest.raises(policyie.InputError) as exc:
        policyie.extract("市委书记尹力到通州区调研。", kb=path)
    assert exc.value.reason == "bad-kb"


def test_a_pickle_is_never_read_as_a_kb(tmp_path: Path) -> None:
    import pickle

    path = tmp_path / "kb.jsonl"
    path.write_bytes(pickle.dumps({"policyie_kb": 1}))
    with pytest.raises(K.KBError):
        K.KB.load(path)


def test_cli_kb_build_and_show(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "my.jsonl.gz"
    assert main(["kb", "build", str(_docs(tmp_path)), "-o", str(out), "--min-count", "1"]) == 0
    with gzip.open(out, "rt", encoding="utf-8") as f:
        assert json.loads(f.readline())["policyie_kb"] == 1
    capsys.readouterr()
    assert main(["kb", "show", "尹力", "--kb", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "中国:尹力" in shown and "市委书记" in shown and "2023-05-01 – 2024-02-01" in shown
    assert main(["kb", "show", "无此人", "--kb", str(out)]) == 1
    # The user's KB drives extraction from the CLI too.
    art = tmp_path / "a.txt"
    art.write_text("尹力、马克龙出席。", encoding="utf-8")
    res = tmp_path / "r.jsonl"
    assert main(["extract", str(art), "-o", str(res), "--kb", str(out), "--published", "2024-03-02", "-q"]) == 0
    doc = json.loads(res.read_text(encoding="utf-8"))
    # 马克龙 is in this KB (a document named him with a title): untitled, he is promoted too.
    assert [(o["name"], o["id"]) for o in doc["officials"]] == [("尹力", "中国:尹力"), ("马克龙", "法国:马克龙")]
    assert main(["extract", str(art), "-o", str(res), "--kb", str(tmp_path / "nope.jsonl")]) == 2


def test_cli_kb_build_from_duckdb(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    db = tmp_path / "x.duckdb"
    art = tmp_path / "a.txt"
    art.write_text("市委书记尹力到通州区调研。", encoding="utf-8")
    assert main(["extract", str(art), "-o", str(db), "--published", "2024-01-02", "-q", "--kb", "none"]) == 0
    out = tmp_path / "kb.jsonl"
    assert main(["kb", "build", str(db), "-o", str(out), "--min-count", "1"]) == 0
    (yin,) = K.KB.load(out).by_name("尹力")
    assert [(p.title, p.first) for p in yin.posts] == [("市委书记", "2024-01-02")]


@pytest.mark.parametrize(("name", "phrase"), [
    ("通道开启", True),  # two common words: a phrase a reading of the corpus took for a name
    ("首席特别", True),
    ("司马卫东", False),  # a compound surname and a given name
    ("欧阳晓晖", False),
    ("王立新", False),
])
def test_a_kb_name_of_two_common_words_is_a_phrase(name: str, phrase: bool) -> None:
    from policyie.extractors._untitled import _phrase

    assert _phrase(name) is phrase
