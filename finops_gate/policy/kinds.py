"""The registry of policy kinds: `kind:` in a policy file -> its PolicyKind. Adding a kind
is a module with a `KIND` (see finops_gate/policy/kind.py), its schema model in
finops_gate/policy/schema.py and its dataclass in finops_gate/policy/model.py, and an entry
here."""

from __future__ import annotations

from typing import Any

from finops_gate.policy import budget, instance_size, required_tags, savings
from finops_gate.policy.kind import PolicyKind

POLICY_KINDS: dict[str, PolicyKind[Any]] = {
    kind.name: kind for kind in (required_tags.KIND, instance_size.KIND, budget.KIND, savings.KIND)
}
