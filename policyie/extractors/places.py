"""Places: placeholder until its issue lands."""

from __future__ import annotations

from policyie.extractors.base import Context, register


@register("places")
def extract(ctx: Context) -> list:
    return []
