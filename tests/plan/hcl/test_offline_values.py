"""What HCL mode evaluates without AWS: path values, file functions (and their confinement),
data sources answered from the provider's region, override files.

tests/fixtures/terraform/offline_values/ checks the same features against a real plan
(test_parity.py); these tests cover what a plan made offline cannot show.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from finops_gate.cli import main
from finops_gate.errors import PlanError
from finops_gate.plan import Resource
from finops_gate.plan.hcl import load_directory
from finops_gate.plan.hcl.datasources import REGIONS_FILE
from finops_gate.plan.hcl.files import MAX_FILE_BYTES
from tests.conftest import ROOT

PROVIDER = """
provider "aws" {
  region = "%s"
}
"""


def write(directory: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return directory


def tagged(expressions: dict[str, str], region: str = "eu-west-1", extra: str = "") -> str:
    """A configuration with one bucket whose tags are `expressions`."""
    tags = "\n".join(f"    {key} = {value}" for key, value in expressions.items())
    return (
        PROVIDER % region
        + extra
        + f"""
resource "aws_s3_bucket" "b" {{
  bucket = "b"
  tags = {{
{tags}
  }}
}}
"""
    )


def bucket(directory: Path) -> Resource:
    resources = {r.address: r for r in load_directory(directory).resources}
    return resources["aws_s3_bucket.b"]


def tag_values(directory: Path) -> tuple[dict[str, Any], Any]:
    """(tags when known, the unknown marker for tags); notes hold why."""
    resource = bucket(directory)
    return (resource.after or {}).get("tags") or {}, resource.after_unknown.get("tags")


def notes(directory: Path) -> str:
    return "\n".join(load_directory(directory).notes)


# -- path values and path functions -----------------------------------------------------------


def test_path_values_as_terraform_gives_them(tmp_path: Path) -> None:
    root = tmp_path / "stack"
    write(
        root,
        {
            "main.tf": tagged(
                {"Cwd": "path.cwd", "Root": "path.root", "Module": "path.module"},
                extra='module "child" {\n  source = "./modules/child"\n}\n',
            ),
            "modules/child/main.tf": (
                'resource "aws_s3_bucket" "c" {\n  bucket = "c"\n'
                "  tags = { Module = path.module, Root = path.root, Base = basename(path.cwd) }\n}\n"
            ),
        },
    )
    tags, _ = tag_values(root)
    assert tags == {"Cwd": str(root.resolve()), "Root": ".", "Module": "."}
    child = {r.address: r for r in load_directory(root).resources}["module.child.aws_s3_bucket.c"]
    assert (child.after or {})["tags"] == {"Module": "modules/child", "Root": ".", "Base": "stack"}


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('basename("a/b/c.txt")', "c.txt"),
        ('basename("a/b/")', "b"),
        ('basename("/")', "/"),
        ('basename("")', "."),
        ('dirname("a/b/c.txt")', "a/b"),
        ('dirname("c.txt")', "."),
        ('dirname("/a")', "/"),
        ('dirname("a//b/../c/d")', "a/c"),
        ('pathexpand("x/y")', "x/y"),
    ],
)
def test_path_functions(tmp_path: Path, expression: str, expected: str) -> None:
    write(tmp_path, {"main.tf": tagged({"Value": expression})})
    assert tag_values(tmp_path)[0] == {"Value": expected}


def test_abspath_is_relative_to_the_gated_directory(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": tagged({"A": 'abspath("x/../y")', "B": 'abspath("/etc/./z")'})})
    assert tag_values(tmp_path)[0] == {"A": f"{tmp_path.resolve()}/y", "B": "/etc/z"}


def test_pathexpand_does_not_reveal_the_home_directory(tmp_path: Path) -> None:
    write(tmp_path, {"main.tf": tagged({"Home": 'pathexpand("~/.aws/config")'})})
    tags, unknown = tag_values(tmp_path)
    assert tags == {} and unknown is True
    assert "depends on the home directory" in notes(tmp_path)
    assert os.path.expanduser("~") not in notes(tmp_path)


# -- file functions -----------------------------------------------------------------------------


def test_file_functions_read_inside_the_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the repository's top: files beside the stack are readable
    write(tmp_path, {"shared/size.txt": "large\n", "stack/data.bin": "hi"})
    write(
        tmp_path / "stack",
        {
            "main.tf": tagged(
                {
                    "Size": 'trimspace(file("../shared/size.txt"))',
                    "Exists": 'tostring(fileexists("${path.module}/data.bin"))',
                    "Missing": 'tostring(fileexists("nope.txt"))',
                    "B64": 'filebase64("data.bin")',
                    "Try": 'try(file("nope.txt"), "fallback")',
                }
            )
        },
    )
    assert tag_values(tmp_path / "stack")[0] == {
        "Size": "large",
        "Exists": "true",
        "Missing": "false",
        "B64": "aGk=",
        "Try": "fallback",
    }


def test_templatefile_renders_interpolations_and_directives(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "t.tftpl": (
                "name=${upper(name)}\n%{ for p in ports ~}\nport ${p}\n%{ endfor ~}\n"
                '%{ if debug }debug%{ else }quiet%{ endif } $${literal}"q"\\n'
            ),
            "main.tf": tagged(
                {
                    "Text": 'templatefile("t.tftpl", { name = "web", ports = [80, 443], '
                    "debug = false })"
                }
            ),
        },
    )
    assert tag_values(tmp_path)[0] == {
        "Text": 'name=WEB\nport 80\nport 443\nquiet ${literal}"q"\\n'
    }


def test_templatefile_with_an_unset_variable_is_unknown(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "t.tftpl": "${name}-${other}",
            "main.tf": tagged({"Text": 'templatefile("t.tftpl", { name = "web" })'}),
        },
    )
    assert tag_values(tmp_path)[1] is True
    assert "the template refers to other" in notes(tmp_path)


OUTSIDE_CASES = {
    "symlink": 'file("link.txt")',
    "symlink_template": 'templatefile("link.txt", {})',
    "absolute": 'file("{secret}")',
    "dotdot": 'file("../secret.txt")',
    "proc": 'file("/proc/self/environ")',
    "proc_template": 'templatefile("/proc/self/environ", {})',
    "proc_exists": 'tostring(fileexists("/proc/self/environ"))',
    "git": 'file(".git/config")',
    "nul": 'file("main.tf\\u0000x")',
    "nul_count": 'tostring(length(fileset("\\u0000", "*")))',
}


@pytest.mark.parametrize("case", sorted(OUTSIDE_CASES))
def test_files_outside_the_repository_are_never_read(tmp_path: Path, case: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    stack = tmp_path / "stack"
    stack.mkdir()
    (stack / ".git").mkdir()
    (stack / ".git" / "config").write_text("TOP-SECRET", encoding="utf-8")
    (stack / "link.txt").symlink_to(secret)
    expression = OUTSIDE_CASES[case].replace("{secret}", str(secret))
    write(stack, {"main.tf": tagged({"Value": expression})})
    tags, unknown = tag_values(stack)
    assert tags == {} and unknown is True
    text = notes(stack)
    assert "not read" in text
    assert "TOP-SECRET" not in text


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")  # opening it for reading would block forever
    write(
        tmp_path,
        {
            "main.tf": tagged(
                {
                    "File": 'file("pipe")',
                    "Template": 'templatefile("pipe", {})',
                    "Exists": 'tostring(fileexists("pipe"))',
                }
            )
        },
    )
    assert tag_values(tmp_path)[1] is True
    assert "'pipe' is not a regular file; not read" in notes(tmp_path)


def test_large_files_and_directories_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    (tmp_path / "folder").mkdir()
    write(tmp_path, {"main.tf": tagged({"Big": 'file("big.txt")', "Dir": 'file("folder")'})})
    assert tag_values(tmp_path)[1] is True
    text = notes(tmp_path)
    assert f"'big.txt' is larger than {MAX_FILE_BYTES} bytes; not read" in text
    assert "FINOPS_GATE_MAX_FILE_FUNCTION_BYTES raises the limit" in text


def test_the_file_function_cap_can_be_lowered_and_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mid.txt").write_bytes(b"x" * 2000)
    write(tmp_path, {"main.tf": tagged({"Size": 'tostring(length(file("mid.txt")))'})})
    monkeypatch.setenv("FINOPS_GATE_MAX_FILE_FUNCTION_BYTES", "1000")
    assert "'mid.txt' is larger than 1000 bytes; not read" in notes(tmp_path)
    monkeypatch.setenv("FINOPS_GATE_MAX_FILE_FUNCTION_BYTES", "3000")
    assert tag_values(tmp_path)[0]["Size"] == "2000"


@pytest.mark.parametrize("special", ["pipe", "/proc/self/environ", "link.txt"])
def test_the_cli_reports_instead_of_failing(
    tmp_path: Path, special: str, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.txt").symlink_to("/etc/hostname")
    config = PROVIDER % "us-east-1" + (
        'resource "aws_instance" "web" {\n  ami = "ami-1"\n  instance_type = "t3.micro"\n'
        f'  user_data = templatefile("{special}", {{}})\n'
        f'  tags = {{ Name = file("{special}") }}\n}}\n'
    )
    write(tmp_path, {"main.tf": config})
    with pytest.raises(SystemExit) as exited:
        main([str(tmp_path), "--format", "json"])
    assert exited.value.code in (0, 1)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "; not read)" in captured.out  # an Unknown with its reason, in the notes


# -- data sources -------------------------------------------------------------------------------


def test_region_and_partition_from_the_provider(tmp_path: Path) -> None:
    extra = (
        'data "aws_region" "here" {}\ndata "aws_partition" "p" {}\n'
        'data "aws_region" "named" {\n  name = "ap-southeast-2"\n}\n'
    )
    write(
        tmp_path,
        {
            "main.tf": tagged(
                {
                    "Name": "data.aws_region.here.name",
                    "Id": "data.aws_region.here.id",
                    "Endpoint": "data.aws_region.here.endpoint",
                    "Description": "data.aws_region.named.description",
                    "Partition": "data.aws_partition.p.partition",
                    "Dns": "data.aws_partition.p.dns_suffix",
                    "Reverse": "data.aws_partition.p.reverse_dns_prefix",
                },
                region="cn-north-1",
                extra=extra,
            )
        },
    )
    assert tag_values(tmp_path)[0] == {
        "Name": "cn-north-1",
        "Id": "cn-north-1",
        "Endpoint": "ec2.cn-north-1.amazonaws.com.cn",
        "Description": "Asia Pacific (Sydney)",
        "Partition": "aws-cn",
        "Dns": "amazonaws.com.cn",
        "Reverse": "cn.com.amazonaws",
    }


@pytest.mark.parametrize(
    ("region", "partition"),
    [
        ("us-gov-west-1", "aws-us-gov"),
        ("eu-central-1", "aws"),
        ("us-isob-east-1", "aws-iso-b"),
        ("xx-nowhere-9", ""),  # what the provider answers for a region of no partition
    ],
)
def test_partitions(tmp_path: Path, region: str, partition: str) -> None:
    write(
        tmp_path,
        {
            "main.tf": tagged(
                {"P": "data.aws_partition.p.partition"},
                region=region,
                extra='data "aws_partition" "p" {}\n',
            )
        },
    )
    assert tag_values(tmp_path)[0] == {"P": partition}


def test_a_region_not_in_the_list_is_not_described(tmp_path: Path) -> None:
    # terraform fails with "finding Region by name"; HCL mode leaves the values unknown
    extra = 'data "aws_region" "here" {}\n'
    write(tmp_path, {"main.tf": tagged({"N": "data.aws_region.here.name"}, "xx-nowhere-9", extra)})
    assert tag_values(tmp_path)[1] is True
    assert "xx-nowhere-9 is not in the bundled region list" in notes(tmp_path)


def test_a_provider_without_a_known_region_answers_nothing(tmp_path: Path) -> None:
    config = (
        'variable "region" {\n  type = string\n}\n'
        'provider "aws" {\n  region = var.region\n}\n'
        'data "aws_region" "here" {}\n'
        'resource "aws_s3_bucket" "b" {\n  bucket = data.aws_region.here.name\n}\n'
    )
    write(tmp_path, {"main.tf": config})
    resource = bucket(tmp_path)
    assert resource.after_unknown.get("bucket") is True
    assert "data.aws_region.here is not known: var.region is not set" in notes(tmp_path)


def test_a_provider_without_a_region_answers_with_the_environments(tmp_path: Path) -> None:
    from finops_gate.plan.region import RegionOptions

    config = (
        'provider "aws" {}\ndata "aws_region" "here" {}\n'
        'resource "aws_s3_bucket" "b" {\n  bucket = data.aws_region.here.name\n}\n'
    )
    write(tmp_path, {"main.tf": config})
    environment = RegionOptions(environ={"AWS_REGION": "eu-north-1"})
    plan = load_directory(tmp_path, regions=environment)
    assert (plan.resources[0].after or {})["bucket"] == "eu-north-1"
    assert bucket(tmp_path).after_unknown["bucket"] is True  # us-east-1 is only a guess


def test_other_data_sources_stay_unknown(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tf": tagged(
                {"Account": "data.aws_caller_identity.me.account_id"},
                extra='data "aws_caller_identity" "me" {}\n',
            )
        },
    )
    assert tag_values(tmp_path)[1] is True
    assert "data source data.aws_caller_identity.me is not read in HCL mode" in notes(tmp_path)


def zones_config(arguments: str, region: str = "us-west-2") -> str:
    return PROVIDER % region + (
        f'data "aws_availability_zones" "zones" {{\n{arguments}\n}}\n'
        'resource "aws_subnet" "s" {\n'
        "  count             = length(data.aws_availability_zones.zones.names)\n"
        '  vpc_id            = "vpc-1"\n'
        '  cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)\n'
        "  availability_zone = data.aws_availability_zones.zones.names[count.index]\n"
        "}\n"
    )


def subnet_zones(directory: Path) -> list[str] | None:
    """The zones of the expanded subnets; None when the count was unknown."""
    plan = load_directory(directory)
    zones = [(r.after or {}).get("availability_zone") for r in plan.resources]
    if not zones and any("count/for_each is unknown" in note for note in plan.notes):
        return None
    return [str(zone) for zone in zones]


@pytest.mark.parametrize(
    ("arguments", "region", "expected"),
    [
        ("", "us-west-2", ["us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"]),
        (
            '  state = "available"',
            "ca-central-1",
            ["ca-central-1a", "ca-central-1b", "ca-central-1d"],
        ),
        (
            '  exclude_names = ["us-west-2d"]',
            "us-west-2",
            ["us-west-2a", "us-west-2b", "us-west-2c"],
        ),
        (
            '  filter {\n    name   = "zone-name"\n    values = ["*a", "*c"]\n  }',
            "us-west-2",
            ["us-west-2a", "us-west-2c"],
        ),
        (
            '  filter {\n    name   = "opt-in-status"\n    values = ["opt-in-not-required"]\n  }',
            "eu-west-1",
            ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
        ),
        ('  state = "unavailable"', "us-west-2", None),
        ("  all_availability_zones = true", "us-west-2", None),
        ('  exclude_zone_ids = ["usw2-az4"]', "us-west-2", None),
        ('  filter {\n    name   = "zone-id"\n    values = ["usw2-az1"]\n  }', "us-west-2", None),
        ("", "us-west-1", None),  # zone names differ between accounts there
        ("", "xx-nowhere-9", None),
    ],
)
def test_availability_zones_expand_count(
    tmp_path: Path, arguments: str, region: str, expected: list[str] | None
) -> None:
    write(tmp_path, {"main.tf": zones_config(arguments, region)})
    assert subnet_zones(tmp_path) == expected


def test_counted_data_sources_are_indexed(tmp_path: Path) -> None:
    extra = (
        'data "aws_availability_zones" "z" {\n  count = 2\n}\n'
        'data "aws_region" "r" {\n  for_each = toset(["x"])\n}\n'
    )
    write(
        tmp_path,
        {
            "main.tf": tagged(
                {
                    "First": "data.aws_availability_zones.z[1].names[0]",
                    "Id": "data.aws_availability_zones.z[0].id",
                    "Each": 'data.aws_region.r["x"].name',
                },
                extra=extra,
            )
        },
    )
    assert tag_values(tmp_path)[0] == {
        "First": "eu-west-1a",
        "Id": "eu-west-1",
        "Each": "eu-west-1",
    }


def test_the_zone_list_is_dated_and_sourced() -> None:
    import json

    table = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))
    assert table["_source"] and table["_date"]
    for region, entry in table["regions"].items():
        assert all(zone.startswith(region) for zone in entry.get("zones", [])), region


# -- override files -----------------------------------------------------------------------------

BASE = """
provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = { Team = "core" }
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "size" {
  type    = number
  default = 10
}

