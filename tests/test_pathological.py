"""Pathological inputs finish in bounded time with a Document or an InputError (README "Limits").

Every shape in tests/shapes.py runs at 100k characters. The guard is generous on purpose: it
catches catastrophic backtracking and quadratic loops (minutes or forever), not slowness, which
benchmarks/limits.py measures (time at two sizes per shape).
"""

from __future__ import annotations

import signal
from collections.abc import Callable

import pytest
from invariants import check_offsets
from shapes import LEAD, SHAPES

from policyie import Document, InputError, extract
from policyie.normalize.decode import MAX_INPUT_BYTES

GUARD_S = 60
N = 100_000


def guarded(fn: Callable[[], object]) -> object:
    def on_alarm(signum, frame):  # noqa: ARG001
        raise TimeoutError(f"input took over {GUARD_S} s: catastrophic backtracking or a quadratic loop?")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(GUARD_S)
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run(source: object) -> Document | InputError:
    def go() -> Document | InputError:
        try:
            return extract(source, doc_id="p")
        except InputError as exc:
            return exc

    return guarded(go)  # type: ignore[return-value]


def test_ten_megabyte_article_is_refused_quickly() -> None:
    data = (LEAD * 300_000).encode("utf-8")
    assert len(data) > 10_000_000 > MAX_INPUT_BYTES
    for source in (data, data.decode()):
        out = run(source)
        assert isinstance(out, InputError) and out.reason == "too-large"
        assert "8,388,608" in str(out)  # the message names the limit


def test_one_megabyte_article_is_processed() -> None:
    para = "市委书记蔡奇到通州区调研检查。他强调，要坚持“五子”联动，推动高质量发展。2024年4月29日，会议强调，要压实责任。\n"
    out = run(para * (1_000_000 // len(para.encode())))
    assert isinstance(out, Document) and out.officials and out.slogans and out.directives
    check_offsets(out)


# What each shape must still yield: the article around the noise is read, not thrown away.
EXPECT_OFFICIAL = {"paragraph without punctuation", "digits", "latin without spaces", "newlines", "unclosed tags",
                   "deeply nested html", "huge attribute", "entity runs", "directive run", "year run", "byline run",
                   "combining marks", "compatibility characters", "mixed encodings", "invalid utf-8",
                   "utf-16 with bom", "zero-width characters", "front matter never closed", "control characters"}
REFUSED = {"latin only": "not-chinese", "nul bytes among text": "binary"}


@pytest.mark.parametrize("name", list(SHAPES))
def test_bounded(name: str) -> None:
    out = run(SHAPES[name](N))
    if name in REFUSED:
        assert isinstance(out, InputError) and out.reason == REFUSED[name]
        return
    assert isinstance(out, Document), f"{name}: {out}"
    check_offsets(out)
    if name in EXPECT_OFFICIAL:
        assert "蔡奇" in {o.name for o in out.officials}, name


@pytest.mark.parametrize(
    "data, parts",
    [
        # a UTF-8 template with a GBK fragment pasted into the same line
        ("市委书记蔡奇到通州区调研。".encode() + "市长殷勇到海淀区调研。".encode("gbk"), ["通州区", "海淀区"]),
        # a GBK paragraph between UTF-8 ones
        ("蔡奇到通州区调研。\n".encode() + "殷勇到海淀区调研。\n".encode("gbk") + "会议强调，要压实责任。".encode(),
         ["通州区", "海淀区", "压实责任"]),
        # a Big5 line in a UTF-8 file
        ("市委书记蔡奇到通州区调研。\n".encode() + "臺北市長到大安區調研。".encode("big5"), ["通州区", "大安区"]),
        # one damaged byte: the rest of the line stays readable
        ("市委书记蔡奇到通州区".encode() + b"\xff" + "调研。他强调，要坚持五子联动。".encode(), ["通州区", "五子联动"]),
    ],
)
def test_mixed_encodings_keep_every_part(data: bytes, parts: list[str]) -> None:
    doc = extract(data)
    for part in parts:
        assert part in doc.text, (part, doc.text)
