"""Monthly quantities split into consecutive price tiers."""

from __future__ import annotations

from collections.abc import Sequence


def tier_buckets(total: float, widths: Sequence[float]) -> list[float]:
    """`total` split over tiers of the given widths, the rest in a last, open tier:
    tier_buckets(12_000, [1_000, 9_000]) == [1_000, 9_000, 2_000]."""
    buckets = []
    left = total
    for width in widths:
        used = min(left, width)
        buckets.append(used)
        left -= used
    buckets.append(left)
    return buckets
