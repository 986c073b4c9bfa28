"""EC2 compute components shared by instances, auto scaling groups and node groups."""

from __future__ import annotations

from dataclasses import field, replace

from finops_gate.cost.estimators._ebs import volume_components
from finops_gate.cost.estimators._ebs_optimized import EBS_OPTIMIZED_CHARGED
from finops_gate.cost.estimators._reserved import at_recurring_rate, reservation_note
from finops_gate.cost.estimators.aws_ec2_capacity_reservation import platform_slug
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys
from finops_gate.records import record

DETAILED_MONITORING_METRICS = 7
ROOT_NOTE = "root volume unknown (set by the AMI): assumed 8 GB gp2"
BURSTABLE_FAMILIES = ("t2", "t3", "t3a", "t4g")
UNLIMITED_BY_DEFAULT = ("t3", "t3a", "t4g")
# vCPUs of the burstable sizes (instance facts, not prices), for CPU credit usage.
_T2_VCPUS = {"nano": 1, "micro": 1, "small": 1, "medium": 2, "large": 2, "xlarge": 4}
_T3_VCPUS = {"nano": 2, "micro": 2, "small": 2, "medium": 2, "large": 2, "xlarge": 4}


# Infracost's usage-file words -> the price-key slug of the platform ("" = Linux/UNIX)
OPERATING_SYSTEMS = {
    "linux": "",
    "windows": "windows",
    "suse": "suse-linux",
    "rhel": "red-hat-enterprise-linux",
}
_PLATFORM_NAMES = {
    "": "Linux",
    "windows": "Windows",
    "suse-linux": "SUSE",
    "red-hat-enterprise-linux": "RHEL",
}
RESERVED_TERMS = {"1_year": "1y", "3_year": "3y"}
RESERVED_PAYMENTS = {
    "no_upfront": "no-upfront",
    "partial_upfront": "partial-upfront",
    "all_upfront": "all-upfront",
}
# What the usage file may say of instances (USAGE_TEXT_KEYS of the EC2 estimators).
PURCHASE_WORDS: dict[str, tuple[str, ...]] = {
    "operating_system": tuple(OPERATING_SYSTEMS),
    "reserved_instance_type": keys.EC2_RESERVED_CLASSES,
    "reserved_instance_term": tuple(RESERVED_TERMS),
    "reserved_instance_payment_option": tuple(RESERVED_PAYMENTS),
}


@record
class Purchase:
    """How the usage file says instances are bought and run: platform, reservation."""

    platform: str = ""  # price-key slug, "" for Linux
    reservation: tuple[str, str, str] | None = None  # (class, term, payment) key parts
    notes: tuple[str, ...] = ()


# What instances run as when the usage file says nothing of them (the usual case): one
# shared value, as a Purchase is immutable (building one per instance and launch spec
# was about 4 ms of a 10,000-resource plan).
ON_DEMAND_LINUX = Purchase()


def usage_purchase(view: AttributeView) -> Purchase:
    """`operating_system` and `reserved_instance_type` / `_term` / `_payment_option` from
    the usage file (a reservation needs its type; term and payment default to Infracost's
    1 year, no upfront). A word not in PURCHASE_WORDS was ignored, with a warning, when the
    usage file was read."""
    if not view.usage:
        return ON_DEMAND_LINUX
    system = view.usage_string("operating_system")
    if system not in OPERATING_SYSTEMS:
        system = None
    notes = [f"from the usage file: operating_system = {system}"] if system else []
    offering = view.usage_string("reserved_instance_type")
    reservation = None
    if offering in keys.EC2_RESERVED_CLASSES:
        term = view.usage_string("reserved_instance_term")
        term = term if term in RESERVED_TERMS else "1_year"
        payment = view.usage_string("reserved_instance_payment_option")
        payment = payment if payment in RESERVED_PAYMENTS else "no_upfront"
        reservation = (offering, RESERVED_TERMS[term], RESERVED_PAYMENTS[payment])
        notes.append(reservation_note(f"reserved {offering}", term, payment))
    return Purchase(OPERATING_SYSTEMS[system or "linux"], reservation, tuple(notes))


