#!/usr/bin/env python3
"""Build finops-gate's bundled AWS price table (``pricing/aws.json``), ``pricing/NOTICE`` and
``finops_gate/cost/estimators/_ebs_optimized.py`` from the raw price data.

    python scripts/build_prices.py [--sources ../shared/price-sources] [--out pricing/aws.json]

The builder is the package ``finops_gate.pricing.build`` (see docs/pricing-build.md); run
this from a checkout where ``finops_gate`` is importable (``pip install -e .``, or
``PYTHONPATH=.``). The defaults are paths of the checkout this script sits in.
"""

from __future__ import annotations

import sys
from pathlib import Path

from finops_gate.pricing.build.main import main

if __name__ == "__main__":
    sys.exit(main(repo_root=Path(__file__).resolve().parents[1]))
