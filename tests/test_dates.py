"""The dates corpus (tests/corpus/dates.yaml) as one parametrised test; see the file's header."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import regex
import yaml

CORPUS = Path(__file__).parent / "corpus" / "dates.yaml"
BEIJING = timezone(timedelta(hours=8))
_MARK = regex.compile(r"\[([^\[\]{}]+)\]|\{([^\[\]{}]+)\}")


@dataclass
class Case:
    sentence: str  # without marks
    anchor: date | None  # publication date in Beijing time
    expected: tuple[int, int] | None  # the [..] span; None for a `none` sentence
    others: list[tuple[int, int]]  # the {..} spans
    value: str | None = None
    granularity: str | None = None
    part: str | None = None


def beijing_date(anchor: object) -> date | None:
    """A corpus anchor (ISO date or instant) as the publication date in Beijing."""
    if anchor is None:
        return None
    if isinstance(anchor, datetime):
        d = anchor
    elif isinstance(anchor, date):
        return anchor
    else:
        d = datetime.fromisoformat(str(anchor))
    return (d.astimezone(BEIJING) if d.tzinfo else d).date()


def unmark(marked: str) -> tuple[str, tuple[int, int] | None, list[tuple[int, int]]]:
    out, expected, others, pos = [], None, [], 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        start = sum(map(len, out))
        inner = m.group(1) or m.group(2)
        out.append(inner)
        if m.group(1):
            expected = (start, start + len(inner))
        else:
            others.append((start, start + len(inner)))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), expected, others


def load_corpus(path: Path = CORPUS) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    default = beijing_date(data["anchor"])
    cases: list[Case] = []
    for ex in data["examples"]:
        anchor = beijing_date(ex["anchor"]) if "anchor" in ex else default
        for marked in ex["say"]:
            sentence, expected, others = unmark(marked)
            assert expected is not None, f"no [..] mark in {marked!r}"
            cases.append(Case(sentence, anchor, expected, others, str(ex["value"]), ex.get("granularity"), ex.get("part")))
    for sentence in data["none"]:
        cases.append(Case(sentence, default, None, []))
    return cases


CASES = load_corpus()


def test_corpus_is_large_enough() -> None:
    assert sum(c.expected is not None for c in CASES) >= 150


@pytest.mark.parametrize("case", CASES, ids=[f"{i:03d}-{c.value or 'none'}" for i, c in enumerate(CASES)])
def test_dates_corpus(case: Case) -> None:
    from policyie.extractors.dates import extract_dates
    from policyie.nlp import analyse

    found = extract_dates(case.sentence, case.anchor, analyse(case.sentence))
    spans = {(d.start, d.end) for d in found}
    want = set(case.others) | ({case.expected} if case.expected else set())
    assert spans == want, [(d.text, d.value) for d in found]
    if case.expected is None:
        return
    (hit,) = [d for d in found if (d.start, d.end) == case.expected]
    assert hit.text == case.sentence[hit.start : hit.end]
    assert hit.value == case.value
    if case.granularity:
        assert hit.granularity == case.granularity
    if case.part:
        assert hit.part == case.part


@pytest.mark.parametrize(("year", "day"), [(2008, 4), (2015, 5), (2019, 5), (2020, 4), (2022, 5), (2024, 4), (2026, 5),
                                           (2028, 4)])
def test_qingming_day_is_the_solar_term(year: int, day: int) -> None:
    # the published calendars' 清明 (4 or 5 April), which the 清明假期 and 清明节期间 rules date by
    from policyie.extractors._timex import qingming_day

    assert qingming_day(year) == day
