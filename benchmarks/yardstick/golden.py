"""Read Infracost's `.golden` files: the table output of `infracost breakdown`.

A golden is a tree of resources; each resource holds cost components and sub-resources
(`root_block_device`, a launch template under an autoscaling group), drawn with box
characters, three columns per level:

```
 aws_instance.web
 ├─ Instance usage (Linux/UNIX, on-demand, m5.large)        730  hours      $70.08
 ├─ Data processed           Monthly cost depends on usage: $0.01 per GB
 └─ root_block_device
    └─ Storage (general purpose SSD, gp2)                     8  GB          $0.80

 OVERALL TOTAL                                                                $70.88
```

Costs are `$1,234.56`, `12.34 元` in the China goldens (header `Monthly Cost (CNY)`), or
`not found`. Only the table is read; the summary below it (`2 were free`, the project
box) is Infracost's and does not bear on a resource's cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TREE = re.compile(r"^ (?P<tree>[│├└─ ]*)(?P<rest>\S.*?)\s*$")
_USAGE = re.compile(
    r"^(?P<name>.+?)\s+Monthly cost depends on usage: (?P<price>.+?) per (?P<unit>.+)$"
)
_COST_CELL = r"\$-?[\d,]+(?:\.\d+)?|-?[\d,]+(?:\.\d+)? 元|not found"
_COMPONENT = re.compile(
    r"^(?P<name>.+?)(?:\s{2,}(?P<qty>-?[\d,]+(?:\.\d+)?)\s{2,}(?P<unit>\S.*?))?"
    rf"\s{{2,}}(?P<cost>{_COST_CELL})(?:\s+\*)?$"
)
_TOTAL = re.compile(rf"^ OVERALL TOTAL(?: \((?P<currency>[A-Z]{{3}})\))?\s+(?P<cost>{_COST_CELL})")
_HEADER = re.compile(r"^ Name\s+Monthly Qty\s+Unit\s+Monthly Cost(?: \((?P<currency>[A-Z]{3})\))?")
_MODULE_PREFIX = re.compile(r"^(?:module\.[^.\[]+(?:\[[^\]]*\])?\.)*")


class GoldenError(ValueError):
    """The text is not an Infracost table this parser understands."""


@dataclass(frozen=True, slots=True)
class GoldenComponent:
    """One cost component; `path` names the sub-resources above it, outermost first."""

    path: tuple[str, ...]
    name: str
    quantity: float | None
    unit: str | None
    monthly_cost: float | None  # None: depends on usage, or "not found"
    price_not_found: bool = False


@dataclass(frozen=True, slots=True)
class GoldenResource:
    address: str
    components: tuple[GoldenComponent, ...]

    @property
    def type(self) -> str:
        return resource_type(self.address)

    @property
    def monthly_cost(self) -> float | None:
        """The sum of the costed components, or None when no component has a cost."""
        costs = [c.monthly_cost for c in self.components if c.monthly_cost is not None]
        return round(sum(costs), 6) if costs else None


@dataclass(frozen=True, slots=True)
class Golden:
    currency: str
    resources: tuple[GoldenResource, ...]
    overall_total: float | None


def resource_type(address: str) -> str:
    """`module.a["x"].aws_lb.this[0]` -> `aws_lb`."""
    rest = address[_MODULE_PREFIX.match(address).end() :]  # type: ignore[union-attr]
    return rest.split(".", 1)[0]


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _cost(cell: str) -> float | None:
    if cell == "not found":
        return None
    return _number(cell.removeprefix("$").removesuffix(" 元"))


@dataclass(slots=True)
class _OpenResource:
    address: str
    components: list[GoldenComponent]
    groups: list[str]  # sub-resource names by depth, depth 1 first


def _parse_row(
    rest: str, depth: int, current: _OpenResource | None, line_no: int
) -> GoldenComponent | str:
    """A component, or the name of a (sub-)resource."""
    usage = _USAGE.match(rest)
    if usage:
        return GoldenComponent((), usage["name"], None, usage["unit"], None)
    component = _COMPONENT.match(rest)
    if component:
        qty = component["qty"]
        return GoldenComponent(
            (),
            component["name"],
            _number(qty) if qty is not None else None,
            component["unit"],
            _cost(component["cost"]),
            price_not_found=component["cost"] == "not found",
        )
    if depth > 0 and current is None:
        raise GoldenError(f"line {line_no}: {rest!r} is indented but no resource is open")
    return rest


def parse_golden(text: str) -> Golden:
    """Parse the table part of an Infracost golden; raise GoldenError if there is none."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _HEADER.match(line)), None)
    if start is None:
        raise GoldenError("no 'Name  Monthly Qty  Unit  Monthly Cost' header")
    header = _HEADER.match(lines[start])
    currency = (header["currency"] if header else None) or "USD"
    resources: list[GoldenResource] = []
    current: _OpenResource | None = None
    overall: float | None = None

    def close() -> None:
        if current is not None:
            resources.append(GoldenResource(current.address, tuple(current.components)))

    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        total = _TOTAL.match(line)
        if total:
            overall = _cost(total["cost"])
            break
        match = _TREE.match(line)
        if match is None:
            continue  # blank spacer row
        depth = len(match["tree"]) // 3
        row = _parse_row(match["rest"], depth, current, number)
        if isinstance(row, str) and depth == 0:
            close()
            current = _OpenResource(row, [], [])
        elif current is None:
            raise GoldenError(f"line {number}: a component outside any resource")
        elif isinstance(row, str):
            del current.groups[depth - 1 :]
            current.groups.append(row)
        else:
            path = tuple(current.groups[: depth - 1])
            current.components.append(
                GoldenComponent(
                    path, row.name, row.quantity, row.unit, row.monthly_cost, row.price_not_found
                )
            )
    else:
        raise GoldenError("no OVERALL TOTAL line")
    close()
    return Golden(currency, tuple(resources), overall)
