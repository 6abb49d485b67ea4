"""Dates: placeholder until its issue lands."""

from __future__ import annotations

from policyie.extractors.base import Context, register


@register("dates")
def extract(ctx: Context) -> list:
    return []
