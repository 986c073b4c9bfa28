"""EC2 instance (Linux, on-demand unless the plan says otherwise).

- Instance usage: hour (730, or the usage file's `monthly_hrs`), `ec2:<instance_type>`
  (from the `launch_template` it references
  when the instance sets no type); `ec2:<instance_type>:dedicated` for
  `tenancy = "dedicated"`; `ec2:<instance_type>:spot` (average spot price, approximate)
  for `instance_market_options { market_type = "spot" }`; `tenancy = "host"` (or, with
  no tenancy, a `host_id` or `host_resource_group_arn`) is billed on the
  `aws_ec2_host`; quantity 0 (billed on the reservation) when the instance, or its
  launch template, targets an `aws_ec2_capacity_reservation` of its type and tenancy in
  the plan (`capacity_reservation_target { capacity_reservation_id = ... }`);
  `capacity_reservation_preference = "open"` targets none: billed as usual
- The platform of the AMI (`ami`, else the launch template's `image_id`) when the plan
  knows it (an `aws_ami` data source or AMI resource, its `platform_details`): Windows
  at `ec2:<instance_type>:windows`; other licensed platforms (RHEL, SUSE, Windows with
  SQL Server) have no source: "price not found"
- From the usage file, as Infracost reads it (its `operating_system` wins over the AMI's):
  `operating_system` (`linux`, `windows`,
  `suse`, `rhel`: `ec2:<instance_type>:<platform>`) and `reserved_instance_type`
  (`standard`, `convertible`) with `reserved_instance_term` (`1_year`, `3_year`) and
  `reserved_instance_payment_option` (`no_upfront`, `partial_upfront`, `all_upfront`):
  `ec2:<instance_type>:reserved:<class>:<1y|3y>:<payment>`, the recurring hourly rate
  (the upfront fee is paid at purchase, not monthly; All Upfront: AWS's published $0);
  Linux No Upfront rates for every type, Partial Upfront where the table has them, the
  others "price not found" (never the on-demand rate)
- Root volume: GB-month (+ IOPS/throughput), `ebs:<type>:*`; when the plan leaves the
  root volume unknown (it comes from the AMI), 8 GB gp2 is assumed and noted
- Each `ebs_block_device`: as `aws_ebs_volume`
- Public IPv4 address when `associate_public_ip_address = true`: hour, `ipv4:public:hour`
- EBS-optimized usage (`ebs_optimized = true`, or from the launch template, on the
  previous-generation types that charge for it: c1, c3, g2, i2, m1, m2, m3, r3 sizes
  listed in `_ebs_optimized.py`): hour, `ec2:<instance_type>:ebs-optimized`; no component
  on the other types, which include EBS optimization at no charge
- Detailed monitoring (`monitoring = true`): 7 metrics, metric-month, `cloudwatch:metric`
- Unlimited CPU credits (t2 with `cpu_credits = "unlimited"`; t3, t3a, t4g unless
  `"standard"`) (usage: `monthly_cpu_credit_hrs` x `vcpu_count`): vCPU-hour,
  `ec2:cpu-credits:<family>`

With a launch template, what the instance leaves unset comes from the template: its
type, market, tenancy, detailed monitoring, CPU credits, EBS optimization and block
devices (a mapping of a root device name, `/dev/xvda` or `/dev/sda1`, replaces the
assumed root volume; other devices come beside it).
"""

from __future__ import annotations

from collections.abc import Mapping

from finops_gate.cost.estimators._compute import (
    PURCHASE_WORDS,
    LaunchSpec,
    ebs_optimized_flag,
    extras,
    from_launch_template,
    image_purchase,
    instance_usage,
    launch_template_of,
    usage_purchase,
)
from finops_gate.cost.estimators._ebs import volume_components
from finops_gate.cost.estimators._reservation import targeted_reservations, without_reserved_hours
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_instance",)
USAGE_KEYS = ("monthly_cpu_credit_hrs", "vcpu_count", "monthly_hrs")
USAGE_TEXT_KEYS = PURCHASE_WORDS
ASSUMED_ROOT_GB = 8.0
ASSUMED_VOLUME_TYPE = "gp2"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return without_reserved_hours(instance_components(view), _reservations_of(view))


def _reservations_of(view: AttributeView) -> list[AttributeView]:
    """The capacity reservations the instance targets: its own specification decides, else
    its launch template's."""
    if view.blocks("capacity_reservation_specification"):
        return targeted_reservations(view)
    template = _template(view)
    return targeted_reservations(template) if template is not None else []


def instance_components(view: AttributeView) -> list[ComponentSpec]:
    spec = launch_spec(view)
    host = _on_dedicated_host(view)  # billed on the aws_ec2_host it runs on
    specs = [] if host else [instance_usage(spec, 1)]
    # Disks: the instance's own root volume, else its launch template's block devices
    # (priced with the other template settings below), else the AMI's assumed root.
    template_disks = bool(spec.volumes) and spec.root_note is None and not host
    roots = view.blocks("root_block_device")
    if roots and roots[0].number("volume_size"):
        template_disks = False
    if not template_disks:
        specs.extend(_root_volume(view))
        spec.volumes = []
    elif not any(_device(label) in ROOT_DEVICES for label, *_ in spec.volumes):
        # The template adds devices beside the AMI's root volume, which stays.
        specs.extend(_root_volume(view))
    template_volumes = {_device(volume[0]): volume for volume in spec.volumes}
    specs.extend(_block_devices(view, template_volumes))
    # The instance's own mapping of a device replaces the template's.
    own = _own_devices(view)
    spec.volumes = [v for v in spec.volumes if _device(v[0]) not in own]
    if view.boolean("associate_public_ip_address"):
        specs.append(
            ComponentSpec("Public IPv4 address", "hour", keys.IPV4_PUBLIC_HOUR, HOURS_PER_MONTH)
        )
    if not host:
        specs.extend(extras(view, spec, 1))
    return specs


