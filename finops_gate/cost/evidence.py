"""Evidence that links two resources when no configuration expression does.

A plan's configuration has no locals and no `dynamic` blocks, and resources outside the
configuration have no expressions at all, so an auto scaling group may name its launch
template only through `local.launch_template_id`. The evidence, strongest first:

1. a known id, ARN or name of a candidate equals the value the attribute is set to (an
   update plan knows the id of a template that already exists);
2. the resource is in a module instance whose caller passes it exactly one candidate
   (`launch_template_id = aws_launch_template.x.id` on the module call; the innermost
   module instance that is passed any decides);
3. a candidate is named like the resource (`name`/`name_prefix`, the `-` or `_` that ends
   a prefix ignored): one in the same module instance, else the only one in the plan;
4. the only candidate of the type in a module instance the references lead into, else in
   the resource's own module instance.

Every link found so is marked inferred, with the reason, for the component's note.
Candidates are indexed once per type, so each lookup is a few dictionary reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from finops_gate.plan.resource import Resource
from finops_gate.records import record

IDENTIFYING = ("id", "arn", "name", "allocation_id", "family", "arn_without_revision")
"""Attributes whose value identifies a resource when another one refers to it."""
_TARGET_NAMES = ("name", "name_prefix", "family")
_INDEXED = (*IDENTIFYING, "name_prefix")  # IDENTIFYING and _TARGET_NAMES, each once
_SOURCE_NAMES = ("name", "name_prefix", "node_group_name", "family")


@record(slots=True)
class Link:
    """A resource another one is priced through; `inferred` says why, when no expression
    names it and it was found from evidence instead."""

    target: Resource
    inferred: str | None = None


_KINDS = {
    "aws_ecs_task_definition": "task definition",
    "aws_nat_gateway": "NAT gateway",
    "aws_eip": "Elastic IP",
    "aws_instance": "instance",
}


def kind(resource_type: str) -> str:
    """What a note calls a resource type: `aws_launch_template` -> "launch template"."""
    return _KINDS.get(resource_type) or resource_type.split("_", 1)[-1].replace("_", " ")


def value_note(user: Resource, attribute: str, target: Resource, key: str) -> str:
    return (
        f"{kind(user.type)} {user.address} inferred: its {attribute} is the {key} of "
        f"{target.address}"
    )


def _known_strings(resource: Resource, names: Iterable[str]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for side in (resource.after, resource.before):
        if not side:
            continue
        for name in names:
            value = side.get(name)
            if isinstance(value, str) and value and (name, value) not in found:
                found.append((name, value))
    return found


def _stem(name: str) -> str:
    return name.rstrip("-_.")


@record(slots=True)
class Candidates:
    """The resources of one type, indexed by identifying value, by name and by module."""

    by_value: Mapping[str, tuple[tuple[Resource, str], ...]]
    by_name: Mapping[str, tuple[Resource, ...]]
    by_module: Mapping[str | None, tuple[Resource, ...]]
    by_name_in_module: Mapping[tuple[str, str | None], tuple[Resource, ...]]

    @classmethod
    def of(cls, resources: Sequence[Resource]) -> Candidates:
        by_value: dict[str, list[tuple[Resource, str]]] = {}
        by_name: dict[str, list[Resource]] = {}
        by_module: dict[str | None, list[Resource]] = {}
        by_name_in_module: dict[tuple[str, str | None], list[Resource]] = {}
        for resource in resources:
            by_module.setdefault(resource.module_address, []).append(resource)
            # One read of the resource's attributes for both indexes (a resource is
            # indexed once per stem, in any order).
            stems: dict[str, None] = {}
            for attribute, value in _known_strings(resource, _INDEXED):
                if attribute in _TARGET_NAMES:
                    stems[_stem(value)] = None
                if attribute in IDENTIFYING:
                    by_value.setdefault(value, []).append((resource, attribute))
            for stem in stems:
                if stem:
                    by_name.setdefault(stem, []).append(resource)
                    key = (stem, resource.module_address)
                    by_name_in_module.setdefault(key, []).append(resource)
        return cls(
            {value: tuple(found) for value, found in by_value.items()},
            {name: tuple(found) for name, found in by_name.items()},
            {module: tuple(found) for module, found in by_module.items()},
            {key: tuple(found) for key, found in by_name_in_module.items()},
        )

    def matching(self, source: Resource, values: Sequence[str]) -> Link | None:
        """The one candidate whose known id, ARN or name is one of `values`."""
        for value in values:
            match = _the_only_other(self.by_value.get(value, ()), source)
            if match is not None:
                target, attribute = match
                note = f'its {attribute} is "{value}", the value given'
                return Link(target, _inferred(target, note))
        return None

    def weaker(self, source: Resource, scopes: Sequence[str | None]) -> Link | None:
        """The candidate named like `source`, else the only one in the first of `scopes`
        (module instances) that has any."""
        return self._by_name(source) or self._only(scopes)

    def _by_name(self, source: Resource) -> Link | None:
        """The one candidate named like `source` in its module instance, else in the plan.

        A module used many times makes many candidates of the same name: lookups stop at
        the second one found, so each stays a few dictionary reads."""
        stems = [_stem(value) for _, value in _known_strings(source, _SOURCE_NAMES)]
        module = source.module_address
        in_module = (self.by_name_in_module.get((stem, module), ()) for stem in stems)
        target = _the_only_one(in_module, source)
        if target is None:
            target = _the_only_one((self.by_name.get(stem, ()) for stem in stems), source)
        if target is None:
            return None
        return Link(target, _inferred(target, f"named like {source.address}"))

    def _only(self, scopes: Sequence[str | None]) -> Link | None:
        for scope in dict.fromkeys(scopes):
            candidates = self.by_module.get(scope, ())
            if len(candidates) > 1:
                return None  # ambiguous here; a scope further away is weaker evidence
            if candidates:
                target = candidates[0]
                where = scope or "the root module"
                return Link(target, _inferred(target, f"the only {kind(target.type)} in {where}"))
        return None


def _the_only_other(
    entries: Iterable[tuple[Resource, str]], source: Resource
) -> tuple[Resource, str] | None:
    """The entry of the one resource other than `source` among `entries` (its last, when it
    has several), or None when there is none or more than one."""
    found: tuple[Resource, str] | None = None
    for resource, attribute in entries:
        if resource is source:
            continue
        if found is not None and found[0].address != resource.address:
            return None
        found = (resource, attribute)
    return found


def _the_only_one(groups: Iterable[Iterable[Resource]], source: Resource) -> Resource | None:
    """The one resource other than `source` in all of `groups`, or None when there is none
    or more than one."""
    found: Resource | None = None
    for group in groups:
        for candidate in group:
            if candidate is source:
                continue
            if found is None:
                found = candidate
            elif found.address != candidate.address:
                return None
    return found


def passed_note(target: Resource, module: str, variable: str) -> str:
    return _inferred(target, f"passed to {module} as var.{variable}")


def _inferred(target: Resource, reason: str) -> str:
    return f"{kind(target.type)} {target.address} inferred: {reason}"
