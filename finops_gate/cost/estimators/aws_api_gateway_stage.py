"""API Gateway REST API stage: the stage's cache cluster, billed per hour by its size.

A stage without `cache_cluster_enabled = true` costs nothing (its requests are billed on
the REST API). `cache_cluster_size` is one of the sizes AWS offers, in GB (0.5 to 237);
a size AWS does not offer is priced "price not found" under its own key.

- Cache memory (<size> GB): hour, `apigateway:cache:<size>gb:hour`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_api_gateway_stage",)

# the provider's default cache size when caching is on and no size is set
DEFAULT_CACHE_SIZE_GB = "0.5"
_SIZES = {float(size): size for size in keys.APIGATEWAY_CACHE_SIZES_GB}


def _size_label(size: float) -> str:
    return _SIZES.get(size) or f"{size:g}"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if not view.boolean("cache_cluster_enabled"):
        return []
    size = view.number("cache_cluster_size")
    label = DEFAULT_CACHE_SIZE_GB if size is None else _size_label(size)
    return [
        ComponentSpec(
            f"Cache memory ({label} GB)",
            "hour",
            keys.apigateway_cache_hour(label),
            HOURS_PER_MONTH,
        )
    ]
