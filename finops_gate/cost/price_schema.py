"""The price table's file format as pydantic models: the schema that names what is wrong
with a table, and that `validate_price_table` checks a whole file against.

Opening a table does not need it when the table's envelope has the plain form the
generator writes (`finops_gate.cost.prices.plain_envelope`): pydantic is imported only to
say what is wrong, or for a table written in another accepted form.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from finops_gate.cost.prices import PriceEntry, PriceSource, TableEnvelope
from finops_gate.errors import PriceTableError


class PriceSourceModel(BaseModel):
    # from_attributes: an envelope may be made from a loaded table's sources.
    model_config = ConfigDict(extra="forbid", frozen=True, from_attributes=True)
    title: str
    origin: str
    license: str
    as_of: date


class PriceTableEnvelope(BaseModel):
    """Everything but the prices: what opening a table validates up front."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: Literal[1]
    currency: Literal["USD"]
    sources: dict[str, PriceSourceModel]
    rules: dict[str, str]

    def plain(self) -> TableEnvelope:
        """The form a run uses."""
        return TableEnvelope(
            {
                sid: PriceSource(source.title, source.origin, source.license, source.as_of)
                for sid, source in self.sources.items()
            },
            dict(self.rules),
        )


class PriceTableFile(PriceTableEnvelope):
    """The on-disk format written by `scripts/build_prices.py`."""

    regions: dict[str, dict[str, PriceEntry]]


def validate_envelope(raw: Any, file: Path) -> TableEnvelope:
    try:
        return PriceTableEnvelope.model_validate(raw).plain()
    except ValidationError as error:
        raise PriceTableError(f"{file}: {_first_problem(error)}") from None


def validate_file(raw: Any, path: Path) -> PriceTableFile:
    try:
        return PriceTableFile.model_validate(raw)
    except ValidationError as error:
        raise PriceTableError(f"{path}: {_first_problem(error)}") from None


def _first_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"])
    return f"{location}: {first['msg']}"
