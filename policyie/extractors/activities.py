"""Activities: placeholder until its issue lands."""

from __future__ import annotations

from policyie.extractors.base import Context, register


@register("activities")
def extract(ctx: Context) -> list:
    return []
