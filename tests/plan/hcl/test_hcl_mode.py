"""HCL mode on its own: variables, expressions, modules, providers, unknowns, errors.

tests/fixtures/hcl/features/ is a hand-written configuration (HCL mode only, so it has
no plan.json) using what the terraform fixtures do not: tfvars files, functions,
conditionals, dynamic blocks, a data source, an unset variable, a remote module.
Prices in the assertions are AWS's published us-east-1 on-demand prices: t3.small
$0.0208/hour, gp3 $0.08/GB-month, db.t3.micro PostgreSQL Single-AZ $0.018/hour, RDS gp3
storage $0.115/GB-month.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from finops_gate.cli import main
from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import load_price_table
from finops_gate.errors import PlanError
from finops_gate.plan import Plan, Resource
from finops_gate.plan.hcl import load_directory
from finops_gate.plan.hcl.evaluate import Evaluator
from finops_gate.plan.hcl.functions import FUNCTIONS
from finops_gate.plan.hcl.syntax import parse_text
from finops_gate.plan.hcl.values import EvalError, Unknown
from tests.conftest import ROOT

FEATURES = ROOT / "tests" / "fixtures" / "hcl" / "features"


def by_address(plan: Plan) -> dict[str, Resource]:
    return {r.address: r for r in plan.resources}


def evaluate(expression: str, **variables: Any) -> Any:
    def resolve(name: str) -> Any:
        if name == "var":
            return variables
        raise EvalError(name)

    body = parse_text(f"x = {expression}\n", "test.tf")
    return Evaluator(resolve, FUNCTIONS).evaluate(body.attributes["x"].expr)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('"a-${1 + 2}-b"', "a-3-b"),
        ("10 / 4", 2.5),
        ("7 % 3 * 2 - 1", 1),
        ("-(2 + 3)", -5),
        ('true && !false ? "y" : "n"', "y"),
        ("1 < 2 && 2 >= 2 && 3 != 4", True),
        ("merge({a = 1, b = 2}, {b = 3}, null)", {"a": 1, "b": 3}),
        ('lookup({a = "x"}, "b", "dflt")', "dflt"),
        ("concat([1], [2, 3])", [1, 2, 3]),
        ('coalesce("", null, "z")', "z"),
        ('try(var.missing.key, "fallback")', "fallback"),
        ("can(var.missing.key)", False),
        ('format("%s=%03d %.1f %q", "n", 7, 2.25, "q")', 'n=007 2.2 "q"'),
        ('join(",", ["a", "b"])', "a,b"),
        ('split("/", "a/b")', ["a", "b"]),
        ('lower("AbC")', "abc"),
        ('upper("AbC")', "ABC"),
        ('length("héllo")', 5),
        ("length({a = 1})", 1),
        ('element(["a", "b"], 3)', "b"),
        ('tomap({a = "1"})', {"a": "1"}),
        ('toset(["b", "a", "b"])', ["a", "b"]),
        ("keys({b = 1, a = 2})", ["a", "b"]),
        ("values({b = 1, a = 2})", [2, 1]),
        ('jsonencode({b = [1, "<x>"], a = null})', '{"a":null,"b":[1,"\\u003cx\\u003e"]}'),
        ("[for n in [1, 2, 3] : n * 2 if n > 1]", [4, 6]),
        ("{for k, v in {a = 1, b = 2} : upper(k) => v}", {"A": 1, "B": 2}),
        ('[{id = "a"}, {id = "b"}][*].id', ["a", "b"]),
        # The legacy `.*` splat stops at the first index, which picks from its result;
        # the full `[*]` splat applies the index to each element (HCL spec).
        ('[{id = "a"}, {id = "b"}].*.id[1]', "b"),
        ('[{ids = ["a", "b"]}, {ids = ["c", "d"]}].*.ids[1]', ["c", "d"]),
        ('[{ids = ["a", "b"]}, {ids = ["c", "d"]}][*].ids[1]', ["b", "d"]),
        ('"${var.n}x"', "5x"),
        ("var.list[1]", 20),
        ('cidrsubnet("10.0.0.0/16", 8, 2)', "10.0.2.0/24"),
        ("max(1, 5, 3) + min(2, 4)", 7),
        ('one(["x"])', "x"),
        ('"${var.list}"', [10, 20]),
        ('"${var.n}"', 5),
        ('"x%{ if var.n > 1 }big%{ else }small%{ endif }"', "xbig"),
        ('"%{ for i, v in var.list ~} ${i}:${v} %{~ endfor }"', "0:101:20"),
        ('"%{ for v in var.list }%{ if v > 10 }${v}%{ endif }%{ endfor }"', "20"),
        ('setunion(["b"], ["a", "b"])', ["a", "b"]),
        ("alltrue([true, 1 == 1])", True),
        ('nonsensitive(sensitive("s"))', "s"),
        ('<<-EOT\n  echo "${var.n}" \\ $${x}\n  EOT\n', 'echo "5" \\ ${x}\n'),
    ],
)
def test_expressions(expression: str, expected: Any) -> None:
    assert evaluate(expression, n=5, list=[10, 20]) == expected


def test_unknown_propagates_and_says_why() -> None:
    unknown = Unknown("var.x is not set")
    for expression in ('"a-${var.u}"', "var.u + 1", "merge({a = 1}, {b = var.u})", "var.u ? 1 : 2"):
        value = evaluate(expression, u=unknown)
        assert isinstance(value, Unknown) and value.reason == "var.x is not set", expression
    assert evaluate("length([var.u, 2])", u=unknown) == 2
    assert isinstance(evaluate('templatefile("x", {})'), Unknown)


def test_features_resources_addresses_and_sources() -> None:
    plan = load_directory(FEATURES)
    resources = by_address(plan)
    assert list(resources) == [
        "aws_db_instance.db",
        "aws_ebs_volume.from_ami",
        "aws_instance.unset",
        "aws_instance.web[0]",
        "aws_instance.web[1]",
        'module.app["api"].aws_instance.this',
        'module.app["jobs"].aws_instance.this',
    ]
    web = resources["aws_instance.web[1]"]
    assert (web.source_file, web.source_line) == ("main.tf", 74)
    app = resources['module.app["jobs"].aws_instance.this']
    assert (app.source_file, app.source_line) == ("modules/app/main.tf", 14)
    assert app.module_address == 'module.app["jobs"]'
    assert app.index is None and web.index == 1
    assert all(r.actions == ("create",) for r in plan.resources)


def test_features_values_variables_locals_and_dynamic_blocks() -> None:
    resources = by_address(load_directory(FEATURES))
    web = resources["aws_instance.web[0]"].after
    assert web is not None
    # terraform.tfvars: environment = "dev" -> sizes["dev"]; prod.auto.tfvars: count 2
    assert web["instance_type"] == "t3.small"
    assert web["availability_zone"] == "us-east-1b"  # element() wraps around
    assert web["root_block_device"] == [{"volume_type": "gp3", "volume_size": 40}]
    assert web["ebs_block_device"] == [
        {"device_name": "/dev/sdf", "volume_type": "gp3", "volume_size": 10},
        {"device_name": "/dev/sdg", "volume_type": "gp3", "volume_size": 20},
    ]
    db = resources["aws_db_instance.db"].after
    assert db is not None
    assert (db["instance_class"], db["multi_az"], db["allocated_storage"]) == (
        "db.t3.micro",
        False,
        80,
    )


def test_features_providers_regions_and_default_tags() -> None:
    resources = by_address(load_directory(FEATURES))
    web = resources["aws_instance.web[0]"]
    assert web.region == "us-east-1"
    assert dict(web.tags) == {
        "Environment": "dev",
        "Team": "shop",
        "Owner": "alice",
        "Name": "shop-dev-web-0",
    }
    # provider = aws.west, and a module `providers` map: no default_tags on that provider
    assert resources["aws_instance.unset"].region == "us-west-2"
    jobs = resources['module.app["jobs"].aws_instance.this']
    assert jobs.region == "us-west-2"
    assert dict(jobs.tags) == {"Name": "shop-dev-jobs"}


def test_features_unknowns_are_marked_and_listed() -> None:
    plan = load_directory(FEATURES)
    resources = by_address(plan)
    assert resources["aws_ebs_volume.from_ami"].after_unknown["size"] is True
    assert "size" not in (resources["aws_ebs_volume.from_ami"].after or {})
    assert resources["aws_instance.unset"].after_unknown["instance_type"] is True
    assert resources["aws_instance.web[0]"].after_unknown["ami"] is True
    # a computed attribute the configuration leaves unset, as in a plan
    assert resources["aws_db_instance.db"].after_unknown["iops"] is True
    notes = "\n".join(plan.notes)
    assert "4 value(s) could not be evaluated without a plan" in notes
    assert "aws_ebs_volume.from_ami.size (main.tf:102: data source data.aws_ami.linux" in notes
    assert "aws_instance.unset.instance_type (main.tf:107: var.unset_type is not set" in notes
    assert "module.remote (source 'terraform-aws-modules/ec2-instance/aws', main.tf:126)" in notes


def test_values_a_plan_would_not_know_either_are_only_counted() -> None:
    plan = load_directory(ROOT / "examples" / "web-app")
    # e.g. aws_subnet.public[0].vpc_id = aws_vpc.main.id: unknown in the plan too
    counted = [n for n in plan.notes if n.startswith("HCL mode:") and "after apply" in n]
    assert len(counted) == 1
    assert re.fullmatch(r"HCL mode: [1-9]\d* value\(s\) are known only after apply, as in a plan\.", counted[0])
    assert not any("could not be evaluated" in note for note in plan.notes)


def test_features_costs_from_published_prices() -> None:
    plan = load_directory(FEATURES)
    costs = {c.resource.address: c for c in estimate_plan(plan, load_price_table()).resources}
    # t3.small 730 h x $0.0208 + gp3 root 40 GB + gp3 10 GB + gp3 20 GB at $0.08
    assert costs["aws_instance.web[0]"].monthly_cost_after == pytest.approx(
        730 * 0.0208 + 70 * 0.08
    )
    # db.t3.micro postgres 730 h x $0.018 + 80 GB RDS gp3 at $0.115
    assert costs["aws_db_instance.db"].monthly_cost_after == pytest.approx(730 * 0.018 + 80 * 0.115)
    # unknown size / instance type: not priced, never guessed
    assert costs["aws_ebs_volume.from_ami"].monthly_cost_after is None
    assert costs["aws_instance.unset"].monthly_cost_after is None


def test_var_file_and_var_options_win_in_order() -> None:
    prod = load_directory(FEATURES, var_files=[str(FEATURES / "env" / "prod.tfvars")])
    web = by_address(prod)["aws_instance.web[0]"].after
    assert web is not None and web["instance_type"] == "m5.large"
    assert by_address(prod)["aws_db_instance.db"].after["multi_az"] is True  # type: ignore[index]
    both = load_directory(
        FEATURES,
        var_files=[str(FEATURES / "env" / "prod.tfvars")],
        var_options=[
            "environment=staging",
            "instance_count=3",
            "volumes=[5]",
            "unset_type=t3.nano",
        ],
    )
    resources = by_address(both)
    assert [a for a in resources if a.startswith("aws_instance.web")] == [
        "aws_instance.web[0]",
        "aws_instance.web[1]",
        "aws_instance.web[2]",
    ]
    web = resources["aws_instance.web[2]"].after
    assert web is not None
    assert web["instance_type"] == "t3.micro"  # lookup default: no "staging" size
    assert web["ebs_block_device"] == [
        {"device_name": "/dev/sdf", "volume_type": "gp3", "volume_size": 5}
    ]
    assert resources["aws_instance.unset"].after["instance_type"] == "t3.nano"  # type: ignore[index]


def test_unknown_count_is_said_not_guessed(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'variable "n" { type = number }\n'
        'resource "aws_instance" "x" {\n  count = var.n\n  instance_type = "t3.micro"\n}\n'
    )
    plan = load_directory(tmp_path)
    assert plan.resources == ()
    assert any("aws_instance.x (main.tf:2): count/for_each is unknown" in n for n in plan.notes)


def test_installed_remote_module_is_read(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'provider "aws" { region = "eu-west-1" }\n'
        'module "vm" {\n  source = "example/vm/aws"\n  size = "m5.large"\n}\n'
    )
    installed = tmp_path / ".terraform" / "modules"
    (installed / "vm").mkdir(parents=True)
    (installed / "vm" / "main.tf").write_text(
        'variable "size" {}\nresource "aws_instance" "this" { instance_type = var.size }\n'
    )
    (installed / "modules.json").write_text(
        json.dumps(
            {"Modules": [{"Key": "", "Dir": "."}, {"Key": "vm", "Dir": ".terraform/modules/vm"}]}
        )
    )
    resource = by_address(load_directory(tmp_path))["module.vm.aws_instance.this"]
    assert resource.region == "eu-west-1"
    assert resource.after is not None and resource.after["instance_type"] == "m5.large"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, "no .tf files in this directory"),
        (
            {"main.tf": 'resource "aws_instance" "x" {\n  ami = \n}\n'},
            "main.tf: not valid HCL at line 2",
        ),
    ],
)
def test_errors_are_one_line(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(PlanError, match=expected):
        load_directory(tmp_path)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def test_cli_directory_with_vars(capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(FEATURES), "--format", "json", "--var", "environment=prod"]
    args += ["--var-file", str(FEATURES / "env" / "prod.tfvars")]
    code, out, err = run_cli(args, capsys)
    assert code in (0, 1), err
    report = json.loads(out)
    assert report["plan"]["format_version"] == "hcl"
    types = {r["address"]: r for r in report["resources"]}
    assert types["aws_instance.web[0]"]["components"][0]["price_key"] == "ec2:m5.large"
    assert any("could not be evaluated without a plan" in n for n in report["plan"]["notes"])


def test_cli_var_options_need_a_directory(capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(ROOT / "examples" / "plan.json")
    code, _, err = run_cli([plan, "--var", "a=b"], capsys)
    assert code == 2
    assert "--var, --var-file and --base need a directory of .tf files" in err


def test_a_module_calling_itself_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('module "me" {\n  source = "./"\n}\n')
    with pytest.raises(PlanError, match=r"main.tf:1: modules nested more than 32 deep"):
        load_directory(tmp_path)


def test_terraform_workspace(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_instance" "x" {\n  instance_type = terraform.workspace == "prod" ? "m5.large" : "t3.micro"\n}\n'
    )
    assert (
        by_address(load_directory(tmp_path))["aws_instance.x"].after["instance_type"] == "t3.micro"
    )  # type: ignore[index]
    (tmp_path / ".terraform").mkdir()
    (tmp_path / ".terraform" / "environment").write_text("prod")
    assert (
        by_address(load_directory(tmp_path))["aws_instance.x"].after["instance_type"] == "m5.large"
    )  # type: ignore[index]


def test_json_syntax_files() -> None:
    plan = load_directory(ROOT / "tests" / "fixtures" / "hcl" / "json_syntax")
    resources = by_address(plan)
    assert list(resources) == [
        "aws_instance.eu",
        "aws_instance.web[0]",
        "aws_instance.web[1]",
        "module.disk.aws_ebs_volume.this",
    ]
    web = resources["aws_instance.web[1]"]
    assert (web.source_file, web.source_line, web.region) == ("main.tf.json", 15, "us-east-1")
    assert web.after is not None
    assert web.after["instance_type"] == "m5.large"
    assert web.after["root_block_device"] == [{"volume_type": "gp3", "volume_size": 30}]
    assert dict(web.tags) == {
        "Team": "core",
        "Name": "web-m5.large-1",
        "Literal": "${not-a-template}",
    }
    assert resources["aws_instance.eu"].region == "eu-west-1"
    assert resources["aws_instance.eu"].source_line == 23
    disk = resources["module.disk.aws_ebs_volume.this"]
    assert (disk.region, disk.after["size"]) == ("eu-west-1", 100)  # type: ignore[index]
    costs = {c.resource.address: c for c in estimate_plan(plan, load_price_table()).resources}
    # us-east-1: m5.large $0.096/hour, gp3 $0.08/GB-month
    assert costs["aws_instance.web[0]"].monthly_cost_after == pytest.approx(730 * 0.096 + 30 * 0.08)
