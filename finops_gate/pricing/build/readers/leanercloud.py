"""LeanerCloud ec2-instances-info data (aws-ec2instancesinfo-derived/, ElastiCache and
OpenSearch; every region)."""

from __future__ import annotations

from pathlib import Path

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import Prices, dec, load_json, put

ELASTICACHE_FILE = "aws-ec2instancesinfo-derived/elasticache_instances_leanercloud_2025-04-24.json"
OPENSEARCH_FILE = "aws-ec2instancesinfo-derived/opensearch_instances_leanercloud_2025-04-24.json"
ELASTICACHE_ENGINES = {"Redis": "redis", "Memcached": "memcached", "Valkey": "valkey"}


def leanercloud_elasticache(sources: Path, region: str) -> Prices:
    """ElastiCache node on-demand USD/hour per node type and engine."""
    prices: Prices = {}
    for node in load_json(sources / ELASTICACHE_FILE):
        for engine, data in node["pricing"].get(region, {}).items():
            price = data.get("ondemand")
            if engine in ELASTICACHE_ENGINES and price and price > 0:
                key = keys.elasticache_node(node["instance_type"], ELASTICACHE_ENGINES[engine])
                put(prices, key, dec(price), ELASTICACHE_FILE)
    return prices


# The file's reservation terms whose figure is a recurring hourly rate: No Upfront has no
# upfront fee, so the "effective" rate the file gives is the recurring rate itself. Partial
# and All Upfront figures fold the upfront fee in and cannot be split back into it.
ELASTICACHE_NO_UPFRONT_TERMS = {
    "yrTerm1Standard.noUpfront": "1y",
    "yrTerm3Standard.noUpfront": "3y",
}


def leanercloud_elasticache_reserved(sources: Path, region: str) -> Prices:
    """ElastiCache reserved nodes, No Upfront, 1 and 3 years: recurring USD/hour per node
    type and engine."""
    prices: Prices = {}
    for node in load_json(sources / ELASTICACHE_FILE):
        for engine, data in node["pricing"].get(region, {}).items():
            if engine not in ELASTICACHE_ENGINES:
                continue
            on_demand = keys.elasticache_node(node["instance_type"], ELASTICACHE_ENGINES[engine])
            for term_name, price in data.get("reserved", {}).items():
                term = ELASTICACHE_NO_UPFRONT_TERMS.get(term_name)
                if term is not None and price and price > 0:
                    key = keys.db_reserved(on_demand, term, "no-upfront")
                    put(prices, key, dec(price), ELASTICACHE_FILE)
    return prices


def leanercloud_opensearch(sources: Path, region: str) -> Prices:
    """OpenSearch Service instance on-demand USD/hour (types spelled ``m5.large.search``)."""
    prices: Prices = {}
    for instance in load_json(sources / OPENSEARCH_FILE):
        price = instance["pricing"].get(region, {}).get("ondemand")
        if price and price > 0:
            put(
                prices,
                keys.opensearch_instance(instance["instance_type"]),
                dec(price),
                OPENSEARCH_FILE,
            )
    return prices