locals {
  name  = "base"
  owner = "ops"
}

resource "aws_instance" "web" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = var.size
  }
  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 5
  }
  lifecycle {
    create_before_destroy = true
  }
  tags = { Name = local.name, Owner = local.owner }
}

resource "aws_ebs_volume" "west" {
  provider          = aws.west
  availability_zone = "us-west-2a"
  size              = 1
}
"""


def test_override_files_merge_like_terraform(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tf": BASE,
            "override.tf": (
                'provider "aws" {\n  region = "eu-west-1"\n}\n'
                'resource "aws_instance" "web" {\n  instance_type = "m5.large"\n'
                '  ebs_block_device {\n    device_name = "/dev/sdh"\n    volume_size = 7\n  }\n}\n'
            ),
            "z_override.tf.json": (
                '{"locals": {"name": "json"}, "variable": {"size": {"default": 20}},'
                ' "provider": {"aws": {"alias": "west", "region": "ap-south-1"}}}'
            ),
        },
    )
    plan = load_directory(tmp_path)
    resources = {r.address: r for r in plan.resources}
    web = resources["aws_instance.web"]
    assert web.region == "eu-west-1"  # the default provider's region replaced ...
    assert web.tags == {"Team": "core", "Name": "json", "Owner": "ops"}  # ... default_tags kept
    after = web.after or {}
    assert after["instance_type"] == "m5.large" and after["ami"] == "ami-1"
    # every original ebs_block_device is replaced by the override's one
    assert [(d["device_name"], d["volume_size"]) for d in after["ebs_block_device"]] == [
        ("/dev/sdh", 7)
    ]
    assert resources["aws_ebs_volume.west"].region == "ap-south-1"  # matched by alias


def test_override_nested_blocks_use_the_original_variables(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tf": BASE,
            "size_override.tf": 'variable "size" {\n  default = 30\n}\n',
        },
    )
    web = {r.address: r for r in load_directory(tmp_path).resources}["aws_instance.web"]
    sizes = [d["volume_size"] for d in (web.after or {})["ebs_block_device"]]
    assert sizes == [30, 5]


def test_an_override_of_nothing_is_an_error(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tf": BASE,
            "override.tf": 'resource "aws_instance" "other" {\n  instance_type = "m5.large"\n}\n',
        },
    )
    with pytest.raises(PlanError, match=r"override.tf:1: resource aws_instance.other overrides"):
        load_directory(tmp_path)
    write(tmp_path, {"override.tf": 'locals {\n  name = "x"\n  extra = 1\n}\n'})
    with pytest.raises(PlanError, match=r"override.tf:1: local.extra overrides nothing"):
        load_directory(tmp_path)


def test_the_offline_values_fixture_in_hcl_mode() -> None:
    case = ROOT / "tests" / "fixtures" / "terraform" / "offline_values"
    resources = {r.address: r for r in load_directory(case).resources}
    web = resources["aws_instance.web[1]"]
    assert web.region == "eu-west-1"
    assert (web.after or {})["instance_type"] == "t3.medium"
    assert resources["aws_ebs_volume.west"].region == "us-west-2"
    assert resources["module.app.aws_instance.app"].tags["Module"] == "modules/app"


def test_base_revision_sees_the_same_paths_and_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--base evaluates a temporary copy of the revision: path.cwd must still be the gated
    directory, and files of the copy (the .tf files) readable, so nothing changes."""
    import json
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    config = tagged(
        {
            "Cwd": "path.cwd",
            "Project": "basename(path.cwd)",
            "Self": 'substr(file("${path.module}/main.tf"), 0, 9)',
            "Shared": 'trimspace(file("../shared/vars.tf"))',
        }
    )
    write(tmp_path, {"infra/main.tf": config, "shared/vars.tf": "# shared\n"})
    git("init", "-q")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "base")
    infra = tmp_path / "infra"
    with pytest.raises(SystemExit):
        main([str(infra), "--base", "HEAD", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    text = json.dumps(report)
    assert "finops-gate-base-" not in text
    assert '"no-op"' in text and '"update"' not in text
    assert tag_values(infra)[0] == {
        "Cwd": str(infra.resolve()),
        "Project": "infra",
        "Self": "\nprovider",
        "Shared": "# shared",
    }


def test_data_sources_waiting_for_resources_are_read_at_apply(tmp_path: Path) -> None:
    extra = (
        'resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n'
        'data "aws_region" "later" {\n  depends_on = [aws_vpc.v]\n}\n'
        'data "aws_region" "x" {}\n'
        'data "aws_region" "now" {\n  depends_on = [data.aws_region.x]\n}\n'
        'data "aws_region" "named" {\n  name = aws_vpc.v.arn\n}\n'
    )
    write(tmp_path, {"main.tf": tagged({"Later": "data.aws_region.later.name"}, extra=extra)})
    unknown = tag_values(tmp_path)[1]
    assert unknown is True
    assert "known only after apply, as in a plan" in notes(tmp_path)
    for source in ("now", "x"):
        write(tmp_path, {"main.tf": tagged({"N": f"data.aws_region.{source}.name"}, extra=extra)})
        assert tag_values(tmp_path)[0] == {"N": "eu-west-1"}
    write(tmp_path, {"main.tf": tagged({"N": "data.aws_region.named.name"}, extra=extra)})
    assert tag_values(tmp_path)[1] is True


def test_fileset_matches_like_terraform_and_stays_inside(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, {"leak.txt": "x"})
    stack = tmp_path / "stack"
    write(
        stack,
        {
            "a.txt": "",
            "b.json": "",
            "c.md": "",
            "sub/d.txt": "",
            "sub/deeper/e.txt": "",
            ".git/f.txt": "",
        },
    )
    (stack / "link.txt").symlink_to(outside / "leak.txt")
    (stack / "linked").symlink_to(outside)
    expressions = {
        "Top": 'join(",", fileset(path.module, "*.{txt,json}"))',
        "Deep": 'join(",", fileset(path.module, "**/*.txt"))',
        "One": 'join(",", fileset("sub", "?.txt"))',
        "Class": 'join(",", fileset(path.module, "[ab].*"))',
    }
    write(stack, {"main.tf": tagged(expressions)})
    assert tag_values(stack)[0] == {
        "Top": "a.txt,b.json",
        "Deep": "a.txt,sub/d.txt,sub/deeper/e.txt",
        "One": "d.txt",
        "Class": "a.txt,b.json",
    }
    write(stack, {"main.tf": tagged({"Out": 'join(",", fileset("../outside", "*"))'})})
    assert tag_values(stack)[1] is True
    assert "'../outside' is outside the repository; not read" in notes(stack)


def test_hash_and_base64_functions(tmp_path: Path) -> None:
    write(tmp_path, {"f.txt": "hello"})
    expressions = {
        "Md5": 'md5("hello")',
        "Sha1": 'sha1("hello")',
        "FileMd5": 'filemd5("f.txt")',
        "RoundTrip": 'base64decode(base64encode("héllo"))',
        "Bad": 'try(base64decode("%%%"), "invalid")',
    }
    write(tmp_path, {"main.tf": tagged(expressions)})
    assert tag_values(tmp_path)[0] == {
        "Md5": "5d41402abc4b2a76b9719d911017c592",
        "Sha1": "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
        "FileMd5": "5d41402abc4b2a76b9719d911017c592",
        "RoundTrip": "héllo",
        "Bad": "invalid",
    }


def test_a_for_over_a_set_uses_each_element_as_its_key(tmp_path: Path) -> None:
    # terraform-aws-kms: { for k, v in toset(var.aliases) : k => { name = v } }
    write(
        tmp_path,
        {
            "main.tf": tagged(
                {
                    "Object": 'jsonencode({ for k, v in toset(["b", "a"]) : k => v })',
                    "Tuple": 'join(",", [for k, v in setunion(["x"], ["y"]) : "${k}=${v}"])',
                    "List": 'join(",", [for k, v in ["p", "q"] : "${k}=${v}"])',
                    "Template": '"%{ for k, v in toset(["m"]) }${k}:${v}%{ endfor }"',
                }
            )
        },
    )
    assert tag_values(tmp_path)[0] == {
        "Object": '{"a":"a","b":"b"}',
        "Tuple": "x=x,y=y",
        "List": "0=p,1=q",
        "Template": "m:m",
    }


def test_a_set_block_whose_elements_cannot_be_told_apart_is_unknown(tmp_path: Path) -> None:
    """As in the real-world plans vpc_complete (subnet_configuration with a subnet id
    known after apply: wholly unknown) and ec2_instance_complete (ebs_block_device with a
    KMS key known after apply: the provider tells volumes apart by device name)."""
    config = PROVIDER % "eu-west-1" + (
        'resource "aws_subnet" "a" {\n  vpc_id = "vpc-1"\n  cidr_block = "10.0.0.0/24"\n}\n'
        'resource "aws_kms_key" "k" {}\n'
        'resource "aws_vpc_endpoint" "e" {\n  vpc_id = "vpc-1"\n'
        '  service_name = "com.amazonaws.eu-west-1.ecs"\n  vpc_endpoint_type = "Interface"\n'
        '  subnet_configuration {\n    ipv4 = "10.0.0.10"\n    subnet_id = aws_subnet.a.id\n  }\n}\n'
        'resource "aws_instance" "i" {\n  ami = "ami-1"\n  instance_type = "t3.micro"\n'
        '  ebs_block_device {\n    device_name = "/dev/sdf"\n    volume_size = 5\n'
        "    kms_key_id = aws_kms_key.k.arn\n  }\n}\n"
    )
    write(tmp_path, {"main.tf": config})
    resources = {r.address: r for r in load_directory(tmp_path).resources}
    endpoint = resources["aws_vpc_endpoint.e"]
    assert endpoint.after_unknown["subnet_configuration"] is True
    assert "subnet_configuration" not in (endpoint.after or {})
    instance = resources["aws_instance.i"]
    assert (instance.after or {})["ebs_block_device"][0]["volume_size"] == 5
    assert instance.after_unknown["ebs_block_device"] == [{"kms_key_id": True}]


def test_the_repository_top_is_never_the_filesystem_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from finops_gate.plan.hcl.files import repository_top

    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "infra").mkdir()
    assert repository_top(tmp_path / "repo" / "infra") == tmp_path / "repo"
    lone = tmp_path / "lone"
    lone.mkdir()
    real_exists = Path.exists
    # as if the machine had /.git (a container whose root is a checkout)
    monkeypatch.setattr(Path, "exists", lambda self: self == Path("/.git") or real_exists(self))
    assert repository_top(lone) == lone


def test_the_region_list_covers_every_known_region() -> None:
    import json

    from finops_gate.plan.aws_regions import AWS_REGIONS

    listed = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))["regions"]
    assert set(AWS_REGIONS) <= set(listed)
