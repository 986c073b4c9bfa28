"""The documented derivation rules (texts in `rule_texts.RULES`) that fill keys no source
publishes, always from a published figure of the same table, and `apply_rules`, which runs
them all in their fixed order."""

from __future__ import annotations

import re
from decimal import Decimal

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import BuildError, RegionTable
from finops_gate.pricing.build.derive import derive, significant
from finops_gate.pricing.build.ratio import derive_regional, ratio_reference
from finops_gate.pricing.build.regional import check_regional_rules
from finops_gate.pricing.keys import RDS_ENGINES
from finops_gate.pricing.layout import Figure

# Engines the rule "rds-multi-az-2x" must not price, and why.
NO_MULTI_AZ_2X: dict[str, str] = {
    "sqlserver-ex": "SQL Server Express has no Multi-AZ",
    "sqlserver-web": "SQL Server Web has no Multi-AZ",
    # eu-west-1 (terracost): Multi-AZ / Single-AZ is 1.33 to 2.0, median 1.48, for 67 of 81
    # classes not 2 (db.m5.xlarge 3.41 vs 2.363): 2x would overstate it by up to 50%.
    "sqlserver-ee": "SQL Server Enterprise Multi-AZ is not 2 x Single-AZ",
    **{
        engine: "Aurora has no Multi-AZ instance price (a replica is another instance)"
        for engine in RDS_ENGINES
        if engine.startswith("aurora-")
    },
}


# io2 provisioned IOPS tiers as fractions of the first tier (rule "ebs-io2-iops-tiers")
IO2_IOPS_TIERS = {"ebs:io2:iops:tier2": Decimal("0.7"), keys.EBS_IO2_IOPS_TIER3: Decimal("0.49")}


def derive_rds_multi_az(table: RegionTable) -> None:
    """rds:<class>:<engine>:multi-az = 2 x single-az where no source publishes it."""
    for key, figure in sorted(table.items()):
        match = re.fullmatch(r"rds:(db\.[^:]+):([^:]+):single-az", key)
        if match and match[2] not in NO_MULTI_AZ_2X:
            multi = keys.rds_instance(match[1], match[2], "multi-az")
            derive(table, multi, figure, Decimal(2), "rds-multi-az-2x")


AURORA_IOPT1_FACTOR = Decimal("1.3")


def derive_aurora_iopt1(table: RegionTable) -> None:
    """rds:<class>:aurora-<engine>-iopt1:single-az = 1.3 x the Aurora Standard price."""
    for key, figure in sorted(table.items()):
        match = re.fullmatch(r"rds:(db\.[^:]+):(aurora-mysql|aurora-postgresql):single-az", key)
        if match:
            iopt1 = keys.rds_instance(match[1], f"{match[2]}-iopt1", "single-az")
            derive(table, iopt1, figure, AURORA_IOPT1_FACTOR, "aurora-iopt1-instance")


def derive_rds_storage_multi_az(table: RegionTable) -> None:
    """rds:storage|iops:<type>:multi-az = 2 x single-az where no source publishes it."""
    for key, figure in sorted(table.items()):
        match = re.fullmatch(r"rds:(storage|iops):([^:]+):single-az", key)
        if match:
            multi = keys.rds_instance(match[1], match[2], "multi-az")
            derive(table, multi, figure, Decimal(2), "rds-multi-az-storage-2x")


def derive_io2_iops_tiers(table: RegionTable) -> None:
    """ebs:io2:iops:tier2/3 from the first tier where no source publishes them."""
    base = table.get(keys.EBS_IO2_IOPS)
    for key, fraction in IO2_IOPS_TIERS.items():
        if base is None:
            break
        published = table.get(key)
        if published is not None and published.rule_id is None:
            if published.price != base.price * fraction:  # the rule must fit published data
                raise BuildError(f"{key} = {published.price}, not {fraction} x {base.price}")
            continue
        derive(table, key, base, fraction, "ebs-io2-iops-tiers")


FARGATE_ARM = {
    keys.FARGATE_ARM_VCPU_HOUR: keys.FARGATE_VCPU_HOUR,
    keys.FARGATE_ARM_GB_HOUR: keys.FARGATE_GB_HOUR,
}
FARGATE_ARM_FACTOR = Decimal("0.8")
DEDICATED_REFERENCE = "eu-west-1"


