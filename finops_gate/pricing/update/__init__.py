"""Current prices from AWS's public Price List Bulk API (no credentials needed).

`catalog` reads the offer index and the region indexes, `fetch` downloads (conditional,
retried, length-checked, streamed, through the environment's proxies), `extract` keeps the
figures of a region's offer file as it streams past, `cache` remembers what each file was
and what was kept of it, and `run` puts it together into a price table.
"""

from finops_gate.pricing.update.run import UpdateRequest, UpdateResult, update_prices

__all__ = ["UpdateRequest", "UpdateResult", "update_prices"]
