"""Matching, the summary and the rendered table of the Infracost yardstick, on tiny inputs."""

from __future__ import annotations

import json

import pytest

from benchmarks.yardstick.compare import (
    CaseInput,
    compare_all,
    per_type,
    refused_usage_files,
    summarise,
)
from benchmarks.yardstick.golden import Golden, GoldenComponent, GoldenResource
from benchmarks.yardstick.render import render_json, render_markdown
from benchmarks.yardstick.runner import CaseRun, OurResource, parse_report


def _resource(address: str, *costs: float | None) -> GoldenResource:
    return GoldenResource(
        address, tuple(GoldenComponent((), f"c{i}", 1, "unit", c) for i, c in enumerate(costs))
    )


def _case(
    name: str,
    resources: list[GoldenResource],
    ours: dict[str, OurResource],
    *,
    currency: str = "USD",
    error: str | None = None,
    usage: bool | None = None,
    usage_message: str | None = None,
) -> CaseInput:
    run = CaseRun(0 if error is None else 2, ours, error, usage, usage_message)
    return CaseInput(name, Golden(currency, tuple(resources), None), run, usage is not None)


@pytest.fixture
def cases() -> list[CaseInput]:
    return [
        _case(
            "b_case",
            [
                _resource("aws_lb.exact", 10.0, 6.40),  # 16.40
                _resource("aws_lb.close", 100.0),
                _resource("aws_lb.far", 100.0),
                _resource("module.m.aws_lb.gone", 5.0),
                _resource("aws_lb.usage_only", None),  # no figure: not Infracost-priced
            ],
            {
                "aws_lb.exact": OurResource("priced", 16.40),
                "aws_lb.close": OurResource("priced", 100.99),
                "aws_lb.far": OurResource("priced", 101.5),
                "aws_lb.usage_only": OurResource("usage_based", None),
            },
            usage=False,
            usage_message="finops-gate: error: b.usage.yml: unknown key",
        ),
        _case(
            "a_case",
            [_resource("aws_mq_broker.x", 30.0), _resource("aws_eip.free", 0.0)],
            {
                "aws_mq_broker.x": OurResource("unsupported", None),
                "aws_eip.free": OurResource("priced", 0.004),
            },
            usage=True,
            usage_message="warning: a.usage.yml: key ignored",
        ),
        _case(
            "c_china",
            [_resource("aws_lb.cn", 12.0)],
            {"aws_lb.cn": OurResource("priced", 12.0)},
            currency="CNY",
            usage=True,
        ),
        _case(
            "d_broken",
            [_resource("aws_docdb_cluster.y", 1.0)],
            {},
            error="finops-gate: error: bad HCL",
        ),
    ]


def test_resources_are_matched_by_address_with_an_outcome(cases: list[CaseInput]) -> None:
    rows = {row.address: row for row in compare_all(cases)}
    assert "aws_lb.usage_only" not in rows
    assert [(r.case, r.address) for r in compare_all(cases)] == sorted(
        (r.case, r.address) for r in rows.values()
    )
    assert rows["aws_lb.exact"].within and rows["aws_lb.exact"].difference == 0
    assert rows["aws_lb.close"].within  # 0.99% off
    assert not rows["aws_lb.far"].within  # 1.5% off
    assert rows["aws_lb.far"].difference == pytest.approx(0.015)
    assert rows["aws_eip.free"].within  # within a cent of $0.00
    assert rows["aws_eip.free"].difference is None  # no ratio to a zero total
    assert rows["module.m.aws_lb.gone"].outcome == "missing"
    assert rows["aws_mq_broker.x"].outcome == "unsupported"
    assert not rows["aws_mq_broker.x"].we_price
    assert rows["aws_docdb_cluster.y"].outcome == "case_failed"
    assert rows["aws_lb.cn"].we_price and not rows["aws_lb.cn"].within  # CNY vs USD


