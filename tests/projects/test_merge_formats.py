"""`merge` writes SARIF and JUnit, savings and long lists of findings, from JSON reports
that separate processes wrote."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import ROOT
from tests.projects.conftest import MONOREPO, run
from tests.projects.test_merge import gate_in_own_process

SAVINGS_PLAN = ROOT / "tests" / "fixtures" / "terraform" / "savings" / "plan.json"
SAVINGS_POLICY = "version: 1\nextends: savings\n"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample monorepo as a repository, with a project that has many findings and
    savings suggestions (every resource of the savings plan misses its tags)."""
    target = tmp_path_factory.mktemp("merge-formats") / "repo"
    shutil.copytree(MONOREPO, target)
    (target / ".git").mkdir()
    (target / "services" / "shop").mkdir()
    shutil.copy(SAVINGS_PLAN, target / "services" / "shop" / "plan.json")
    (target / "savings.yml").write_text(SAVINGS_POLICY)
    return target


@pytest.fixture(scope="module")
def reports(repo: Path) -> list[Path]:
    """Two CI jobs, each its own process, each writing one project's JSON report."""
    out = repo.parent / "reports"
    out.mkdir()
    gate_in_own_process(repo / "envs" / "dev", out / "dev.json", "--environment", "dev")
    gate_in_own_process(
        repo / "services" / "shop" / "plan.json",
        out / "shop.json",
        "--policy",
        str(repo / "savings.yml"),
    )
    return [out / "dev.json", out / "shop.json"]


