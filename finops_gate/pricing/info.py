"""`finops-gate pricing info`: what a price table holds (pure: text in, text out)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from finops_gate.cost.prices import PriceTable


def table_info(table: PriceTable, path: str) -> dict[str, Any]:
    """Sources, rules, and per region: prices, approximate prices, and prices per source."""
    regions: dict[str, Any] = {}
    for region in table.regions:
        per_source: Counter[str] = Counter()
        approximate = 0
        for key in table.keys(region):
            price = table.lookup(region, key)
            assert price is not None
            per_source[price.source] += 1
            approximate += price.approximate
        regions[region] = {
            "prices": table.count(region),
            "approximate": approximate,
            "by_source": dict(sorted(per_source.items())),
        }
    return {
        "table": path,
        "currency": "USD",
        "oldest_source_date": table.as_of.isoformat(),
        "newest_source_date": table.newest.isoformat(),
        "sources": {
            sid: {**source.model_dump(mode="json")} for sid, source in sorted(table.sources.items())
        },
        "rules": dict(sorted(table.rules.items())),
        "regions": regions,
        "total_prices": sum(r["prices"] for r in regions.values()),
    }


def render_info_json(info: dict[str, Any]) -> str:
    return json.dumps(info, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def render_info_text(info: dict[str, Any]) -> str:
    lines = [
        f"Price table: {info['table']}",
        f"{info['total_prices']} prices (USD, on-demand list prices) in "
        f"{len(info['regions'])} regions; sources dated {info['oldest_source_date']} "
        f"to {info['newest_source_date']}",
        "",
        "Sources:",
    ]
    for sid, source in info["sources"].items():
        lines.append(f"  {sid}  (as of {source['as_of']}, {source['license']})")
        lines.append(f"      {source['title']}")
    lines += ["", "Rules (approximate prices, marked ≈):"]
    for rid, text in info["rules"].items():
        lines.append(f"  {rid}: {text}")
    if not info["rules"]:
        lines.append("  none")
    lines += ["", "Regions:", f"  {'region':<16}{'prices':>8}{'approx.':>9}  sources"]
    for region, data in info["regions"].items():
        sources = ", ".join(f"{sid} {n}" for sid, n in data["by_source"].items())
        lines.append(f"  {region:<16}{data['prices']:>8}{data['approximate']:>9}  {sources}")
    return "\n".join(lines) + "\n"
