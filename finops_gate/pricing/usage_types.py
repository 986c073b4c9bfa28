"""AWS Price List usage types -> price keys: one map for every reader of AWS's offer data.

The bundled-table builder (`finops_gate.pricing.build`, reading the terracost dump of the
offer files) and the Price List ingester (`finops_gate.pricing.offer`: `pricing build
--from-aws-offer`, and `pricing update`) both map a product to a price key with
`usage_item`, so the two cannot drift apart.

A product is matched by its service code (`AmazonEC2`, `AWSELB`...), its product family and
its usage type without the region prefix (`EU-`, `USE1-`...): first with its own family,
then with `ANY_FAMILY`. Units are the offer files' own spelling; a product whose price
dimension has another unit is not this item (the builder stops on it, the ingester skips
it).
"""

from __future__ import annotations

from decimal import Decimal

from finops_gate.pricing import keys
from finops_gate.records import record


@record
class UsageItem:
    """How an offer-file product maps to a price key."""

    key: str
    unit: str
    factor: Decimal = Decimal(1)  # exact unit conversion to the key's unit
    # the on-demand tier (its beginRange / StartingRange) whose price is the key's rate
    begin: Decimal = Decimal(0)


ANY_FAMILY = "*"
GB_MONTH, IOPS_MONTH, HOURS = "GB-Mo", "IOPS-Mo", "Hrs"
# AWS spells the io2 storage unit "GB-month", unlike the other volume types' "GB-Mo" (the
# eu-west-1 offer products of 2023, usage type EU-EBS:VolumeUsage.io2).
GB_MONTH_IO2 = "GB-month"
MILLION = Decimal(1_000_000)

