"""Time the whole gate on generated large plans.

    python benchmarks/bench_large_plan.py              # 1,000 / 10,000 / 50,000 resources
    python benchmarks/bench_large_plan.py --sizes 20000

The plans have the shape `terraform show -json` writes (resource_changes with before,
after and after_unknown, a configuration with provider_config and per-resource
provider_config_key), with a mix of priced, free, usage-based and unsupported types
across modules and two regions. Each stage is timed separately, then the CLI is run
end to end in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import load_price_table
from finops_gate.pipeline import OutputFormat, price_info, render
from finops_gate.plan import load_plan
from finops_gate.policy.engine import evaluate
from finops_gate.policy.loader import load_policy
from finops_gate.report.model import build_report

PROVIDER = "registry.terraform.io/hashicorp/aws"


def _instance(i: int) -> dict[str, Any]:
    return {
        "ami": "ami-0c55b159cbfe1f0a1",
        "instance_type": ("m5.large", "t3.micro", "c5.2xlarge", "r5.xlarge")[i % 4],
        "root_block_device": [{"volume_size": 50, "volume_type": "gp3"}],
        "ebs_block_device": [],
        "tags": {"Name": f"web-{i}", "Environment": ("dev", "prod")[i % 2]},
        "tags_all": {"Name": f"web-{i}", "Environment": ("dev", "prod")[i % 2], "Team": "core"},
    }


def _values(kind: str, i: int) -> dict[str, Any]:
    if kind == "aws_instance":
        return _instance(i)
    if kind == "aws_ebs_volume":
        return {"size": 100 + i % 400, "type": "gp3", "iops": 4000, "throughput": 200, "tags": None}
    if kind == "aws_db_instance":
        return {
            "instance_class": "db.m5.large",
            "engine": "postgres",
            "multi_az": i % 2 == 0,
            "allocated_storage": 100,
            "storage_type": "gp2",
            "tags": {"Team": "data"},
        }
    if kind == "aws_nat_gateway":
        return {"connectivity_type": "public", "tags": None}
    if kind == "aws_security_group":
        return {"name": f"sg-{i}", "tags": {"Team": "core"}}
    if kind == "aws_lambda_function":
        return {"function_name": f"f{i}", "tags": None}
    return {"name": f"x{i}"}


KINDS = (
    "aws_instance",
    "aws_instance",
    "aws_ebs_volume",
    "aws_security_group",
    "aws_db_instance",
    "aws_nat_gateway",
    "aws_lambda_function",
    "aws_transfer_server",
    "aws_iam_role",
)


def generate_plan(count: int) -> dict[str, Any]:
    changes = []
    module_resources: dict[str, list[dict[str, Any]]] = {}
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        module = f"module.m{i % 50}"
        name = f"r{i}"
        action = ("create", "update", "no-op", "delete")[i % 4]
        values = _values(kind, i)
        before = None if action == "create" else values
        after = None if action == "delete" else values
        changes.append(
            {
                "address": f"{module}.{kind}.{name}",
                "module_address": module,
                "mode": "managed",
                "type": kind,
                "name": name,
                "provider_name": PROVIDER,
                "change": {
                    "actions": [action],
                    "before": before,
                    "after": after,
                    "after_unknown": {} if after else None,
                },
            }
        )
        module_resources.setdefault(module, []).append(
            {
                "address": f"{kind}.{name}",
                "mode": "managed",
                "type": kind,
                "name": name,
                "provider_config_key": "aws.eu" if i % 3 == 0 else "aws",
                "expressions": {},
            }
        )
    calls = {
        module.removeprefix("module."): {"source": "./m", "module": {"resources": resources}}
        for module, resources in module_resources.items()
    }
    return {
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "variables": {"region": {"value": "us-east-1"}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {
                "aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}},
                "aws.eu": {
                    "name": "aws",
                    "alias": "eu",
                    "expressions": {"region": {"constant_value": "eu-west-1"}},
                },
            },
            "root_module": {"module_calls": calls},
        },
    }


def timed(label: str, func: Any) -> Any:
    start = time.perf_counter()
    result = func()
    print(f"  {label:<22} {time.perf_counter() - start:8.3f} s")
    return result


def bench(count: int, directory: Path) -> None:
    path = directory / f"plan-{count}.json"
    path.write_text(json.dumps(generate_plan(count)))
    size_mb = path.stat().st_size / 1e6
    print(f"{count:,} resources ({size_mb:.1f} MB)")
    policy, _ = load_policy(None)
    prices = timed("load price table", load_price_table)
    plan = timed("parse plan", lambda: load_plan(str(path)))
    estimate = timed("estimate costs", lambda: estimate_plan(plan, prices))
    findings = timed("evaluate policy", lambda: evaluate(policy, plan, estimate))
    report = build_report(plan, estimate, findings, price_info(prices, estimate), "default")
    for output_format in OutputFormat:
        timed(f"render {output_format.value}", lambda f=output_format: render(report, f))
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "finops_gate",
            str(path),
            "--format",
            "json",
            "-o",
            str(directory / "out.json"),
        ],
        check=False,
    )
    print(f"  {'CLI end to end':<22} {time.perf_counter() - start:8.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.sizes:
            bench(count, Path(tmp))


if __name__ == "__main__":
    main()
