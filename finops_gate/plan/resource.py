"""The typed records the rest of finops-gate works on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from enum import Enum
from typing import Any

from finops_gate.plan.references import ModuleLinks
from finops_gate.records import record


class Action(str, Enum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    REPLACE = "replace"
    NO_OP = "no-op"
    READ = "read"
    FORGET = "forget"

    @classmethod
    def from_actions(cls, actions: tuple[str, ...]) -> Action:
        """Collapse Terraform's action list into one action.

        `["delete", "create"]` and `["create", "delete"]` (create_before_destroy) are both
        a replacement; `["create", "forget"]` (Terraform 1.7+) creates a new object while
        the old one is left running outside Terraform.
        """
        kinds = set(actions)
        if {"create", "delete"} <= kinds:
            return cls.REPLACE
        for candidate in ("create", "delete", "update", "forget", "read"):
            if candidate in kinds:
                return cls(candidate)
        return cls.NO_OP

    # The member tuples are built once (below the class): every stage asks these of every
    # resource, and looking the members up on each call cost more than the test.
    @property
    def has_before(self) -> bool:
        return self is not _CREATE

    @property
    def has_after(self) -> bool:
        return self not in _WITHOUT_AFTER

    @property
    def changes(self) -> bool:
        return self not in _UNCHANGED


_CREATE = Action.CREATE
_WITHOUT_AFTER = (Action.DELETE, Action.FORGET)
_UNCHANGED = (Action.NO_OP, Action.READ)

Tags = Mapping[str, "str | None"]
"""Tag key -> value; `None` means the value is unknown until apply."""


@record(slots=True)
class Resource:
    address: str
    module_address: str | None
    type: str
    name: str
    index: int | str | None
    provider: str
    actions: tuple[str, ...]
    action: Action
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    after_unknown: Mapping[str, Any]
    region: str
    region_source: str
    tags: Tags
    tags_known: bool
    previous_address: str | None = None
    config_expressions: Mapping[str, Any] = field(default_factory=dict)
    # Where the resource block is (HCL mode: relative to the gated directory); None for
    # records read from a plan, which does not say.
    source_file: str | None = None
    source_line: int | None = None
    # A record no plan has, made from an entry of the usage file at this path (Infracost's
    # `aws_data_transfer` entries); None for the plan's own resources.
    from_usage_file: str | None = None

    @property
    def current(self) -> Mapping[str, Any]:
        """Attributes as they will be after the change, or as they were for a delete."""
        if self.after is not None:
            return self.after
        return self.before or {}

    def is_unknown(self, attribute: str) -> bool:
        return self.after_unknown.get(attribute) is True


REGION_SOURCES = (
    "resource",  # the resource's own `region` argument
    "provider",  # the provider block's `region`: a constant, or a variable of the plan
    "default_provider",  # the default provider's (the resource's configuration is missing)
    "data-source",  # data.aws_region / data.aws_availability_zones read during the plan
    "plan-evidence",  # availability zones, ARNs, service names among known values
    "configuration",  # the provider block evaluated from the configuration directory
    "environment",  # AWS_REGION, then AWS_DEFAULT_REGION
    "option",  # --region
    "fallback",  # none of these: us-east-1, with a warning
)
"""Where a region came from, in the order they are tried (docs/regions.md)."""


@record(slots=True)
class ProviderRegion:
    """The region of one AWS provider configuration and where it came from."""

    config_key: str  # `aws`, `aws.eu`, `module.x:aws`, as the plan's provider_config keys
    region: str
    region_source: str  # one of REGION_SOURCES except "resource" and "default_provider"
    evidence: str = ""  # reads after "from": "data.aws_region.current in the plan"


@record(slots=True)
class Plan:
    format_version: str
    terraform_version: str | None
    resources: tuple[Resource, ...]
    errored: bool
    complete: bool
    notes: tuple[str, ...] = ()
    variables: Mapping[str, Any] = field(default_factory=dict)
    """Input variable values of the plan (`variables.<name>.value`)."""
    providers: tuple[ProviderRegion, ...] = ()
    """The AWS provider configurations the resources use, sorted by config_key."""
    module_links: ModuleLinks = field(default_factory=ModuleLinks)
    """Module outputs and inputs, to follow references through modules."""
    image_platforms: Mapping[str, str] = field(default_factory=dict)
    """AMI id -> billed platform (`platform_details`), for the AMIs the plan knows."""

    @property
    def incomplete(self) -> bool:
        return self.errored or not self.complete
