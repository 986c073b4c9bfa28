"""AWS Private CA certificate authority: the CA per month and the certificates it issues.

`usage_mode = "SHORT_LIVED_CERTIFICATE"` is the short-lived certificate mode, with its own
CA and certificate rates. General-purpose certificates are priced in monthly tiers over
the CA's certificates (first 1,000, next 9,000, above 10,000), as Infracost does; AWS counts
the tiers over all the CAs of an account and region.

- Private certificate authority: CA-month, `acmpca:ca:general-purpose`
  (`acmpca:ca:short-lived` in short-lived mode)
- Certificates (first 1K) (usage: `monthly_requests`): certificate,
  `acmpca:certificate:tier1`
- Certificates (next 9K): certificate, `acmpca:certificate:tier2`
- Certificates (over 10K): certificate, `acmpca:certificate:tier3`
- Certificates (short-lived) (usage: `monthly_requests`): certificate,
  `acmpca:certificate:short-lived`
"""

from __future__ import annotations

from finops_gate.cost.estimators._tiers import tier_buckets
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_acmpca_certificate_authority",)
USAGE_KEYS = ("monthly_requests",)
SHORT_LIVED = "SHORT_LIVED_CERTIFICATE"
TIER_WIDTHS = (1_000, 9_000)
TIERS = (
    ("Certificates (first 1K)", keys.ACMPCA_CERTIFICATE_TIER1),
    ("Certificates (next 9K)", keys.ACMPCA_CERTIFICATE_TIER2),
    ("Certificates (over 10K)", keys.ACMPCA_CERTIFICATE_TIER3),
)


def certificate_lines(requests: float | None) -> list[ComponentSpec]:
    """General-purpose certificates by tier; without usage, the first tier's line."""
    if requests is None:
        name, key = TIERS[0]
        return [ComponentSpec(name, "certificate", key, None, usage_based=True)]
    note = f"from the usage file: monthly_requests = {number_text(requests)}"
    return [
        ComponentSpec(name, "certificate", key, quantity, usage_based=True, note=note)
        for (name, key), quantity in zip(TIERS, tier_buckets(requests, TIER_WIDTHS), strict=True)
        if quantity > 0
    ]


def estimate(view: AttributeView) -> list[ComponentSpec]:
    requests = view.usage_number("monthly_requests")
    if (view.string("usage_mode") or "").upper() == SHORT_LIVED:
        note = (
            None
            if requests is None
            else f"from the usage file: monthly_requests = {number_text(requests)}"
        )
        return [
            ComponentSpec(
                "Private certificate authority (short-lived certificate mode)",
                "CA-month",
                keys.ACMPCA_CA_SHORT_LIVED,
                1,
            ),
            ComponentSpec(
                "Certificates (short-lived)",
                "certificate",
                keys.ACMPCA_CERTIFICATE_SHORT_LIVED,
                requests,
                usage_based=True,
                note=note,
            ),
        ]
    return [
        ComponentSpec(
            "Private certificate authority", "CA-month", keys.ACMPCA_CA_GENERAL_PURPOSE, 1
        ),
        *certificate_lines(requests),
    ]
