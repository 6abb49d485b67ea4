"""The lunar-month table (policyie/lexicons/lunar_months.tsv) agrees with the package's own new-year table and has the
lunar calendar's shape: months of 29 or 30 days, twelve or thirteen a year."""

from datetime import date

from policyie import lexicons
from policyie.extractors import _timex as tx


def test_new_year_matches_spring_festival_table() -> None:
    for year, (month, day) in tx.SPRING_FESTIVAL.items():
        assert tx.lunar_day_in(year, 1, 1) == date(year, month, day), year


def test_months_are_29_or_30_days_and_years_12_or_13_months() -> None:
    rows = lexicons.rows("lunar_months.tsv", header=True)
    starts = [date.fromisoformat(r[3]) for r in rows]
    assert starts == sorted(starts)
    assert {(b - a).days for a, b in zip(starts, starts[1:], strict=False)} == {29, 30}
    per_year: dict[int, int] = {}
    for r in rows:
        per_year[int(r[0])] = per_year.get(int(r[0]), 0) + 1
    assert set(per_year.values()) == {12, 13}


def test_festival_in_the_gregorian_year_asked() -> None:
    assert tx.lunar_day_in(2029, 12, 8) == date(2029, 1, 22)  # 腊八 of the lunar year before falls in January
    assert tx.lunar_day_in(2031, 9, 9) == date(2031, 10, 24)
    assert tx.lunar_day_in(2100, 8, 15) is None  # outside the table
