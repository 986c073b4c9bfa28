"""`finops-gate --config FILE` and `finops-gate DIR --recursive`: one verdict for all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.projects.conftest import MONOREPO, run

CONFIG = str(MONOREPO / "finops-gate.yml")


def json_run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code, out, _ = run([*args, "--format", "json"], capsys)
    return code, json.loads(out)


def one_project(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    code, out, _ = run([str(path), "--format", "json", *extra], capsys)
    assert code in (0, 1)
    return json.loads(out)


def test_config_gates_every_project(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = json_run(["--config", CONFIG, "--jobs", "1"], capsys)
    projects = {p["name"]: p for p in data["projects"]}
    assert [p["name"] for p in data["projects"]] == ["billing", "dev", "prod"]
    # Each project is what a one-project run of it reports.
    prod = one_project(
        MONOREPO / "envs" / "prod",
        capsys,
        "--var-file",
        str(MONOREPO / "envs" / "prod" / "prod.tfvars"),
        "--var",
        "instance_count=3",
        "--environment",
        "prod",
    )
    assert projects["prod"]["totals"] == prod["totals"]
    assert projects["prod"]["resources"] == prod["resources"]
    assert projects["prod"]["path"] == "envs/prod"
    assert projects["billing"]["path"] == "services/billing/plan.json"
    # The repository's totals are the sum of its projects'.
    after = sum(p["totals"]["monthly_cost_after"] for p in data["projects"])
    assert data["totals"]["monthly_cost_after"] == pytest.approx(after, abs=0.01)
    assert data["totals"]["monthly_cost_delta"] == pytest.approx(after, abs=0.01)
    assert all(p["verdict"] == "pass" for p in data["projects"])
    # The budgets across projects warn, so the run warns and passes by default.
    assert data["verdict"] == "warn"
    assert code == 0
    messages = [f["message"] for f in data["budget_findings"]]
    assert any(
        m.startswith("monthly cost $") and "warn threshold of $300.00" in m for m in messages
    )
    assert any("of environment prod" in m for m in messages)


def test_cross_project_budget_fails_the_run(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = monorepo / "finops-gate.yml"
    text = config.read_text().replace("{warn: 300, fail: 2000}", "{fail: 300}")
    config.write_text(text)
    code, data = json_run(["--config", str(config)], capsys)
    assert code == 1
    assert data["verdict"] == "fail"
    assert all(p["verdict"] == "pass" for p in data["projects"])
    [error] = [f for f in data["budget_findings"] if f["severity"] == "error"]
    assert error["policy_id"] == "repository-monthly"
    _, junit, _ = run(["--config", str(config), "--format", "junit"], capsys)
    assert '<testsuite name="budgets" tests="1" failures="1"' in junit


def test_tag_group_budget_across_projects(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = monorepo / "finops-gate.yml"
    config.write_text(
        config.read_text().replace(
            "payments: {total_monthly_cost: {fail: 100000}}",
            "payments: {total_monthly_cost: {warn: 1}}",
        )
    )
    _, data = json_run(["--config", str(config)], capsys)
    by_id = [f["message"] for f in data["budget_findings"] if "Team=payments" in f["message"]]
    projects = {p["name"]: p for p in data["projects"]}
    # dev and prod are tagged Team=payments (provider default_tags); billing is not.
    payments = (
        projects["dev"]["totals"]["monthly_cost_after"]
        + projects["prod"]["totals"]["monthly_cost_after"]
    )
    assert by_id == [
        f"monthly cost of Team=payments ${payments:,.2f} is above the warn threshold of $1.00"
    ]


@pytest.mark.parametrize("output_format", ["json", "markdown", "sarif", "junit", "table"])
def test_jobs_give_the_same_bytes(output_format: str, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = set()
    for jobs in ("1", "2", "3"):
        _, out, _ = run(["--config", CONFIG, "--format", output_format, "--jobs", jobs], capsys)
        outputs.add(out)
    assert len(outputs) == 1


def test_recursive_discovery_honours_exclude(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = json_run([str(monorepo), "--recursive"], capsys)
    names = [p["name"] for p in data["projects"]]
    assert names == ["envs/dev", "envs/prod", "legacy", "services/billing"]
    assert code == 1  # legacy misses a required tag
    (monorepo / ".finops-gateignore").write_text("legacy\n")
    code, data = json_run([str(monorepo), "--recursive"], capsys)
    assert [p["name"] for p in data["projects"]] == ["envs/dev", "envs/prod", "services/billing"]
    assert code == 0


def test_a_project_that_fails_to_load_stops_the_run(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (monorepo / "envs" / "dev" / "broken.tf").write_text('resource "aws_instance" {\n')
    code, out, err = run(["--config", str(monorepo / "finops-gate.yml")], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("finops-gate: error: project dev (envs/dev): ")
    assert err.count("\n") == 1


def test_keep_going_lists_it_as_not_evaluated(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (monorepo / "envs" / "dev" / "broken.tf").write_text('resource "aws_instance" {\n')
    config = str(monorepo / "finops-gate.yml")
    code, data = json_run(["--config", config, "--keep-going", "--fail-on", "never"], capsys)
    assert code == 1
    dev = next(p for p in data["projects"] if p["name"] == "dev")
    assert dev["status"] == "not_evaluated" and dev["error"]
    assert data["summary"]["not_evaluated"] == 1
    assert data["verdict"] == "fail"
    code, out, _ = run(["--config", config, "--keep-going", "--format", "markdown"], capsys)
    assert "| dev | <code>envs/dev</code> | ❌ not evaluated |" in out


def test_jobs_needs_many_projects(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(MONOREPO / "envs" / "dev"), "--jobs", "2"], capsys)
    assert code == 2
    assert "--jobs need --config FILE or --recursive" in err


def test_single_project_run_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    plan = MONOREPO / "services" / "billing" / "plan.json"
    data = one_project(plan, capsys)
    assert "projects" not in data
    assert list(data)[:5] == ["schema_version", "tool_version", "currency", "verdict", "totals"]


def test_sarif_and_junit_cover_every_project(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["--config", CONFIG, "--format", "sarif"], capsys)
    sarif = json.loads(out)
    [sarif_run] = sarif["runs"]
    uris = [a["location"]["uri"] for a in sarif_run["artifacts"]]
    # From the top of the repository holding the fixture (this checkout).
    prefix = "tests/fixtures/monorepo/"
    assert uris == [
        prefix + "services/billing/plan.json",
        prefix + "envs/dev/main.tf",
        prefix + "envs/prod/main.tf",
    ]
    assert sarif_run["properties"]["projects"] == ["billing", "dev", "prod"]
    budget_results = [r for r in sarif_run["results"] if r["ruleId"] == "repository-monthly"]
    assert budget_results and budget_results[0]["level"] == "warning"
    _, out, _ = run(["--config", CONFIG, "--format", "junit"], capsys)
    for name in ("billing/required-tags", "dev/required-tags", "prod/required-tags"):
        assert f'<testsuite name="{name}"' in out


def test_sarif_paths_from_the_repository_top(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["--config", str(monorepo / "finops-gate.yml"), "--format", "sarif"], capsys)
    [sarif_run] = json.loads(out)["runs"]
    uris = [a["location"]["uri"] for a in sarif_run["artifacts"]]
    assert uris == ["services/billing/plan.json", "envs/dev/main.tf", "envs/prod/main.tf"]
    _, out, _ = run([str(monorepo / "envs"), "--recursive", "--format", "sarif"], capsys)
    [sarif_run] = json.loads(out)["runs"]
    uris = [a["location"]["uri"] for a in sarif_run["artifacts"]]
    assert uris == ["envs/dev/main.tf", "envs/prod/main.tf"]


def test_suggest_is_refused_over_many_projects(capsys: pytest.CaptureFixture[str]) -> None:
    """Review suggestions belong to one configuration's files and lines: a run over many
    projects says so instead of posting nothing in silence."""
    code, out, err = run(["--config", CONFIG, "--suggest", "github"], capsys)
    assert code == 2
    assert out == ""
    assert "--suggest works on one plan or directory" in err


def test_suggestion_locations_are_plain_repository_paths(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A savings suggestion in a shared module points at the module's file from the top of
    the repository, never through the project's file or `..`."""
    _, out, _ = run(["--config", CONFIG, "--format", "sarif"], capsys)
    [sarif_run] = json.loads(out)["runs"]
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif_run["results"]
        if result["ruleId"].startswith("savings-")
        for location in result["locations"]
        if "region" in location.get("physicalLocation", {})
    }
    assert "tests/fixtures/monorepo/modules/web/main.tf" in uris
    assert not [uri for uri in uris if ".." in uri.split("/") or ".tf/" in uri]
