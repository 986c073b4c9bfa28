"""EKS managed node group.

- Instance usage: desired size x hour, `ec2:<first of instance_types>` (AWS's default
  t3.medium when neither the list nor the launch template gives one; `:spot` for
  `capacity_type = "SPOT"`)
- Node disks: desired size x `disk_size` GB-month (AWS's default: 20, 50 for Windows
  AMI types), `ebs:gp2:storage`
- With a launch template: the template's instance type, disks, monitoring and
  EBS-optimized fee (`ec2:<type>:ebs-optimized`), as `aws_autoscaling_group`; a template
  with no image and no disks gets the volumes of the EKS-optimized AMI of `ami_type`
  (AL2023: 20 GB gp3; Bottlerocket: 2 + 20 GB gp3)
- Unlimited CPU credits for burstable types (usage: `monthly_cpu_credit_hrs` x
  `vcpu_count` per node): vCPU-hour, `ec2:cpu-credits:<family>`

The usage file's `instances` overrides the desired size; its `operating_system` and
`reserved_instance_*` price the on-demand instances as `aws_instance` does. A Windows
`ami_type` (`WINDOWS_CORE_2022_x86_64`...) prices the on-demand instances at the Windows
rate (`ec2:<type>:windows`, licence included) unless the usage file names the system.

With a launch template (`launch_template { id = aws_launch_template.x.id }`, also
through locals, module outputs and inputs, or inferred, see docs/references.md), the
instance type (unless `instance_types` sets one), disks and monitoring come from the
template found in the plan; a template outside the plan leaves the price not found
unless `instance_types` is set (then no disk is priced: it comes from the AMI).
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators._compute import (
    ON_DEMAND_LINUX,
    OPERATING_SYSTEMS,
    PURCHASE_WORDS,
    LaunchSpec,
    Purchase,
    cpu_credits,
    extras,
    from_launch_template,
    image_purchase,
    instance_usage,
    launch_template_of,
    usage_purchase,
)
from finops_gate.cost.estimators._defaults import set_from_reference
from finops_gate.cost.estimators._ebs import volume_components
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_eks_node_group",)
USAGE_KEYS = ("instances", "monthly_cpu_credit_hrs", "vcpu_count")
USAGE_TEXT_KEYS = PURCHASE_WORDS
# https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html:
# instanceTypes "If you don't specify an instance type in a launch template or for
# instanceTypes, then t3.medium is used, by default"; diskSize "The default disk size is
# 20 GiB for Linux and Bottlerocket. The default disk size is 50 GiB for Windows."
DEFAULT_INSTANCE_TYPE = "t3.medium"
TEMPLATE_DEFAULT_NOTE = (
    "no instance type in instance_types or the launch template: t3.medium, the EKS default"
)
DEFAULT_DISK_GB = 20.0
DEFAULT_WINDOWS_DISK_GB = 50.0
# The volumes of the EKS-optimized AMIs EKS picks by `ami_type` when a launch template
# names no image and no block device: Amazon Linux 2023 has one 20 GiB gp3 root volume,
# Bottlerocket a 2 GiB gp3 OS volume and a 20 GiB gp3 data volume (the images' block
# device mappings: awslabs/amazon-eks-ami, bottlerocket-os/bottlerocket). Other AMI
# types keep the generic assumption.
EKS_AMI_VOLUMES: dict[str, tuple[tuple[str, float], ...]] = {
    "AL2023": (("Root volume (EKS AL2023 AMI)", 20.0),),
    "BOTTLEROCKET": (("OS volume (EKS Bottlerocket AMI)", 2.0), ("Data volume", 20.0)),
}


def _purchase(view: AttributeView) -> Purchase:
    """The usage file's purchase; a Windows `ami_type` runs Windows unless the usage file
    names the operating system."""
    purchase = usage_purchase(view)
    windows_ami = (view.string("ami_type") or "").startswith("WINDOWS")
    if windows_ami and view.usage_string("operating_system") is None:
        return replace(purchase, platform=OPERATING_SYSTEMS["windows"])
    return purchase


def estimate(view: AttributeView) -> list[ComponentSpec]:
    scaling = view.blocks("scaling_config")
    desired = scaling[0].number("desired_size") if scaling else None
    override = view.usage_number("instances")
    if override is not None:
        desired = override
    if desired is None:
        raise UnknownAttributeError("scaling_config.desired_size")
    instance_types = view.strings("instance_types")
    templates = view.blocks("launch_template")
    uses_template = bool(templates)
    template = launch_template_of(templates[0]) if templates else None
    if template is not None:  # the node group's instance_types win over the template's
        chosen = instance_types[0] if instance_types else None
        default_note = None
        if chosen is None and not (
            template.configured("instance_type") or template.blocks("instance_requirements")
        ):
            chosen, default_note = DEFAULT_INSTANCE_TYPE, TEMPLATE_DEFAULT_NOTE
        spec = from_launch_template(template, chosen)
        if default_note:
            spec.notes.append(default_note)
        spec.spot = view.string("capacity_type") == "SPOT"
        spec.purchase = image_purchase(view, _purchase(view), spec.image_id)
        if spec.root_note and not template.string("image_id"):
            _eks_ami_volumes(spec, view.string("ami_type") or "")
        return [instance_usage(spec, desired), *extras(view, spec, desired)]
    type_note = None
    if instance_types:
        instance_type = instance_types[0]
    elif uses_template or set_from_reference(view, "instance_types"):
        raise UnknownAttributeError("instance_types")
    else:
        instance_type = DEFAULT_INSTANCE_TYPE
        type_note = "instance_types not set: t3.medium, the EKS default"
    key, label = keys.ec2_instance(instance_type), "on-demand"
    spot = view.string("capacity_type") == "SPOT"
    if spot:
        key, label = keys.ec2_spot(instance_type), "spot"
    count = int(desired)
    purchase = _purchase(view)
    if purchase != ON_DEMAND_LINUX and not spot:
        usage = instance_usage(LaunchSpec(instance_type, purchase=purchase), desired)
        if type_note:
            usage = replace(usage, note=f"{type_note}; {usage.note}")
    else:
        usage = ComponentSpec(
            f"Instance usage (Linux, {label}, {count} x {instance_type})",
            "hour",
            key,
            HOURS_PER_MONTH * desired,
            note=type_note,
        )
    specs = [usage]
    if not uses_template:
        disk, disk_note = _disk_size(view)
        specs.extend(
            volume_components(
                f"Node disks ({count} x {disk:g} GB)", "gp2", disk * desired, note=disk_note
            )
        )
    credits = cpu_credits(view, LaunchSpec(instance_type, purchase=purchase), desired)
    if credits is not None:
        specs.append(credits)
    return specs


def _disk_size(view: AttributeView) -> tuple[float, str | None]:
    size = view.number("disk_size")
    if size:
        return size, None
    windows = (view.string("ami_type") or "").startswith("WINDOWS")
    default = DEFAULT_WINDOWS_DISK_GB if windows else DEFAULT_DISK_GB
    return default, f"disk_size not set: {number_text(default)} GB, the EKS default"


def _eks_ami_volumes(spec: LaunchSpec, ami_type: str) -> None:
    """The volumes of the EKS-optimized AMI EKS launches, for a template that sets none."""
    for prefix, volumes in EKS_AMI_VOLUMES.items():
        if ami_type.startswith(prefix):
            spec.volumes = [(label, "gp3", size, None, None) for label, size in volumes]
            spec.root_note = f"volumes of the EKS-optimized {ami_type} AMI (the template sets none)"
            return
