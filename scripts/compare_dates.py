#!/usr/bin/env python3
"""policyie's dates extractor and JioNLP's extract_time side by side over tests/corpus/dates.yaml.

    python scripts/compare_dates.py            # the markdown table (docs/dates.md)
    python scripts/compare_dates.py --misses   # plus every expression a system gets wrong

JioNLP is a development-only baseline (``pip install jionlp``); without it the script says so and
reports policyie alone. Both systems read each sentence with the entry's publication date as the
reference time. JioNLP answers a [start, end] time span; it is written back as the TIMEX value
that span spells (a whole day, month, quarter, half or year, else a range) so both are scored on
the same strings. "interval" is the lenient score: the first and last day agree, whatever the
notation (2024-01/2024-03 for 2024-Q1 counts). JioNLP has no notion of an unknown year, so it is
given the corpus default date where an entry has none; those entries (XXXX…) count against it.
"""

from __future__ import annotations

import argparse
import calendar
import io
import sys
import time
from collections.abc import Callable
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # runnable from a checkout without installing

from test_dates import Case, load_corpus  # noqa: E402

Mention = tuple[int, int, str | None]  # start, end, TIMEX value
System = Callable[[str, date | None], list[Mention]]
DEFAULT_BASE = date(2024, 4, 30)


# ---------------------------------------------------------------- systems


def policyie_system() -> System:
    from policyie.extractors.dates import extract_dates
    from policyie.nlp import analyse

    def run(sentence: str, anchor: date | None) -> list[Mention]:
        return [(d.start, d.end, d.value) for d in extract_dates(sentence, anchor, analyse(sentence))]

    return run


def jionlp_system() -> System | None:
    try:
        with redirect_stdout(io.StringIO()):  # it prints a banner on import
            from jionlp.algorithm.ner import extract_time
    except Exception as exc:  # noqa: BLE001 — any import failure means "not available"
        print(f"> JioNLP not available ({type(exc).__name__}: {exc}); `pip install jionlp` to compare.\n")
        return None

    def run(sentence: str, anchor: date | None) -> list[Mention]:
        base = anchor or DEFAULT_BASE
        ts = time.mktime((base.year, base.month, base.day, 12, 0, 0, 0, 0, -1))
        out: list[Mention] = []
        try:
            found = extract_time(sentence, time_base=ts, with_parsing=True)
        except Exception:  # noqa: BLE001 — a crash on one sentence is a miss, not a stop
            return out
        for f in found:
            kind = f.get("type")
            if kind == "time_delta":  # its own "duration, not a date"
                continue
            start, end = f["offset"]
            out.append((start, end, _jio_value(f.get("detail", {}), kind)))
        return out

    return run


def _jio_value(detail: dict, kind: str | None) -> str | None:
    t = detail.get("time")
    if kind == "time_period":
        delta = (t or {}).get("delta") if isinstance(t, dict) else None
        return "XXXX" if delta == {"year": 1} else None
    try:
        d0 = datetime.strptime(t[0][:10], "%Y-%m-%d").date()
        d1 = datetime.strptime(t[1][:10], "%Y-%m-%d").date()
    except (TypeError, ValueError, IndexError):
        return None
    return span_to_timex(d0, d1)


def span_to_timex(d0: date, d1: date) -> str:
    """The TIMEX value a [first day, last day] span spells."""
    if d0 == d1:
        return d0.isoformat()
    whole_months = d0.day == 1 and d1.day == calendar.monthrange(d1.year, d1.month)[1]
    if not whole_months:
        return f"{d0.isoformat()}/{d1.isoformat()}"
    if d0.year == d1.year:
        y = d0.year
        if (d0.month, d1.month) == (1, 12):
            return f"{y}"
        if d0.month == d1.month:
            return f"{y}-{d0.month:02d}"
        if d0.month in (1, 4, 7, 10) and d1.month == d0.month + 2:
            return f"{y}-Q{(d0.month + 2) // 3}"
        if (d0.month, d1.month) in ((1, 6), (7, 12)):
            return f"{y}-H{1 if d0.month == 1 else 2}"
    elif (d0.month, d1.month) == (1, 12):
        return f"{d0.year}/{d1.year}"
    return f"{d0.year}-{d0.month:02d}/{d1.year}-{d1.month:02d}"