def test_summary_counts(cases: list[CaseInput]) -> None:
    rows = compare_all(cases)
    summary = summarise(cases, rows)
    assert (summary.cases, summary.cases_read) == (4, 3)
    assert (summary.infracost_priced, summary.we_price, summary.within) == (8, 5, 3)
    assert (summary.usage_files, summary.usage_accepted, summary.usage_warned) == (3, 2, 1)
    assert summary.unsupported_types == ("aws_mq_broker",)
    # b_case's usage file was refused: without its 4 priced resources (exact, close, far,
    # gone) that leaves eip, mq_broker, cn and docdb; we price eip and cn, eip within 1%.
    ok = (summary.usage_ok_priced, summary.usage_ok_we_price, summary.usage_ok_within)
    assert ok == (4, 2, 1)
    # |differences| of USD resources both price, with a non-zero Infracost total:
    # exact 0, close 0.0099, far 0.015 -> median 0.0099
    assert summary.median_difference == pytest.approx(0.0099)
    assert refused_usage_files(cases) == {"b_case": "finops-gate: error: b.usage.yml: unknown key"}


def test_per_type_rows(cases: list[CaseInput]) -> None:
    by_type = {row.type: row for row in per_type(compare_all(cases))}
    assert list(by_type) == sorted(by_type)
    lb = by_type["aws_lb"]
    # within 1%: exact and close; not far, gone or the CNY one
    assert (lb.cases, lb.infracost_priced, lb.we_price, lb.within) == (2, 5, 4, 2)
    assert lb.not_priced == (("missing", 1),)
    assert lb.median_difference == pytest.approx(0.0099)
    assert by_type["aws_docdb_cluster"].not_priced == (("case_failed", 1),)
    assert by_type["aws_mq_broker"].median_difference is None


def test_markdown_and_json_render_the_figures(cases: list[CaseInput]) -> None:
    rows = compare_all(cases)
    summary, types = summarise(cases, rows), per_type(rows)
    refused = refused_usage_files(cases)
    failed = {"d_broken": "finops-gate: error: bad | HCL"}
    markdown = render_markdown("infracost at abc", summary, types, refused, failed)
    assert "| Infracost-priced resources that finops-gate prices | 5 of 8 (62%) |" in markdown
    assert "| of those, within 1% of Infracost's total | 3 of 5 (60%) |" in markdown
    assert "| Infracost usage files accepted | 2 of 3 |" in markdown
    assert "| AWS types Infracost prices that finops-gate reports unsupported | 1 |" in markdown
    assert "- `aws_mq_broker`" in markdown
    assert "refused usage file: of those, within 1% | 1 of 2 (50%) |" in markdown
    assert "| `aws_lb` | 2 | 5 | 4 | 2 | 1.0% | 1 missing |" in markdown
    assert "| d_broken | finops-gate: error: bad \\| HCL |" in markdown
    document = json.loads(render_json("src", "abc", summary, types, rows, refused, failed))
    assert document["summary"]["within"] == 3
    assert document["infracost_commit"] == "abc"
    assert [r["address"] for r in document["resources"]][:2] == ["aws_eip.free", "aws_mq_broker.x"]
    again = render_json(
        "src", "abc", summary, types, compare_all(list(reversed(cases))), refused, failed
    )
    assert again == render_json("src", "abc", summary, types, rows, refused, failed)


def test_parse_report_reads_status_and_cost() -> None:
    report = {
        "resources": [
            {"address": "aws_eip.a", "status": "priced", "monthly_cost_after": 3.65},
            {"address": "aws_mq_broker.b", "status": "unsupported", "monthly_cost_after": None},
        ]
    }
    assert parse_report(json.dumps(report)) == {
        "aws_eip.a": OurResource("priced", 3.65),
        "aws_mq_broker.b": OurResource("unsupported", None),
    }


def test_details_list_the_resources_that_differ(cases: list[CaseInput]) -> None:
    rows = compare_all(cases)
    summary, types = summarise(cases, rows), per_type(rows)
    refused = refused_usage_files(cases)
    markdown = render_markdown("src", summary, types, refused, {}, rows)
    assert "| b_case | `aws_lb.far` | 100.00 | 101.50 | 1.5% | refused |" in markdown
    assert "| c_china | `aws_lb.cn` | 12.00 CNY | 12.00 | - |  |" in markdown
    assert "`aws_lb.close`" not in markdown  # within 1%
    assert "`aws_mq_broker.x`" not in markdown.split("differ by more than 1%")[1]  # not priced
    assert "differ by more than 1%" not in render_markdown("src", summary, types, refused, {})
