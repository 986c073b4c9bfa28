"""Checks of the sources' dates and of the finished tables; any mismatch stops the build."""

from __future__ import annotations

from pathlib import Path

from finops_gate.pricing.build.base import BuildError, RegionTable, load_json
from finops_gate.pricing.build.readers.coroot import COROOT_RDS_FILE, coroot_data_date
from finops_gate.pricing.build.readers.data_transfer import (
    COROOT_TRANSFER_FILE,
    check_data_transfer_against_golden,
    coroot_data_transfer_date,
)
from finops_gate.pricing.build.readers.ec2shop import EC2SHOP_MANIFEST, PAGE_FILES
from finops_gate.pricing.build.readers.golden_specs import GOLDEN_BY_KEY, GOLDEN_FILE
from finops_gate.pricing.build.readers.infracost_golden import golden_mismatches, golden_rows
from finops_gate.pricing.build.readers.readme_facts import (
    README_FACTS_REGION,
    README_FILE,
    readme_facts,
)
from finops_gate.pricing.build.readers.unitmaps import UNITMAPS_MANIFEST
from finops_gate.pricing.build.rule_texts import RULES
from finops_gate.pricing.build.sources import SOURCES
from finops_gate.pricing.key_forms import INSTANCE_KEY
from finops_gate.pricing.keys import SERVICE_KEYS_SET


def check_page_dates(sources: Path) -> None:
    """Each AWS pricing-page source's as_of is its files' AWS publication date (ec2shop
    folder) or the date the files were fetched (unitmaps folder, all current that day)."""
    files = load_json(sources / EC2SHOP_MANIFEST)["files"]
    for source_id, names in PAGE_FILES.items():
        for name in names:
            published = str(files[name].get("publication_date"))[:10]
            if published != SOURCES[source_id].as_of:
                raise BuildError(
                    f"{EC2SHOP_MANIFEST}: {name} published {published}; "
                    f"update SOURCES[{source_id!r}].as_of"
                )
    coroot_date = coroot_data_date(sources)
    if coroot_date != SOURCES["coroot-rds"].as_of:
        raise BuildError(f"{COROOT_RDS_FILE}: data_date {coroot_date}; update SOURCES as_of")
    transfer_date = coroot_data_transfer_date(sources)
    if transfer_date != SOURCES["coroot-data-transfer"].as_of:
        raise BuildError(f"{COROOT_TRANSFER_FILE}: data_date {transfer_date}; update SOURCES")
    fetched = str(load_json(sources / UNITMAPS_MANIFEST)["fetched_by_upstream"])[:10]
    if fetched != SOURCES["aws-pricing-page-2025-11"].as_of:
        raise BuildError(f"{UNITMAPS_MANIFEST}: fetched {fetched}; update SOURCES as_of")


def check_tables(sources: Path, tables: dict[str, RegionTable]) -> None:
    for region, table in tables.items():
        for key, figure in table.items():
            if key not in SERVICE_KEYS_SET and not INSTANCE_KEY.fullmatch(key):
                raise BuildError(f"{region} {key}: not a known price key form")
            if figure.price <= 0:
                raise BuildError(f"{region} {key}: price {figure.price} <= 0")
            if figure.source_id not in SOURCES:
                raise BuildError(f"{region} {key}: undeclared source {figure.source_id}")
            if figure.rule_id is not None and figure.rule_id not in RULES:
                raise BuildError(f"{region} {key}: undeclared rule {figure.rule_id}")
        check_against_golden(sources, region, table)
        published = {key: figure.price for key, figure in table.items() if figure.rule_id is None}
        bad = check_data_transfer_against_golden(sources, region, published)
        if bad:
            raise BuildError(f"{region}: data transfer disagrees with {GOLDEN_FILE}: {bad}")
    facts = readme_facts(sources, README_FACTS_REGION)
    reference = tables[README_FACTS_REGION]
    wrong = {
        key: (reference[key].price if key in reference else None, price)
        for key, price in facts.items()
        if key not in reference or reference[key].price != price
    }
    if wrong:
        raise BuildError(f"{README_FACTS_REGION} disagrees with {README_FILE}: {wrong}")


def check_against_golden(sources: Path, region: str, table: RegionTable) -> None:
    """Figures from other sources must reproduce the golden line items of the same key."""
    for key, rows in golden_rows(sources, region).items():
        if GOLDEN_BY_KEY[key].any_row:
            continue  # checked in aws_list_prices
        if key in table and table[key].rule_id is None:
            spec = GOLDEN_BY_KEY[key]
            bad = golden_mismatches(table[key].price, rows, spec.shown, spec.shown_to_cents)
            if bad:
                raise BuildError(
                    f"{region} {key} = {table[key].price} ({table[key].source_id})"
                    f" disagrees with {GOLDEN_FILE}: {bad}"
                )
