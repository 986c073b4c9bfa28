"""Bidirectional and control characters from a plan never reach a report raw, in any format.

One plan carries them in every place a string can travel to a report: a resource address
(a `for_each` key), a module name, a tag value, an instance type (a component name and a
"price not found" note), a region, a policy's tag key, description and remediation, a
waiver's reason, approver and address, an override reason, the project name and the file
names of the policy and of the configuration directory. Each place has its own marker so a
test also proves the text arrived (escaped) rather than being dropped.

A raw U+202E reorders what a reviewer reads (CVE-2021-42574); a raw newline can start a
workflow command in a CI log. JSON may carry them as `\\uXXXX` escapes and XML as character
references (the same text to a reader); Markdown and the table show a visible `\\u202e`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from finops_gate.integrations.workflow_commands import escape_data, outputs
from finops_gate.report.escape import json_document, markdown_text, terminal_text, xml_document
from finops_gate.report.formats import FORMATS as REGISTERED_FORMATS
from tests.conftest import ROOT

# Every character the issue names: the bidirectional overrides, isolates and marks, the
# Arabic letter mark, line breaks, escape, a bell, a C1 control and the line separator.
HOSTILE = (
    "\u202eRLO\u2066LRI\u2067RLI\u2068FSI\u2069PDI\u202aLRE\u202bRLE\u202cPDF\u202dLRO"
    "\u200eLRM\u200fRLM\u061cALM\n::error::NL\rCR\x1b[31mESC\x07BEL\x85NEL\u2028LS\u2029PS"
)
# Raw in a report: bidirectional and separator characters, C1 controls, and every C0
# control but the line break and tab a report's own layout uses.
RAW = re.compile(
    "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x9f]"
)

pytestmark = pytest.mark.slow
FORMATS = tuple(REGISTERED_FORMATS)  # a format added to the registry is checked here too


def hostile(place: str) -> str:
    """The hostile text, led by a marker naming its place (`addressZ`)."""
    return f"{place}Z{HOSTILE}"


def _resource(
    address: str, kind: str, values: dict[str, object], **extra: str
) -> dict[str, object]:
    return {
        "address": address,
        "mode": "managed",
        "type": kind,
        "name": "x",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {"actions": ["create"], "before": None, "after": values, "after_unknown": {}},
        **extra,
    }


def write_inputs(directory: Path) -> dict[str, Path]:
    """The hostile plan, its policy (under a hostile file name) and a configuration
    directory whose provider block (the plan's region) sits in a file with a hostile name."""
    key = hostile("address")
    module = f"module.{hostile('module')}"
    tags = {"Environment": hostile("tagvalue"), "Team": "web"}
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.11.4",
        "resource_changes": [
            _resource(
                f'aws_instance.web["{key}"]',
                "aws_instance",
                {"instance_type": "t3.micro", "tags": tags, "tags_all": tags},
                index=key,
            ),
            _resource(
                f'aws_instance.odd["{key}"]',
                "aws_instance",
                {"instance_type": f"t3.{hostile('itype')}", "tags_all": {}},
                index=key,
            ),
            _resource(f'aws_s3_bucket.b["{key}"]', "aws_s3_bucket", {"tags_all": {}}, index=key),
            _resource(f'aws_nosuchtype.u["{key}"]', "aws_nosuchtype", {"tags_all": {}}, index=key),
            _resource(
                f"{module}.aws_nat_gateway.n",
                "aws_nat_gateway",
                {"tags_all": {}},
                module_address=module,
            ),
        ],
        "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {}}}},
    }
    policy = {
        "version": 1,
        "policies": [
            {
                "id": "tags",
                "kind": "required_tags",
                "description": hostile("description"),
                "remediation": hostile("remediation"),
                "tags": {"Environment": {"allowed": ["dev"]}, hostile("tagkey"): None},
            },
            {
                "id": "budget",
                "kind": "budget",
                "enforcement": "soft-mandatory",
                "total_monthly_cost": {"fail": 0.001},
            },
        ],
        "waivers": [
            {
                "policy": "tags",
                "address": "aws_instance.odd*",
                "reason": hostile("reason"),
                "approver": hostile("approver"),
                "expires": "2099-01-01",
            },
            {
                "policy": "tags",
                "address": hostile("waiveraddress"),
                "reason": "old",
                "expires": "2000-01-01",
            },
        ],
    }
    plan_path = directory / "plan.json"
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    policy_path = directory / f"{hostile('policyfile')}.yml"
    policy_path.write_text(yaml.safe_dump(policy, allow_unicode=True), encoding="utf-8")
    config = directory / "config"
    config.mkdir()
    # The region comes from here: the plan does not record it.
    region = json.dumps(f"eu-west-1{hostile('region')}")
    provider = f'provider "aws" {{\n  region = {region}\n}}\n'
    (config / f"{hostile('configfile')}.tf").write_text(provider, encoding="utf-8")
    return {"plan": plan_path, "policy": policy_path, "config": config}


