#!/usr/bin/env python3
"""Regenerate finops_gate/policy/taggable_aws.json from the AWS provider's schema.

Runs `terraform providers schema -json` in a temporary directory that requires
hashicorp/aws at the pinned version, installed from a filesystem mirror (default
`$FINOPS_TF_MIRROR` or /opt/tf-plugins; no network), and writes every resource type
whose schema has a `tags` attribute ("taggable"), and those of them without `tags_all`
(every other taggable type receives provider default_tags). Types whose `tags` attribute
is not the resource's own tags are excluded (listed in EXCLUDED with the reason).

Usage::

    python scripts/build_taggable.py [--mirror DIR] [--terraform PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "finops_gate" / "policy" / "taggable_aws.json"
PROVIDER = "registry.terraform.io/hashicorp/aws"
VERSION = "5.100.0"
EXCLUDED = {
    # `tags` selects the EC2 instances to inspect; it does not tag the resource group.
    "aws_inspector_resource_group": "tags is a selector, not the resource's own tags",
}
MAIN_TF = (
    "terraform {\n"
    "  required_providers {\n"
    f'    aws = {{ source = "hashicorp/aws", version = "{VERSION}" }}\n'
    "  }\n"
    "}\n"
)


def cli_config(mirror: str) -> str:
    return (
        "provider_installation {\n"
        f"  filesystem_mirror {{\n    path    = {json.dumps(mirror)}\n"
        f"    include = [{json.dumps(PROVIDER)}]\n  }}\n"
        f"  direct {{\n    exclude = [{json.dumps(PROVIDER)}]\n  }}\n"
        "}\n"
    )


def schema(terraform: str, mirror: str) -> dict:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory(prefix="finops-taggable-") as tmp:
        work = Path(tmp)
        (work / "main.tf").write_text(MAIN_TF)
        (work / "cli.tfrc").write_text(cli_config(mirror))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "AWS_"))}
        env.update(
            TF_CLI_CONFIG_FILE=str(work / "cli.tfrc"), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1"
        )
        subprocess.run(
            [terraform, "init", "-input=false", "-no-color"],
            cwd=work,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        out = subprocess.run(
            [terraform, "providers", "schema", "-json"],
            cwd=work,
            env=env,
            check=True,
            capture_output=True,
        ).stdout
        return json.loads(out)  # type: ignore[no-any-return]


def build(raw: dict) -> dict:  # type: ignore[type-arg]
    resources = raw["provider_schemas"][PROVIDER]["resource_schemas"]
    taggable: list[str] = []
    without_tags_all: list[str] = []
    for name, body in sorted(resources.items()):
        attributes = body["block"].get("attributes", {})
        if "tags" not in attributes or name in EXCLUDED:
            continue
        taggable.append(name)
        if "tags_all" not in attributes:
            without_tags_all.append(name)
    return {
        "provider": PROVIDER,
        "version": VERSION,
        "generated_by": "scripts/build_taggable.py",
        "excluded": EXCLUDED,
        "taggable": taggable,
        "without_tags_all": without_tags_all,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", default=os.environ.get("FINOPS_TF_MIRROR", "/opt/tf-plugins"))
    parser.add_argument("--terraform", default="terraform")
    args = parser.parse_args(argv)
    terraform = shutil.which(args.terraform)
    if not terraform:
        print(f"error: terraform CLI not found ({args.terraform!r})", file=sys.stderr)
        return 1
    data = build(schema(terraform, args.mirror))
    OUTPUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}: {len(data['taggable'])} taggable types")
    return 0


if __name__ == "__main__":
    sys.exit(main())
