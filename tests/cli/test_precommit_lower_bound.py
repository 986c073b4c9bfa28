"""The pre-commit hook's one-line brief marks a total that is only a lower bound."""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cli.hook import main as hook_main

UNPRICED_DATABASE = """
provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = { Environment = "prod", Team = "data" }
  }
}

resource "aws_kms_key" "data" {
  description = "Database encryption key"
}

resource "aws_db_instance" "orders" {
  engine            = "db2-se"
  license_model     = "marketplace-license"
  instance_class    = "db.m6i.large"
  allocated_storage = 100
  username          = "dbadmin"
  password          = "not-a-real-password"
}
"""


def test_hook_brief_is_a_lower_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "main.tf").write_text(UNPRICED_DATABASE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert hook_main(["db/main.tf"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # us-east-1: a KMS key is $1.00 a month; Db2 has no price in the table.
    assert lines[0] == (
        "finops-gate db: WARN (policy default), monthly cost $0.00 -> ≥ $1.00 "
        "(≥ +$1.00 since HEAD), 2 resource(s), 2 changed"
    )
    assert lines[1] == "  lower bound: 1 resource not priced"
    assert lines[2] == (
        "  [warning] monthly-budget: budget judged on priced resources only "
        "(1 resource not priced: aws_db_instance.orders)"
    )
