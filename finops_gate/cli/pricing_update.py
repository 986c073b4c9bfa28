"""`finops-gate pricing update`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from finops_gate.cli.common import CONTEXT, write_file_atomically, write_text
from finops_gate.errors import one_line


@click.command("update", context_settings=CONTEXT)
@click.option(
    "--service",
    "services",
    metavar="CODE",
    multiple=True,
    help="Offer code to download (AmazonEC2, AWSELB, AmazonRDS, AmazonCloudWatch, ...). "
    "Repeatable. Default: the offers whose prices the estimators use.",
)
@click.option(
    "--region",
    "regions",
    metavar="REGION",
    multiple=True,
    help="Region to download. Repeatable. Default: every commercial region in each "
    "service's region index.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    default=None,
    help="Price List server or a mirror of it. Default: https://pricing.us-east-1.amazonaws.com.",
)
@click.option(
    "--cache-dir",
    "cache_dir",
    metavar="DIR",
    default=None,
    help="Where each file's ETag and the prices kept from it are remembered, so a re-run "
    "downloads only what changed. Default: $XDG_CACHE_HOME/finops-gate/price-list "
    "(~/.cache/finops-gate/price-list).",
)
@click.option(
    "--out",
    "out",
    metavar="FILE",
    default=None,
    help="Write the price table to FILE (atomically) instead of standard output.",
)
def pricing_update_command(
    services: tuple[str, ...],
    regions: tuple[str, ...],
    endpoint: str | None,
    cache_dir: str | None,
    out: str | None,
) -> None:
    """Download current on-demand prices from AWS's public Price List Bulk API.

    Reads the offer index, each service's region index and each region's offer CSV
    (streamed: only the rows the estimators use are kept), and writes a price table for
    `check --prices FILE`. Every price cites its offer's version and publication date.
    No AWS credentials are needed; HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured.
    """
    from finops_gate.integrations.http import NetworkLimits
    from finops_gate.pricing.update import UpdateRequest, update_prices
    from finops_gate.pricing.update.cache import default_cache_dir
    from finops_gate.pricing.update.catalog import (
        DEFAULT_ENDPOINT,
        DEFAULT_SERVICES,
        check_endpoint,
    )
    from finops_gate.pricing.update.fetch import IDLE_TIMEOUT, RUN_DEADLINE, Downloader
    from finops_gate.pricing.update.progress import NoProgress, Progress, TerminalProgress

    limits = NetworkLimits.from_env(os.environ)
    request = UpdateRequest(
        services=list(services or DEFAULT_SERVICES),
        regions=list(regions),
        endpoint=check_endpoint(endpoint or DEFAULT_ENDPOINT),
        cache_dir=Path(cache_dir) if cache_dir else default_cache_dir(),
        max_document_bytes=limits.max_response_bytes,
    )
    progress: Progress = TerminalProgress(sys.stderr) if sys.stderr.isatty() else NoProgress()
    downloader = Downloader(
        progress,
        idle_timeout=_limit("FINOPS_GATE_REQUEST_TIMEOUT", limits.request_timeout, IDLE_TIMEOUT),
        run_deadline=_limit("FINOPS_GATE_NETWORK_DEADLINE", limits.run_deadline, RUN_DEADLINE),
    )
    result = update_prices(request, downloader)
    text = result.render()
    if out is None or out == "-":
        write_text(text, None)
    else:
        write_file_atomically(out, text, "the price table")
    for line in result.skipped:
        click.echo(one_line(f"note: {line}"), err=True)
    click.echo(
        f"{result.price_count()} prices in {len(result.tables)} regions; "
        f"{downloader.downloaded} files downloaded, {downloader.not_modified} not modified",
        err=True,
    )


def _limit(variable: str, configured: float, default: float) -> float:
    """The environment's value when set, else this command's own default (the shared
    limits' defaults suit comment posting, not downloads of hundreds of megabytes)."""
    return configured if os.environ.get(variable, "").strip() else default