def gate_args(inputs: dict[str, Path]) -> list[str]:
    return [
        str(inputs["plan"]),
        "--policy",
        str(inputs["policy"]),
        "--config-dir",
        str(inputs["config"]),
        "--project",
        hostile("project"),
        "--override",
        "budget",
        "--reason",
        hostile("override"),
    ]


def clean_environment(**extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GITHUB_", "GITLAB_", "CI_", "FINOPS_GATE_", "INPUT_"))
    }
    return {**env, "PYTHONPATH": str(ROOT), **extra}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "finops_gate", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def strings(document: object) -> list[str]:
    """Every string in a parsed JSON document, keys included."""
    if isinstance(document, str):
        return [document]
    if isinstance(document, dict):
        return [text for key, value in document.items() for text in [key, *strings(value)]]
    if isinstance(document, list):
        return [text for value in document for text in strings(value)]
    return []


def assert_no_raw_characters(text: str, where: str) -> None:
    found = sorted({f"U+{ord(m.group()):04X}" for m in RAW.finditer(text)})
    assert not found, f"{where}: raw {', '.join(found)}"


def assert_no_injected_line(text: str, where: str) -> None:
    """A newline in plan text never starts a line of the report."""
    for line in text.splitlines():
        assert not line.startswith(("::error::NL", "CR")), f"{where}: {line[:60]!r}"


