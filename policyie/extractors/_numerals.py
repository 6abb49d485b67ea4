"""Chinese numerals, built once from lexicons/numerals.tsv: the one table behind every place that reads a
number written in characters (dates in _timex, numbered formulations in slogans)."""

from __future__ import annotations

from policyie import lexicons

_TABLE = {k: {w: int(v) for w, v in t.items()} for k, t in lexicons.tables("numerals.tsv").items()}

# Digits 〇/零 to 九 (两 too): read one by one (二〇二四) or around 十 (二十六).
DIGITS: dict[str, int] = _TABLE["digit"]
# 十, 百, 千, 万.
UNITS: dict[str, int] = _TABLE["unit"]
# Every character that writes a quantity of one or more: digits past zero, units and counting words (双).
COUNT_CHARS: str = "".join(w for t in _TABLE.values() for w, v in t.items() if v >= 1)
# The value of a numbered formulation's first character, one to ten (四个意识 → 4, 双循环 → 2, 十大 → 10);
# 百, 千 and 万 open words (百姓, 千万工程), not lists of so many members.
SMALL_COUNTS: dict[str, int] = {w: v for t in _TABLE.values() for w, v in t.items() if 1 <= v <= 10}
