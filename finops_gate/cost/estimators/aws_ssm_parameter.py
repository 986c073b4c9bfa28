"""Systems Manager Parameter Store parameter (advanced tier; the standard tier is free).

A parameter of `tier = "Advanced"` is billed per parameter-month (prorated hourly) and its
API interactions per 10,000. `tier = "Intelligent-Tiering"` is priced as advanced: AWS
moves a parameter to the advanced tier when it needs it, which the plan cannot tell, so
the estimate errs on the dearer side. A standard parameter costs nothing, and so does one
without `tier` (the account's default tier, Standard unless changed).

- Parameter storage (advanced) (usage: `parameter_storage_hrs`, default 730 hours):
  parameter-month, `ssm:parameter:advanced`
- API interactions (usage: `monthly_api_interactions`; `api_throughput_limit` names the
  line): 10k interactions, `ssm:parameter:api`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ssm_parameter",)
USAGE_KEYS = ("parameter_storage_hrs", "monthly_api_interactions")
USAGE_TEXT_KEYS = {"api_throughput_limit": ("standard", "advanced", "higher")}
STANDARD = "standard"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    # Without `tier` the plan shows it unknown until apply: AWS then uses the account's
    # default tier, Standard unless changed in the account's service settings.
    tier = "standard" if view.is_unknown("tier") else (view.string("tier") or STANDARD).lower()
    if tier == STANDARD:
        return []
    hours = view.usage_number("parameter_storage_hrs")
    notes = [] if tier == "advanced" else [f"tier {tier}: priced as advanced"]
    if hours is not None:
        notes.append(f"from the usage file: parameter_storage_hrs = {number_text(hours)}")
    throughput = (view.usage_string("api_throughput_limit") or "advanced").lower()
    return [
        ComponentSpec(
            "Parameter storage (advanced)",
            "parameter-month",
            keys.SSM_PARAMETER_ADVANCED,
            (HOURS_PER_MONTH if hours is None else hours) / HOURS_PER_MONTH,
            note="; ".join(notes) or None,
        ),
        usage_spec(
            view,
            f"API interactions ({throughput})",
            "10k interactions",
            keys.SSM_PARAMETER_API,
            "monthly_api_interactions",
            1e-4,
        ),
    ]
