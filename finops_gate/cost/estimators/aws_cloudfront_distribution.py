"""CloudFront distribution (global: priced in us-east-1; every component depends on usage).

- Data transfer out to the internet, US and Europe, first 10 TB (usage:
  `monthly_data_transfer_to_internet_gb.us` + `.europe`): GB, `cloudfront:data-out`
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
    us = view.usage_number("monthly_data_transfer_to_internet_gb.us")
    europe = view.usage_number("monthly_data_transfer_to_internet_gb.europe")
    data_out = None if us is None and europe is None else (us or 0.0) + (europe or 0.0)
    requests = view.usage_number("monthly_https_requests.us")
    return [
        ComponentSpec(
            "Data transfer out to the internet (US, Europe)",
            "GB",
            keys.CLOUDFRONT_DATA_OUT,
            data_out,
            usage_based=True,
            note=None
            if data_out is None
            else "from the usage file: monthly_data_transfer_to_internet_gb",
            region=GLOBAL_REGION,
        ),
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
