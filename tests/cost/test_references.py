"""Resources priced through another one reached through locals, module outputs and
inputs, conditionals, one()/try()/[0] and dynamic blocks, in both modes.

The fixture (tests/fixtures/terraform/references) is a plan terraform made. Plan mode
follows module outputs and inputs from the plan's configuration, and infers the links
that go through locals or dynamic blocks (which plan JSON does not show), saying so in
the component's note; HCL mode evaluates them and needs no inference.
"""

from __future__ import annotations

from typing import Any

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from finops_gate.plan.hcl import load_directory
from finops_gate.plan.region import RegionOptions
from tests.conftest import FIXTURES

CASE = FIXTURES / "references"
HOURS = 730


def _costs(mode: str, prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(CASE / "plan.json")) if mode == "plan" else load_directory(CASE)
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices).resources}


@pytest.fixture(scope="module", params=["plan", "hcl"])
def costs(request: pytest.FixtureRequest, prices: PriceTable) -> dict[str, ResourceCost]:
    return _costs(request.param, prices)


@pytest.fixture(scope="module")
def planned(prices: PriceTable) -> dict[str, ResourceCost]:
    return _costs("plan", prices)


@pytest.fixture(scope="module")
def evaluated(prices: PriceTable) -> dict[str, ResourceCost]:
    return _costs("hcl", prices)


def keyed(cost: ResourceCost) -> list[tuple[str, Any]]:
    return [(c.price_key, c.monthly_quantity) for c in cost.components]


def usage(cost: ResourceCost) -> tuple[str, Any]:
    """The instance usage component: (name, price key, hours)."""
    first = cost.components[0]
    assert cost.status == Status.PRICED, cost.notes
    return first.price_key, first.monthly_quantity


@pytest.mark.parametrize(
    ("address", "price_key", "instances"),
    [
        ("aws_autoscaling_group.web", "ec2:c5.xlarge", 3),  # through a local with one()
        ("aws_autoscaling_group.api", "ec2:m5.2xlarge", 2),  # module output, try(...[0])
        ("module.asg_own_template.aws_autoscaling_group.this", "ec2:r5.large", 2),  # dynamic
        ("module.asg_renamed_template.aws_autoscaling_group.this", "ec2:c5.large", 1),
        ("module.asg_given_template.aws_autoscaling_group.this", "ec2:t3.large", 4),  # var
        ('module.pool["small"].aws_autoscaling_group.this', "ec2:t3.small", 5),  # for_each
        ('module.pool["large"].aws_autoscaling_group.this', "ec2:m5.4xlarge", 1),
        ("aws_eks_node_group.nodes", "ec2:m6i.large", 3),  # through a local object
    ],
)
def test_groups_priced_through_their_launch_template(
    costs: dict[str, ResourceCost], address: str, price_key: str, instances: int
) -> None:
    assert usage(costs[address]) == (price_key, instances * HOURS)


def test_template_settings_flow_into_users(costs: dict[str, ResourceCost]) -> None:
    web = costs["aws_autoscaling_group.web"]  # the template enables detailed monitoring
    assert ("cloudwatch:metric", 3 * 7) in keyed(web)
    nodes = costs["aws_eks_node_group.nodes"]  # the template's 100 GB gp3 disk per node
    assert keyed(nodes) == [("ec2:m6i.large", 3 * HOURS), ("ebs:gp3:storage", 3 * 100)]
    # An instance with only a launch template: its type, dedicated tenancy, monitoring
    # and block device.
    worker = costs["aws_instance.worker"]
    assert keyed(worker) == [
        ("ec2:m5.large:dedicated", HOURS),
        ("ebs:gp3:storage", 50),
        ("cloudwatch:metric", 7),
    ]
    assert worker.components[0].note == "instance type from aws_launch_template.worker"


def test_fargate_service_through_a_module_output(costs: dict[str, ResourceCost]) -> None:
    api = costs["module.task.aws_ecs_task_definition.this"]
    assert api.status == Status.FREE
    service = costs["aws_ecs_service.api"]  # 3 tasks x 1 vCPU / 4 GB
    assert keyed(service) == [("fargate:vcpu:hour", 3 * HOURS), ("fargate:gb:hour", 12 * HOURS)]
    assert service.components[0].note is None  # read from the configuration, not inferred


def test_autoscaling_target_keeps_its_minimum_of_tasks(costs: dict[str, ResourceCost]) -> None:
    service = costs["aws_ecs_service.worker"]  # desired_count 1, min_capacity 4
    assert keyed(service) == [("fargate:vcpu:hour", 4 * HOURS), ("fargate:gb:hour", 16 * HOURS)]
    assert "the min_capacity of aws_appautoscaling_target.worker" in (
        service.components[0].note or ""
    )


def test_eip_names_the_nat_gateway_through_a_module_output(
    costs: dict[str, ResourceCost],
) -> None:
    eip = costs["module.eip.aws_eip.this"]
    assert keyed(eip) == [("ipv4:public:hour", HOURS)]
    assert eip.components[0].name == "Public IPv4 address (used by aws_nat_gateway.main)"
    assert eip.components[0].note is None