# Places that reach every format: the findings and the priced resources.
EVERYWHERE = ("address", "module", "tagvalue", "tagkey", "remediation")
# Places only some formats show.
SHOWN_IN = {
    "table": ("itype", "region", "reason", "approver", "waiveraddress", "override", "configfile"),
    "markdown": ("itype", "region", "reason", "approver", "override", "project", "configfile"),
    "json": ("itype", "region", "reason", "approver", "override", "configfile"),
    "sarif": ("description",),
    "junit": (),
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_inputs(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("output_format", FORMATS)
def test_no_raw_bidi_or_control_character_in_any_format(
    inputs: dict[str, Path], output_format: str
) -> None:
    result = run([*gate_args(inputs), "--format", output_format], clean_environment())
    assert result.returncode == 1, result.stderr
    report = result.stdout
    assert_no_raw_characters(report, output_format)
    assert_no_raw_characters(result.stderr, "stderr")
    assert_no_injected_line(report, output_format)
    for place in EVERYWHERE + SHOWN_IN[output_format]:
        assert f"{place}Z" in report, f"{place} did not reach the {output_format} report"
    if output_format in ("json", "sarif"):
        # Escaped, not changed: a JSON reader gets the plan's text back exactly.
        assert any(hostile("address") in text for text in strings(json.loads(report)))
    elif output_format == "junit":
        ET.fromstring(report.split("\n", 1)[1])
    elif output_format == "markdown":
        assert "&#92;u202e" in report  # renders as \u202e
    else:
        assert "\\u202e" in report


def test_hcl_mode_file_names_and_values_are_escaped(tmp_path: Path) -> None:
    directory = tmp_path / "tf"
    directory.mkdir()
    value = json.dumps(hostile("variable"))
    (directory / f"{hostile('tffile')}.tf").write_text(
        'provider "aws" { region = "eu-west-1" }\n'
        f'variable "v" {{ default = {value} }}\n'
        'resource "aws_instance" "web" {\n  for_each = toset([var.v])\n'
        '  instance_type = "t3.micro"\n  tags = { Environment = var.v }\n}\n'
        'resource "aws_instance" "bad" { instance_type = var.nosuch }\n',
        encoding="utf-8",
    )
    for output_format in FORMATS:
        result = run([str(directory), "--format", output_format], clean_environment())
        assert result.returncode in (0, 1), result.stderr
        assert_no_raw_characters(result.stdout + result.stderr, output_format)
        assert_no_injected_line(result.stdout, output_format)
        assert "variableZ" in result.stdout, output_format
        if output_format in ("table", "markdown", "json"):
            assert "tffileZ" in result.stdout, output_format


def test_the_action_writes_no_raw_character_anywhere(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    """`finops-gate action` under GitHub Actions: the report and annotations on standard
    output, the step summary and the step outputs."""
    summary, step_outputs = tmp_path / "summary.md", tmp_path / "outputs.txt"
    env = clean_environment(
        GITHUB_ACTIONS="true",
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_OUTPUT=str(step_outputs),
        INPUT_PLAN=str(inputs["plan"]),
        INPUT_POLICY=str(inputs["policy"]),
        INPUT_CONFIG_DIR=str(inputs["config"]),
        INPUT_PROJECT=hostile("project"),
        INPUT_COMMENT="false",
        INPUT_ARGS="--override budget --reason " + json.dumps(hostile("override")),
    )
    for output_format in ("table", "sarif"):
        env["INPUT_FORMAT"] = output_format
        result = run(["action"], env)
        assert result.returncode == 1, result.stderr
        annotations = [
            line for line in (result.stdout + result.stderr).splitlines() if line.startswith("::")
        ]
        assert any("addressZ" in line for line in annotations), annotations
        for name, text in (
            ("stdout", result.stdout),
            ("stderr", result.stderr),
            ("step summary", summary.read_text(encoding="utf-8")),
            ("step outputs", step_outputs.read_text(encoding="utf-8")),
        ):
            assert_no_raw_characters(text, f"{output_format} {name}")
            assert_no_injected_line(text, f"{output_format} {name}")
    assert "projectZ" in summary.read_text(encoding="utf-8")


# The escaping functions on their own.


def test_markdown_shows_bidi_controls_as_visible_text() -> None:
    escaped = markdown_text("a\u202eb\u2066c")
    assert escaped == "a&#92;u202eb&#92;u2066c"  # renders as a\u202eb\u2066c
    assert "&#8238;" not in escaped  # an entity would still reorder the line


def test_terminal_text_shows_bidi_controls_as_visible_text() -> None:
    assert terminal_text("a\u202eb\x1bc\n\u2028") == "a\\u202eb?c?\\u2028"


def test_json_and_xml_documents_escape_without_changing_the_text() -> None:
    text = "a\u202eb\x85c\u061cd"
    document = json_document(json.dumps({"k": text}, ensure_ascii=False))
    assert not RAW.search(document) and json.loads(document) == {"k": text}
    element = ET.Element("e", name=text)
    element.text = text
    xml = xml_document(ET.tostring(element, encoding="unicode"))
    assert not RAW.search(xml)
    parsed = ET.fromstring(xml)
    assert parsed.text == text and parsed.get("name") == text


def test_annotation_data_escapes_bidi_and_control_characters() -> None:
    assert escape_data("a\u202e\x1b%\n") == "a\\u202e\\x1b%25%0A"


def test_a_comment_url_from_the_server_is_one_escaped_line() -> None:
    from finops_gate.pipeline import GateOptions, build_gate_report

    report = build_gate_report(GateOptions(plan=str(ROOT / "examples" / "plan.json")))
    values = outputs(report, "https://example.test/c/1\n::error::x\u202e")
    assert values["comment-url"] == "https://example.test/c/1\\n::error::x\\u202e"
