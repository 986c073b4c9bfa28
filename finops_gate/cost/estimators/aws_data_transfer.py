"""EC2 data transfer of a region, from a usage-file `aws_data_transfer.NAME` entry.

No Terraform resource has this type: Infracost users keep a region's data transfer in their
usage file under `resource_usage` with a `region` key, and finops-gate reports each such
entry as a resource of its own, unchanged by the plan (see docs/usage-file.md). Each
component is shown when the entry gives its key; an entry that gives none shows them all as
"depends on usage".

- Intra-region data transfer (usage: `monthly_intra_region_gb`, the GB sent between
  Availability Zones): GB, `data-transfer:intra-region`; AWS bills both the sending and the
  receiving side, so the quantity is twice the usage (1,000 GB sent: 2,000 GB billed)
- Outbound data transfer to Internet (usage: `monthly_outbound_internet_gb`): GB,
  `data-transfer:internet` (first 10 TB), then `data-transfer:internet:over:<GB>` (next
  40 TB, next 100 TB, over 150 TB)
- Outbound data transfer to US East regions (usage:
  `monthly_outbound_us_east_to_us_east_gb`): GB, `data-transfer:us-east` from us-east-1 or
  us-east-2 (to the other one); from any other region the inter-region rate
- Outbound data transfer to other regions (usage: `monthly_outbound_other_regions_gb`): GB,
  `data-transfer:inter-region`
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_data_transfer",)
INTRA_REGION = "monthly_intra_region_gb"
INTERNET = "monthly_outbound_internet_gb"
US_EAST = "monthly_outbound_us_east_to_us_east_gb"
OTHER_REGIONS = "monthly_outbound_other_regions_gb"
USAGE_KEYS = (INTRA_REGION, INTERNET, US_EAST, OTHER_REGIONS)
# The two regions AWS bills at a lower rate between each other.
US_EAST_REGIONS = ("us-east-1", "us-east-2")
# Intra-region transfer is billed once where it leaves and once where it arrives.
DIRECTIONS = 2.0


def estimate(view: AttributeView) -> list[ComponentSpec]:
    region = view.resource.region
    in_us_east = region in US_EAST_REGIONS
    intra = usage_spec(
        view,
        "Intra-region data transfer",
        "GB",
        keys.DATA_TRANSFER_INTRA_REGION,
        INTRA_REGION,
        scale=DIRECTIONS,
    )
    if intra.note is not None:
        intra = replace(intra, note=f"{intra.note}, x 2: billed leaving and arriving")
    us_east = usage_spec(
        view,
        "Outbound data transfer to US East regions",
        "GB",
        keys.DATA_TRANSFER_US_EAST if in_us_east else keys.DATA_TRANSFER_INTER_REGION,
        US_EAST,
    )
    if not in_us_east and us_east.note is not None:
        us_east = replace(us_east, note=f"{us_east.note}; from {region}: the inter-region rate")
    components = {
        INTRA_REGION: intra,
        INTERNET: usage_spec(
            view,
            "Outbound data transfer to Internet",
            "GB",
            keys.DATA_TRANSFER_INTERNET,
            INTERNET,
            tiered=True,
        ),
        US_EAST: us_east,
        OTHER_REGIONS: usage_spec(
            view,
            "Outbound data transfer to other regions",
            "GB",
            keys.DATA_TRANSFER_INTER_REGION,
            OTHER_REGIONS,
        ),
    }
    given = [key for key in USAGE_KEYS if view.usage_number(key) is not None]
    if given:
        return [components[key] for key in given]
    # Only the region is given: every component depends on usage (US East only where it
    # has a rate of its own).
    return [components[key] for key in USAGE_KEYS if key != US_EAST or in_us_east]
