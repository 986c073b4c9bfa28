"""Terraform's file functions on a FileAccess (see files.py): `file`, `fileexists`,
`fileset`, `templatefile`, the `file*` digests and `abspath`."""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.evaluate import Evaluator
from finops_gate.plan.hcl.files import FileAccess
from finops_gate.plan.hcl.paths import abspath_from
from finops_gate.plan.hcl.strings import quoted_template
from finops_gate.plan.hcl.syntax import parse_text
from finops_gate.plan.hcl.values import EvalError, Unknown, contains_unknown, to_string

_IDENTIFIER_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"


def _base64_digest(algorithm: str) -> Callable[[bytes], str]:
    return lambda data: base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")


FILE_DIGESTS: dict[str, Callable[[bytes], str]] = {
    "filebase64": lambda data: base64.b64encode(data).decode("ascii"),
    "filemd5": lambda data: hashlib.md5(data).hexdigest(),
    "filesha1": lambda data: hashlib.sha1(data).hexdigest(),
    "filesha256": lambda data: hashlib.sha256(data).hexdigest(),
    "filesha512": lambda data: hashlib.sha512(data).hexdigest(),
    "filebase64sha256": _base64_digest("sha256"),
    "filebase64sha512": _base64_digest("sha512"),
}


def file_functions(
    access: FileAccess, functions: Mapping[str, Callable[..., Any]]
) -> dict[str, Callable[..., Any]]:
    """The functions that need the filesystem or the working directory, on top of
    `functions` (which templates may call too)."""

    def path_argument(value: Any) -> str | Unknown:
        if isinstance(value, Unknown):
            return value
        return to_string(value)

    def file(path: Any) -> Any:
        raw = path_argument(path)
        return raw if isinstance(raw, Unknown) else access.text(raw)

    def fileexists(path: Any) -> Any:
        raw = path_argument(path)
        return raw if isinstance(raw, Unknown) else access.exists(raw)

    def digest_of_file(name: str, digest: Callable[[bytes], str]) -> Callable[[Any], Any]:
        def function(path: Any) -> Any:
            raw = path_argument(path)
            data = raw if isinstance(raw, Unknown) else access.read(raw)
            return data if isinstance(data, Unknown) else digest(data)

        function.__name__ = name
        return function

    def fileset(path: Any, pattern: Any) -> Any:
        directory, glob = path_argument(path), path_argument(pattern)
        if isinstance(directory, Unknown):
            return directory
        if isinstance(glob, Unknown):
            return glob
        return access.fileset(directory, glob)

    def abspath(path: Any) -> Any:
        return path if isinstance(path, Unknown) else abspath_from(access.shown_cwd)(path)

    result: dict[str, Callable[..., Any]] = dict(functions)
    result.update(file=file, fileexists=fileexists, fileset=fileset, abspath=abspath)
    result.update({name: digest_of_file(name, digest) for name, digest in FILE_DIGESTS.items()})
    in_templates = dict(result)  # templatefile may not call itself

    def templatefile(path: Any, variables: Any) -> Any:
        raw = path_argument(path)
        if isinstance(raw, Unknown):
            return raw
        if isinstance(variables, Unknown):
            return variables
        if not isinstance(variables, dict):
            raise EvalError("templatefile: the second argument must be a map")
        for name in variables:
            if not name or name[0] not in _IDENTIFIER_START:
                raise EvalError(f"templatefile: {name!r} is not a valid variable name")
        text = access.text(raw)
        if isinstance(text, Unknown):
            return text
        return render_template(text, variables, in_templates, raw)

    result["templatefile"] = templatefile
    return result


def render_template(
    text: str,
    variables: Mapping[str, Any],
    functions: Mapping[str, Callable[..., Any]],
    shown: str,
) -> Any:
    """Terraform template syntax (`${...}`, `%{ if }`, `%{ for }`) with `variables` only."""
    def resolve(name: str) -> Any:
        if name in variables:
            return variables[name]
        raise EvalError(f"{shown}: the template refers to {name}, which vars does not set")

    try:
        expression = _parsed_template(text, shown)
    except (PlanError, EvalError) as error:
        return Unknown(f"{shown} is not a template HCL mode can read: {error}")
    value = Evaluator(resolve, functions).evaluate(expression)
    unknown = contains_unknown(value)
    return unknown if unknown is not None else value


@functools.lru_cache(maxsize=64)
def _parsed_template(text: str, shown: str) -> Any:
    """The template as an expression tree (parsed once, however many instances use it)."""
    return parse_text(f"x = {quoted_template(text)}\n", shown).attributes["x"].expr
