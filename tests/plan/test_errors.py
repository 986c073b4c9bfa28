"""Input that is not a plan gets one clear line naming what it is and what to do."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from finops_gate.errors import PlanError
from finops_gate.plan import load_plan

STATE_V4 = (
    '{"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "x",'
    ' "outputs": {}, "resources": []}'
)


def binary_plan() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("tfplan", b"\x00\x01binary")
    return buffer.getvalue()


CASES = [
    ("empty", b"", "the file is empty"),
    ("blank", b"  \n", "the file is empty"),
    ("every ASCII space", b" \t\n\r\x0b\x0c", "the file is empty"),
    ("truncated", b'{"format_version": "1.2", "resource_changes": [', "looks truncated"),
    ("not json", b"format_version = 1.2\n", "not valid JSON at line 1"),
    ("binary plan", binary_plan(), "terraform show -json tfplan > plan.json"),
    ("raw state", STATE_V4.encode(), "Terraform state file"),
    (
        "shown state",
        b'{"format_version": "1.0", "terraform_version": "1.5.0", "values": {}}',
        "has `values` and no `planned_values`",
    ),
    ("array", b"[1, 2]", "JSON array is not a Terraform plan"),
    ("no format_version", b'{"resource_changes": []}', "without a `format_version`"),
    ("future major", b'{"format_version": "2.0"}', "newer than this finops-gate"),
    ("format not string", b'{"format_version": 1.2}', "must be a string"),
    ("not utf-8", b'{"format_version": "1.2", "x": "\xff\xfe"}', "not UTF-8"),
    ("deep nesting", b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    # In a part that is read: the parts the typed decoder skips are checked as JSON
    # syntax only, not for numbers too large for a float.
    (
        "huge number",
        b'{"format_version": "1.2", "variables": {"x": {"value": 1e999}}}',
        "not valid JSON",
    ),
    (
        "wrong shape",
        b'{"format_version": "1.2", "resource_changes": [{"address": 3}]}',
        "invalid plan at resource_changes[0]",
    ),
]


@pytest.mark.parametrize(("label", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_clear_line(
    tmp_path: Path, label: str, data: bytes, expected: str
) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(data)
    with pytest.raises(PlanError) as raised:
        load_plan(str(path))
    message = str(raised.value)
    assert expected in message
    assert message.startswith(str(path))
    assert "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="no such file"):
        load_plan(str(tmp_path / "nope.json"))


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="is a directory"):
        load_plan(str(tmp_path))


def test_utf16_from_powershell_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes('{"format_version": "1.2", "resource_changes": []}'.encode("utf-16"))
    assert load_plan(str(path)).resources == ()


def test_utf8_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b'\xef\xbb\xbf{"format_version": "0.1"}')
    assert load_plan(str(path)).format_version == "0.1"
