"""The registry of savings checks: `check:` in a policy file -> its module. Adding a check
is a module under finops_gate/savings/checks/ (see `SavingsCheck`) and an entry here."""

from __future__ import annotations

from finops_gate.savings.checks import (
    ebs_gp3,
    ebs_io1,
    eks_extended_support,
    graviton,
    idle_eip,
    log_retention,
    previous_generation,
    rds_single_az,
    s3_lifecycle,
    single_nat_gateway,
    spot_share,
)
from finops_gate.savings.model import SavingsCheck

CHECK_MODULES: tuple[SavingsCheck, ...] = (
    ebs_gp3,
    ebs_io1,
    eks_extended_support,
    graviton,
    idle_eip,
    log_retention,
    previous_generation,
    rds_single_az,
    s3_lifecycle,
    single_nat_gateway,
    spot_share,
)

SAVINGS_CHECKS: dict[str, SavingsCheck] = {check.ID: check for check in CHECK_MODULES}
