"""Every resource of a plan by address, type and module, so estimators can follow
references from one resource to another: through the configuration's expressions
(module outputs and inputs included), else inferred from evidence
(finops_gate/cost/evidence.py); and the date the plan is priced on."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import field
from datetime import date
from typing import TYPE_CHECKING, Any

from finops_gate.cost import evidence
from finops_gate.cost.config_references import NamedReferences, references_by_attribute
from finops_gate.cost.evidence import Link
from finops_gate.plan.references import (
    ABSOLUTE,
    ModuleLinks,
    module_index,
    module_path,
    parent_module,
    split_reference,
)
from finops_gate.plan.resource import Plan, Resource
from finops_gate.records import record

if TYPE_CHECKING:
    from finops_gate.cost.usage import UsageFile

_INDEX = re.compile(r"\[[^\]]*\]$")
_NOT_RESOURCES = frozenset({"local", "data", "each", "count", "self", "path", "terraform"})
MAX_DEPTH = 32  # modules nested deeper than this are not followed (cycles, too)


@record(slots=True)
class PlanContext:
    """Every resource of the plan by address, so estimators can follow references, and
    the date the plan is priced on (prices that follow a calendar compare with it)."""

    by_address: Mapping[str, Resource] = field(default_factory=dict)
    by_type: Mapping[str, tuple[Resource, ...]] = field(default_factory=dict)
    by_base: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    module_links: ModuleLinks = field(default_factory=ModuleLinks)
    modules: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Module instance addresses by their address without the last index."""
    today: date | None = None  # None: the clock (finops_gate.policy.clock)
    usage: UsageFile | None = None  # read for resources priced through another's estimate
    image_platforms: Mapping[str, str] = field(default_factory=dict)
    """AMI id -> billed platform (`Plan.image_platforms`)."""
    _indexes: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(
        cls, plan: Plan, today: date | None = None, usage: UsageFile | None = None
    ) -> PlanContext:
        by_type: dict[str, list[Resource]] = {}
        by_base: dict[str, list[str]] = {}
        module_addresses: set[str] = set()
        for resource in plan.resources:
            by_type.setdefault(resource.type, []).append(resource)
            if resource.address.endswith("]"):
                by_base.setdefault(bare_address(resource.address), []).append(resource.address)
            if resource.module_address:
                module_addresses.add(resource.module_address)
        return cls(
            {resource.address: resource for resource in plan.resources},
            {
                kind: tuple(sorted(found, key=lambda r: r.address))
                for kind, found in by_type.items()
            },
            {base: tuple(sorted(addresses)) for base, addresses in by_base.items()},
            plan.module_links,
            _module_instances(module_addresses),
            today,
            usage,
            plan.image_platforms,
        )

    def usage_of(self, resource: Resource) -> Mapping[str, Any]:
        """The usage file's entries for `resource` (e.g. the `capacity` of an auto scaling
        target, read by the estimator of the resource it scales)."""
        return self.usage.for_resource(resource.address, resource.type) if self.usage else {}

    def resolve(
        self,
        source: Resource,
        references: Sequence[str],
        trail: list[str] | None = None,
        target_type: str | None = None,
    ) -> Resource | None:
        """The first resource named by a `references` list of a configuration expression.

        References are relative to the module of `source`; `aws_x.y.id`, `aws_x.y[0]` and
        `aws_x.y` (with count/for_each: the instance with the same index, else the first)
        all resolve, and so do `module.m.out` (through the module's output), `var.v`
        inside a module (through what its caller passes) and absolute references (HCL
        mode). Module instances entered on the way are appended to `trail`; with
        `target_type`, resources of other types are passed over.
        """
        return self._follow(source.module_address, source.index, references, 0, trail, target_type)

    def _follow(
        self,
        module: str | None,
        index: int | str | None,
        references: Sequence[str],
        depth: int,
        trail: list[str] | None,
        target_type: str | None = None,
    ) -> Resource | None:
        if depth > MAX_DEPTH:
            return None
        for reference in references:
            if reference.startswith(ABSOLUTE):
                address = reference[len(ABSOLUTE) :]
                found = self.by_address.get(address) or self._instance(address, None)
            else:
                steps = split_reference(reference)
                found = self._relative(module, index, steps, depth, trail, target_type)
            if found is not None and (target_type is None or found.type == target_type):
                return found
        return None

    def _relative(
        self,
        module: str | None,
        index: int | str | None,
        steps: Sequence[str],
        depth: int,
        trail: list[str] | None,
        target_type: str | None,
    ) -> Resource | None:
        if len(steps) < 2 or steps[0] in _NOT_RESOURCES:
            return None
        if steps[0] == "module":
            return self._through_output(module, steps, depth, trail, target_type)
        if steps[0] == "var":
            if not module:
                return None  # a root variable: its value comes from outside the plan
            passed = self.module_links.input(module_path(module), steps[1])
            parent, _ = parent_module(module)
            if not passed:
                return None
            return self._follow(parent, module_index(module), passed, depth + 1, trail, target_type)
        prefix = f"{module}." if module else ""
        base = f"{prefix}{steps[0]}.{steps[1]}"
        if len(steps) > 2 and steps[2].startswith("["):
            base += steps[2]
        return self._instance(base, index)

    def _through_output(
        self,
        module: str | None,
        steps: Sequence[str],
        depth: int,
        trail: list[str] | None,
        target_type: str | None,
    ) -> Resource | None:
        """`module.name[key].output...`: the resource the child module's output names."""
        position = 2
        key = ""
        if len(steps) > position and steps[position].startswith("["):
            key = steps[position]
            position += 1
        if len(steps) <= position:
            return None  # the whole module object
        child = f"{module}.module.{steps[1]}" if module else f"module.{steps[1]}"
        instances = self.modules.get(child, ())
        if key:
            child += key
        elif child not in instances and instances:
            child = instances[0]
        if trail is not None:
            trail.append(child)
        output = self.module_links.output(module_path(child), steps[position])
        if not output:
            return None
        return self._follow(child, None, output, depth + 1, trail, target_type)

    def _instance(self, base: str, index: int | str | None) -> Resource | None:
        if base in self.by_address:
            return self.by_address[base]
        bare = bare_address(base)
        if index is not None:
            same = f"{bare}[{index}]" if isinstance(index, int) else f'{bare}["{index}"]'
            if same in self.by_address:
                return self.by_address[same]
        candidates = self.by_base.get(bare, ())
        return self.by_address[candidates[0]] if candidates else None

    def references_changed(self, resource: Resource) -> bool:
        """Whether a resource this one's configuration references, or whose known id or
        ARN one of its attributes holds (a link through a local), is being changed."""
        if any(
            (found := self.resolve(resource, references)) is not None and found.action.changes
            for _, references in self.references_of(resource)
        ):
            return True
        changed = self._changed_identifiers()
        return bool(changed) and any(
            changed.get(value, resource) is not resource for value in _strings(resource.before)
        )

    def references_of(self, resource: Resource) -> NamedReferences:
        """(attribute name, its non-empty `references`) for every attribute of the
        resource's configuration, at any depth, in the configuration's order. Walked
        once per resource and run: the estimate (`references_changed`) and the savings
        checks (what references an address) ask the same question."""
        walked: dict[str, NamedReferences] | None = self._indexes.get("references")
        if walked is None:
            walked = self._indexes["references"] = {}
        found = walked.get(resource.address)
        if found is None:
            found = walked[resource.address] = references_by_attribute(resource.config_expressions)
        return found

    def _changed_identifiers(self) -> dict[str, Resource]:
        """Known ids and ARNs of the resources the plan changes, built once."""
        key = "changed identifiers"
        if key not in self._indexes:
            found: dict[str, Resource] = {}
            for resource in self.by_address.values():
                if not resource.action.changes:
                    continue
                for side in (resource.before, resource.after):
                    if not side:  # a create's before, a delete's after
                        continue
                    for attribute in ("id", "arn"):
                        value = side.get(attribute)
                        if value and isinstance(value, str):
                            found.setdefault(value, resource)
            self._indexes[key] = found
        result: dict[str, Resource] = self._indexes[key]
        return result

    def referencing(self, target: Resource, resource_type: str, attribute: str) -> Resource | None:
        """The first resource of `resource_type` whose `attribute` references `target`."""
        link = self.referencing_link(target, resource_type, attribute)
        return link.target if link is not None and link.inferred is None else None

    def referencing_link(self, target: Resource, resource_type: str, attribute: str) -> Link | None:
        """As `referencing`, else the first whose known `attribute` value is a known id,
        ARN or name of `target` (inferred)."""
        by_reference, by_value = self._referrers(resource_type, attribute)
        found = by_reference.get(target.address)
        if found is not None:
            return Link(found)
        for key in evidence.IDENTIFYING:
            for side in (target.after, target.before):
                value = side.get(key) if side else None
                if isinstance(value, str) and value in by_value:
                    user = by_value[value]
                    return Link(user, evidence.value_note(user, attribute, target, key))
        return None

    def referencing_all(
        self, target: Resource, resource_type: str, attribute: str
    ) -> tuple[Resource, ...]:
        """Every resource of `resource_type` whose `attribute` references `target`, in plan
        order (e.g. the read and the write auto scaling targets of one table)."""
        key = ("all-referrers", resource_type, attribute)
        if key not in self._indexes:
            index: dict[str, list[Resource]] = {}
            for resource in self.by_type.get(resource_type, ()):
                expression = resource.config_expressions.get(attribute)
                references = expression.get("references") if isinstance(expression, dict) else None
                if not isinstance(references, list):
                    continue
                found = self.resolve(resource, [r for r in references if isinstance(r, str)])
                if found is not None:
                    index.setdefault(found.address, []).append(resource)
            self._indexes[key] = index
        referrers: dict[str, list[Resource]] = self._indexes[key]
        return tuple(referrers.get(target.address, ()))

    def unlinked_by_value(
        self, resource_type: str, attribute: str
    ) -> Mapping[str, tuple[Resource, ...]]:
        """Resources of `resource_type` whose `attribute` expression names no resource of
        the plan, by the attribute's known value (`resource_id = "table/orders"` written
        as a literal), in address order. Built once per (type, attribute)."""
        key = ("unlinked-by-value", resource_type, attribute)
        if key not in self._indexes:
            index: dict[str, list[Resource]] = {}
            for resource in self.by_type.get(resource_type, ()):
                expression = resource.config_expressions.get(attribute)
                references = expression.get("references") if isinstance(expression, dict) else None
                if isinstance(references, list) and self.resolve(
                    resource, [r for r in references if isinstance(r, str)]
                ):
                    continue
                value = resource.current.get(attribute)
                if isinstance(value, str) and value:
                    index.setdefault(value, []).append(resource)
            self._indexes[key] = {value: tuple(found) for value, found in index.items()}
        result: Mapping[str, tuple[Resource, ...]] = self._indexes[key]
        return result

    def _referrers(
        self, resource_type: str, attribute: str
    ) -> tuple[dict[str, Resource], dict[str, Resource]]:
        """Built once per (type, attribute): referenced address -> first referrer, and
        known attribute value -> first referrer whose expression names nothing here."""
        key = ("referrers", resource_type, attribute)
        if key not in self._indexes:
            by_reference: dict[str, Resource] = {}
            by_value: dict[str, Resource] = {}
            for resource in self.by_type.get(resource_type, ()):
                expression = resource.config_expressions.get(attribute)
                references = expression.get("references") if isinstance(expression, dict) else None
                found = None
                if isinstance(references, list):
                    found = self.resolve(resource, [r for r in references if isinstance(r, str)])
                if found is not None:
                    by_reference.setdefault(found.address, resource)
                    continue
                value = resource.current.get(attribute)
                if isinstance(value, str) and value:
                    by_value.setdefault(value, resource)
            self._indexes[key] = (by_reference, by_value)
        result: tuple[dict[str, Resource], dict[str, Resource]] = self._indexes[key]
        return result

    def infer(
        self,
        source: Resource,
        target_type: str,
        values: Sequence[str],
        scopes: Sequence[str | None],
        weak_evidence: bool,
    ) -> Link | None:
        """A resource of `target_type` that no expression links to `source`, from the
        evidence listed in `finops_gate/cost/evidence.py`: a known id/ARN/name among
        `values`; with `weak_evidence` also the one passed to its module instance, one
        named like `source`, the only one in the first of `scopes` (module instances)."""
        index = self._evidence(target_type)
        link = index.matching(source, values)
        if link is not None or not weak_evidence:
            return link
        return self._passed_in(source.module_address, target_type) or index.weaker(source, scopes)

    def _passed_in(self, module: str | None, target_type: str) -> Link | None:
        """The one `target_type` resource the inputs of the innermost module instance
        around `module` that is passed any lead to."""
        while module:
            key = ("passed", module, target_type)
            if key not in self._indexes:
                parent, _ = parent_module(module)
                found: dict[str, tuple[Resource, str]] = {}
                inputs = self.module_links.inputs.get(module_path(module), {})
                for name, references in sorted(inputs.items()):
                    target = self._follow(
                        parent, module_index(module), references, 0, None, target_type
                    )
                    if target is not None and target.type == target_type:
                        found.setdefault(target.address, (target, name))
                self._indexes[key] = found
            passed: dict[str, tuple[Resource, str]] = self._indexes[key]
            if len(passed) == 1:
                target, name = next(iter(passed.values()))
                return Link(target, evidence.passed_note(target, module, name))
            if passed:
                return None
            module = parent_module(module)[0]
        return None

    def _evidence(self, target_type: str) -> evidence.Candidates:
        key = ("evidence", target_type)
        if key not in self._indexes:
            self._indexes[key] = evidence.Candidates.of(self.by_type.get(target_type, ()))
        result: evidence.Candidates = self._indexes[key]
        return result


def _module_instances(addresses: set[str]) -> dict[str, tuple[str, ...]]:
    """Every module instance (and its ancestors) by its address without the last index."""
    seen: set[str] = set()
    for address in addresses:
        current: str | None = address
        while current and current not in seen:
            seen.add(current)
            current = parent_module(current)[0]
    grouped: dict[str, list[str]] = {}
    for address in seen:
        grouped.setdefault(bare_address(address), []).append(address)
    return {base: tuple(sorted(found)) for base, found in grouped.items()}


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a value (nested blocks and maps included)."""
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, str):
            yield current
        elif isinstance(current, Mapping):
            pending.extend(current.values())
        elif isinstance(current, list):
            pending.extend(current)


def external_reference(reference: str, module: str | None) -> bool:
    """A reference to a value from outside the plan: a data source, a root variable."""
    return reference.startswith("data.") or (module is None and reference.startswith("var."))


def bare_address(address: str) -> str:
    """The address without its final count/for_each index."""
    return _INDEX.sub("", address) if address.endswith("]") else address


EMPTY_CONTEXT = PlanContext()
