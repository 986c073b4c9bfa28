"""AWS Network Firewall.

- Network Firewall Endpoint: endpoint-hour, `networkfirewall:endpoint:hour`, one endpoint
  per `subnet_mapping` (one per Availability Zone; at least one)
- Data Processed (usage: `monthly_data_processed_gb`): GB, `networkfirewall:gb`

Infracost counts one endpoint per firewall; AWS bills each endpoint, so a firewall mapped
to three subnets costs three endpoint-hours per hour here.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_networkfirewall_firewall",)
USAGE_KEYS = ("monthly_data_processed_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    endpoints = max(1, len(view.blocks("subnet_mapping")))
    return [
        ComponentSpec(
            "Network Firewall Endpoint",
            "endpoint-hour",
            keys.NETWORK_FIREWALL_ENDPOINT_HOUR,
            endpoints * HOURS_PER_MONTH,
        ),
        usage_spec(
            view, "Data Processed", "GB", keys.NETWORK_FIREWALL_GB, "monthly_data_processed_gb"
        ),
    ]
