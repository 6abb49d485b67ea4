"""Traditional script → Simplified, and inline pinyin annotations removed (發(fā)展 → 发展).

Both keep the offset map: annotations are deletions, and conversion is character for character.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from policyie import lazy_pattern
from policyie.normalize.textmap import MappedText

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = rf"[a-zü{_TONED}]{{1,7}}"
# A character lost in transcoding ("?") often drags its own annotation fragments along: 日?qǐng)?bào).
_LOST = lazy_pattern.compile(rf"\?(?:{_PINYIN}\)\??)+")
_ANNOTATION = lazy_pattern.compile(rf"(?<=[\p{{Han}}\ufffd])[(（](?P<py>{_PINYIN})[)）]")
_HAS_TONE = lazy_pattern.compile(f"[{_TONED}]")
_HAN = lazy_pattern.compile(r"\p{Han}")
LOST_CHAR = "\ufffd"


def strip_pinyin(mt: MappedText) -> MappedText:
    """Remove pinyin after characters, but only in texts that are annotated throughout.

    A lone "(ai)" after a character is more likely an abbreviation than an annotation, so
    toneless syllables are removed only where at least three toned ones show the text's habit.
    """
    if "(" not in mt.text and "（" not in mt.text:
        return mt  # no annotation without a bracket
    toned = sum(1 for m in _ANNOTATION.finditer(mt.text) if _HAS_TONE.search(m["py"]))
    if toned < 3:
        return mt
    mt = mt.sub(_LOST, LOST_CHAR)
    return mt.sub(_ANNOTATION, "")


@cache
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def _traditional_chars() -> frozenset[str]:
    """Characters that only Traditional script uses: OpenCC's own character table, read once."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    out = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        if trad and trad not in simp.split():
            out.add(trad)
    return frozenset(out)


# Fewer Traditional-only characters than this are strays, whatever their share: a surname written in its own
# character (区委书记麴琮, where 麴 is Traditional for 曲 but a surname of its own) in a short item.
MIN_TRADITIONAL = 3


def is_traditional(text: str, threshold: float = 0.02) -> bool:
    head = text[:50000]
    # Most articles hold no Traditional-only character at all: isdisjoint says so without listing every Han
    # character, or even building the text's own set (half the cost of the intersection).
    trad = _traditional_han()
    if threshold > 0 and trad.isdisjoint(head):
        return False
    present = trad & set(head)
    han = len(_HAN.findall(head))
    if not han:
        return False
    count = sum(head.count(c) for c in present)
    return count >= min(MIN_TRADITIONAL, han) and count / han >= threshold


@cache
def _traditional_han() -> frozenset[str]:
    return frozenset(c for c in _traditional_chars() if _HAN.fullmatch(c))


def to_simplified(mt: MappedText) -> MappedText:
    """Convert when the text is written in Traditional script (a stray 著 in Simplified text is not)."""
    if not is_traditional(mt.text):
        return mt
    conv = _converter()
    out = conv.convert(mt.text)
    if len(out) == len(mt.text):
        return MappedText(out, mt.offsets)
    # A phrase rule changed the length: fall back to character-for-character, which keeps the map exact.
    return MappedText("".join(conv.convert(c) for c in mt.text), mt.offsets)
