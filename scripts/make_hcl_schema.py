#!/usr/bin/env python3
"""Build finops_gate/plan/hcl/aws_schema.json from the AWS provider's schema.

HCL mode has no provider to ask which attributes a resource type has, so it keeps a
compact digest of `terraform providers schema -json`: for each AWS resource type,
whether it has a `tags` attribute (so default_tags and tag policies apply, as in a
plan) and which top-level attributes are computed (a computed attribute that the
configuration does not set is unknown until apply, exactly as terraform marks it in
`after_unknown`), the names of its nested block types (to read JSON-syntax
`.tf.json` files, where a block and a map attribute look alike) and which of them are
sets (a set block holding an unknown value is wholly unknown in a plan).

Usage::

    terraform providers schema -json > schema.json   # in an initialised directory
    python scripts/make_hcl_schema.py schema.json

or `python scripts/make_hcl_schema.py` to run terraform itself against the provider
mirror (`$FINOPS_TF_MIRROR` or /opt/tf-plugins), like scripts/make_fixtures.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "finops_gate" / "plan" / "hcl" / "aws_schema.json"
PROVIDER = "registry.terraform.io/hashicorp/aws"


def _schema_from_terraform() -> dict:
    mirror = os.environ.get("FINOPS_TF_MIRROR", "/opt/tf-plugins")
    with tempfile.TemporaryDirectory() as work:
        Path(work, "main.tf").write_text(
            'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n'
        )
        Path(work, "cli.tfrc").write_text(
            f'provider_installation {{\n  filesystem_mirror {{ path = "{mirror}" }}\n}}\n'
        )
        env = dict(os.environ, TF_CLI_CONFIG_FILE=str(Path(work, "cli.tfrc")))
        subprocess.run(
            ["terraform", "init", "-input=false"],
            cwd=work,
            env=env,
            check=True,
            capture_output=True,
        )
        out = subprocess.run(
            ["terraform", "providers", "schema", "-json"],
            cwd=work,
            env=env,
            check=True,
            capture_output=True,
        )
        return json.loads(out.stdout)


def main() -> int:
    raw = (
        json.loads(Path(sys.argv[1]).read_text()) if len(sys.argv) > 1 else _schema_from_terraform()
    )
    provider = raw["provider_schemas"][PROVIDER]
    digest: dict[str, dict[str, object]] = {}
    for name, schema in sorted(provider["resource_schemas"].items()):
        attributes = schema["block"].get("attributes", {})
        digest[name] = {
            "tags": "tags" in attributes,
            "blocks": sorted(schema["block"].get("block_types", {})),
            "set_blocks": sorted(
                key
                for key, value in schema["block"].get("block_types", {}).items()
                if value.get("nesting_mode") == "set"
            ),
            "computed": sorted(
                key for key, value in attributes.items() if value.get("computed") and key != "id"
            ),
        }
    document = {
        "provider": PROVIDER,
        "provider_version": provider.get("provider", {}).get("version") or "see fixtures README",
        "resources": digest,
    }
    OUTPUT.write_text(json.dumps(document, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {OUTPUT} ({len(digest)} resource types)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
