"""Amazon MWAA (Managed Workflows for Apache Airflow) environment.

- Environment (class): hour, `mwaa:environment:<class>` (`environment_class`, default
  `mw1.small`, read in any letter case; the fee includes one worker, the schedulers and
  the web server)
- Worker (usage: `additional_workers`, workers beyond the included one, averaged over the
  month): hour, `mwaa:worker:<class>`
- Scheduler (usage: `additional_schedulers`): hour, `mwaa:scheduler:<class>`
- Meta database (usage: `meta_database_gb`): GB-month, `mwaa:meta-database`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_mwaa_environment",)
USAGE_KEYS = ("additional_workers", "additional_schedulers", "meta_database_gb")
DEFAULT_CLASS = "mw1.small"  # the provider's and AWS's default environment class


def _environment_class(view: AttributeView) -> tuple[str, str | None]:
    environment_class = view.string("environment_class")
    if environment_class is not None:
        return environment_class.lower(), None
    if view.configured("environment_class"):
        raise UnknownAttributeError("environment_class")
    return DEFAULT_CLASS, f"environment_class not set: {DEFAULT_CLASS}, the default"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    environment_class, note = _environment_class(view)
    label = environment_class.removeprefix("mw1.").capitalize()
    return [
        ComponentSpec(
            f"Environment ({label})",
            "hour",
            keys.mwaa("environment", environment_class),
            HOURS_PER_MONTH,
            note=note,
        ),
        usage_spec(
            view,
            f"Worker ({label})",
            "hour",
            keys.mwaa("worker", environment_class),
            "additional_workers",
            HOURS_PER_MONTH,
        ),
        usage_spec(
            view,
            f"Scheduler ({label})",
            "hour",
            keys.mwaa("scheduler", environment_class),
            "additional_schedulers",
            HOURS_PER_MONTH,
        ),
        usage_spec(view, "Meta database", "GB-month", keys.MWAA_META_DATABASE, "meta_database_gb"),
    ]
