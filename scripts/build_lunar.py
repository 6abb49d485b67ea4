"""Build policyie/lexicons/lunar_months.tsv: the first Gregorian day of each month of the Chinese lunar calendar.

The lunar calendar is a fixed astronomical fact (new moons and solar terms at Beijing time); the package reads the
table to date lunar festivals (端午, 七夕, 中秋, 重阳, 腊八, 除夕) and days written as 农历七月初一. The months come
from ``lunardate`` (GPL-2.0, https://pypi.org/project/lunardate/), whose tables follow the Hong Kong Observatory's;
only the dates it computes are kept, none of its code. ``lunardate`` is needed to run this script, never at run time:

    pip install lunardate && python scripts/build_lunar.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lunardate import LunarDate

FIRST_YEAR, LAST_YEAR = 1990, 2040
OUT = Path(__file__).resolve().parent.parent / "policyie" / "lexicons" / "lunar_months.tsv"


def _start(year: int, month: int, leap: bool) -> dt.date | None:
    try:
        return LunarDate(year, month, 1, leap).to_solar_date()
    except ValueError:
        return None  # no such leap month that year


def main() -> None:
    lines = [
        "# The first Gregorian day of each lunar month (leap 1: the leap month after the month of that number).",
        "# Built by scripts/build_lunar.py from lunardate (GPL-2.0; Hong Kong Observatory tables); dates only.",
        "year\tmonth\tleap\tstart",
    ]
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for month in range(1, 13):
            for leap in (False, True):
                start = _start(year, month, leap)
                if start is not None:
                    lines.append(f"{year}\t{month}\t{int(leap)}\t{start.isoformat()}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 3} months to {OUT}")


if __name__ == "__main__":
    main()
