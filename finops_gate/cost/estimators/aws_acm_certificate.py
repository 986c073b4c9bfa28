"""ACM certificate: free when public, billed when issued by a private CA.

Public certificates (requested from Amazon's CA, or imported) cost nothing. A certificate
with `certificate_authority_arn` is a private certificate issued by AWS Private CA, at the
Private CA rate of the first 1,000 certificates. AWS bills it when issued and at each
renewal; like Infracost the estimate counts one certificate a month, which overstates a
certificate kept longer (AWS also tiers certificates over all the CAs of an account).

- Certificate (private): certificate, `acmpca:certificate:tier1`
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_acm_certificate",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if not view.configured("certificate_authority_arn"):
        return []
    return [ComponentSpec("Certificate (private)", "certificate", keys.ACMPCA_CERTIFICATE_TIER1, 1)]
