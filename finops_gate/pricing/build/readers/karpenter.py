"""Karpenter's generated EC2 on-demand price map (aws-karpenter-ondemand/): us-east-1."""

from __future__ import annotations

from pathlib import Path

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import BuildError, Prices, dec, load_json, put
from finops_gate.pricing.build.sources import SOURCES

KARPENTER_FILE = "aws-karpenter-ondemand/karpenter_initial_ondemand_prices.json"


def karpenter_ec2(sources: Path, region: str) -> Prices:
    """EC2 Linux on-demand USD/hour from Karpenter's generated price map (partition aws)."""
    partition = load_json(sources / KARPENTER_FILE)["partitions"]["aws"]
    generated = str(partition["generated_at"])[:10]
    if generated != SOURCES["karpenter-aws"].as_of:
        raise BuildError(f"{KARPENTER_FILE}: generated {generated}; update SOURCES as_of")
    prices: Prices = {}
    for instance_type, price in partition["regions"].get(region, {}).items():
        if price and price > 0:
            put(prices, keys.ec2_instance(instance_type), dec(price), KARPENTER_FILE)
    return prices
