"""SpanIndex answers exactly what the per-candidate scans it replaced answered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policyie.extractors._spans import SpanIndex

span = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(span, max_size=12), span)
def test_overlaps_and_contains_match_a_scan(spans: list[tuple[int, int]], query: tuple[int, int]) -> None:
    index = SpanIndex(spans)
    start, end = query
    assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert index.contains(start, end) == any(s <= start and end <= e for s, e in spans)


def test_nested_and_empty() -> None:
    index = SpanIndex([(0, 20), (5, 8)])
    assert index.contains(9, 12) and not index.contains(18, 22)
    assert not SpanIndex([]).overlaps(0, 5) and not SpanIndex([])
