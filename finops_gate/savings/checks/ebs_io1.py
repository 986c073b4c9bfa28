"""ebs-io1: io1 volumes -> gp3 when the provisioned performance fits gp3's limits, else
-> io2, whose IOPS above 32,000 cost less (IOPS tiers).

Looks at `aws_ebs_volume` with `type = "io1"`, a known `size` and `iops`. gp3 fits when
the IOPS are at most 16,000 and at most 500 per GiB: the suggested gp3 volume keeps the
IOPS and provisions the throughput io1 reaches at those IOPS (256 KiB per I/O, 0.25 MiB/s
per IOPS, at most 1,000 MiB/s; at least gp3's free 125), so the saving is never
overstated. Above that, io2 keeps the IOPS at its tiered rates (32,001-64,000 at the
second tier). Silent when the suggested volume is not cheaper.

PASS: `type = "io2"`; an io1 volume of 20,000 IOPS and 200 GiB (too many IOPS for gp3,
and io2 costs the same below 32,000 IOPS).
FAIL (a suggestion): io1, 100 GiB, 4,000 IOPS in us-east-1: $12.50 + 4,000 x $0.065 =
$272.50 now; gp3 $8.00 + 1,000 IOPS x $0.005 + 875 MiB/s x $0.04 = $48.00, saving
$224.50/month. io1, 1,000 GiB, 50,000 IOPS: io2 charges 18,000 IOPS at $0.0455 instead of
$0.065, saving $351.00/month.
"""

from __future__ import annotations

from finops_gate.cost.model import ResourceCost
from finops_gate.savings._attributes import is_unknown, known_number, known_string, with_values
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "ebs-io1"
TITLE = "EBS io1 to gp3 or io2"
RESOURCE_TYPES = ("aws_ebs_volume",)
GP3_MAX_IOPS = 16000
GP3_IOPS_PER_GIB = 500
GP3_FREE_IOPS = 3000
GP3_FREE_THROUGHPUT = 125
GP3_MAX_THROUGHPUT = 1000
MIB_PER_IOPS = 0.25  # 256 KiB I/Os
GP3_CAVEAT = (
    "changed in place; gp3's latency is single-digit milliseconds, io1's sub-millisecond: "
    "check that the workload does not depend on it"
)
IO2_CAVEAT = "changed in place; io2 also has higher durability at the same storage price"


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    after = resource.after or {}
    size = known_number(after, "size")
    iops = known_number(after, "iops")
    if known_string(after, "type") != "io1" or size is None or not iops:
        return []
    if is_unknown(resource.after_unknown, "size") or is_unknown(resource.after_unknown, "iops"):
        return []
    if iops <= GP3_MAX_IOPS and iops <= GP3_IOPS_PER_GIB * size:
        throughput = min(GP3_MAX_THROUGHPUT, max(GP3_FREE_THROUGHPUT, iops * MIB_PER_IOPS))
        extras = []
        if iops > GP3_FREE_IOPS:
            extras.append(f"iops = {iops:g}")
        if throughput > GP3_FREE_THROUGHPUT:
            extras.append(f"throughput = {throughput:g}")
        text = "gp3" + (f" with {', '.join(extras)}" if extras else "")
        changed = with_values(after, type="gp3", iops=iops, throughput=throughput)
        return [Suggestion("type", "io1", text, changed, GP3_CAVEAT)]
    changed = with_values(after, type="io2")
    return [Suggestion("type", "io1", "io2", changed, IO2_CAVEAT)]
