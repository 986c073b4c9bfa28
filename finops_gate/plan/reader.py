"""`terraform show -json` bytes -> Plan, with a clear one-line error for everything else."""

from __future__ import annotations

import codecs
import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import msgspec

from finops_gate.errors import PlanError
from finops_gate.input_files import PLAN_LIMIT, read_input_file, read_standard_input
from finops_gate.plan.images import image_platforms
from finops_gate.plan.plan_json import (
    PLAN_DECODER,
    PlanDocument,
    PlanShapeError,
    ResourceChange,
    decode_raw,
    name_the_keys,
    shape_error,
)
from finops_gate.plan.providers import FALLBACK_REGION, ProviderResolver, provider_type
from finops_gate.plan.references import ModuleLinks
from finops_gate.plan.region import PlanRegions, RegionOptions
from finops_gate.plan.resource import Action, Plan, ProviderRegion, Resource
from finops_gate.plan.tags import effective_tags

SUPPORTED_MAJOR_FORMAT = 1
_MAX_MAJOR_DIGITS = 6
_HOW_TO_GET_A_PLAN = (
    "create one with `terraform plan -out=tfplan && terraform show -json tfplan > plan.json`"
)
_TOO_DEEP = "JSON is nested too deeply to be a Terraform plan"
# UTF-8 is checked this many bytes at a time, so no text copy of a large plan is made.
_UTF8_CHUNK = 1 << 22


def load_plan(path: str, regions: RegionOptions | None = None) -> Plan:
    """Read a plan from a file path, or from standard input when path is `-`.

    `regions`: where to look for a region the plan does not record (the configuration
    directory, the environment, `--region`); None: nowhere, so us-east-1.
    """
    if path == "-":
        return parse_plan_bytes(read_standard_input(PLAN_LIMIT, PlanError), "<stdin>", regions)
    return parse_plan_bytes(read_input_file(path, PLAN_LIMIT, PlanError), path, regions)


def parse_plan_bytes(data: bytes, name: str, regions: RegionOptions | None = None) -> Plan:
    with _collector_paused():
        document = _decode_plan(data, name)
        del data  # a large plan's bytes are then held only by the caller
        try:
            return _build_plan(document, regions or RegionOptions())
        except PlanShapeError as error:  # prior_state is decoded only when it is needed
            raise PlanError(f"{name}: invalid plan at {error.location}: {error.problem}") from None
        except RecursionError:
            raise PlanError(f"{name}: {_TOO_DEEP}") from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Run without the cyclic garbage collector, then freeze what was built.

    Reading a plan makes millions of containers and no reference cycles, yet every
    allocation counts towards the collector's next pass and every full pass walks all the
    containers made so far: without the pause, much of a large plan's reading time is the
    collector's. Re-enabled, it would still walk the whole plan a few more times; the plan
    lives as long as the run, so it (with everything made before it) is moved to the
    permanent generation (`gc.freeze`), which later passes skip. Objects are still freed
    when their last reference goes; only a cycle made before the parse outlives it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


def _decode_plan(data: bytes, name: str) -> PlanDocument:
    """The typed plan, decoded in one pass that builds only what finops-gate reads.

    A document the typed decoder refuses (or one with a top-level `values`, which a
    shown state has) is read again as plain JSON, only to say precisely what it is."""
    _check_not_binary_or_empty(data, name)
    text = _decode(data, name)
    try:
        document: PlanDocument = PLAN_DECODER.decode(text)
    except (msgspec.MsgspecError, RecursionError):
        pass
    else:
        if not document.values:
            _check_format_version(document.format_version, name)
            return document
    return _diagnose(text, name)


def _diagnose(text: str | bytes, name: str) -> PlanDocument:
    """The plan, or the one-line PlanError saying why this is not one."""
    raw = _parse_json(text, name)
    if not isinstance(raw, dict):
        kind = type(raw).__name__.replace("dict", "object").replace("list", "array")
        raise PlanError(f"{name}: JSON {kind} is not a Terraform plan; {_HOW_TO_GET_A_PLAN}")
    _check_is_plan(raw, name)
    try:
        document: PlanDocument = PLAN_DECODER.decode(text)
    except msgspec.ValidationError as error:
        shape = shape_error(error)
        location = name_the_keys(shape.location, raw)
        raise PlanError(f"{name}: invalid plan at {location}: {shape.problem}") from None
    except msgspec.DecodeError as error:  # JSON that orjson reads and msgspec does not
        raise PlanError(f"{name}: not valid JSON: {error}") from None
    except RecursionError:
        raise PlanError(f"{name}: {_TOO_DEEP}") from None
    return document


