"""Root module variable values: .tfvars files and `--var name=value`, in Terraform's order.

Later sources win: `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars` and
`*.auto.tfvars.json` (in lexical order), then each `--var-file` and `--var` in the
order given on the command line (all `--var-file`s first, then `--var`s: the
command-line parser does not keep their relative order).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.evaluate import Evaluator
from finops_gate.plan.hcl.functions import FUNCTIONS
from finops_gate.plan.hcl.syntax import parse_text
from finops_gate.plan.hcl.values import EvalError, Unknown, contains_unknown


def _no_references(name: str) -> Any:
    raise EvalError(f"variables files cannot refer to {name!r}")


_CONSTANTS = Evaluator(_no_references, FUNCTIONS)


def read_tfvars(path: Path, shown: str, confined: bool = True) -> dict[str, Any]:
    """`confined`: a file found in the directory (terraform.tfvars, *.auto.tfvars) must
    not link out of the repository; a --var-file the user names may be anywhere."""
    from finops_gate.plan.hcl.files import read_source_text

    if not path.exists():
        raise PlanError(f"{shown}: no such variables file")
    text = read_source_text(path, shown, confined)
    if path.name.endswith(".json"):
        try:
            raw = json.loads(text)
        except ValueError as error:
            raise PlanError(f"{shown}: not valid JSON: {error}") from None
        if not isinstance(raw, dict):
            raise PlanError(f"{shown}: a JSON variables file must hold an object")
        return raw
    body = parse_text(text, shown)
    values: dict[str, Any] = {}
    for name, attribute in body.attributes.items():
        try:
            value = _CONSTANTS.evaluate(attribute.expr)
        except EvalError as error:
            raise PlanError(f"{shown}:{attribute.line}: {name}: {error}") from None
        if contains_unknown(value) is not None:
            raise PlanError(f"{shown}:{attribute.line}: {name}: must be a constant value")
        values[name] = value
    return values


def parse_var_option(option: str, string_typed: bool) -> tuple[str, Any]:
    """`name=value`; the value is a string unless the variable's type is not a string,
    then it is read as an HCL expression (`--var 'sizes=["a","b"]'`), as terraform does."""
    name, sep, raw = option.partition("=")
    name = name.strip()
    if not sep or not name:
        raise PlanError(f"--var {option!r}: expected name=value")
    if string_typed:
        return name, raw
    try:
        body = parse_text(f"v = {raw}\n", f"--var {name}")
        value = _CONSTANTS.evaluate(body.attributes["v"].expr)
    except (PlanError, EvalError, KeyError):
        return name, raw
    return name, raw if isinstance(value, Unknown) else value


def root_variable_values(
    directory: Path,
    var_files: Sequence[str],
    var_options: Sequence[str],
    string_typed: set[str],
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    automatic = [directory / "terraform.tfvars", directory / "terraform.tfvars.json"]
    automatic += sorted(
        p
        for p in directory.glob("*.auto.tfvars*")
        if p.name.endswith((".auto.tfvars", ".auto.tfvars.json"))
    )
    for path in automatic:
        if path.is_file():
            values.update(read_tfvars(path, path.name))
    for file in var_files:
        values.update(read_tfvars(Path(file), file, confined=False))
    for option in var_options:
        name = option.partition("=")[0].strip()
        key, value = parse_var_option(option, name in string_typed)
        values[key] = value
    return values
