"""CloudFront distribution (global: priced in us-east-1; every component depends on usage).

- Data transfer out to the internet, US and Europe, each in AWS's volume tiers (usage:
  `monthly_data_transfer_to_internet_gb.us`, `.europe`): GB, `cloudfront:data-out` (first
  10 TB) and `cloudfront:data-out:over:<GB>` (next 40 TB, 100 TB, 350 TB, 524 TB, 4 PB,
  over 5 PB)
- HTTPS requests, US (usage: `monthly_https_requests.us`): 10k requests,
  `cloudfront:requests:https`
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudfront_distribution",)
USAGE_KEYS = (
    "monthly_data_transfer_to_internet_gb.us",
    "monthly_data_transfer_to_internet_gb.europe",
    "monthly_https_requests.us",
)
GLOBAL_REGION = keys.GLOBAL_REGION


def estimate(view: AttributeView) -> list[ComponentSpec]:
    requests = view.usage_number("monthly_https_requests.us")
    return [
        *_data_out(view),
        ComponentSpec(
            "HTTPS requests (US)",
            "10k requests",
            keys.CLOUDFRONT_REQUESTS_HTTPS,
            None if requests is None else requests / 10_000,
            usage_based=True,
            note=None
            if requests is None
            else f"from the usage file: monthly_https_requests.us = {requests:g}",
            region=GLOBAL_REGION,
        ),
    ]


def _data_out(view: AttributeView) -> list[ComponentSpec]:
    """One tiered component per geography (AWS applies the volume tiers to each on its
    own); Europe's published rates are the US ones."""
    given = {
        geography: view.usage_number(f"monthly_data_transfer_to_internet_gb.{key}")
        for geography, key in (("US", "us"), ("Europe", "europe"))
    }
    if all(value is None for value in given.values()):
        given = {"US, Europe": None}
    return [
        ComponentSpec(
            f"Data transfer out to the internet ({geography})",
            "GB",
            keys.CLOUDFRONT_DATA_OUT,
            value,
            usage_based=True,
            note=None
            if value is None
            else f"from the usage file: monthly_data_transfer_to_internet_gb = {value:g}",
            region=GLOBAL_REGION,
            tiered=True,
        )
        for geography, value in given.items()
        if value is not None or len(given) == 1
    ]
