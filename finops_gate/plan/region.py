"""The region of each AWS provider configuration of a plan, found as the provider finds it,
and where it came from (docs/regions.md).

In order, for a configuration whose resources do not set their own `region`:
the provider block's `region` when the plan records it (a constant, or `var.x`); data
sources read during the plan (`data.aws_region`, `data.aws_availability_zones`); regions
named by the known values of its resources (availability zones, ARNs, service names,
majority wins); the provider block evaluated from the configuration directory;
AWS_REGION, then AWS_DEFAULT_REGION; `--region`; else us-east-1 with a warning.
Each step after the second runs only for configurations the earlier ones left without a
region, and the plan is scanned at most once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from finops_gate.plan.providers import (
    FALLBACK_REGION,
    ProviderResolver,
    candidate_keys,
    provider_type,
)
from finops_gate.plan.region_evidence import Tally, data_source_region, regions_in
from finops_gate.plan.resource import ProviderRegion
from finops_gate.records import record

if TYPE_CHECKING:
    from finops_gate.plan.config_dir import ConfigRegions
    from finops_gate.plan.plan_json import PlanDocument, StateResource

ENVIRONMENT_VARIABLES = ("AWS_REGION", "AWS_DEFAULT_REGION")
NO_REGION = "no region found"


@record(slots=True)
class RegionOptions:
    """What the plan itself cannot say: where its configuration is, the environment
    (AWS_REGION, AWS_DEFAULT_REGION) and `--region`."""

    config_dir: str | None = None
    environ: Mapping[str, str] = field(default_factory=dict)
    region: str | None = None
    # The directory holds the plan file itself (the default): reports then name the
    # provider block's file relative to it, so they do not depend on where the plan is.
    config_dir_is_plans: bool = False
    # Read local modules of the configuration directory outside its repository too
    # (finops_gate/confine.py); else they are left out with a note.
    allow_outside_repo: bool = False


def default_region(options: RegionOptions) -> tuple[str, str, str]:
    """(region, source, evidence) of the last steps: environment, `--region`, us-east-1."""
    for name in ENVIRONMENT_VARIABLES:
        value = options.environ.get(name, "").strip()
        if value:
            return value, "environment", name
    if options.region:
        return options.region, "option", "--region"
    return FALLBACK_REGION, "fallback", NO_REGION


def fallback_note(keys: Mapping[str, str], resources: int) -> str:
    """The warning for resources priced in us-east-1 because nothing named a region;
    `keys` maps each provider configuration concerned to what its region refers to."""
    named = ", ".join(f"{key} (region = {why})" if why else key for key, why in keys.items())
    label = "provider" if len(keys) == 1 else "providers"
    return (
        f"No region found for {label} {named}: {resources} AWS resource(s) priced in "
        f"{FALLBACK_REGION}. Pass --config-dir, set AWS_REGION or pass --region."
    )


class PlanRegions:
    """Resolves provider configurations on demand and remembers what it found."""

    def __init__(
        self, document: PlanDocument, resolver: ProviderResolver, options: RegionOptions
    ) -> None:
        self._document = document
        self._resolver = resolver
        self._options = options
        self._records: dict[str, ProviderRegion] = {}
        self._notes: list[str] = []
        self._data: dict[str, Tally] | None = None
        self._evidence: dict[str, Tally] = {}
        self._config: ConfigRegions | None = None
        self._fallback: dict[str, int] = {}

    def resolve(self, config_key: str, provider: str) -> tuple[ProviderRegion, str]:
        """The record of the configuration a resource uses, and the resource's
        region_source (`default_provider` when a missing configuration borrowed the
        default one's block)."""
        key, borrowed = self._resolver.record_key(config_key, provider)
        if key not in self._records:
            self._records[key] = self._find(key)
        record = self._records[key]
        source = record.region_source
        return record, "default_provider" if borrowed and source == "provider" else source

    def priced_in_fallback(self, record: ProviderRegion) -> None:
        self._fallback[record.config_key] = self._fallback.get(record.config_key, 0) + 1

    def records(self) -> tuple[ProviderRegion, ...]:
        return tuple(self._records[key] for key in sorted(self._records))

    def notes(self) -> list[str]:
        notes = list(self._notes)
        if self._fallback:
            why = {}
            for key in sorted(self._fallback):
                settings = self._resolver.settings_of(key)
                expression = settings.region_expression if settings else ""
                why[key] = f"{expression}, which the plan does not record" if expression else ""
            notes.append(fallback_note(why, sum(self._fallback.values())))
        return notes

    # -- the steps -------------------------------------------------------------------------
    def _find(self, key: str) -> ProviderRegion:
        settings = self._resolver.settings_of(key)
        if settings is not None and settings.region:
            expression = settings.region_expression
            evidence = "the provider block" if expression == "a constant" else expression
            return ProviderRegion(key, settings.region, "provider", evidence)
        for step in (self._from_data_sources, self._from_evidence, self._from_configuration):
            record = step(key)
            if record is not None:
                return record
        region, source, evidence = default_region(self._options)
        return ProviderRegion(key, region, source, evidence)

    def _from_data_sources(self, key: str) -> ProviderRegion | None:
        if self._data is None:
            self._scan()
        assert self._data is not None
        decision = self._decide(key, self._data.get(key), "data source", "data sources")
        if decision is None:
            return None
        region, example = decision
        return ProviderRegion(key, region, "data-source", f"{example} in the plan")

    def _from_evidence(self, key: str) -> ProviderRegion | None:
        decision = self._decide(key, self._evidence.get(key), "resource", "values of the resources")
        if decision is None:
            return None
        region, example = decision
        count = self._evidence[key].counts[region]
        what = "1 resource" if count == 1 else f"{count} resources"
        return ProviderRegion(key, region, "plan-evidence", f"{what} in the plan ({example})")

    def _decide(
        self, key: str, tally: Tally | None, unit: str, what: str
    ) -> tuple[str, str] | None:
        """The region most votes name, noting a disagreement; None on no votes or a tie."""
        if tally is None:
            return None
        decision = tally.decide(unit)
        if decision.tied:
            self._notes.append(
                f"The {what} in the plan name different regions for provider {key} "
                f"with no majority: {decision.disagreement}; not used."
            )
            return None
        if decision.region is None:
            return None
        if decision.disagreement:
            self._notes.append(
                f"The {what} in the plan name different regions for provider {key}: "
                f"{decision.disagreement}; priced in {decision.region}, the most named."
            )
        return decision.region, decision.example

    def _from_configuration(self, key: str) -> ProviderRegion | None:
        directory = self._options.config_dir
        if not directory:
            return None
        if self._config is None:
            from finops_gate.plan.config_dir import provider_regions

            variables = {name: v.value for name, v in self._document.variables.items()}
            self._config = provider_regions(directory, variables, self._options.allow_outside_repo)
            self._notes.extend(self._config.notes)
            if self._config.error:
                self._notes.append(
                    f"Could not evaluate the provider blocks in {directory} to find a region: "
                    f"{self._config.error}."
                )
        for candidate in candidate_keys(key):
            region = self._config.regions.get(candidate)
            problem = self._config.problems.get(candidate)
            if region is None and problem is None:
                continue
            location = self._config.locations[candidate]
            if self._options.config_dir_is_plans:
                where = f"{location}, next to the plan"
            else:
                where = str(Path(directory) / location)
            if region is not None:
                return ProviderRegion(
                    key, region, "configuration", f"the provider block at {where}"
                )
            self._notes.append(
                f"The region of provider {key} (provider block at {where}) could not be "
                f"evaluated: {problem}."
            )
        return None

    # -- one pass over the plan ------------------------------------------------------------
    def _scan(self) -> None:
        """Tally data sources and region-naming values per provider configuration."""
        self._data = {}
        seen: set[str] = set()
        for change in self._document.resource_changes:
            if provider_type(change.provider_name) != "aws":
                continue
            seen.add(change.address)
            if change.mode == "data":
                self._add_data_source(change.address, change.type, change.change.after)
                continue
            found = regions_in(change.change.before)
            found.update(regions_in(change.change.after))
            self._add_evidence(change.address, found)
        for resource in _state_resources(self._document):
            if resource.address in seen or provider_type(resource.provider_name) != "aws":
                continue
            if resource.mode == "data":
                self._add_data_source(resource.address, resource.type, resource.values)
            else:
                self._add_evidence(resource.address, regions_in(resource.values))

    def _key(self, address: str) -> str:
        config_key = self._resolver.config_key(address, "aws")
        return self._resolver.record_key(config_key, "aws")[0]

    def _add_data_source(self, address: str, data_type: str, values: Any) -> None:
        if not isinstance(values, dict):
            return
        arguments = self._resolver.expressions(address)
        if "name" in arguments or "region" in arguments:
            return  # it looks up a region it was given, not the provider's
        region = data_source_region(data_type, values)
        if region is not None:
            assert self._data is not None
            self._data.setdefault(self._key(address), Tally()).add(region, address)

    def _add_evidence(self, address: str, found: Mapping[str, str]) -> None:
        if not found:
            return
        tally = self._evidence.setdefault(self._key(address), Tally())
        for region, example in found.items():
            tally.add(region, f"{address} {example}")


def _state_resources(document: PlanDocument) -> Iterator[StateResource]:
    from finops_gate.plan.plan_json import StateModule, decode_prior_state

    state = decode_prior_state(document.prior_state)
    root = state.values.root_module if state and state.values else None
    modules: list[StateModule] = [root] if root else []
    while modules:
        module = modules.pop()
        yield from module.resources or ()
        modules.extend(reversed(module.child_modules or ()))