def test_plan_mode_says_which_links_it_inferred(planned: dict[str, ResourceCost]) -> None:
    def note(address: str) -> str | None:
        return planned[address].components[0].note

    assert note("aws_autoscaling_group.web") == (
        "launch template aws_launch_template.web inferred: named like aws_autoscaling_group.web"
    )
    assert note("module.asg_renamed_template.aws_autoscaling_group.this") == (
        "launch template module.asg_renamed_template.aws_launch_template.this[0] inferred: "
        "the only launch template in module.asg_renamed_template"
    )
    assert note("module.asg_given_template.aws_autoscaling_group.this") == (
        "launch template aws_launch_template.queue inferred: passed to "
        "module.asg_given_template as var.launch_template_id"
    )
    assert note("aws_eks_node_group.nodes") == (
        "launch template aws_launch_template.nodes inferred: named like aws_eks_node_group.nodes"
    )
    # Followed through module outputs and inputs: read, not inferred.
    for address in ("aws_autoscaling_group.api", 'module.pool["large"].aws_autoscaling_group.this'):
        assert note(address) is None


def test_plan_mode_reads_links_from_the_configuration_directory(prices: PriceTable) -> None:
    """With the .tf files beside the plan (`--config-dir`, the default when they are),
    the links the plan cannot record (through locals, `dynamic` blocks) are read from
    the evaluated configuration: the same prices, and nothing inferred."""
    plan = load_plan(str(CASE / "plan.json"), RegionOptions(config_dir=str(CASE)))
    with_config = {c.resource.address: c for c in estimate_plan(plan, prices).resources}
    without = _costs("plan", prices)
    assert "inferred" in (without["aws_autoscaling_group.web"].components[0].note or "")
    for address, cost in without.items():
        assert with_config[address].monthly_cost_after == cost.monthly_cost_after, address
        assert "inferred" not in " ".join(c.note or "" for c in with_config[address].components)


def test_hcl_mode_needs_no_inference(evaluated: dict[str, ResourceCost]) -> None:
    notes = [c.note or "" for cost in evaluated.values() for c in cost.components]
    assert not [n for n in notes if "inferred" in n]


def test_a_literal_template_id_is_not_inferred(prices: PriceTable) -> None:
    """A template outside the plan (a literal id) stays "price not found": the only
    template in the module is not taken for it."""
    plan = load_plan(str(FIXTURES / "compute_us_east_1" / "plan.json"))
    costs = {c.resource.address: c for c in estimate_plan(plan, prices).resources}
    external = costs["aws_autoscaling_group.external_template"]
    assert external.status == Status.PRICE_NOT_FOUND and external.monthly_cost_after is None


def test_update_plan_links_by_known_id_and_reprices_the_unchanged_group(
    prices: PriceTable,
) -> None:
    """The group reaches its template through a local; the template changes type. The
    group's launch_template.id holds the template's known id: the link is inferred from
    it, and the no-op group is priced before (m5.large) and after (m5.xlarge)."""
    plan = load_plan(str(FIXTURES / "references_update" / "plan.json"))
    costs = {c.resource.address: c for c in estimate_plan(plan, prices).resources}
    group = costs["aws_autoscaling_group.app"]
    assert group.resource.action.value == "no-op"
    assert [c.price_key for c in group.components_before][:1] == ["ec2:m5.large"]
    assert [c.price_key for c in group.components][:1] == ["ec2:m5.xlarge"]
    assert group.monthly_cost_delta == pytest.approx(2 * HOURS * (0.192 - 0.096))
    assert group.components[0].note == (
        'launch template aws_launch_template.app inferred: its id is "lt-0123456789abcdef0", '
        "the value given"
    )


@pytest.mark.parametrize("mode", ["plan", "hcl"])
def test_terraform_aws_modules_autoscaling(mode: str, prices: PriceTable) -> None:
    """terraform-aws-modules/autoscaling v8.3.1 (vendored): its group names the template
    through a local inside a dynamic block; plan mode infers the link, HCL mode evaluates
    it. (Priced here only: tests/plan/hcl/test_parity.py does not run this case.)"""
    case = FIXTURES.parent / "public_modules" / "autoscaling"
    plan = load_plan(str(case / "plan.json")) if mode == "plan" else load_directory(case)
    costs = {c.resource.address: c for c in estimate_plan(plan, prices).resources}
    web = costs["module.web.aws_autoscaling_group.this[0]"]
    assert keyed(web) == [
        ("ec2:m5.large", 3 * HOURS),
        ("ebs:gp3:storage", 3 * 40),
        ("cloudwatch:metric", 3 * 7),
    ]
    external = costs["module.external.aws_autoscaling_group.this[0]"]
    assert usage(external) == ("ec2:c5.2xlarge", HOURS)
    mixed = costs["module.mixed.aws_autoscaling_group.this[0]"]  # base 1 + 50 % of 3 above
    assert [(c.price_key, c.monthly_quantity) for c in mixed.components[:2]] == [
        ("ec2:r5.xlarge", 3 * HOURS),
        ("ec2:r5.xlarge:spot", HOURS),
    ]
    inferred = [c.note for c in web.components if c.note and "inferred" in c.note]
    if mode == "plan":
        assert inferred == [
            "launch template module.web.aws_launch_template.this[0] inferred: named like "
            "module.web.aws_autoscaling_group.this[0]"
        ]
    else:
        assert inferred == []


def test_instance_requirements_leave_the_type_to_aws(costs: dict[str, ResourceCost]) -> None:
    flexible = costs["aws_autoscaling_group.flexible"]
    assert flexible.status == Status.PRICE_NOT_FOUND and flexible.monthly_cost_after is None
    assert flexible.notes == (
        "aws_launch_template.flexible sets instance_requirements: AWS chooses the instance "
        "types at launch",
    )
