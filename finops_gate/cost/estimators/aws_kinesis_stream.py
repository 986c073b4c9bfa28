"""Kinesis data stream (provisioned or on-demand).

- Shards (provisioned): `shard_count` x hour, `kinesis:shard`
- PUT payload units (provisioned; usage: `monthly_provisioned_put_units`, in units):
  1M units, `kinesis:put-units`
- Stream (on-demand): hour, `kinesis:ondemand:stream`
- Data ingested (on-demand; usage: `monthly_on_demand_data_in_gb`): GB,
  `kinesis:ondemand:gb-in`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_kinesis_stream",)
USAGE_KEYS = ("monthly_provisioned_put_units", "monthly_on_demand_data_in_gb")


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
        ]
    shards = view.number("shard_count")
    if shards is None:
        raise UnknownAttributeError("shard_count")
    return [
        ComponentSpec(f"Shards ({shards:g})", "hour", keys.KINESIS_SHARD, shards * HOURS_PER_MONTH),
        usage_spec(
            view,
            "PUT payload units",
            "1M units",
            keys.KINESIS_PUT_UNITS,
            "monthly_provisioned_put_units",
            1 / 1e6,
        ),
    ]
