"""Telling an argument left to its default from one set to a value known only after apply.

Both look alike in a plan: the provider marks an omitted Optional+Computed argument
unknown, just as it does one set from another resource's attribute. The configuration
tells them apart: an argument set to a value computed at apply time references something.
"""

from __future__ import annotations

from typing import Any

from finops_gate.cost.view import AttributeView


def set_from_reference(view: AttributeView, name: str, known_at_plan: tuple[str, ...] = ()) -> bool:
    """Whether the configuration sets `name` from a reference (a resource attribute, a
    module output...), so an unknown value is a real unknown, not a default to assume.

    `known_at_plan` names reference prefixes the caller knows to be plan-time values for
    this attribute (a node count read from `var.`/`local.` is a number someone wrote, not
    an id computed at apply): an expression reading only those is known when terraform
    plans, so if the plan still shows the attribute unknown, the expression gave null and
    the provider computes the value, as when it is not set. By default every reference
    counts (in a module, `var.x` may carry the caller's apply-time id)."""
    expressions: Any = (
        view.expressions if view.expressions is not None else view.resource.config_expressions
    )
    expression = expressions.get(name) if isinstance(expressions, dict) else None
    if not isinstance(expression, dict):
        return False
    references = expression.get("references")
    if not isinstance(references, list) or not references:
        return False
    if not known_at_plan:
        return True
    return not all(isinstance(ref, str) and ref.startswith(known_at_plan) for ref in references)


def joined(*notes: str | None) -> str | None:
    """Notes joined with "; ", None when there are none."""
    present = [note for note in notes if note]
    return "; ".join(present) or None
