"""Paged, sorted listing shared by every large table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageRequest:
    """Which slice of a listing to fetch, and in which order.

    ``sort`` is a key the listing service understands (usually a column name); unknown
    keys fall back to the service's default order.
    """

    offset: int = 0
    limit: int = 200
    sort: str | None = None
    descending: bool = False
