"""The spaCy component ``nlp.add_pipe("policyie")``: the same `Document` as `policyie.extract`, and its
spans as ``doc.ents`` (PERSON, GPE, DATE, EVENT) without overlaps, on spaCy's blank Chinese pipeline
(a character tokenizer) and on the shipped pipeline (jieba-aware tokenizer, NER)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from opencc import OpenCC

spacy = pytest.importorskip("spacy")

import policyie  # noqa: E402
from policyie import nlp as policyie_nlp  # noqa: E402
from policyie.records import Document, Meeting, Official, Place, Span  # noqa: E402
from policyie.spacy_component import LABELS, entity_spans  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SENTENCE = "昨天下午，市委书记蔡奇到通州区调研。他强调，要坚持“五子”联动。"


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("zh")
    nlp.add_pipe("policyie", config={"published": "2022-06-07"})
    return nlp


@pytest.fixture(scope="module")
def shipped():
    policyie_nlp.register_components()
    nlp = spacy.load(policyie_nlp.shipped_model_path())
    nlp.add_pipe("policyie")
    return nlp


def _no_overlaps(doc) -> None:
    taken: set[int] = set()
    for e in doc.ents:
        chars = set(range(e.start_char, e.end_char))
        assert not chars & taken, e
        taken |= chars


def test_blank_zh_sets_the_document_and_entities(blank) -> None:
    doc = blank(SENTENCE)
    record = doc._.policyie
    assert isinstance(record, Document)
    # The component runs extract itself: the same record, field for field.
    assert record.to_dict() == policyie.extract(SENTENCE, published="2022-06-07").to_dict()
    assert [(e.text, e.label_) for e in doc.ents] == [("昨天下午", "DATE"), ("蔡奇", "PERSON"), ("通州区", "GPE")]
    assert record.dates[0].value == "2022-06-06"  # the component's published setting was used


def test_the_record_survives_serialisation(blank) -> None:
    """Docs travel as bytes (DocBin, nlp.pipe with n_process > 1): the record goes with them."""
    from spacy.tokens import Doc, DocBin

    doc = blank(SENTENCE)
    back = Doc(blank.vocab).from_bytes(doc.to_bytes())
    assert back._.policyie is not doc._.policyie
    assert back._.policyie.to_dict() == doc._.policyie.to_dict()
    assert back._.policyie is back._.policyie  # rebuilt once, then the same object
    (again,) = DocBin(store_user_data=True, docs=[doc]).get_docs(blank.vocab)
    assert again._.policyie.officials[0].name == "蔡奇" and [e.text for e in again.ents] == ["昨天下午", "蔡奇", "通州区"]


def test_published_per_document(blank) -> None:
    doc = blank.make_doc(SENTENCE)
    doc.user_data["published"] = "2023-01-10"
    doc = blank.get_pipe("policyie")(doc)
    assert doc._.policyie.dates[0].value == "2023-01-09"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_seed_on_blank_zh(blank, path: Path) -> None:
    # The raw file: HTML and a headline line, so Document.text differs from doc.text and the
    # component must map the spans back through the normaliser's offsets.
    raw = path.read_text(encoding="utf-8")
    doc = blank(raw)
    record = doc._.policyie
    assert record.to_dict() == policyie.extract(raw, published="2022-06-07").to_dict()
    assert doc.ents and {e.label_ for e in doc.ents} <= set(LABELS)
    _no_overlaps(doc)
    # Entities index doc.text, the raw input: where the article is in Traditional script (seed 004
    # writes 曾勁, the record says 曾劲) the entity's text is the raw one; in Simplified it is the record's.
    t2s = OpenCC("t2s").convert

    def simplified(t: str) -> str:  # and without the inline pinyin the normaliser removes: 產(chǎn) → 产
        return t2s(re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", t))

    person = [simplified(e.text) for e in doc.ents if e.label_ == "PERSON"]
    for o in record.officials:
        assert o.name in person  # every official is an entity
    for e in doc.ents:
        assert e.text == raw[e.start_char : e.end_char]
        if e.label_ == "GPE":
            assert any(simplified(e.text) == m.text for p in record.places for m in p.mentions), e.text
        if e.label_ == "DATE":
            assert simplified(e.text) in {d.text for d in record.dates}
    events = {simplified(e.text) for e in doc.ents if e.label_ == "EVENT"}
    assert events <= {record.text[m.start : m.end] for m in record.meetings}
    if path.stem.startswith("004"):
        assert "曾勁" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_displacy_renders_the_entities(blank) -> None:
    html = spacy.displacy.render(blank(SENTENCE), style="ent", jupyter=False)
    for text, label in (("蔡奇", "PERSON"), ("通州区", "GPE"), ("昨天下午", "DATE")):
        assert text in html and label in html


def test_overlaps_prefer_longer_then_earlier() -> None:
    text = "全省经济工作会议在临江市召开，王建国出席。"
    record = Document(
        id="x",
        text=text,
        places=[Place("江南省", mentions=[Span("全省", 0, 2)]), Place("临江市", mentions=[Span("临江市", 9, 12)])],
        meetings=[Meeting("全省经济工作会议", "会议", start=0, end=8)],
        # Two spans of one length that overlap: the earlier wins.
        officials=[Official("王建国", mentions=[Span("王建国", 15, 18)]), Official("建国出", mentions=[Span("建国出", 16, 19)])],
    )
    doc = spacy.blank("zh")(text)
    ents = [(e.text, e.label_) for e in entity_spans(doc, record)]
    assert ents == [("全省经济工作会议", "EVENT"), ("临江市", "GPE"), ("王建国", "PERSON")]


def test_unalignable_spans_are_skipped() -> None:
    nlp = spacy.blank("en")  # whitespace tokens: "ab cd" cannot hold a span inside a token unless expanded
    text = "市委书记王建国 到临江市调研 。"
    record = Document(id="x", text=text, officials=[Official("王建国", mentions=[Span("王建国", 4, 7)])],
                      places=[Place("临江市", mentions=[Span("临江市", 9, 12)])])
    ents = entity_spans(nlp(text), record)
    # "expand" widens to whole tokens: 市委书记王建国 and 到临江市调研; nothing is lost, nothing fails.
    assert [(e.text, e.label_) for e in ents] == [("市委书记王建国", "PERSON"), ("到临江市调研", "GPE")]


def test_text_extract_refuses_is_left_alone(blank) -> None:
    doc = blank("ok")
    assert doc._.policyie is None and doc.ents == ()


def test_shipped_pipeline(shipped) -> None:
    assert shipped.pipe_names[-1] == "policyie"
    raw = SEEDS[2].read_text(encoding="utf-8")
    doc = shipped(raw)
    record = doc._.policyie
    assert record.to_dict() == policyie.extract(raw).to_dict()
    _no_overlaps(doc)
    assert {e.label_ for e in doc.ents} <= set(LABELS)  # the model's own ents are replaced
    person = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert person and all(any(o.name in p for p in person) for o in record.officials)
    assert "PERSON" in spacy.displacy.render(doc, style="ent", jupyter=False)


def _python(code: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"POLICYIE_PIPELINE", "POLICYIE_NER"}}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)


def test_importing_policyie_registers_the_component_only_with_spacy_loaded() -> None:
    run = _python(
        "import sys, spacy, policyie; from spacy.language import Language\n"
        "assert 'policyie.spacy_component' in sys.modules and Language.has_factory('policyie')\n"
    )
    assert run.returncode == 0, run.stderr
    run = _python("import sys, policyie; assert 'spacy' not in sys.modules, 'importing policyie imported spaCy'")
    assert run.returncode == 0, run.stderr


def test_entry_point_registers_the_component_without_importing_policyie() -> None:
    from importlib.metadata import entry_points

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = pyproject.split("[project.entry-points.spacy_factories]", 1)[1].split("\n[", 1)[0]
    assert 'policyie = "policyie.spacy_component:make_policyie"' in section
    if not [e for e in entry_points(group="spacy_factories") if e.name == "policyie"]:
        pytest.skip("the installed policyie predates its spacy_factories entry point: pip install -e . again")
    run = _python(
        "import sys, spacy\n"
        "nlp = spacy.blank('zh'); nlp.add_pipe('policyie')\n"
        "assert [e.text for e in nlp('市委书记蔡奇到通州区调研。').ents] == ['蔡奇', '通州区']\n"
    )
    assert run.returncode == 0, run.stderr
