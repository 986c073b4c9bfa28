"""CloudFront distribution (global: priced in us-east-1; every component depends on usage).

- Data transfer out to the internet, US and Europe, each in AWS's volume tiers (usage:
  `monthly_data_transfer_to_internet_gb.us`, `.europe`): GB, `cloudfront:data-out` (first
  10 TB) and `cloudfront:data-out:over:<GB>` (next 40 TB, 100 TB, 350 TB, 524 TB, 4 PB,
  over 5 PB)
- HTTPS requests, US (usage: `monthly_https_requests.us`): 10k requests,
  `cloudfront:requests:https`

Shown when the usage file gives them (geographies: `us`, `europe`, `south_africa`,
`south_america`, `japan`, `australia`, `asia_pacific`, `india`):
- Data transfer out to the internet from another geography, in its own volume tiers
  (`monthly_data_transfer_to_internet_gb.<geo>`): GB, `cloudfront:data-out:<geo>` (first
  10 TB) and `cloudfront:data-out:<geo>:over:<GB>`
- Data transfer to the origin (`monthly_data_transfer_to_origin_gb.<geo>`): GB,
  `cloudfront:data-to-origin:<geo>`
- HTTP requests (`monthly_http_requests.<geo>`), HTTPS requests outside the US
  (`monthly_https_requests.<geo>`): 10k requests, `cloudfront:requests:<http|https>:<geo>`
- Origin Shield requests (`monthly_shield_requests.<geo>`, geographies as Infracost's:
  also `singapore`, `south_korea`): 10k requests, `cloudfront:origin-shield:<geo>` (the
  rate of the geography's Origin Shield region: us-east-1, eu-west-1, sa-east-1,
  ap-northeast-1, ap-southeast-2, ap-southeast-1, ap-northeast-2, ap-south-1)
- Invalidation paths beyond the free 1,000 (`monthly_invalidation_requests`): path,
  `cloudfront:invalidation`
- Field-level encryption (`monthly_encryption_requests`): 10k requests,
  `cloudfront:field-level-encryption`
- Real-time logs (`monthly_log_lines`): 1M lines, `cloudfront:realtime-logs`
- Dedicated-IP custom SSL certificates (`custom_ssl_certificates`; one when the
  distribution's `viewer_certificate` has `ssl_support_method = "vip"` and the usage file
  says nothing): certificate-month, `cloudfront:dedicated-ip-ssl`

AWS applies the volume tiers to each geography on its own.
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators._usage import given_usage_specs
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudfront_distribution",)
GEOS = keys.CLOUDFRONT_GEOS
_NAMES = {
    "us": "US",
    "europe": "Europe",
    "south_africa": "South Africa",
    "south_america": "South America",
    "japan": "Japan",
    "australia": "Australia",
    "asia_pacific": "Asia Pacific",
    "india": "India",
    "singapore": "Singapore",
    "south_korea": "South Korea",
}
_PER_10K = 1 / 10_000
# (usage key, name, unit, price key, scale) of the components shown when given
OPTIONAL: tuple[tuple[str, str, str, str, float], ...] = (
    *(
        (
            f"monthly_data_transfer_to_origin_gb.{geo}",
            f"Data transfer to origin ({_NAMES[geo]})",
            "GB",
            keys.cloudfront_data_to_origin(geo),
            1.0,
        )
        for geo in GEOS
    ),
    *(
        (
            f"monthly_{protocol}_requests.{geo}",
            f"{protocol.upper()} requests ({_NAMES[geo]})",
            "10k requests",
            keys.cloudfront_requests(geo, protocol),
            _PER_10K,
        )
        for protocol in ("http", "https")
        for geo in GEOS
        if (geo, protocol) != ("us", "https")
    ),
    *(
        (
            f"monthly_shield_requests.{geo}",
            f"Origin Shield requests ({_NAMES[geo]})",
            "10k requests",
            keys.cloudfront_origin_shield(geo),
            _PER_10K,
        )
        for geo in keys.CLOUDFRONT_SHIELD_GEOS
    ),
    (
        "monthly_encryption_requests",
        "Field-level encryption requests",
        "10k requests",
        keys.CLOUDFRONT_FIELD_LEVEL_ENCRYPTION,
        _PER_10K,
    ),
    ("monthly_log_lines", "Real-time log lines", "1M lines", keys.CLOUDFRONT_REALTIME_LOGS, 1e-6),
)
OTHER_GEOS = tuple(geo for geo in GEOS if geo not in ("us", "europe"))
SSL_NAME = "Dedicated IP custom SSL certificates"
FREE_INVALIDATION_PATHS = 1000.0
USAGE_KEYS = (
    "monthly_data_transfer_to_internet_gb.us",
    "monthly_data_transfer_to_internet_gb.europe",
    "monthly_https_requests.us",
    "monthly_invalidation_requests",
    *(f"monthly_data_transfer_to_internet_gb.{geo}" for geo in OTHER_GEOS),
    *(item[0] for item in OPTIONAL),
    "custom_ssl_certificates",
)
GLOBAL_REGION = keys.GLOBAL_REGION


def estimate(view: AttributeView) -> list[ComponentSpec]:
    requests = view.usage_number("monthly_https_requests.us")
    specs = [
        *_data_out(view),
        ComponentSpec(
            "HTTPS requests (US)",
            "10k requests",
            keys.CLOUDFRONT_REQUESTS_HTTPS,
            None if requests is None else requests / 10_000,
            usage_based=True,
            note=None
            if requests is None
            else f"from the usage file: monthly_https_requests.us = {number_text(requests)}",
            region=GLOBAL_REGION,
        ),
    ]
    optional = [*_other_geos_data_out(view), *given_usage_specs(view, OPTIONAL)]
    certificates = _ssl_certificates(view)
    if certificates is not None:
        optional.append(certificates)
    paths = view.usage_number("monthly_invalidation_requests")
    if paths is not None:
        optional.append(
            ComponentSpec(
                "Invalidation paths (over 1,000 free)",
                "path",
                keys.CLOUDFRONT_INVALIDATION,
                max(paths - FREE_INVALIDATION_PATHS, 0.0),
                usage_based=True,
                note=f"from the usage file: monthly_invalidation_requests = {number_text(paths)}",
            )
        )
    specs.extend(_global(spec) for spec in optional)
    return specs


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
            else "from the usage file: monthly_data_transfer_to_internet_gb = "
            + number_text(value),
            region=GLOBAL_REGION,
            tiered=True,
        )
        for geography, value in given.items()
        if value is not None or len(given) == 1
    ]


def _other_geos_data_out(view: AttributeView) -> list[ComponentSpec]:
    specs = []
    for geo in OTHER_GEOS:
        usage_key = f"monthly_data_transfer_to_internet_gb.{geo}"
        value = view.usage_number(usage_key)
        if value is None:
            continue
        specs.append(
            ComponentSpec(
                f"Data transfer out to the internet ({_NAMES[geo]})",
                "GB",
                keys.cloudfront_data_out(geo),
                value,
                usage_based=True,
                note=f"from the usage file: {usage_key} = {number_text(value)}",
                tiered=True,
            )
        )
    return specs


def _ssl_certificates(view: AttributeView) -> ComponentSpec | None:
    """AWS bills $600 a month per dedicated-IP certificate: a distribution that serves
    HTTPS with `ssl_support_method = "vip"` has one, unless the usage file says more."""
    given = view.usage_number("custom_ssl_certificates")
    if given is not None:
        note = f"from the usage file: custom_ssl_certificates = {number_text(given)}"
        return ComponentSpec(
            SSL_NAME,
            "certificate-month",
            keys.CLOUDFRONT_DEDICATED_IP_SSL,
            given,
            usage_based=True,
            note=note,
        )
    certificates = view.blocks("viewer_certificate")
    if any(block.string("ssl_support_method") == "vip" for block in certificates):
        return ComponentSpec(
            SSL_NAME,
            "certificate-month",
            keys.CLOUDFRONT_DEDICATED_IP_SSL,
            1.0,
            note='viewer_certificate.ssl_support_method = "vip"',
        )
    return None


def _global(spec: ComponentSpec) -> ComponentSpec:
    return replace(spec, region=GLOBAL_REGION)
