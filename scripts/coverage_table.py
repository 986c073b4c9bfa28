"""Regenerate the coverage table in docs/costs.md from the estimator docstrings.

python scripts/coverage_table.py          # rewrite docs/costs.md in place
python scripts/coverage_table.py --check  # exit 1 if docs/costs.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from finops_gate.cost.coverage import BEGIN, END, coverage_markdown

COSTS = Path(__file__).resolve().parents[1] / "docs" / "costs.md"


def updated(text: str) -> str:
    start = text.index(BEGIN)
    end = text.index(END) + len(END)
    return text[:start] + coverage_markdown() + text[end:]


def main() -> int:
    text = COSTS.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in sys.argv:
        if new != text:
            print("docs/costs.md is out of date: run python scripts/coverage_table.py")
            return 1
        return 0
    COSTS.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
