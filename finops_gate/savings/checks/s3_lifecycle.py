"""s3-lifecycle: an S3 bucket without a lifecycle configuration -> add one.

An `aws_s3_bucket` with no `lifecycle_rule` block and no
`aws_s3_bucket_lifecycle_configuration` in the plan whose `bucket` refers to it (by
reference, or by its known name; none is called unconfigured when one takes its bucket
from a value plan mode cannot follow, such as a local). Objects (and old versions) then
stay in S3 Standard forever; the saving depends on what is stored, so the suggestion has
no dollar figure.

PASS: a bucket with an `aws_s3_bucket_lifecycle_configuration`. FAIL (a suggestion, no
dollar figure): a bucket alone.
"""

from __future__ import annotations

from finops_gate.cost.model import ResourceCost
from finops_gate.savings._attributes import blocks
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "s3-lifecycle"
TITLE = "S3 bucket without a lifecycle configuration"
RESOURCE_TYPES = ("aws_s3_bucket",)
CAVEAT = "expire or transition objects (and noncurrent versions) as your retention rules allow"
LIFECYCLE_TYPE = "aws_s3_bucket_lifecycle_configuration"
LIFECYCLE_TYPES = frozenset({LIFECYCLE_TYPE})
BUCKET = frozenset({"bucket"})


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    # `lifecycle_rule` is computed (unknown on every new bucket): the configuration, or
    # known rules, say whether the bucket has inline rules.
    if blocks(resource.after or {}, "lifecycle_rule") or "lifecycle_rule" in (
        resource.config_expressions
    ):
        return []
    if context.plan.referencing_link(resource, LIFECYCLE_TYPE, "bucket") is not None:
        return []
    # A lifecycle configuration whose bucket comes from a local or variable (which plan
    # mode cannot follow) may be this bucket's: never guess.
    if context.unresolved_use(BUCKET, resource.type, LIFECYCLE_TYPES):
        return []
    return [Suggestion("lifecycle", "none", f"an {LIFECYCLE_TYPE}", None, CAVEAT)]