def derive_fargate_arm(table: RegionTable) -> None:
    for arm, x86 in FARGATE_ARM.items():
        if x86 in table:
            derive(table, arm, table[x86], FARGATE_ARM_FACTOR, "fargate-arm-discount")


# Rule "node-size-linear": family prefix -> {size: vCPUs}
LINEAR_FAMILIES: dict[str, dict[str, int]] = {
    "msk:kafka.m5.": {
        "large": 2,
        "xlarge": 4,
        "2xlarge": 8,
        "4xlarge": 16,
        "8xlarge": 32,
        "12xlarge": 48,
        "16xlarge": 64,
        "24xlarge": 96,
    },
    "redshift:ra3.": {"large": 2, "xlplus": 4, "4xlarge": 12, "16xlarge": 48},
}


# AWS rounds each size's published price (us-east-1 kafka.m5.16xlarge 6.73, linear 6.72;
# ra3.large 0.543, linear 0.54333): a published size must be within 1% of the rule.
LINEAR_TOLERANCE = Decimal("0.01")


def derive_node_sizes(table: RegionTable) -> None:
    for family, sizes in LINEAR_FAMILIES.items():
        present = {size: table[family + size] for size in sizes if family + size in table}
        published = {size: f for size, f in present.items() if f.rule_id is None}
        # Without a published size, start from sizes the region got by regional-ratio.
        bases = published or {
            size: f for size, f in present.items() if f.rule_id == "regional-ratio"
        }
        if not bases:
            continue
        if all(family + size in table for size in sizes):
            continue  # nothing to derive
        rule = "node-size-linear" if published else "regional-ratio+node-size-linear"
        base_size = max(bases, key=lambda size: sizes[size])
        base = bases[base_size]
        per_vcpu = base.price / sizes[base_size]
        for size, figure in published.items():  # the rule must fit every published size
            linear = per_vcpu * sizes[size]
            if abs(figure.price - linear) > linear * LINEAR_TOLERANCE:
                raise BuildError(f"{family}{size} = {figure.price}: not linear in size")
        for size, vcpus in sizes.items():
            key = family + size
            if key not in table:
                price = significant(base.price * vcpus / sizes[base_size])
                table[key] = Figure(price, base.source_id, rule)


CPU_CREDIT_FAMILIES = {"ec2:cpu-credits:t3a": Decimal(1), keys.EC2_CPU_CREDITS_T4G: Decimal("0.8")}


def derive_cpu_credits(table: RegionTable) -> None:
    base = table.get(keys.EC2_CPU_CREDITS_T3)
    for key, factor in CPU_CREDIT_FAMILIES.items():
        if base is not None:
            derive(table, key, base, factor, "cpu-credits-family")


def dedicated_ratios(tables: dict[str, RegionTable]) -> dict[str, Decimal]:
    """instance type -> dedicated / shared price in DEDICATED_REFERENCE (published both)."""
    ref = tables.get(DEDICATED_REFERENCE, {})
    ratios: dict[str, Decimal] = {}
    for key, figure in ref.items():
        match = re.fullmatch(r"ec2:([^:]+):dedicated", key)
        shared = ref.get(keys.ec2_instance(match[1])) if match else None
        if match and shared and figure.rule_id is None and shared.rule_id is None:
            ratios[match[1]] = figure.price / shared.price
    return ratios


def derive_dedicated(table: RegionTable, ratios: dict[str, Decimal]) -> None:
    for instance_type, ratio in sorted(ratios.items()):
        shared = table.get(keys.ec2_instance(instance_type))
        key = keys.ec2_dedicated(instance_type)
        if shared is not None and shared.rule_id is None and key not in table:
            price = significant(shared.price * ratio)
            table[key] = Figure(price, shared.source_id, "dedicated-ratio")


def apply_rules(tables: dict[str, RegionTable], ratios: dict[str, Decimal]) -> None:
    reference = ratio_reference(tables)
    check_regional_rules(tables, reference)
    for region, table in tables.items():
        if region in ratios:
            derive_regional(table, reference, ratios[region])
    dedicated = dedicated_ratios(tables)
    for table in tables.values():
        derive_fargate_arm(table)
        derive_cpu_credits(table)
        derive_node_sizes(table)
        derive_dedicated(table, dedicated)
        derive_rds_multi_az(table)
        derive_aurora_iopt1(table)
        derive_rds_storage_multi_az(table)
        derive_io2_iops_tiers(table)