def image_purchase(view: AttributeView, purchase: Purchase, image_id: str | None) -> Purchase:
    """The platform of the AMI the instances launch from, when the plan knows the AMI
    (`Plan.image_platforms`) and the usage file names no operating system: a Windows AMI
    is billed at the Windows rate, a RHEL or SQL Server one at rates no source has."""
    if not image_id or view.usage_string("operating_system") in OPERATING_SYSTEMS:
        return purchase
    details = view.context.image_platforms.get(image_id)
    slug = platform_slug(details) if details else ""
    if not slug:
        return purchase
    note = f"{details}, the platform of AMI {image_id}"
    return replace(purchase, platform=slug, notes=(*purchase.notes, note))


@record(frozen=False)
class LaunchSpec:
    """What a group of identical instances runs, however it was described."""

    instance_type: str
    spot: bool = False
    dedicated: bool = False
    monitoring: bool = False
    cpu_credits: str | None = None
    ebs_optimized: bool = False
    volumes: list[tuple[str, str, float, float | None, float | None]] = field(
        default_factory=list
    )  # (label, type, size GB, iops, throughput)
    notes: list[str] = field(default_factory=list)
    root_note: str | None = None  # why the root volume is assumed
    purchase: Purchase = ON_DEMAND_LINUX
    monthly_hours: float | None = None  # per instance; None: 730
    image_id: str | None = None  # the AMI of a launch template or configuration


def family(instance_type: str) -> str:
    return instance_type.split(".", 1)[0]


def instance_usage(spec: LaunchSpec, count: float, spot: bool | None = None) -> ComponentSpec:
    is_spot = spec.spot if spot is None else spot
    purchase = spec.purchase
    key, label = keys.ec2_instance(spec.instance_type), "on-demand"
    if is_spot:
        key, label = keys.ec2_spot(spec.instance_type), "spot"
    elif purchase.reservation is not None:
        offering, term, payment = purchase.reservation
        key = keys.ec2_reserved(
            spec.instance_type, offering, term, payment, purchase.platform, spec.dedicated
        )
        label = f"reserved {offering} {term} {payment}"
    elif spec.dedicated or purchase.platform:
        key = keys.ec2_platform(spec.instance_type, purchase.platform, spec.dedicated)
        label = "on-demand, dedicated" if spec.dedicated else "on-demand"
    size = f"{count:g} x {spec.instance_type}" if count != 1 else spec.instance_type
    notes = list(spec.notes)
    if not is_spot:
        notes.extend(purchase.notes)
    if is_spot:
        notes.append("the average spot price; the actual price varies")
    hours = HOURS_PER_MONTH if spec.monthly_hours is None else spec.monthly_hours
    if spec.monthly_hours is not None:
        notes.append(f"from the usage file: monthly_hrs = {number_text(spec.monthly_hours)}")
    note = "; ".join(notes) or None
    system = _PLATFORM_NAMES.get(purchase.platform, purchase.platform) if not is_spot else "Linux"
    usage = ComponentSpec(
        f"Instance usage ({system}, {label}, {size})", "hour", key, hours * count, note=note
    )
    if is_spot or purchase.reservation is None:
        return usage
    return at_recurring_rate(usage, purchase.reservation[2])


def ebs_optimized_flag(view: AttributeView) -> bool | None:
    """`ebs_optimized` as set (a bool; a "true"/"false" string on launch templates), None
    when the configuration leaves it unset or unknown."""
    value = view.values.get("ebs_optimized")
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in ("true", "false"):
        return value == "true"
    return None