def test_merged_sarif_covers_every_project(
    repo: Path,
    reports: list[Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(repo)
    args = ["merge", *map(str, reports), "--format", "sarif"]
    code, out, err = run([*args, "--project-path", "shop=services/shop/plan.json"], capsys)
    assert code == 1, err
    [sarif_run] = json.loads(out)["runs"]
    shop = json.loads(reports[1].read_text())
    results = sarif_run["results"]
    assert len(results) == len(shop["findings"])
    # Each result points at its project's file, from the repository's top, and names
    # its resource `project:address`.
    for result, finding in zip(
        results,
        sorted(
            shop["findings"],
            key=lambda f: (f["policy_id"], f["address"] or "", f["severity"], f["message"]),
        ),
        strict=True,
    ):
        [location] = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == "services/shop/plan.json"
        name = location["logicalLocations"][0]["fullyQualifiedName"]
        assert name == f"shop:{finding['address'] or 'plan'}"
        assert result["level"] == finding["severity"]
    rules = [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]]
    assert rules == sorted(rules) and "required-tags" in rules
    assert [r["ruleId"] for r in results].count("required-tags") == sum(
        1 for f in shop["findings"] if f["policy_id"] == "required-tags"
    )
    assert sarif_run["properties"]["projects"] == ["dev", "shop"]
    # The same bytes from the same reports.
    _, again, _ = run([*args, "--project-path", "shop=services/shop/plan.json"], capsys)
    assert again == out


def test_merged_sarif_of_a_config_run_keeps_its_paths(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = tmp_path / "whole.json"
    run(["--config", str(repo / "finops-gate.yml"), "--format", "json", "-o", str(whole)], capsys)
    assert [p["artifact"] for p in json.loads(whole.read_text())["projects"]] == [
        "services/billing/plan.json",
        "envs/dev/main.tf",
        "envs/prod/main.tf",
    ]
    _, out, _ = run(["merge", str(whole), "--format", "sarif"], capsys)
    [sarif_run] = json.loads(out)["runs"]
    uris = [a["location"]["uri"] for a in sarif_run["artifacts"]]
    assert uris == ["services/billing/plan.json", "envs/dev/main.tf", "envs/prod/main.tf"]


def test_merged_junit_covers_every_project(
    reports: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["merge", *map(str, reports), "--format", "junit"], capsys)
    assert code == 1
    root = ET.fromstring(out.split("\n", 1)[1])
    suites = {suite.get("name"): suite for suite in root}
    assert "dev/required-tags" in suites and "shop/required-tags" in suites
    shop = json.loads(reports[1].read_text())
    tag_errors = {
        f["address"]
        for f in shop["findings"]
        if f["policy_id"] == "required-tags" and f["severity"] == "error"
    }
    suite = suites["shop/required-tags"]
    failed = {
        case.get("name") for case in suite.iter("testcase") if case.find("failure") is not None
    }
    assert failed == tag_errors
    assert suite.get("failures") == str(len(tag_errors))
    assert int(root.get("failures", "0")) >= len(tag_errors)
    # dev has no finding: each of its policies shows it ran, and passed.
    assert suites["dev/required-tags"].get("failures") == "0"


def test_project_path_must_name_a_project(
    reports: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["merge", *map(str, reports), "--format", "sarif", "--project-path", "nope=x"], capsys
    )
    assert (code, out) == (2, "")
    assert "no report has a project 'nope'" in err and "Traceback" not in err


def test_savings_add_up_across_projects(
    repo: Path, reports: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    shop = json.loads(reports[1].read_text())
    dev = json.loads(reports[0].read_text())
    assert shop["recommendations"], "the savings plan has suggestions"
    # The bundled default policy (dev's) runs the savings checks too: the run adds both.
    expected = round(
        sum(r["totals"].get("potential_monthly_savings", 0.0) for r in (dev, shop)), 2
    )
    count = len(shop["recommendations"]) + len(dev.get("recommendations", []))
    _, out, _ = run(["merge", *map(str, reports), "--format", "json"], capsys)
    merged = json.loads(out)
    assert merged["totals"]["potential_monthly_savings"] == expected
    assert merged["summary"]["recommendations"] == count
    entry = next(p for p in merged["projects"] if p["name"] == "shop")
    assert entry["recommendations"] == shop["recommendations"]
    # The one-project report's headline, and the run's, read the same.
    _, single, _ = run(
        [str(repo / "services" / "shop" / "plan.json"), "--policy", str(repo / "savings.yml")],
        capsys,
    )
    [line] = [x for x in single.splitlines() if x.startswith("Potential savings:")]
    _, table, _ = run(["merge", *map(str, reports)], capsys)
    headline = table.splitlines()[2]
    assert headline.startswith("Potential savings: ")
    assert f"${expected:,.2f}/month ({count} suggestions)" in headline
    _, markdown, _ = run(["merge", *map(str, reports), "--format", "markdown"], capsys)
    assert markdown.count(f"**{headline}**") == 1  # the run's headline
    assert markdown.count(f"**{line}**") == 1  # shop's section, as its own report says
    # Shop's suggestions, each a row, collapsed so that a shortened comment drops them
    # before the verdict.
    shop_count = len(shop["recommendations"])
    assert f"<details><summary>Savings suggestions of shop ({shop_count})</summary>" in markdown
    block = markdown.split("Savings suggestions of shop", 1)[1].split("</details>", 1)[0]
    rows = [x for x in block.splitlines() if x.startswith("| <code>")]
    assert len(rows) == shop_count
    assert all(f"<code>{item['address']}</code>" in markdown for item in shop["recommendations"])
    # A config run gives the same sums as merge.
    other = repo / "dev-and-shop.yml"
    other.write_text(
        "projects:\n"
        "  - {name: dev, path: envs/dev, environment: dev}\n"
        "  - {name: shop, path: services/shop/plan.json, policy: savings.yml}\n"
    )
    _, out, _ = run(["--config", str(other), "--format", "json"], capsys)
    whole = json.loads(out)
    assert whole["totals"]["potential_monthly_savings"] == expected
    assert whole["summary"]["recommendations"] == count


def test_no_savings_keeps_the_shape(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The tagging policy runs no savings checks, so this report has no suggestions.
    report = tmp_path / "dev.json"
    gate_in_own_process(
        repo / "envs" / "dev", report, "--environment", "dev", "--policy", "tagging"
    )
    assert "recommendations" not in json.loads(report.read_text())
    _, out, _ = run(["merge", str(report), "--format", "json"], capsys)
    merged = json.loads(out)
    assert "potential_monthly_savings" not in merged["totals"]
    assert "recommendations" not in merged["summary"]
    _, markdown, _ = run(["merge", str(report), "--format", "markdown"], capsys)
    assert "Potential savings" not in markdown


def test_hundreds_of_findings_collapse(
    reports: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop = json.loads(reports[1].read_text())
    findings = shop["findings"]
    many = [
        {**f, "address": f"{f['address']}[{n}]" if f["address"] else None}
        for n in range(8)
        for f in findings
    ]
    assert len(many) >= 400
    shop["findings"] = many
    big = tmp_path / "big.json"
    big.write_text(json.dumps(shop))
    _, markdown, _ = run(["merge", str(big), "--format", "markdown"], capsys)
    lines = [x for x in markdown.splitlines() if x.startswith("- ❌ ") or x.startswith("- ⚠️ ")]
    errors = sum(1 for f in many if f["severity"] == "error")
    from finops_gate.projects.render import FINDING_LIMIT

    assert len(lines) == FINDING_LIMIT
    assert all(x.startswith("- ❌ ") for x in lines)  # errors first
    warnings = len(many) - errors
    assert f"- … and {errors - FINDING_LIMIT} more errors and {warnings} more warnings" in markdown
    assert len(markdown) < 65536  # no cut needed


COUNT_VARIABLE_BUDGET = """\
  - id: per-user
    kind: budget
    unit_cost: {unit: user, count_variable: expected_mau, per: 1, max: {fail: 1}}
"""


def test_count_variable_budget_across_projects_is_refused(
    repo: Path, reports: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "budgets.yml"
    policy.write_text("version: 1\npolicies:\n" + COUNT_VARIABLE_BUDGET)
    code, out, err = run(["merge", *map(str, reports), "--policy", str(policy)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(
        f"finops-gate: error: {policy}: budget per-user: unit_cost.count_variable"
    )
    assert err.count("\n") == 1
    config = tmp_path / "finops-gate.yml"
    text = (
        (repo / "finops-gate.yml")
        .read_text()
        .replace("budgets:\n", "budgets:\n" + COUNT_VARIABLE_BUDGET)
    )
    text = text.replace("path: ", f"path: {repo}/")
    config.write_text(text)
    code, out, err = run(["--config", str(config), "--allow-outside-repo"], capsys)
    assert (code, out) == (2, "")
    assert "budget per-user: unit_cost.count_variable cannot be judged across projects" in err
    # With a count, the same budget is judged on the run's total.
    config.write_text(text.replace("count_variable: expected_mau", "count: 10"))
    code, out, _ = run(["--config", str(config), "--allow-outside-repo"], capsys)
    assert code == 1
    assert "[error] per-user: monthly cost per user $" in out