def _check_not_binary_or_empty(data: bytes, name: str) -> None:
    if data.startswith(b"PK\x03\x04"):
        raise PlanError(
            f"{name}: this is a binary plan file; convert it with "
            "`terraform show -json tfplan > plan.json` and pass plan.json"
        )
    # isspace() stops at the first other byte; strip() would copy the whole plan when it
    # ends with a newline, as `terraform show -json > plan.json` writes it.
    if not data or data.isspace():
        raise PlanError(f"{name}: the file is empty; {_HOW_TO_GET_A_PLAN}")


def _decode(data: bytes, name: str) -> str | bytes:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # PowerShell's `>` writes UTF-16; the content is still a plan.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise PlanError(
                f"{name}: not valid UTF-16 text ({error.reason} at byte {error.start}); "
                "expected the output of `terraform show -json`"
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    offset = _invalid_utf8_offset(data)
    if offset is not None:
        raise PlanError(
            f"{name}: not UTF-8 text (invalid byte at offset {offset}); "
            "expected the output of `terraform show -json`"
        )
    return data


def _invalid_utf8_offset(data: bytes) -> int | None:
    """Where `data` stops being UTF-8, or None; checked in chunks, without a copy of the
    text (the typed decoder does not check the strings it skips)."""
    if data.isascii():
        return None
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    for start in range(0, len(data), _UTF8_CHUNK):
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(view[start : start + _UTF8_CHUNK])
        except UnicodeDecodeError as error:
            return start - pending + error.start
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        return len(data) - len(decoder.getstate()[0]) + error.start
    return None


