"""`finops-gate pricing info`: what a price table holds (pure: text in, text out).

For a layered table (`--table FILE --layered`) it describes the result the gate prices
from: FILE's figures over the bundled table, with each source marked by the table it
comes from and, per region, how many figures the layer gives.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from finops_gate.cost.price_layers import LayeredPriceTable
from finops_gate.cost.prices import PriceLookup


def _service(key: str) -> str:
    """A price key's service: the part before its first `:` (`ec2:m5.large` -> `ec2`)."""
    return key.split(":", 1)[0]


def table_info(table: PriceLookup, path: str) -> dict[str, Any]:
    """Sources, rules, services, and per region: prices, approximate prices (count and
    share), prices per source and, for a layered table, prices from the layer."""
    layered = isinstance(table, LayeredPriceTable)
    layer_sources = set(table.layer_sources) if isinstance(table, LayeredPriceTable) else set()
    regions: dict[str, Any] = {}
    service_keys: dict[str, set[str]] = {}
    service_regions: dict[str, set[str]] = {}
    service_prices: Counter[str] = Counter()
    for region in table.regions:
        per_source: Counter[str] = Counter()
        approximate = 0
        for key in table.keys(region):
            price = table.lookup(region, key)
            assert price is not None
            per_source[price.source] += 1
            approximate += price.approximate
            service = _service(key)
            service_keys.setdefault(service, set()).add(key)
            service_regions.setdefault(service, set()).add(region)
            service_prices[service] += 1
        count = sum(per_source.values())
        regions[region] = {
            "prices": count,
            "approximate": approximate,
            "approximate_share": round(approximate / count, 4) if count else 0.0,
            "by_source": dict(sorted(per_source.items())),
        }
        if layered:
            regions[region]["from_layer"] = sum(
                n for sid, n in per_source.items() if sid in layer_sources
            )
    info: dict[str, Any] = {
        "table": path,
        "currency": "USD",
        "oldest_source_date": table.as_of.isoformat(),
        "newest_source_date": table.newest.isoformat(),
        "sources": {
            sid: source.as_json()
            | ({"layer": sid in layer_sources} if layered else {})
            for sid, source in sorted(table.sources.items())
        },
        "rules": dict(sorted(table.rules.items())),
        "services": {
            service: {
                "keys": len(service_keys[service]),
                "regions": len(service_regions[service]),
                "prices": service_prices[service],
            }
            for service in sorted(service_keys)
        },
        "regions": regions,
        "total_prices": sum(r["prices"] for r in regions.values()),
    }
    if layered:
        info["layered"] = True
    return info


def render_info_json(info: dict[str, Any]) -> str:
    return json.dumps(info, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def render_info_text(info: dict[str, Any]) -> str:
    layered = info.get("layered", False)
    lines = [
        f"Price table: {info['table']}",
        f"{info['total_prices']} prices (USD, on-demand list prices) in "
        f"{len(info['regions'])} regions; sources dated {info['oldest_source_date']} "
        f"to {info['newest_source_date']}",
        "",
        "Sources:"
        + ("  ([layer]: from the layer; the others: from the bundled table)" if layered else ""),
    ]
    for sid, source in info["sources"].items():
        mark = "  [layer]" if source.get("layer") else ""
        lines.append(f"  {sid}  (as of {source['as_of']}, {source['license']}){mark}")
        lines.append(f"      {source['title']}")
    lines += ["", "Rules (approximate prices, marked ≈):"]
    for rid, text in info["rules"].items():
        lines.append(f"  {rid}: {text}")
    if not info["rules"]:
        lines.append("  none")
    lines += [
        "",
        "Services (price key prefix):",
        f"  {'service':<16}{'keys':>8}{'regions':>9}{'prices':>9}",
    ]
    for service, data in info["services"].items():
        lines.append(f"  {service:<16}{data['keys']:>8}{data['regions']:>9}{data['prices']:>9}")
    layer_column = f"{'layer':>8}" if layered else ""
    lines += [
        "",
        "Regions:",
        f"  {'region':<16}{'prices':>8}{'approx.':>9}{'share':>8}{layer_column}  sources",
    ]
    for region, data in info["regions"].items():
        sources = ", ".join(f"{sid} {n}" for sid, n in data["by_source"].items())
        share = f"{data['approximate_share'] * 100:.1f}%"
        layer = f"{data['from_layer']:>8}" if layered else ""
        lines.append(
            f"  {region:<16}{data['prices']:>8}{data['approximate']:>9}{share:>8}{layer}  {sources}"
        )
    return "\n".join(lines) + "\n"
