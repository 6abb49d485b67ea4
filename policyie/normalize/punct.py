"""Punctuation as Chinese text writes it: one mark where scrapes doubled it, full-width between characters."""

from __future__ import annotations

import regex

from policyie import lazy_pattern
from policyie.normalize.textmap import MappedText

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
# Half-width marks touching a Han character on either side (not 1,000 or 14:07).
_HALF = lazy_pattern.compile(r"(?<=[\p{Han}”’）》])[,;:!?]|[,;:!?](?=[\p{Han}“‘（《])")
# Runs like ，， ，、 ,、 ，。 that scrapers leave behind; whitespace inside a run is part of it.
_RUN = lazy_pattern.compile(r"[，、；：。！？](?:[ \t]{0,3}[，、；：。！？]){1,20}")
# The mark a run keeps: the strongest boundary it holds.
_RANK = {c: i for i, c in enumerate("，、：；！？。")}


def fix_punctuation(mt: MappedText) -> MappedText:
    mt = mt.sub(_HALF, lambda m: _HALF_TO_FULL[m.group()])
    return mt.sub(_RUN, _keep_one)


def _keep_one(m: regex.Match[str]) -> str:
    marks = [c for c in m.group() if c in _RANK]
    if len(set(marks)) == 1 and marks[0] in "！？":
        return m.group()  # ！！ and ？？ are emphasis, not damage
    return max(marks, key=_RANK.__getitem__)
