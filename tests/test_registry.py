"""The extractor registry: declared requirements, a checked order, and running up to one field."""

from __future__ import annotations

from pathlib import Path

import pytest

import policyie
from policyie.extractors import REGISTRY, RegistryError, describe, register, until
from policyie.pipeline import run_until

SEED = Path(__file__).resolve().parent.parent / "seeds" / "002_a89ed202fbb261d6.txt"


def test_every_requirement_runs_before_the_step_that_reads_it() -> None:
    seen: set[str] = set()
    for step in describe():
        assert set(step["requires"]) <= seen, step
        seen.add(step["field"])
    assert list(REGISTRY) == [s["field"] for s in describe()]
    assert {"authors", "officials", "places", "dates", "slogans", "meetings", "activities", "directives"} <= seen


def test_the_event_layers_declare_the_entity_layers_they_link_to() -> None:
    steps = {s["field"]: set(s["requires"]) for s in describe()}
    assert steps["places"] >= {"officials"}  # names inside officials' names are no places
    assert steps["meetings"] >= {"officials", "places", "dates"}
    assert steps["activities"] >= {"officials", "places", "dates"}
    assert steps["directives"] >= {"officials", "slogans", "meetings"}


def test_a_step_registered_before_what_it_requires_is_an_error() -> None:
    with pytest.raises(RegistryError, match="requires"):
        register("summary", requires=("officials", "sentiment"))(lambda ctx: [])
    assert "summary" not in REGISTRY


def test_a_field_registered_twice_is_an_error() -> None:
    with pytest.raises(RegistryError, match="twice"):
        register("places")(lambda ctx: [])
    assert REGISTRY["places"].fn.__module__ == "policyie.extractors.places"


def test_a_new_step_after_its_requirements_runs_last_and_can_be_removed() -> None:
    register("n_officials", requires=("officials",))(lambda ctx: [len(ctx.doc.officials)])
    try:
        assert [name for name, _ in until("n_officials")][-2:] == ["directives", "n_officials"]
    finally:
        REGISTRY.pop("n_officials")


def test_run_until_fills_the_field_and_what_it_needs_and_nothing_after() -> None:
    full = policyie.extract(SEED)
    part = run_until(SEED, "officials")
    assert part.officials == full.officials and part.officials
    assert part.authors == full.authors
    assert part.places == [] and part.meetings == [] and part.directives == []
    assert run_until(SEED, "directives").to_json() == full.to_json()


def test_run_until_an_unknown_field_says_which_are_known() -> None:
    with pytest.raises(KeyError, match="officials"):
        run_until(SEED, "sentiment")
