"""idle-eip: an Elastic IP attached to nothing -> release it.

An `aws_eip` whose `instance` and `network_interface` are not set (nor unknown until
apply) and that no other resource of the plan references (an `aws_eip_association`, a NAT
gateway's `allocation_id`, a load balancer's `subnet_mapping`, anything else). When an
`allocation_id` of the plan comes from a value plan mode cannot follow (a local, a
variable), no address is called idle. AWS bills every public IPv4 address by the hour,
attached or not, so the saving is the address's whole cost.

PASS: an `aws_eip` with `instance = aws_instance.web.id`, or used by an
`aws_nat_gateway`. FAIL (a suggestion): a bare `aws_eip` in any region: 730 hours x
$0.005 = $3.65/month.
"""

from __future__ import annotations

from finops_gate.cost.model import ResourceCost
from finops_gate.plan.resource import Resource
from finops_gate.savings._attributes import is_unknown, known_string
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "idle-eip"
TITLE = "Elastic IP attached to nothing"
RESOURCE_TYPES = ("aws_eip",)
CAVEAT = "keep it if something outside this configuration (DNS, an allow-list) needs the address"
ATTACHMENTS = ("instance", "network_interface")
# Where other resources take an address's allocation id (NAT gateways, associations, load
# balancers' subnet mappings, Transfer Family endpoints): one set from a value plan mode
# cannot follow (a local, a variable) may be any address, so none is called idle.
USES = frozenset({"allocation_id", "allocation_ids", "address_allocation_ids"})


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    after = resource.after or {}
    # `network_interface` is computed (unknown until apply on every new address): what
    # the configuration sets, or a known value, says whether it is attached.
    for name in ATTACHMENTS:
        if known_string(after, name) or name in resource.config_expressions:
            return []
        if not _configuration_known(resource) and is_unknown(resource.after_unknown, name):
            return []  # nothing tells what the configuration sets: never guess
    if context.referenced(resource) or context.unresolved_use(USES, resource.type):
        return []
    return [Suggestion("resource", "attached to nothing", "release it", None, CAVEAT, True)]


def _configuration_known(resource: Resource) -> bool:
    """HCL mode reads the configuration itself (and records where the block is); a plan
    carries it as expressions, absent for a resource whose block sets nothing."""
    return resource.source_file is not None or bool(resource.config_expressions)
