"""The comparison as Markdown (for people) and JSON (for scripts); both pure."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict

from benchmarks.yardstick.compare import ResourceComparison, Summary, TypeRow


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f}%)" if whole else f"{part} of 0"


def _percent(fraction: float | None) -> str:
    return "-" if fraction is None else f"{100 * fraction:.1f}%"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def headline_rows(summary: Summary) -> list[tuple[str, str]]:
    return [
        (
            "Infracost-priced resources that finops-gate prices",
            _share(summary.we_price, summary.infracost_priced),
        ),
        ("of those, within 1% of Infracost's total", _share(summary.within, summary.we_price)),
        ("Infracost usage files accepted", f"{summary.usage_accepted} of {summary.usage_files}"),
        (
            "of those, with a warning naming the usage file",
            f"{summary.usage_warned} of {summary.usage_accepted}",
        ),
        (
            "AWS types Infracost prices that finops-gate reports unsupported",
            str(len(summary.unsupported_types)),
        ),
        (
            "cases with no refused usage file: Infracost-priced resources finops-gate prices",
            _share(summary.usage_ok_we_price, summary.usage_ok_priced),
        ),
        (
            "cases with no refused usage file: of those, within 1%",
            _share(summary.usage_ok_within, summary.usage_ok_we_price),
        ),
        ("cases finops-gate could read", f"{summary.cases_read} of {summary.cases}"),
        ("median difference where both price", _percent(summary.median_difference)),
    ]


def _not_priced(row: TypeRow) -> str:
    return ", ".join(f"{count} {outcome.replace('_', ' ')}" for outcome, count in row.not_priced)


def _money(value: float | None) -> str:
    return "-" if value is None else f"{value:,.2f}"


def difference_lines(rows: Sequence[ResourceComparison], refused: Mapping[str, str]) -> list[str]:
    """Resources both tools price that differ by more than 1%, worst first within a case."""
    differing = [row for row in rows if row.we_price and not row.within]
    if not differing:
        return []
    lines = [
        "",
        "Resources both price that differ by more than 1% (Infracost, finops-gate, difference):",
        "",
        "| case | resource | Infracost | finops-gate | diff | usage file |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for row in sorted(differing, key=lambda row: (row.case, row.address)):
        usage = "refused" if row.case in refused else ""
        currency = "" if row.currency == "USD" else f" {row.currency}"
        lines.append(
            f"| {row.case} | `{_cell(row.address)}` | {_money(row.theirs)}{currency} | "
            f"{_money(row.ours)} | {_percent(row.difference)} | {usage} |"
        )
    return lines


def render_markdown(
    source: str,
    summary: Summary,
    types: Sequence[TypeRow],
    refused: Mapping[str, str],
    failed: Mapping[str, str],
    details: Sequence[ResourceComparison] = (),
) -> str:
    lines = [f"Infracost test cases: {source}", "", "| measure | now |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in headline_rows(summary)]
    lines += ["", "AWS types Infracost prices that finops-gate reports unsupported:", ""]
    lines += [f"- `{name}`" for name in summary.unsupported_types] or ["- none"]
    lines += [
        "",
        "| type | cases | Infracost priced | we price | within 1% | median diff | not priced |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    lines += [
        f"| `{row.type}` | {row.cases} | {row.infracost_priced} | {row.we_price} | "
        f"{row.within} | {_percent(row.median_difference)} | {_not_priced(row)} |"
        for row in types
    ]
    for title, messages in (
        ("Usage files refused (exit 2):", refused),
        ("Cases finops-gate could not read:", failed),
    ):
        if messages:
            lines += ["", title, "", "| case | message |", "| --- | --- |"]
            lines += [f"| {case} | {_cell(message)} |" for case, message in messages.items()]
    lines += difference_lines(details, refused)
    return "\n".join(lines) + "\n"


def render_json(
    source: str,
    commit: str | None,
    summary: Summary,
    types: Sequence[TypeRow],
    rows: Sequence[ResourceComparison],
    refused: Mapping[str, str],
    failed: Mapping[str, str],
) -> str:
    document = {
        "source": source,
        "infracost_commit": commit,
        "summary": asdict(summary),
        "types": [asdict(row) for row in types],
        "resources": [
            {
                **asdict(row),
                "we_price": row.we_price,
                "within": row.within,
                "difference": row.difference,
            }
            for row in rows
        ],
        "usage_files_refused": dict(refused),
        "cases_failed": dict(failed),
    }
    return json.dumps(document, indent=2, sort_keys=True) + "\n"
