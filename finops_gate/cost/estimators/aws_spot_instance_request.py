"""EC2 spot instance request (the instance it launches, on the spot market)

Priced as an `aws_instance` with `instance_market_options { market_type = "spot" }`.

- Instance usage: hour, `ec2:<instance_type>:spot` (the type's average spot price in the
  region, an estimate: the hourly spot price varies and is at most `spot_price`)
- Root volume, each `ebs_block_device`, public IPv4 address, detailed monitoring and
  unlimited CPU credits: as `aws_instance`
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators import aws_instance
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_spot_instance_request",)
USAGE_KEYS = aws_instance.USAGE_KEYS


def estimate(view: AttributeView) -> list[ComponentSpec]:
    # A spot request has the arguments of an instance and always runs on the spot market:
    # the instance estimator's spot path, as for `instance_market_options` spot.
    spot_market = [{"market_type": "spot"}]
    as_instance = replace(view, values={**view.values, "instance_market_options": spot_market})
    return aws_instance.estimate(as_instance)
