"""Flats of the southwest (坝子) named after their town or city: 保山|坝, 孟定|坝子, 潞江|坝.

In Yunnan, Guizhou, Sichuan and Chongqing a 坝子 is a flat basin between mountains, named after the town or city
on it, and news names it as a region of its own (孟定坝子热量充足, 统筹保山坝城市扩展). A division of those
provinces mentioned right before 坝子, or before a 坝 that makes no word of the dictionary with what follows (坝体,
坝顶 are a dam's parts), names the flat; the division's mention becomes the flat's. Evidence ``flat``.
"""

from __future__ import annotations

from policyie.extractors._model_places import drop_empty, move_mention
from policyie.extractors._people import jieba_freq
from policyie.records import Place, Span

EVIDENCE = "flat"
# Division codes of the provinces where 坝子 is the common word for a flat: Chongqing, Sichuan, Guizhou, Yunnan.
_SOUTHWEST = ("50", "51", "52", "53")
_LEVELS = frozenset(("city", "district", "town"))


def add(text: str, places: dict[str, Place]) -> None:
    """Turn each division mention right before a flat's 坝/坝子 into the flat (see the module docstring)."""
    if "坝" not in text:
        return
    found: list[tuple[Place, Span, int]] = []
    for p in places.values():
        if p.level not in _LEVELS or not (p.code or "").startswith(_SOUTHWEST):
            continue
        for m in p.mentions:
            end = _flat_end(text, m.end)
            if end is not None:
                found.append((p, m, end))
    for p, m, end in found:
        move_mention(places, text, p, m, end, "region", EVIDENCE)
    drop_empty(places)


def _flat_end(text: str, at: int) -> int | None:
    if text.startswith("坝子", at):
        return at + 2
    if text.startswith("坝", at) and jieba_freq().get(text[at : at + 2], 0) == 0:
        return at + 1
    return None
