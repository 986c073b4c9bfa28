"""`python -m finops_gate.pricing.build`: build pricing/aws.json, NOTICE and the EBS-optimized
module of this checkout from the price sources."""

from __future__ import annotations

import sys

from finops_gate.pricing.build.main import main

sys.exit(main())
