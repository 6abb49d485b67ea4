"""Records explain themselves (evidence: which rule made them) and lead back to the raw input (raw_span)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import policyie
from policyie.records import Document

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

EVIDENCE = {
    "officials": {"title", "kb:untitled", "list:untitled", "formula:untitled"},
    "places": {"gazetteer", "gazetteer:ambiguous", "park-suffix", "deictic", "village-table", "site-list", "region-list",
               "list-member", "city-named", "settlement-named", "ner"},
    "meetings": {"held", "held-after", "presided", "spoke-at", "organ-convenes", "cited", "cited:guest-description",
                 "reception", "talk", "planned", "briefing"},
    "activities": {"tour-verb"},
    "slogans": {"quote-marks", "numbered-pattern", "parallel-pattern", "lexicon"},
    "directives": {"speech-verb", "speech-verb:continued"},
}


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_every_record_of_the_seeds_says_which_rule_made_it(path: Path) -> None:
    doc = policyie.extract(path)
    for field, allowed in EVIDENCE.items():
        for record in getattr(doc, field):
            assert record.evidence in allowed, (field, record)
    assert doc.dates and all(d.evidence and d.evidence.startswith(("date:", "range:")) for d in doc.dates)


def test_evidence_survives_the_json_round_trip() -> None:
    doc = policyie.extract(SEEDS[0])
    back = Document.from_json(doc.to_json())
    assert [o.evidence for o in back.officials] == [o.evidence for o in doc.officials]
    assert json.loads(doc.to_json())["places"][0]["evidence"] == doc.places[0].evidence


HTML = (
    "<html><head><title>区委书记调研 - 某区政府网</title></head><body><div class='nav'>首页 &gt; 要闻</div>"
    "<div class='content'><p>4月29日上午，市委书记<b>王立新</b>到&nbsp;通州区调研。</p>"
    "<p>他强调，要坚持“五子”联动，推动高质量发展。</p></div></body></html>"
)


def test_raw_span_leads_every_span_back_to_the_html() -> None:
    doc = policyie.extract(HTML, published="2024-04-30")
    spans = [m for o in doc.officials for m in o.mentions] + [m for p in doc.places for m in p.mentions]
    spans += [m for s in doc.slogans for m in s.mentions] + list(doc.dates)
    assert spans and doc.raw_text == HTML
    for s in spans:
        a, b = doc.raw_span(s.start, s.end)
        raw = doc.raw_text[a:b]
        # Entities and markup between the characters of a span (五子 inside “…”) stay in the raw slice;
        # the span's own characters appear in it in order.
        assert raw.startswith(s.text[0]) and raw.endswith(s.text[-1]), (s.text, raw)
    (wang,) = [o for o in doc.officials if o.name == "王立新"]
    a, b = doc.raw_span(wang.mentions[0].start, wang.mentions[0].end)
    assert HTML[a - 3 : b + 4] == "<b>王立新</b>"


def test_raw_span_is_not_invented_for_a_document_read_back() -> None:
    doc = policyie.extract(HTML, published="2024-04-30")
    for other in (Document.from_json(doc.to_json()), pickle.loads(pickle.dumps(doc))):
        assert other.raw_text is None
        with pytest.raises(ValueError, match="offset map"):
            other.raw_span(0, 1)
    with pytest.raises(ValueError, match="outside"):
        doc.raw_span(0, len(doc.text) + 5)


def test_show_why_prints_the_evidence_of_every_table(tmp_path: Path) -> None:
    from policyie.cli import main

    out = tmp_path / "why.txt"
    assert main(["show", str(SEEDS[2]), "--why", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("evidence") >= 4 and "title" in text and "gazetteer" in text
    plain = tmp_path / "plain.txt"
    assert main(["show", str(SEEDS[2]), "-o", str(plain)]) == 0
    assert "evidence" not in plain.read_text(encoding="utf-8")
