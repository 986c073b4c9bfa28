"""A number as notes and labels show it to people: `20,000,000`, `0.5`, `1,234.5`.

Never an exponent (`2e+07` reads as a typo to most), thousands separators, no trailing
zeros. Six significant digits, as `:g` kept, but never fewer than the whole part has, so
`123456789` stays `123,456,789`. Not for price keys or other identifiers: those keep
the exact text they are matched by.
"""

from __future__ import annotations

import math
from decimal import Decimal

SIGNIFICANT_DIGITS = 6


def number_text(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return "0"
    whole_digits = Decimal(repr(float(value))).adjusted() + 1
    decimals = max(0, SIGNIFICANT_DIGITS - whole_digits)
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
