"""`finops-gate pricing info|build`."""

from __future__ import annotations

from pathlib import Path

import click

from finops_gate.cli.common import CONTEXT, write_file_atomically, write_text
from finops_gate.errors import one_line

BUNDLED_NAME = "bundled pricing/aws.json"


@click.group("pricing", context_settings=CONTEXT)
def pricing_group() -> None:
    """The price table: `info`, `build --from-aws-offer PATH`, `update` (from AWS's Price List)."""


@pricing_group.command("info", context_settings=CONTEXT)
@click.option(
    "--table",
    "table",
    metavar="FILE",
    default=None,
    help="A price table file. Default: the bundled pricing/aws.json.",
)
@click.option(
    "--layered",
    is_flag=True,
    default=False,
    help="Describe --table FILE laid over the bundled table, as `check --prices FILE` "
    "prices from it.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def pricing_info_command(table: str | None, layered: bool, output_format: str) -> None:
    """Print what a price table covers: its sources and their dates, its rules, its price
    keys per service, and per region its prices and the share of approximate ones."""
    from finops_gate.cost.price_layers import load_prices
    from finops_gate.pricing.info import render_info_json, render_info_text, table_info

    if layered and table is None:
        raise click.UsageError(
            "--layered needs --table FILE: the table to lay over the bundled one"
        )
    prices = load_prices(Path(table) if table else None, layered=layered)
    name = table or BUNDLED_NAME
    if layered:
        name = f"{table} over the {BUNDLED_NAME} (its figures win)"
    info = table_info(prices, name)
    write_text(render_info_json(info) if output_format == "json" else render_info_text(info), None)


@pricing_group.command("build", context_settings=CONTEXT)
@click.option(
    "--from-aws-offer",
    "paths",
    metavar="PATH",
    multiple=True,
    required=True,
    help="AWS Price List file (offer CSV or JSON, GetProducts JSON) or a directory of "
    "them. Repeatable.",
)
@click.option(
    "--out",
    "out",
    metavar="FILE",
    default=None,
    help="Write the table to FILE instead of standard output.",
)
def pricing_build_command(paths: tuple[str, ...], out: str | None) -> None:
    """Build a price table in finops-gate's format from AWS's own Price List files.

    The bundled table is built from public price data by scripts/build_prices.py; this
    command lets you price from AWS's current files instead (use the result with
    `check --prices FILE` or `pricing info --table FILE`, or
    replace pricing/aws.json). Only on-demand USD prices are read.
    """
    from finops_gate.pricing.offer import ingest

    result = ingest([Path(path) for path in paths])
    text = result.render()
    if out is None or out == "-":
        write_text(text, None)
    else:
        write_file_atomically(out, text, "the price table")
    # One escaped line per region or skipped file: file names come from the caller's tree.
    for line in result.summary_lines():
        click.echo(one_line(line), err=True)
