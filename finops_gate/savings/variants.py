"""Re-pricing a suggested variant once per run when copies of a resource get the same
suggestion (`count`/`for_each` instances, a module called many times).

A variant's price may be reused only when it provably depends on nothing but the
resource's own content: every field of the resource except where it sits (its
address, module, index, file and line) and its usage-file entries. The estimate is
run with a `WatchedContext`, which notes any read of the rest of the plan (what the
resource references, what references it, the usage file of other resources); an
estimate that made one is not reused. Estimators read a resource's position only to
follow such references or to word notes, and a reused price keeps no note.
"""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from dataclasses import field, fields
from operator import attrgetter
from typing import Any

from finops_gate.cost.view import PlanContext
from finops_gate.plan.resource import Resource
from finops_gate.records import record

# Where a resource sits, not what it is: left out of a variant's key.
POSITION = frozenset(
    {"address", "module_address", "index", "previous_address", "source_file", "source_line"}
)
# Context fields that are the same for every resource of a run whatever it references:
# the pricing date, and the AMI platforms (looked up by the AMI id the resource's own
# attributes hold).
_PLAN_WIDE = frozenset({"today", "image_platforms"})
_PLAN_DATA = frozenset(f.name for f in fields(PlanContext)) - _PLAN_WIDE
# Every other field, read in one call; `after` is the suggestion's, passed in.
_CONTENT = tuple(f.name for f in fields(Resource) if f.name not in POSITION and f.name != "after")
_read_content = attrgetter(*_CONTENT)
_ACTION = _CONTENT.index("action")


# Every field in order, for `with_after`.
_ALL_FIELDS = tuple(f.name for f in fields(Resource))
_read_all = attrgetter(*_ALL_FIELDS)
_AFTER = _ALL_FIELDS.index("after")


def with_after(resource: Resource, after: Mapping[str, Any]) -> Resource:
    """The resource with `after` in place of its own: `dataclasses.replace` without its
    work per field (a third of the time). Every field of `Resource` is a plain
    positional parameter, in order."""
    values = list(_read_all(resource))
    values[_AFTER] = after
    return Resource(*values)


class ContextWatch:
    """Whether an estimate read the rest of the plan since `touched` was last cleared."""

    __slots__ = ("touched",)

    def __init__(self) -> None:
        self.touched = False


@record(slots=True)
class WatchedContext(PlanContext):
    """A plan context that answers as the one it wraps (sharing its built indexes) and
    notes in `watch` when anything of the plan beyond the pricing date and AMI
    platforms is read."""

    watch: ContextWatch = field(default_factory=ContextWatch, compare=False, repr=False)

    @classmethod
    def around(cls, context: PlanContext) -> WatchedContext:
        return cls(**{f.name: getattr(context, f.name) for f in fields(PlanContext)})

    def __getattribute__(self, name: str) -> Any:
        if name in _PLAN_DATA:
            object.__getattribute__(self, "watch").touched = True
        return object.__getattribute__(self, name)


def variant_key(
    resource: Resource, after: Mapping[str, Any], usage: Mapping[str, Any]
) -> bytes | None:
    """The resource with `after` in place of its own, but for its position, and its
    usage, as bytes; None when a value is not one of Python's plain types.

    `marshal` format 2 writes every value with its exact type (`1`, `1.0` and `True`,
    a list and a tuple, differ) and without back-references, so equal bytes are equal
    content; it refuses any other type (a subclass, a custom mapping). A dict with its
    keys in another order only misses the memo."""
    values = list(_read_content(resource))
    # The action is an Enum, which marshal refuses: its value stands for it (a field of
    # any other type marshal does not know leaves the variant without a key).
    values[_ACTION] = resource.action.value
    values.append(after)
    values.append(usage)
    try:
        return marshal.dumps(values, 2)
    except ValueError:
        return None
