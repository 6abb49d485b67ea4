"""The curated word lists the rules read are data files (policyie/lexicons/*_words.tsv, numerals.tsv): each
must be present, well formed and hold every list the code asks for, or extraction silently changes."""

from __future__ import annotations

import pytest

from policyie import lexicons

# Each word-list lexicon and the lists the code reads from it.
WORD_LISTS = {
    "name_words.tsv": {
        "not-given", "not-surname", "translit", "not-name", "after-post", "report-verb", "after-and", "compound-surname",
        "sentence-glue", "name-middle", "tibetan", "mongolian", "companion-after", "yi-surname", "side",
    },
    "event_words.tsv": {
        "meeting-kind", "held-only", "bilateral-short", "beijing-venue", "name-stop", "generic-modifier", "bare-never",
        "organ-head", "tour-kind", "paired-verb", "field-verb", "session-governor",
    },
    "numerals.tsv": {"digit", "unit", "count"},
    "place_words.tsv": {
        "visit-cue", "visit-move-cue", "visited-site-ending", "visit-not-first", "visit-item-tail", "visit-heritage-tail", "river-section", "river-section-works",
        "organ-suffix", "break-word", "adjectival", "country-adjectival", "adjectival-word", "adjectival-next", "organ-rest", "glue-char",
        "stem-stop", "generic-stem", "qualifier", "company-suffix", "generic-tail", "village-common", "name-stop",
        "zone-like-town", "area-suffix", "park-suffix", "weak-suffix", "deictic", "village-generic", "division-end",
        "venue-suffix", "division-named-suffix", "crossing-mode", "event-site", "direction-word", "site-suffix", "region-suffix", "foreign-lead",
        "foreign-between", "foreign-not-after", "foreign-facility-after", "zone-word", "works-on-site", "reserve-suffix", "memorial-suffix",
        "kind-list-word", "visited-site-weak-ending", "foreign-motion", "foreign-town-next", "wish-word", "wish-before", "foreign-landform", "park-short-form",
        "farm-base-kind",
    },
    "title_words.tsv": {
        "suffix-post", "foreign-suffix-post", "paired-suffix-post", "body-end", "not-title", "dropped", "title-stop", "leading-function", "scope-start", "organ-end", "unit-end",
        "firm-post", "firm-organ-end", "state-prefix", "state-mark", "state-sector", "firm-generic", "folded-organ", "scope-word",
        "acting-not", "division-end", "implied-organ", "municipality", "aid-word", "pronoun", "party-department",
        "foreign-only-post", "foreign-ministry", "list-standing", "state-post", "ranked-post", "office-head", "field-verb",
        "organ-word", "foreign-chamber",
    },
}
# The lists read as word → value tables: every word needs its value.
TABLES = {
    "event_words.tsv": {"meeting-kind", "tour-kind"},
    "numerals.tsv": {"digit", "unit", "count"},
    "place_words.tsv": {"deictic", "foreign-landform", "park-short-form"},
    "title_words.tsv": {"implied-organ"},
}


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_word_list_lexicon_is_well_formed(name):
    path = lexicons.path(name)
    assert path.is_file(), f"{name} is missing from policyie/lexicons"
    assert path.read_text(encoding="utf-8").startswith("#"), f"{name} has no header comment saying where it comes from"
    lists = lexicons.lists(name)  # raises on a short line, an empty word or a word listed twice in a list
    assert set(lists) == WORD_LISTS[name], f"{name}: lists {sorted(lists)} expected {sorted(WORD_LISTS[name])}"
    for list_name, words in lists.items():
        assert words, f"{name}: list {list_name} is empty"
        assert all(w == w.strip() for w in words), f"{name}: {list_name} has a word with surrounding space"
    tables = lexicons.tables(name)
    for list_name in TABLES.get(name, ()):
        assert all(tables[list_name].values()), f"{name}: a word of {list_name} has no value"


@pytest.mark.parametrize(
    "line",
    ["digit", "digit\t", "\t一", "digit\t一\t1\textra", "digit\t一\t1\ndigit\t一\t1"],
)
def test_malformed_word_list_is_an_error(tmp_path, monkeypatch, line):
    monkeypatch.setattr(lexicons, "HERE", tmp_path)
    (tmp_path / "bad.tsv").write_text(f"# header\n# list\tword\tvalue\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError):
        lexicons.lists("bad.tsv")


def test_numerals_from_one_table():
    from policyie.extractors._numerals import COUNT_CHARS, DIGITS, SMALL_COUNTS
    from policyie.extractors._timex import cn_number
    from policyie.extractors.slogans import numeral_value

    assert DIGITS["〇"] == 0 and DIGITS["两"] == 2 and DIGITS["九"] == 9
    assert set(COUNT_CHARS) == set("一二两三四五六七八九十百千万双")
    assert SMALL_COUNTS["双"] == 2 and SMALL_COUNTS["十"] == 10 and "百" not in SMALL_COUNTS
    assert cn_number("二〇二四") == 2024 and cn_number("二十六") == 26
    assert numeral_value("四个意识") == 4 and numeral_value("十四五") is None


def test_every_lexicon_ships_in_the_wheel():
    """Each file under policyie/lexicons matches a package-data pattern of pyproject.toml, so an installed
    policyie has it (a new lexicon whose suffix no pattern names would be left out of the wheel)."""
    import fnmatch
    from pathlib import Path

    tomllib = pytest.importorskip("tomllib")
    root = Path(__file__).resolve().parent.parent
    package_data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]
    for f in lexicons.HERE.rglob("*"):
        if not f.is_file() or f.suffix in (".py", ".pyc") or "__pycache__" in f.parts:
            continue
        rel = f.relative_to(lexicons.HERE)
        package = ".".join(("policyie", "lexicons", *rel.parts[:-1]))
        patterns = package_data.get(package, [])
        assert any(fnmatch.fnmatch(rel.name, p) for p in patterns), f"{rel} is not in {package}'s package-data"