# ---------------------------------------------------------------- values as day spans

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def value_interval(value: str | None) -> tuple[date, date] | None:
    """First and last day a TIMEX value covers; None where the year is unknown or unreadable."""
    if not value or "X" in value:
        return None
    if "/" in value:
        a, b = (value_interval(v) for v in value.split("/", 1))
        return (a[0], b[1]) if a and b else None
    m = regex.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12])|-(SP|SU|FA|WI)|-W(\d{2}))?", value)
    if not m:
        return None
    y = int(m.group(1))
    last = lambda yy, mm: date(yy, mm, calendar.monthrange(yy, mm)[1])  # noqa: E731
    if m.group(3):
        d = date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        return date(y, int(m.group(2)), 1), last(y, int(m.group(2)))
    if m.group(4):
        q = int(m.group(4))
        return date(y, 3 * q - 2, 1), last(y, 3 * q)
    if m.group(5):
        h = int(m.group(5))
        return date(y, 1 if h == 1 else 7, 1), last(y, 6 if h == 1 else 12)
    if m.group(6):
        m0, m1 = _SEASONS[m.group(6)]
        return date(y, m0, 1), last(y + (m1 < m0), m1)
    if m.group(7):
        monday = date.fromisocalendar(y, int(m.group(7)), 1)
        return monday, monday + timedelta(days=6)
    return date(y, 1, 1), date(y, 12, 31)


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    positives: int = 0
    text: int = 0
    value: int = 0
    interval: int = 0
    negatives: int = 0
    clean: int = 0
    extra: int = 0  # mentions found that the corpus does not mark
    misses: list[str] = field(default_factory=list)


def score(system: System, cases: list[Case]) -> Score:
    s = Score()
    for c in cases:
        found = system(c.sentence, c.anchor)
        marked = set(c.others) | ({c.expected} if c.expected else set())
        s.extra += sum((a, b) not in marked for a, b, _ in found)
        if c.expected is None:
            s.negatives += 1
            s.clean += not found
            if found:
                s.misses.append(f"not a date: {c.sentence} → {[c.sentence[a:b] for a, b, _ in found]}")
            continue
        s.positives += 1
        hit = next((v for a, b, v in found if (a, b) == c.expected), "∅")
        if hit == "∅":
            want = c.sentence[c.expected[0] : c.expected[1]]
            s.misses.append(f"span: {want} in {c.sentence} → {[c.sentence[a:b] for a, b, _ in found]}")
            continue
        s.text += 1
        s.value += hit == c.value
        want_iv = value_interval(c.value)
        s.interval += hit == c.value or (want_iv is not None and value_interval(hit) == want_iv)
        if hit != c.value:
            s.misses.append(f"value: {c.sentence[c.expected[0] : c.expected[1]]} want {c.value}, got {hit}")
    return s


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}% ({n}/{d})" if d else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list what each system gets wrong")
    args = ap.parse_args(argv)
    cases = load_corpus()
    systems: list[tuple[str, System]] = [("policyie", policyie_system())]
    jio = jionlp_system()
    if jio is not None:
        import jionlp

        systems.append((f"JioNLP {jionlp.__version__} extract_time", jio))
    scores = [(name, score(fn, cases)) for name, fn in systems]
    n_pos = scores[0][1].positives
    n_neg = scores[0][1].negatives
    print(f"Dates corpus: {n_pos} expressions in context + {n_neg} sentences with no date (tests/corpus/dates.yaml)\n")
    print("| system | span exact | span + value | span + interval | no-date sentences clean | unmarked extra mentions |")
    print("|---|---|---|---|---|---|")
    for name, s in scores:
        print(f"| {name} | {pct(s.text, s.positives)} | {pct(s.value, s.positives)} | {pct(s.interval, s.positives)} "
              f"| {pct(s.clean, s.negatives)} | {s.extra} |")
    if args.misses:
        for name, s in scores:
            print(f"\n### {name}: {len(s.misses)} misses\n")
            for line in s.misses:
                print(f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
