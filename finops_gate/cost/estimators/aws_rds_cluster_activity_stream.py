"""Aurora database activity stream: the Kinesis data stream it writes to (depends on usage).

The activity stream itself has no charge; Aurora creates a provisioned Kinesis data stream
for it, outside the plan, billed per shard-hour. Its shard count is usage. (The KMS key
that encrypts the stream is priced on its own `aws_kms_key`.)

- Kinesis stream shards (usage: `kinesis_shards`, shards running all month): hour,
  `kinesis:shard`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_rds_cluster_activity_stream",)
USAGE_KEYS = ("kinesis_shards",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Kinesis stream shards (created by Aurora)",
            "hour",
            keys.KINESIS_SHARD,
            "kinesis_shards",
            HOURS_PER_MONTH,
        )
    ]