def ebs_optimized_usage(spec: LaunchSpec, count: float) -> ComponentSpec | None:
    """The hourly EBS-optimized fee, only for the previous-generation types that charge it
    (the others include EBS optimization: no component at all). It is billed per hour the
    instance runs, so the usage file's `monthly_hrs` applies to it as to the instance."""
    if not spec.ebs_optimized or spec.instance_type not in EBS_OPTIMIZED_CHARGED:
        return None
    hours = HOURS_PER_MONTH if spec.monthly_hours is None else spec.monthly_hours
    return ComponentSpec(
        "EBS-optimized usage",
        "hour",
        keys.ec2_ebs_optimized(spec.instance_type),
        hours * count,
    )


def extras(view: AttributeView, spec: LaunchSpec, count: float) -> list[ComponentSpec]:
    """EBS-optimized fee, disks, detailed monitoring and unlimited CPU credits for `count`
    instances."""
    specs: list[ComponentSpec] = []
    fee = ebs_optimized_usage(spec, count)
    if fee is not None:
        specs.append(fee)
    for position, (label, volume_type, size, iops, throughput) in enumerate(spec.volumes):
        name = label if count == 1 else f"{label}, {count:g} instances"
        # an assumed set of volumes is noted once, on the first
        note = spec.root_note if position == 0 else None
        for component in volume_components(name, volume_type, size, iops, throughput, note):
            specs.append(
                ComponentSpec(
                    component.name,
                    component.unit,
                    component.price_key,
                    None
                    if component.monthly_quantity is None
                    else component.monthly_quantity * count,
                    component.usage_based,
                    component.note,
                )
            )
    if spec.monitoring:
        specs.append(
            ComponentSpec(
                "Detailed monitoring (7 metrics per instance)",
                "metric-month",
                keys.CLOUDWATCH_METRIC,
                DETAILED_MONITORING_METRICS * count,
            )
        )
    credits = cpu_credits(view, spec, count)
    if credits is not None:
        specs.append(credits)
    return specs


def burstable_vcpus(instance_type: str) -> float | None:
    """vCPUs of a t2 / t3 / t3a / t4g size (`db.` and `cache.` prefixes allowed)."""
    kind, _, size = instance_type.removeprefix("db.").removeprefix("cache.").partition(".")
    if kind not in BURSTABLE_FAMILIES:
        return None
    table = _T2_VCPUS if kind == "t2" else _T3_VCPUS
    return float(table.get(size, 8 if size == "2xlarge" else 0)) or None


def cpu_credits(view: AttributeView, spec: LaunchSpec, count: float) -> ComponentSpec | None:
    kind = family(spec.instance_type)
    if kind not in BURSTABLE_FAMILIES:
        return None
    mode = spec.cpu_credits or ("unlimited" if kind in UNLIMITED_BY_DEFAULT else "standard")
    if mode != "unlimited":
        return None
    hours = view.usage_number("monthly_cpu_credit_hrs")
    vcpus = view.usage_number("vcpu_count")
    if vcpus is None:
        size = spec.instance_type.split(".", 1)[-1]
        table = _T2_VCPUS if kind == "t2" else _T3_VCPUS
        vcpus = float(table.get(size, 8 if size == "2xlarge" else 0)) or None
    quantity = hours * vcpus * count if hours is not None and vcpus is not None else None
    note = None
    if hours is not None:
        note = (
            f"from the usage file: monthly_cpu_credit_hrs = {number_text(hours)}, "
            f"{number_text(vcpus or 0)} vCPUs"
        )
    key = keys.ec2_cpu_credits(kind)
    if spec.purchase.platform == OPERATING_SYSTEMS["windows"]:
        key = keys.EC2_CPU_CREDITS_WINDOWS.get(kind, key)
    return ComponentSpec(
        "Unlimited CPU credits",
        "vCPU-hour",
        key,
        quantity,
        usage_based=True,
        note=note,
    )


