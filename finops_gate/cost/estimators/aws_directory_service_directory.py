"""AWS Directory Service directory (Simple AD, Managed Microsoft AD, AD Connector).

Billed per domain controller-hour; every directory runs two.

- Directory service (type, edition or size): controller-hour, 2 x 730,
  `directoryservice:<microsoft-ad|simple-ad|ad-connector>:<standard|enterprise|small|large>`
- Additional domain controllers (usage: `additional_domain_controllers`): controller-hour,
  the same key
- Directory sharing, Microsoft AD only (usage: `shared_accounts`): account-hour,
  `directoryservice:sharing:microsoft-ad:<standard|enterprise>`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_directory_service_directory",)
USAGE_KEYS = ("additional_domain_controllers", "shared_accounts")
CONTROLLERS = 2  # AWS runs two domain controllers per directory, in two subnets

# Terraform's `type` -> (the key's type slug, the label Infracost and AWS use)
TYPES = {
    "SimpleAD": ("simple-ad", "Simple AD"),
    "MicrosoftAD": ("microsoft-ad", "Microsoft AD"),
    "ADConnector": ("ad-connector", "AD Connector"),
}


def _tier(view: AttributeView, directory_type: str) -> tuple[str, str | None]:
    """Microsoft AD: its edition (AWS's default Enterprise); the others: their size
    (required)."""
    if directory_type == "MicrosoftAD":
        edition = view.string("edition")
        if edition is not None:
            return edition, None
        if view.configured("edition"):
            raise UnknownAttributeError("edition")
        return "Enterprise", "edition not set: Enterprise, AWS's default"
    size = view.string("size")
    if size is None:
        raise UnknownAttributeError("size")
    return size, None


def estimate(view: AttributeView) -> list[ComponentSpec]:
    directory_type = view.string("type", "SimpleAD") or "SimpleAD"
    if directory_type not in TYPES:
        raise UnknownAttributeError("type", f"directory type {directory_type!r} is not known")
    slug, label = TYPES[directory_type]
    tier, note = _tier(view, directory_type)
    key = keys.directory_service(slug, tier.lower())
    specs = [
        ComponentSpec(
            f"Directory service ({label}, {tier})",
            "controller-hour",
            key,
            CONTROLLERS * HOURS_PER_MONTH,
            note=note,
        ),
        usage_spec(
            view,
            "Additional domain controllers",
            "controller-hour",
            key,
            "additional_domain_controllers",
            HOURS_PER_MONTH,
        ),
    ]
    if directory_type == "MicrosoftAD":
        specs.append(
            usage_spec(
                view,
                "Directory sharing",
                "account-hour",
                keys.directory_sharing(slug, tier.lower()),
                "shared_accounts",
                HOURS_PER_MONTH,
            )
        )
    return specs
