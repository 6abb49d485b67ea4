"""Officials corpus: every sentence must give exactly the expected officials and titles."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from corpus_cases import case_params, load_corpus

from policyie import extract, nlp
from policyie.extractors import authors, officials
from policyie.extractors._people import resolve_pronoun
from policyie.extractors.base import Context
from policyie.records import Document

CORPUS = load_corpus("officials.yaml")
ANCHOR = datetime.fromisoformat(str(CORPUS["anchor"])).replace(tzinfo=timezone(timedelta(hours=8)))


def _context(text: str, source: str | None = None) -> Context:
    doc = Document(id="t", text=text, source=source)
    ctx = Context(doc=doc, analysis=nlp.analyse(text), published=ANCHOR)
    doc.authors = authors.extract(ctx)
    doc.officials = officials.extract(ctx)
    return ctx



@pytest.mark.parametrize(("case", "sentence"), list(case_params(CORPUS)))
def test_officials(case: dict, sentence: str) -> None:
    ctx = _context(sentence, case.get("source"))
    got = ctx.doc.officials
    assert [o.name for o in got] == [e["name"] for e in case["expect"]]
    for off, exp in zip(got, case["expect"], strict=True):
        if "country" in exp:
            assert off.country == exp["country"], (off.name, off.country)
        want = [t if isinstance(t, dict) else {"text": t} for t in exp["titles"]]
        assert [t.text for t in off.titles] == [w["text"] for w in want]
        for t, w in zip(off.titles, want, strict=True):
            for key in ("org", "post"):
                if key in w:
                    assert getattr(t, key) == w[key], (t, w)
        for m in off.mentions:
            # the name as written, or one part of a dotted name the article also uses (夏巴兹 of 夏巴兹·谢里夫)
            assert sentence[m.start : m.end] == m.text and m.text in (off.name, *off.name.split("·"))


def test_bare_mentions_and_pronoun() -> None:
    text = "市委书记王立新到通州区调研。他强调，要抓好落实。王立新、刘建华来到企业。市委副书记、市长刘建华一同调研。"
    ctx = _context(text, "北京日报")
    names = {o.name: o for o in ctx.doc.officials}
    assert len(names["王立新"].mentions) == 2
    assert resolve_pronoun(ctx, text.index("他强调")) == "王立新"


def test_authors_are_never_officials() -> None:
    text = "市委书记王立新出席。本报记者王立新"
    ctx = _context(text)
    assert ctx.doc.authors == ["王立新"]
    assert ctx.doc.officials == []


def test_a_headline_title_goes_to_the_person_the_body_names() -> None:
    """A Q&A transcript's body names the spokesperson only as a speaker label (郭嘉昆：…); the headline gives the
    title. The person's mentions stay the body's; a name only the headline holds is left out."""
    doc = extract("外交部发言人郭嘉昆主持例行记者会\n来源：外交部网站　发布时间：2026-04-08 19:52\n"
                  "郭嘉昆：应国务院总理李强邀请，新西兰总理将于4月10日访华。\n郭嘉昆：中方欢迎各方参与。")
    guo = next(o for o in doc.officials if o.name == "郭嘉昆")
    assert [t.text for t in guo.titles] == ["外交部发言人"]
    assert all(doc.text[m.start : m.end] == "郭嘉昆" for m in guo.mentions) and len(guo.mentions) == 2
    doc = extract("外交部发言人郭嘉昆主持例行记者会\n来源：外交部网站　发布时间：2026-04-08 19:52\n"
                  "发言人：中方欢迎各方参与。")
    assert all(o.name != "郭嘉昆" for o in doc.officials)


@pytest.mark.parametrize(
    ("title", "body", "want"),
    [
        # a foreign title the headline gives someone the body names in full is theirs too
        ("王毅在马尼拉会见俄外长拉夫罗夫", "外交部长王毅在马尼拉会见俄罗斯外长谢尔盖·拉夫罗夫。",
         {"谢尔盖·拉夫罗夫": ["俄罗斯外长", "俄外长"]}),
        # …whichever part of a dotted name the headline uses (辛鲍姆 of 克劳迪娅·辛鲍姆·帕尔多)
        ("习近平同墨西哥总统辛鲍姆通电话", "国家主席习近平同墨西哥合众国总统克劳迪娅·辛鲍姆·帕尔多通电话。",
         {"克劳迪娅·辛鲍姆·帕尔多": ["墨西哥合众国总统", "墨西哥总统"]}),
        # the body's Chinese title with the place the body leaves unsaid (北京|市委书记 over 市委书记)
        ("北京市委书记王立新到通州区调研", "市委书记王立新到通州区调研城市副中心建设。",
         {"王立新": ["市委书记", "北京市委书记"]}),
        # …but not a title the headline's other clause ends with (老挝国家主席 李强致电…)
        ("习近平致电祝贺通伦当选连任老挝国家主席 李强致电祝贺宋赛当选连任老挝政府总理",
         "国务院总理李强致电宋赛，祝贺他当选连任老挝政府总理。", {"李强": ["国务院总理"]}),
    ],
)
def test_headline_titles_of_body_officials(title: str, body: str, want: dict) -> None:
    from policyie import extract

    got = {o.name: [t.text for t in o.titles] for o in extract(body, title=title).officials}
    assert {n: got.get(n) for n in want} == want


@pytest.mark.parametrize(("second", "end"), [(("都拉", 11, 13), 13), (("都拉", 12, 14), 11)])
def test_two_person_spans_side_by_side_after_a_title_are_one_long_name(second: tuple, end: int) -> None:
    """旗长|那仁满|都拉|主持: the NER read a long Mongolian name as two people side by side; after a title, with a
    follower closing the second, they are one name (checkset_jan08's first score read 那仁满). Apart, they are not."""
    from policyie.extractors._people import NameGuess
    from policyie.nlp import Entity

    text = "旗委副书记、旗长那仁满都拉主持会议。"
    an = nlp.analyse(text)
    an.ner = [Entity("那仁满", 8, 11, "PER"), Entity(*second, "PER")]
    an.memo.pop("ner_person_ends", None)
    assert officials._model_name(text, an, 8, NameGuess(8, 11, 1.0)).end == end