# (service code, product family or ANY_FAMILY, usage type without the region prefix)
USAGE_TYPES: dict[tuple[str, str, str], UsageItem] = {
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeUsage.gp2"): UsageItem(keys.EBS_GP2_STORAGE, GB_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeUsage.gp3"): UsageItem(keys.EBS_GP3_STORAGE, GB_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeUsage.piops"): UsageItem(keys.EBS_IO1_STORAGE, GB_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeUsage.io2"): UsageItem(keys.EBS_IO2_STORAGE, GB_MONTH_IO2),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeUsage.st1"): UsageItem(keys.EBS_ST1_STORAGE, GB_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeUsage.sc1"): UsageItem(keys.EBS_SC1_STORAGE, GB_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeUsage"): UsageItem(keys.EBS_STANDARD_STORAGE, GB_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeIOUsage"): UsageItem(
        keys.EBS_STANDARD_IO,
        "IOs",
        factor=MILLION,  # per I/O -> per 1M requests
    ),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeP-IOPS.gp3"): UsageItem(keys.EBS_GP3_IOPS, IOPS_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeP-Throughput.gp3"): UsageItem(
        keys.EBS_GP3_THROUGHPUT,
        "GiBps-mo",
        factor=Decimal(1) / Decimal(1024),  # -> per MiBps-mo
    ),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeP-IOPS.piops"): UsageItem(keys.EBS_IO1_IOPS, IOPS_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeP-IOPS.io2"): UsageItem(keys.EBS_IO2_IOPS, IOPS_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeP-IOPS.io2.tier2"): UsageItem(
        keys.EBS_IO2_IOPS_TIER2, IOPS_MONTH
    ),
    ("AmazonEC2", ANY_FAMILY, "EBS:VolumeP-IOPS.io2.tier3"): UsageItem(
        keys.EBS_IO2_IOPS_TIER3, IOPS_MONTH
    ),
    ("AmazonEC2", ANY_FAMILY, "NatGateway-Hours"): UsageItem(keys.NATGW_HOUR, HOURS),
    ("AmazonEC2", ANY_FAMILY, "NatGateway-Bytes"): UsageItem(keys.NATGW_GB, "GB"),
    # Tier 0-1 is "$0.00 per Elastic IP address not attached to a running instance for the
    # first hour"; the hourly rate is the tier from 1.
    ("AmazonEC2", ANY_FAMILY, "ElasticIP:IdleAddress"): UsageItem(
        keys.EIP_IDLE_HOUR, HOURS, begin=Decimal(1)
    ),
    # RDS storage, IOPS and backup are one price for every engine (checked: all must agree).
    ("AmazonRDS", ANY_FAMILY, "RDS:GP2-Storage"): UsageItem(
        keys.RDS_STORAGE_GP2_SINGLE_AZ, GB_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:Multi-AZ-GP2-Storage"): UsageItem(
        keys.RDS_STORAGE_GP2_MULTI_AZ, GB_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:GP3-Storage"): UsageItem(
        keys.RDS_STORAGE_GP3_SINGLE_AZ, GB_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:Multi-AZ-GP3-Storage"): UsageItem(
        keys.RDS_STORAGE_GP3_MULTI_AZ, GB_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:PIOPS-Storage"): UsageItem(
        keys.RDS_STORAGE_IO1_SINGLE_AZ, GB_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:Multi-AZ-PIOPS-Storage"): UsageItem(
        keys.RDS_STORAGE_IO1_MULTI_AZ, GB_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:StorageUsage"): UsageItem(
        keys.RDS_STORAGE_STANDARD_SINGLE_AZ, GB_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:Multi-AZ-StorageUsage"): UsageItem(
        keys.RDS_STORAGE_STANDARD_MULTI_AZ, GB_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:PIOPS"): UsageItem(keys.RDS_IOPS_IO1_SINGLE_AZ, IOPS_MONTH),
    ("AmazonRDS", ANY_FAMILY, "RDS:Multi-AZ-PIOPS"): UsageItem(
        keys.RDS_IOPS_IO1_MULTI_AZ, IOPS_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:GP3-PIOPS"): UsageItem(keys.RDS_IOPS_GP3_SINGLE_AZ, IOPS_MONTH),
    ("AmazonRDS", ANY_FAMILY, "RDS:Multi-AZ-GP3-PIOPS"): UsageItem(
        keys.RDS_IOPS_GP3_MULTI_AZ, IOPS_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "RDS:ChargedBackupUsage"): UsageItem(keys.RDS_BACKUP, GB_MONTH),
    ("AmazonEC2", ANY_FAMILY, "EBS:SnapshotUsage"): UsageItem(keys.EBS_SNAPSHOT_STORAGE, GB_MONTH),
    ("AmazonEC2", ANY_FAMILY, "CPUCredits:t2"): UsageItem(keys.EC2_CPU_CREDITS_T2, "vCPU-Hours"),
    ("AmazonEC2", ANY_FAMILY, "CPUCredits:t3"): UsageItem(keys.EC2_CPU_CREDITS_T3, "vCPU-Hours"),
    ("AmazonEC2", ANY_FAMILY, "CPUCredits:t3a"): UsageItem(keys.EC2_CPU_CREDITS_T3A, "vCPU-Hours"),
    ("AmazonEC2", ANY_FAMILY, "CPUCredits:t4g"): UsageItem(keys.EC2_CPU_CREDITS_T4G, "vCPU-Hours"),
    # first tier (0-10,000 metrics)
    ("AmazonCloudWatch", ANY_FAMILY, "CW:MetricMonitorUsage"): UsageItem(
        keys.CLOUDWATCH_METRIC, "Metrics"
    ),
    ("AmazonCloudWatch", ANY_FAMILY, "CW:AlarmMonitorUsage"): UsageItem(
        keys.CLOUDWATCH_ALARM_STANDARD, "Alarms"
    ),
    ("AmazonCloudWatch", ANY_FAMILY, "CW:HighResAlarmMonitorUsage"): UsageItem(
        keys.CLOUDWATCH_ALARM_HIGH_RESOLUTION, "Alarms"
    ),
    ("AmazonCloudWatch", "Data Payload", "DataProcessing-Bytes"): UsageItem(
        keys.CLOUDWATCH_LOGS_INGEST, "GB"
    ),
    ("AmazonCloudWatch", ANY_FAMILY, "TimedStorage-ByteHrs"): UsageItem(
        keys.CLOUDWATCH_LOGS_STORAGE, GB_MONTH
    ),
    ("AmazonRDS", ANY_FAMILY, "Aurora:StorageUsage"): UsageItem(keys.AURORA_STORAGE, GB_MONTH),
    ("AmazonRDS", ANY_FAMILY, "Aurora:StorageIOUsage"): UsageItem(
        keys.AURORA_IO,
        "IOs",
        factor=MILLION,  # per I/O -> per 1M requests
    ),
    ("AmazonRDS", ANY_FAMILY, "Aurora:ServerlessV2Usage"): UsageItem(
        keys.AURORA_SERVERLESS_V2_ACU, "ACU-Hr"
    ),
    ("AmazonRDS", ANY_FAMILY, "Aurora:BackupUsage"): UsageItem(keys.AURORA_BACKUP, GB_MONTH),
}


# Load balancers: (product family, usage type) -> item; the usage types are shared by the
# kinds. AWS lists them in the AWSELB offer and again, at the same prices, in the AmazonEC2
# offer (eu-west-1 products of 2023: ALB 0.0252/h, LCU 0.008, classic 0.028/h, 0.008/GB in
# both).
LOAD_BALANCER_ITEMS: dict[tuple[str, str], UsageItem] = {
    ("Load Balancer-Application", "LoadBalancerUsage"): UsageItem(keys.ELB_APPLICATION_HOUR, HOURS),
    ("Load Balancer-Application", "LCUUsage"): UsageItem(keys.ELB_APPLICATION_LCU, "LCU-Hrs"),
    ("Load Balancer-Network", "LoadBalancerUsage"): UsageItem(keys.ELB_NETWORK_HOUR, HOURS),
    ("Load Balancer-Network", "LCUUsage"): UsageItem(keys.ELB_NETWORK_LCU, "LCU-Hrs"),
    ("Load Balancer-Gateway", "LoadBalancerUsage"): UsageItem(keys.ELB_GATEWAY_HOUR, HOURS),
    ("Load Balancer-Gateway", "LCUUsage"): UsageItem(keys.ELB_GATEWAY_LCU, "LCU-Hrs"),
    ("Load Balancer", "LoadBalancerUsage"): UsageItem(keys.ELB_CLASSIC_HOUR, HOURS),
    ("Load Balancer", "DataProcessing-Bytes"): UsageItem(keys.ELB_CLASSIC_GB, "GB"),
}
LOAD_BALANCER_SERVICES = ("AWSELB", "AmazonEC2")
USAGE_TYPES.update(
    {
        (service, family, usage): item
        for service in LOAD_BALANCER_SERVICES
        for (family, usage), item in LOAD_BALANCER_ITEMS.items()
    }
)


def usage_item(service: str, family: str, usage: str) -> UsageItem | None:
    """The item of a product, or None when the table has no key for it."""
    return USAGE_TYPES.get((service, family, usage)) or USAGE_TYPES.get(
        (service, ANY_FAMILY, usage)
    )


def priced_operating_system(operating_system: str) -> bool:
    """CPU credits are listed once per operating system; the keys hold the Linux rate."""
    return operating_system in ("Linux", "")
