"""Finding the line that sets a suggestion's value, and rewriting it; anything that is not
a literal on one line of the resource's block is left alone rather than guessed."""

from __future__ import annotations

from pathlib import Path

from finops_gate.savings.line_fix import line_fix, with_line_fixes
from finops_gate.savings.model import Recommendation


def _item(attribute: str, current: str, suggested: str, line: int = 1) -> Recommendation:
    return Recommendation(
        check_id="c",
        address="aws_instance.web",
        resource_type="aws_instance",
        region="us-east-1",
        attribute=attribute,
        current_value=current,
        suggested_value=suggested,
        monthly_savings=1.0,
        file="main.tf",
        line=line,
    )


INSTANCE = """\
resource "aws_instance" "web" {
  instance_type = "m5.large" # the app server
  tags = { Name = "web" }

  root_block_device {
    volume_type = "gp2"
  }
  ebs_block_device {
    volume_type = "gp2"
  }
  ebs_block_device {
    volume_type = "gp3"
  }
}

resource "aws_instance" "other" {
  instance_type = "m5.large"
}
""".splitlines()


def test_a_literal_value_is_replaced_in_place() -> None:
    fix = line_fix(_item("instance_type", "m5.large", "m7g.large"), INSTANCE, "main.tf")
    assert fix is not None
    assert (fix.line, fix.column, fix.end_column) == (2, 19, 29)
    assert fix.replacement == '  instance_type = "m7g.large" # the app server'


def test_settings_go_on_new_lines_indented_as_the_line() -> None:
    item = _item("root_block_device.volume_type", "gp2", "gp3 with throughput = 128")
    fix = line_fix(item, INSTANCE, "main.tf")
    assert fix is not None and fix.line == 6
    assert fix.replacement == '    volume_type = "gp3"\n    throughput = 128'


def test_a_line_only_the_block_index_could_tell_apart_is_not_guessed() -> None:
    lines = [*INSTANCE[:12], '    volume_type = "gp2"', *INSTANCE[13:]]  # both devices gp2
    item = _item("ebs_block_device[1].volume_type", "gp2", "gp3")
    assert line_fix(item, lines, "main.tf") is None
    only = _item("ebs_block_device[0].volume_type", "gp2", "gp3")
    fix = line_fix(only, INSTANCE, "main.tf")
    assert fix is not None and fix.line == 9


def test_no_fix_without_a_literal_or_with_prose() -> None:
    by_variable = ['resource "aws_instance" "web" {', "  instance_type = var.type", "}"]
    assert line_fix(_item("instance_type", "m5.large", "m7g.large"), by_variable, "m") is None
    interpolated = ['resource "aws_instance" "web" {', '  instance_type = "${var.t}"', "}"]
    assert line_fix(_item("instance_type", "${var.t}", "m7g.large"), interpolated, "m") is None
    prose = _item("lifecycle", "none", "an aws_s3_bucket_lifecycle_configuration")
    assert line_fix(prose, INSTANCE, "main.tf") is None
    # Outside the resource's own block (the other instance starts on line 16).
    assert line_fix(_item("instance_type", "m5.large", "m7g.large", 16), INSTANCE[:15], "m") is None


def test_a_setting_already_written_is_not_added_twice() -> None:
    lines = ['resource "aws_ebs_volume" "v" {', '  type = "gp2"', "  throughput = 125", "}"]
    assert line_fix(_item("type", "gp2", "gp3 with throughput = 128"), lines, "m") is None


def test_files_are_read_once_under_the_root(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text("\n".join(INSTANCE) + "\n")
    items = (
        _item("instance_type", "m5.large", "m7g.large"),
        _item("instance_type", "m5.large", "m7g.large", 16),
        _item("instance_type", "m5.large", "m7g.large", 99),  # no such line: no fix
    )
    fixed = with_line_fixes(items, tmp_path)
    assert [f.fix.line if f.fix else None for f in fixed] == [2, 17, None]
    assert fixed[0].fix is not None and fixed[0].fix.path == f"{tmp_path.as_posix()}/main.tf"


def test_a_bare_boolean_stays_bare() -> None:
    lines = ['resource "aws_db_instance" "db" {', "  multi_az = true", '  name = "true"', "}"]
    fix = line_fix(_item("multi_az", "true", "false"), lines, "m")
    assert fix is not None and (fix.line, fix.replacement) == (2, "  multi_az = false")


def test_a_setting_already_written_with_the_suggested_value_stays() -> None:
    lines = ['resource "aws_ebs_volume" "v" {', '  type = "io1"', "  iops = 4000", "}"]
    fix = line_fix(_item("type", "io1", "gp3 with iops = 4000, throughput = 1000"), lines, "m")
    assert fix is not None and fix.replacement == '  type = "gp3"\n  throughput = 1000'
    other = _item("type", "io1", "gp3 with iops = 3500"), lines
    assert line_fix(other[0], other[1], "m") is None
