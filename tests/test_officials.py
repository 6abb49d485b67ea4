"""Officials corpus: every sentence must give exactly the expected officials and titles."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from corpus_cases import case_params, load_corpus

from policyie import nlp
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
