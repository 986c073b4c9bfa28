"""Published us-east-1 list prices quoted in the price-sources README ("Facts worth
knowing"): the last us-east-1 layer, and a check of the finished table."""

from __future__ import annotations

from pathlib import Path

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import BuildError, Prices, dec

README_FILE = "README.md"
README_FACTS_REGION = "us-east-1"

# key -> (published price, the README's wording, which must still be there). The layer comes
# last, so it only supplies what no data file has exactly; every fact is also checked
# against the finished us-east-1 table.
README_FACTS: dict[str, tuple[str, str]] = {
    "ec2:m5.large": ("0.096", "m5.large 0.096/h"),
    "ec2:t3.micro": ("0.0104", "t3.micro 0.0104/h"),
    keys.EBS_GP2_STORAGE: ("0.10", "gp2 0.10"),
    keys.EBS_GP3_STORAGE: ("0.08", "gp3 0.08 per GB-month"),
    keys.EBS_GP3_IOPS: ("0.005", "gp3 IOPS above 3,000 at 0.005"),
    keys.EBS_GP3_THROUGHPUT: ("0.04", "throughput above 125 MB/s at 0.04 per MB/s-month"),
    keys.EBS_IO1_STORAGE: ("0.125", "io1 0.125 per GB-month"),
    keys.EBS_IO1_IOPS: ("0.065", "0.065 per IOPS-month"),
    keys.NATGW_HOUR: ("0.045", "NAT gateway 0.045/h"),
    keys.NATGW_GB: ("0.045", "NAT gateway 0.045/h + 0.045/GB"),
    keys.ELB_APPLICATION_HOUR: ("0.0225", "ALB/NLB 0.0225/h"),
    keys.ELB_NETWORK_HOUR: ("0.0225", "ALB/NLB 0.0225/h"),
    keys.ELB_CLASSIC_HOUR: ("0.025", "classic ELB 0.025/h"),
    keys.EKS_CLUSTER_HOUR: ("0.10", "EKS cluster 0.10/h"),
    keys.EKS_CLUSTER_EXTENDED_HOUR: ("0.60", "0.60/h on extended support"),
    keys.EIP_IDLE_HOUR: ("0.005", "unattached EIP 0.005/h"),
    keys.IPV4_PUBLIC_HOUR: ("0.005", "0.005/h for every in-use public IPv4 address"),
}


def readme_facts(sources: Path, region: str) -> Prices:
    if region != README_FACTS_REGION:
        return {}
    text = " ".join((sources / README_FILE).read_text(encoding="utf-8").split())
    prices: Prices = {}
    for key, (price, wording) in README_FACTS.items():
        if wording not in text:
            raise BuildError(f"{README_FILE} no longer says {wording!r} (for {key})")
        prices[key] = dec(price)
    return prices
