"""Input normalisation against tests/corpus/normalize.yaml, plus encodings and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_cases import load_corpus

from policyie import InputError
from policyie.normalize import normalise
from policyie.normalize.decode import MAX_INPUT_BYTES

CASES = load_corpus("normalize.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_normalise(case: dict) -> None:
    n = normalise(case["raw"])
    for key in ("text", "title", "source", "published", "url", "bylines", "categories"):
        if key in case:
            got = getattr(n, key)
            if key == "categories":
                got = got[: len(case[key])]
            assert got == case[key], f"{key}: {got!r}"
    for part in case.get("text_has", []):
        assert part in n.text
    for part in case.get("text_lacks", []):
        assert part not in n.text
    for b in case.get("bylines_has", []):
        assert b in n.bylines
    if "bylines_count" in case:
        assert len(n.bylines) == case["bylines_count"], n.bylines


def test_offset_map_points_back_to_raw() -> None:
    raw = "<p>　　市委书记到<b>通州区</b>调研。</p><p>要坚持&nbsp;稳中求进。</p>"
    n = normalise(raw)
    i = n.text.index("通州区")
    assert raw[n.offsets[i] : n.offsets[i] + 3] == "通州区"
    j = n.text.index("稳中求进")
    assert raw[n.offsets[j] : n.offsets[j] + 4] == "稳中求进"
    assert len(n.offsets) == len(n.text) + 1


SENTENCE = "市委副书记、市长殷勇到海淀区调研，强调要聚焦发展战略性新兴产业。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_simplified_encodings(encoding: str) -> None:
    assert normalise(SENTENCE.encode(encoding)).text == SENTENCE


# GB18030 bytes that open with a valid UTF-8 pair by chance (思路 = CB BC C2 B7 reads ˼· in UTF-8): found by
# test_properties' GB18030 round trip; the first line must not be taken for a UTF-8 template.
@pytest.mark.parametrize("text", ["思路举措。要坚持实践创新，切实当好首都高质量发展开路先锋。\n会议强调，要压实责任。"])
def test_gb18030_opening_like_utf8(text: str) -> None:
    assert normalise(text.encode("gb18030")).text == normalise(text).text


def test_big5_is_detected_and_converted() -> None:
    trad = "市委副書記、市長殷勇到海淀區調研，強調要聚焦發展戰略性新興產業。"
    assert normalise(trad.encode("big5")).text == SENTENCE


def test_path_input(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_bytes(SENTENCE.encode("gb18030"))
    assert normalise(p).text == SENTENCE


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        (b"", "empty"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        ("Only Latin letters here, no Chinese at all.", "not-chinese"),
        ("<p><br></p><!-- nothing -->", "not-chinese"),
        (12345, "type"),
        (Path("/nonexistent/article.txt"), "not-found"),
    ],
)
def test_bad_input_is_an_input_error(source: object, reason: str) -> None:
    with pytest.raises(InputError) as err:
        normalise(source)
    assert err.value.reason == reason
    assert str(err.value)


def test_too_large_is_refused_quickly() -> None:
    with pytest.raises(InputError) as err:
        normalise(b"\xe5\x9b\xbd" * (MAX_INPUT_BYTES // 3 + 10))
    assert err.value.reason == "too-large"


def test_directory_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        normalise(tmp_path)
    assert err.value.reason == "not-a-file"
