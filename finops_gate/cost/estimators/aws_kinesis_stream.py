"""Kinesis data stream (provisioned or on-demand).

- Shards (provisioned): `shard_count` x hour, `kinesis:shard`
- PUT payload units (provisioned; usage: `monthly_provisioned_put_units`, in units):
  1M units, `kinesis:put-units`
- Extended retention (provisioned, `retention_period` over 24 hours): `shard_count` x
  shard-hour, `kinesis:extended-retention` (AWS bills it per shard-hour, so the usage
  file's `monthly_provisioned_extended_retention_gb` is accepted and not used)
- Stream (on-demand): hour, `kinesis:ondemand:stream`
- Data ingested (on-demand; usage: `monthly_on_demand_data_in_gb`): GB,
  `kinesis:ondemand:gb-in`

Shown when the usage file gives them (GB, GB-month or consumer-shard hours):
- on-demand: `monthly_on_demand_data_out_gb` (`kinesis:ondemand:gb-out`),
  `monthly_on_demand_efo_data_out_gb` (`kinesis:ondemand:efo-gb-out`),
  `monthly_on_demand_extended_retention_gb` (`kinesis:ondemand:extended-retention`),
  `monthly_on_demand_long_term_retention_gb` (`kinesis:ondemand:long-term-retention`)
- provisioned: `monthly_provisioned_long_term_retention_gb`
  (`kinesis:long-term-retention`), `monthly_provisioned_long_term_retrieval_gb`
  (`kinesis:long-term-retrieval`), `monthly_provisioned_efo_data_out_gb`
  (`kinesis:efo-gb-out`), `monthly_provisioned_efo_consumer_hours`
  (`kinesis:efo-consumer-shard-hour`)
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_kinesis_stream",)
ON_DEMAND = (
    ("monthly_on_demand_data_out_gb", "Data retrieval", "GB", keys.KINESIS_ONDEMAND_GB_OUT, 1.0),
    (
        "monthly_on_demand_efo_data_out_gb",
        "Enhanced fan-out data retrieval",
        "GB",
        keys.KINESIS_ONDEMAND_EFO_GB_OUT,
        1.0,
    ),
    (
        "monthly_on_demand_extended_retention_gb",
        "Extended retention (24 h to 7 days)",
        "GB-month",
        keys.KINESIS_ONDEMAND_EXTENDED_RETENTION,
        1.0,
    ),
    (
        "monthly_on_demand_long_term_retention_gb",
        "Long-term retention (over 7 days)",
        "GB-month",
        keys.KINESIS_ONDEMAND_LONG_TERM_RETENTION,
        1.0,
    ),
)
DEFAULT_RETENTION_HOURS = 24.0
PROVISIONED = (
    (
        "monthly_provisioned_long_term_retention_gb",
        "Long-term retention (over 7 days)",
        "GB-month",
        keys.KINESIS_LONG_TERM_RETENTION,
        1.0,
    ),
    (
        "monthly_provisioned_long_term_retrieval_gb",
        "Long-term retention retrieval",
        "GB",
        keys.KINESIS_LONG_TERM_RETRIEVAL,
        1.0,
    ),
    (
        "monthly_provisioned_efo_data_out_gb",
        "Enhanced fan-out data retrieval",
        "GB",
        keys.KINESIS_EFO_GB_OUT,
        1.0,
    ),
    (
        "monthly_provisioned_efo_consumer_hours",
        "Enhanced fan-out consumers",
        "consumer-shard hour",
        keys.KINESIS_EFO_CONSUMER_SHARD_HOUR,
        1.0,
    ),
)
USAGE_KEYS = (
    "monthly_provisioned_put_units",
    "monthly_on_demand_data_in_gb",
    *(item[0] for item in (*ON_DEMAND, *PROVISIONED)),
    "monthly_provisioned_extended_retention_gb",
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    modes = view.blocks("stream_mode_details")
    mode = (modes[0].string("stream_mode") if modes else None) or "PROVISIONED"
    if mode == "ON_DEMAND":
        return [
            ComponentSpec(
                "Stream (on-demand)", "hour", keys.KINESIS_ONDEMAND_STREAM, HOURS_PER_MONTH
            ),
            usage_spec(
                view,
                "Data ingested",
                "GB",
                keys.KINESIS_ONDEMAND_GB_IN,
                "monthly_on_demand_data_in_gb",
            ),
            *given_usage_specs(view, ON_DEMAND),
        ]
    shards = view.number("shard_count")
    if shards is None:
        raise UnknownAttributeError("shard_count")
    return [
        ComponentSpec(f"Shards ({shards:g})", "hour", keys.KINESIS_SHARD, shards * HOURS_PER_MONTH),
        *_extended_retention(view, shards),
        usage_spec(
            view,
            "PUT payload units",
            "1M units",
            keys.KINESIS_PUT_UNITS,
            "monthly_provisioned_put_units",
            1 / 1e6,
        ),
        *given_usage_specs(view, PROVISIONED),
    ]


def _extended_retention(view: AttributeView, shards: float) -> list[ComponentSpec]:
    """Retention beyond the default 24 hours costs a shard-hour surcharge on every shard."""
    if view.is_unknown("retention_period"):
        raise UnknownAttributeError("retention_period")
    hours = view.number("retention_period", DEFAULT_RETENTION_HOURS) or DEFAULT_RETENTION_HOURS
    if hours <= DEFAULT_RETENTION_HOURS:
        return []
    return [
        ComponentSpec(
            "Extended retention (24 h to 7 days)",
            "shard-hour",
            keys.KINESIS_EXTENDED_RETENTION,
            shards * HOURS_PER_MONTH,
            note=f"retention_period = {number_text(hours)} hours",
        )
    ]