def _launch_instance_type(launch: AttributeView) -> str:
    instance_type = launch.string("instance_type")
    if instance_type is None and launch.blocks("instance_requirements"):
        raise UnknownAttributeError(
            "instance_type",
            f"{launch.resource.address} sets instance_requirements: AWS chooses the "
            "instance types at launch",
        )
    if instance_type is None:
        raise UnknownAttributeError(
            "instance_type",
            f"instance type of {launch.resource.address} is unknown until apply",
        )
    return instance_type


LAUNCH_TEMPLATE = "aws_launch_template"
LAUNCH_CONFIGURATION = "aws_launch_configuration"
TEMPLATE_ATTRIBUTES = ("id", "launch_template_id", "name", "launch_template_name")


def launch_template_of(block: AttributeView) -> AttributeView | None:
    """The launch template a `launch_template` block (or specification) names."""
    return block.linked(TEMPLATE_ATTRIBUTES, LAUNCH_TEMPLATE)


def from_launch_template(template: AttributeView, instance_type: str | None = None) -> LaunchSpec:
    """The launch spec of a template; `instance_type` (set by the user of the template)
    wins over the template's."""
    spec = LaunchSpec(instance_type or _launch_instance_type(template))
    spec.image_id = template.string("image_id")
    if template.inferred:
        spec.notes.append(template.inferred)
    for market in template.blocks("instance_market_options"):
        spec.spot = market.string("market_type") == "spot"
    for placement in template.blocks("placement"):
        spec.dedicated = placement.string("tenancy") == "dedicated"
    for monitoring in template.blocks("monitoring"):
        spec.monitoring = monitoring.boolean("enabled")
    for credit in template.blocks("credit_specification"):
        spec.cpu_credits = credit.string("cpu_credits")
    spec.ebs_optimized = bool(ebs_optimized_flag(template))
    for mapping in template.blocks("block_device_mappings"):
        for ebs in mapping.blocks("ebs"):
            size = ebs.number("volume_size")
            if not size:
                continue
            device = mapping.string("device_name", "EBS") or "EBS"
            # No volume type: EC2 creates a new volume as gp2 (CreateVolume's default; the
            # provider's "gp2 if the AMI type can't be determined").
            spec.volumes.append(
                (
                    f"Block device {device}",
                    ebs.string("volume_type", "gp2") or "gp2",
                    size,
                    ebs.number("iops"),
                    ebs.number("throughput"),
                )
            )
    if not spec.volumes:
        spec.volumes.append(("Root volume", "gp2", 8.0, None, None))
        spec.root_note = ROOT_NOTE
    return spec


def from_launch_configuration(config: AttributeView) -> LaunchSpec:
    spec = LaunchSpec(_launch_instance_type(config))
    spec.image_id = config.string("image_id")
    if config.inferred:
        spec.notes.append(config.inferred)
    spec.spot = bool(config.string("spot_price"))
    spec.dedicated = config.string("placement_tenancy") == "dedicated"
    spec.monitoring = config.boolean("enable_monitoring", True)
    spec.ebs_optimized = bool(ebs_optimized_flag(config))
    roots = config.blocks("root_block_device")
    root = roots[0] if roots else None
    root_size = root.number("volume_size") if root else None
    if root_size:
        root_type = (root.string("volume_type") if root else None) or "gp2"
        spec.volumes.append(
            ("Root volume", root_type, root_size, root.number("iops") if root else None, None)
        )
    else:
        spec.volumes.append(("Root volume", "gp2", 8.0, None, None))
        spec.root_note = ROOT_NOTE
    for device in config.blocks("ebs_block_device"):
        size = device.number("volume_size")
        if size:
            name = device.string("device_name", "EBS") or "EBS"
            spec.volumes.append(
                (
                    f"Block device {name}",
                    device.string("volume_type", "gp2") or "gp2",
                    size,
                    device.number("iops"),
                    device.number("throughput"),
                )
            )
    return spec