Volume = tuple[str, str, float, float | None, float | None]  # as LaunchSpec.volumes
# The root device names of EC2's Linux and Windows AMIs ("Device names for volumes on
# Amazon EC2 instances"): a launch template mapping one of them resizes the root volume.
ROOT_DEVICES = ("/dev/xvda", "/dev/sda1", "xvda", "sda1")


def _on_dedicated_host(view: AttributeView) -> bool:
    """`tenancy = "host"`, or, with tenancy unset, a `host_id` or host resource group: EC2
    then launches the instance with host tenancy (RunInstances, Placement)."""
    tenancy = view.string("tenancy")
    if tenancy is not None:
        return tenancy == "host"
    # Both are computed: unknown alone does not mean set; a value or a host does.
    return any(
        view.string(name) is not None or view.referenced(name) is not None
        for name in ("host_id", "host_resource_group_arn")
    )


def _device(label: str) -> str:
    return label.removeprefix("Block device ")


def _own_devices(view: AttributeView) -> set[str]:
    return {d.string("device_name", "EBS") or "EBS" for d in view.blocks("ebs_block_device")}


def _block_devices(
    view: AttributeView, template_volumes: Mapping[str, Volume]
) -> list[ComponentSpec]:
    """The instance's own EBS block devices; one that maps a device of its launch
    template takes what it leaves unset (type, IOPS, throughput) from the template's."""
    specs: list[ComponentSpec] = []
    for device in view.blocks("ebs_block_device"):
        name = device.string("device_name", "EBS") or "EBS"
        size = device.number("volume_size")
        volume_type = device.string("volume_type")
        iops, throughput = device.number("iops"), device.number("throughput")
        note = None
        template = template_volumes.get(name)
        if volume_type is None and template is not None:
            _, volume_type, _, template_iops, template_throughput = template
            iops = template_iops if iops is None else iops
            throughput = template_throughput if throughput is None else throughput
            note = f"volume type of {name} in the launch template"
        if volume_type is None:
            volume_type = ASSUMED_VOLUME_TYPE
            note = "volume type unknown until apply: assumed gp2"
        specs.extend(
            volume_components(
                f"Block device {name}",
                volume_type,
                size,
                iops,
                throughput,
                note,
                "volume_size unknown until apply (e.g. from its snapshot)",
            )
        )
    return specs


def launch_spec(view: AttributeView) -> LaunchSpec:
    """What the instance runs: its own settings, else those of its launch template
    (type, market, tenancy, monitoring, CPU credits, EBS optimization, disks)."""
    instance_type = view.string("instance_type")
    template = _template(view)
    if template is not None:
        spec = from_launch_template(template, instance_type)
        if instance_type is None:
            spec.notes.insert(0, f"instance type from {template.resource.address}")
    elif instance_type is None:
        raise UnknownAttributeError("instance_type")
    else:
        spec = LaunchSpec(instance_type)
    markets = view.blocks("instance_market_options")
    if markets:
        spec.spot = markets[0].string("market_type") == "spot"
    tenancy = view.string("tenancy")  # unset or unknown: the template's
    if tenancy is not None:
        spec.dedicated = tenancy == "dedicated"
    monitoring = view.values.get("monitoring")
    if isinstance(monitoring, bool):
        spec.monitoring = monitoring
    flag = ebs_optimized_flag(view)  # unset: the launch template's, else off
    if flag is not None:
        spec.ebs_optimized = flag
    credits = view.blocks("credit_specification")
    if credits and credits[0].string("cpu_credits"):
        spec.cpu_credits = credits[0].string("cpu_credits")
    spec.purchase = image_purchase(view, usage_purchase(view), view.string("ami") or spec.image_id)
    spec.monthly_hours = view.usage_number("monthly_hrs")
    return spec


def _template(view: AttributeView) -> AttributeView | None:
    """The launch template an instance without `instance_type` is launched from."""
    for block in view.blocks("launch_template"):
        found = launch_template_of(block)
        if found is not None:
            return found
    return None


def _root_volume(view: AttributeView) -> list[ComponentSpec]:
    roots = view.blocks("root_block_device")
    root = roots[0] if roots else None
    size = root.number("volume_size") if root else None
    volume_type = root.string("volume_type") if root else None
    assumed = []
    if not size:
        size = ASSUMED_ROOT_GB
        assumed.append("8 GB")
    if volume_type is None:
        volume_type = ASSUMED_VOLUME_TYPE
        assumed.append("gp2")
    note = None
    if assumed:
        note = f"root volume unknown until apply (set by the AMI): assumed {' '.join(assumed)}"
    iops = root.number("iops") if root else None
    throughput = root.number("throughput") if root else None
    return volume_components("Root volume", volume_type, size, iops, throughput, note)