def _parse_json(text: str | bytes, name: str) -> Any:
    import orjson  # only to explain a document the typed decoder refused

    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        if "depth" in error.msg or "recursion" in error.msg:
            raise PlanError(f"{name}: {_TOO_DEEP}") from None
        if error.pos >= len(text.rstrip()):
            raise PlanError(
                f"{name}: JSON ends unexpectedly at character {error.pos}: the file looks truncated"
            ) from None
        raise PlanError(
            f"{name}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise PlanError(f"{name}: {_TOO_DEEP}") from None


def _check_is_plan(raw: dict[str, Any], name: str) -> None:
    if "lineage" in raw and "resources" in raw and "format_version" not in raw:
        raise PlanError(
            f"{name}: this is a Terraform state file (terraform.tfstate), not a plan; "
            f"{_HOW_TO_GET_A_PLAN}"
        )
    if "format_version" not in raw:
        if "provider_schemas" in raw:
            what = "the output of `terraform providers schema -json`"
        else:
            what = "JSON without a `format_version` key"
        raise PlanError(f"{name}: {what}, not a Terraform plan; {_HOW_TO_GET_A_PLAN}")
    is_state = "values" in raw and not any(
        key in raw for key in ("planned_values", "resource_changes", "configuration")
    )
    if is_state:
        raise PlanError(
            f"{name}: this is `terraform show -json` of a state (it has `values` and no "
            f"`planned_values`), not a plan; {_HOW_TO_GET_A_PLAN}"
        )
    version = raw["format_version"]
    if not isinstance(version, str):
        raise PlanError(f'{name}: format_version must be a string like "1.2"')
    _check_format_version(version, name)


def _check_format_version(version: str, name: str) -> None:
    major = version.split(".", 1)[0]
    shown = version if len(version) <= 40 else f"{version[:40]}... ({len(version)} characters)"
    # isdigit() alone accepts "¹" and 5,000 digits, which int() refuses.
    if not (major.isascii() and major.isdigit() and len(major) <= _MAX_MAJOR_DIGITS):
        raise PlanError(f"{name}: unrecognised format_version {shown!r}")
    if int(major) > SUPPORTED_MAJOR_FORMAT:
        raise PlanError(
            f"{name}: plan format_version {shown} is newer than this finops-gate "
            f"understands ({SUPPORTED_MAJOR_FORMAT}.x); upgrade finops-gate"
        )


def _build_plan(document: PlanDocument, options: RegionOptions) -> Plan:
    resolver = ProviderResolver(document.configuration, document.variables)
    regions = PlanRegions(document, resolver, options)
    answers = _ProviderAnswers(resolver, regions)
    markers = _UnknownMarkers()
    resources = [
        _build_resource(change, position, resolver, answers, markers)
        for position, change in enumerate(document.resource_changes)
        if change.mode == "managed"
    ]
    link_notes: list[str] = []
    if options.config_dir:
        resources, link_notes = _with_configuration_links(resources, options, document)
    notes = list(dict.fromkeys([*regions.notes(), *link_notes]))
    return Plan(
        format_version=document.format_version,
        terraform_version=document.terraform_version,
        resources=tuple(resources),
        errored=document.errored,
        complete=document.complete,
        notes=tuple(notes),
        variables={name: var.value for name, var in document.variables.items()},
        providers=regions.records(),
        module_links=ModuleLinks.of(document.configuration),
        image_platforms=image_platforms(document),
    )


def _with_configuration_links(
    resources: list[Resource], options: RegionOptions, document: PlanDocument
) -> tuple[list[Resource], list[str]]:
    """Links a plan cannot record (through locals, `each.value`, `dynamic` blocks), read
    from the configuration directory; only when the plan holds a resource priced through
    a link, since it evaluates the whole configuration."""
    from dataclasses import replace

    from finops_gate.plan.config_dir import (
        LINKING_TYPES,
        linked_expressions,
        with_absolute_references,
    )

    wanted = {r.address for r in resources if r.type in LINKING_TYPES and r.after is not None}
    if not wanted or not options.config_dir:
        return resources, []
    variables = {name: var.value for name, var in document.variables.items()}
    evaluated, notes = linked_expressions(
        options.config_dir, variables, wanted, options.allow_outside_repo
    )
    linked = [
        replace(
            r,
            config_expressions=with_absolute_references(
                dict(r.config_expressions), evaluated[r.address]
            ),
        )
        if r.address in evaluated
        else r
        for r in resources
    ]
    return linked, notes


def _as_mapping(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, dict) else None


def _unknown_markers(markers: Any) -> Any:
    """`after_unknown` without the parts that mark nothing unknown (None if nothing is).

    Terraform mirrors every nested block of `after` there with `false` leaves, which
    makes it nearly as large as `after` itself; only `true` says anything. A list keeps
    its length, so a position still names the same block of `after`."""
    if markers is True:
        return True
    if isinstance(markers, dict):
        found = {}
        for key, value in markers.items():
            if value is True:
                found[key] = True
            elif value and isinstance(value, (dict, list)):
                inner = _unknown_markers(value)
                if inner is not None:
                    found[key] = inner
        return found or None
    if isinstance(markers, list):
        # `false`, `{}` and `[]` mark nothing: no call for them (most items are `false`).
        kept = [_unknown_markers(item) if item else None for item in markers]
        if kept.count(None) == len(kept):
            return None
        return [
            _empty_like(original) if item is None else item
            for item, original in zip(kept, markers, strict=True)
        ]
    return None


def _empty_like(value: Any) -> Any:
    return type(value)() if isinstance(value, (dict, list)) else value


class _UnknownMarkers:
    """Each change's `after_unknown` cut to its markers, decoded and cut once per distinct
    text in one plan. The instances of a `count` or `for_each` resource, and resources
    written alike, often have the same text; they share one mapping, which nothing
    changes after reading. The same text always gives the same markers, and the first
    change holding a bad number is still the one named."""

    def __init__(self) -> None:
        self._cut: dict[bytes, Mapping[str, Any]] = {}

    def of(self, raw: msgspec.Raw, position: int) -> Mapping[str, Any]:
        text = bytes(raw)
        found = self._cut.get(text)
        if found is None:
            markers = decode_raw(raw, f"resource_changes[{position}].change.after_unknown")
            found = self._cut[text] = _as_mapping(_unknown_markers(markers)) or {}
        return found


class _ProviderAnswers:
    """What a resource's provider configuration gives it, worked out once per provider
    name and configuration key for one plan: a plan has a handful of them, and
    thousands of resources."""

    def __init__(self, resolver: ProviderResolver, regions: PlanRegions) -> None:
        self._resolver = resolver
        self._regions = regions
        self._types: dict[str, str] = {}
        self._regions_of: dict[tuple[str, str], tuple[str, str, ProviderRegion | None]] = {}
        self._default_tags: dict[tuple[str, str], Mapping[str, str]] = {}

    def provider(self, provider_name: str) -> str:
        found = self._types.get(provider_name)
        if found is None:
            found = self._types[provider_name] = provider_type(provider_name)
        return found

    def region(
        self, values: Mapping[str, Any] | None, provider: str, config_key: str
    ) -> tuple[str, str]:
        """(region, region_source) of a resource: its own `region` argument (in `values`,
        its attributes after the change, else before), else its provider
        configuration's (for AWS, resolved through every step of PlanRegions)."""
        own_region = values.get("region") if values else None
        if isinstance(own_region, str) and own_region:
            return own_region, "resource"
        key = (config_key, provider)
        answer = self._regions_of.get(key)
        if answer is None:
            # Resolved only for a resource without its own region: the plan's provider
            # records list the configurations such resources use.
            answer = self._regions_of[key] = self._configured_region(config_key, provider)
        region, source, fallback = answer
        if fallback is not None:
            self._regions.priced_in_fallback(fallback)
        return region, source

    def _configured_region(
        self, config_key: str, provider: str
    ) -> tuple[str, str, ProviderRegion | None]:
        if provider == "aws":
            record, source = self._regions.resolve(config_key, provider)
            return record.region, source, record if source == "fallback" else None
        settings, source = self._resolver.settings(config_key, provider)
        if settings is None or settings.region is None:
            return FALLBACK_REGION, "fallback", None
        return settings.region, source, None

    def default_tags(self, config_key: str, provider: str) -> Mapping[str, str]:
        key = (config_key, provider)
        found = self._default_tags.get(key)
        if found is None:
            settings, _ = self._resolver.settings(config_key, provider)
            found = self._default_tags[key] = settings.default_tags if settings else {}
        return found


# The action lists terraform writes, collapsed once (Action.from_actions for any other).
_ACTIONS = {
    tuple(actions): Action.from_actions(tuple(actions))
    for actions in (
        ["create"],
        ["update"],
        ["delete"],
        ["no-op"],
        ["read"],
        ["forget"],
        ["delete", "create"],
        ["create", "delete"],
        ["create", "forget"],
    )
}


def _build_resource(
    change: ResourceChange,
    position: int,
    resolver: ProviderResolver,
    answers: _ProviderAnswers,
    markers: _UnknownMarkers,
) -> Resource:
    actions = tuple(change.change.actions)
    action = _ACTIONS.get(actions) or Action.from_actions(actions)
    before = _as_mapping(change.change.before)
    after = _as_mapping(change.change.after)
    unknown = markers.of(change.change.after_unknown, position)
    provider = answers.provider(change.provider_name)
    config_key, expressions = resolver.of_resource(change.address, provider)
    region, region_source = answers.region(after or before, provider, config_key)
    default_tags = answers.default_tags(config_key, provider)
    if after is not None:
        tags, tags_known = effective_tags(after, unknown, default_tags)
    else:
        tags, tags_known = effective_tags(before, {}, default_tags)
    address = change.address if change.deposed is None else f"{change.address} (deposed)"
    index = change.index if isinstance(change.index, (int, str)) else None
    return Resource(
        address=address,
        module_address=change.module_address,
        type=change.type,
        name=change.name,
        index=index,
        provider=provider,
        actions=actions,
        action=action,
        before=before,
        after=after,
        after_unknown=unknown,
        region=region,
        region_source=region_source,
        tags=tags,
        tags_known=tags_known,
        previous_address=change.previous_address,
        config_expressions=expressions,
    )
