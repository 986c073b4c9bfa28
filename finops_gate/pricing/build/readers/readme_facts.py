"""Published us-east-1 list prices quoted in the price-sources README ("Facts worth
knowing"): the last us-east-1 layer, and a check of the finished table."""

from __future__ import annotations

from pathlib import Path

from finops_gate.pricing.build.base import BuildError, Prices, dec

README_FILE = "README.md"
README_FACTS_REGION = "us-east-1"

# key -> (published price, the README's wording, which must still be there). The layer comes
# last, so it only supplies what no data file has exactly; every fact is also checked
# against the finished us-east-1 table.
README_FACTS: dict[str, tuple[str, str]] = {
    "ec2:m5.large": ("0.096", "m5.large 0.096/h"),
    "ec2:t3.micro": ("0.0104", "t3.micro 0.0104/h"),
    "ebs:gp2:storage": ("0.10", "gp2 0.10"),
    "ebs:gp3:storage": ("0.08", "gp3 0.08 per GB-month"),
    "ebs:gp3:iops": ("0.005", "gp3 IOPS above 3,000 at 0.005"),
    "ebs:gp3:throughput": ("0.04", "throughput above 125 MB/s at 0.04 per MB/s-month"),
    "ebs:io1:storage": ("0.125", "io1 0.125 per GB-month"),
    "ebs:io1:iops": ("0.065", "0.065 per IOPS-month"),
    "natgw:hour": ("0.045", "NAT gateway 0.045/h"),
    "natgw:gb": ("0.045", "NAT gateway 0.045/h + 0.045/GB"),
    "elb:application:hour": ("0.0225", "ALB/NLB 0.0225/h"),
    "elb:network:hour": ("0.0225", "ALB/NLB 0.0225/h"),
    "elb:classic:hour": ("0.025", "classic ELB 0.025/h"),
    "eks:cluster:hour": ("0.10", "EKS cluster 0.10/h"),
    "eks:cluster:extended:hour": ("0.60", "0.60/h on extended support"),
    "eip:idle:hour": ("0.005", "unattached EIP 0.005/h"),
    "ipv4:public:hour": ("0.005", "0.005/h for every in-use public IPv4 address"),
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
