"""Evaluate HCL expression trees (python-hcl2's Lark grammar) to Python values.

Anything that cannot be known offline evaluates to `Unknown`, which propagates through
operators and functions; expressions Terraform would reject raise `EvalError`.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.hcl2_parts import process_escape_sequences
from finops_gate.plan.hcl.limits import Budget, Limits
from finops_gate.plan.hcl.sets import SetList
from finops_gate.plan.hcl.strings import quoted_template, string_chars
from finops_gate.plan.hcl.syntax import Node, children, is_tree, parse_text, subtrees
from finops_gate.plan.hcl.values import (
    EvalError,
    ResourceValue,
    Unknown,
    contains_unknown,
    first_unknown,
    in_range,
    normalize_number,
    parse_number,
    to_bool,
    to_number,
    to_string,
    type_name,
)


class Namespace:
    """A lazily evaluated root object such as `var`, `local` or `aws_instance`."""

    __slots__ = ("getter", "label")

    def __init__(self, label: str, getter: Callable[[str], Any]) -> None:
        self.label = label
        self.getter = getter

    def get(self, name: str) -> Any:
        return self.getter(name)


Resolver = Callable[[str], Any]
"""Root name -> value (a Namespace, a plain value, or raises EvalError)."""


_BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "%": operator.mod,
}
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    ">": operator.gt,
    "<=": operator.le,
    ">=": operator.ge,
}
_HEREDOC = re.compile(r"<<(-?)([A-Za-z][A-Za-z0-9._-]*)\r?\n(.*?)^[ \t]*\2\r?\n?\Z", re.S | re.M)


class Evaluator:
    """Evaluates expressions within `budget`, shared by every evaluator of one run;
    without one, each `evaluate` call gets a fresh budget of its own."""

    def __init__(
        self,
        resolve: Resolver,
        functions: Mapping[str, Callable[..., Any]],
        budget: Budget | None = None,
    ) -> None:
        self._resolve = resolve
        self._functions = functions
        self._shared_budget = budget
        # Module-level evaluators are made at import, before the limits can be read.
        self._budget = budget or Budget(Limits())

    def evaluate(self, node: Node, local: Mapping[str, Any] | None = None) -> Any:
        if self._shared_budget is None:
            self._budget = Budget()
        try:
            return self._eval(node, local or {})
        except RecursionError:
            raise EvalError("nested too deeply") from None

    # -- dispatch -----------------------------------------------------------------------
    def _eval(self, node: Node, local: Mapping[str, Any]) -> Any:
        if not is_tree(node):
            raise EvalError(f"unexpected token {node!s}")
        method = getattr(self, f"_e_{node.data}", None)
        if method is None:
            return Unknown(f"`{node.data}` expressions are not evaluated")
        budget = self._budget
        budget.spend_steps()
        value = method(node, local)
        # Building a collection costs a step per element, so that nested loops over
        # large ranges run out of steps before they run out of memory.
        if isinstance(value, str):
            budget.check_string(len(value))
        elif isinstance(value, (list, dict)):
            budget.check_collection(len(value))
            budget.spend_steps(len(value))
        return value

    def _e_expr_term(self, node: Node, local: Mapping[str, Any]) -> Any:
        return self._eval(subtrees(node)[0], local)

    def _e_int_lit(self, node: Node, local: Mapping[str, Any]) -> Any:
        return parse_number(str(node.children[0]))

    def _e_float_lit(self, node: Node, local: Mapping[str, Any]) -> Any:
        return parse_number(str(node.children[0]))

    def _e_literal_value(self, node: Node, local: Mapping[str, Any]) -> Any:
        return {"true": True, "false": False, "null": None}[str(node.children[0])]

    def _e_identifier(self, node: Node, local: Mapping[str, Any]) -> Any:
        name = str(node.children[0])
        if name in local:
            return local[name]
        return self._resolve(name)

    def _e_keyword(self, node: Node, local: Mapping[str, Any]) -> Any:
        return self._e_identifier(node, local)

    def _e_string(self, node: Node, local: Mapping[str, Any]) -> Any:
        items: list[list[Any]] = []  # [kind, payload, strip_left, strip_right]
        for part in children(node):
            if not is_tree(part, "string_part"):
                continue
            for piece in part.children:
                if not is_tree(piece):
                    items.append(["text", string_chars(piece), False, False])
                elif piece.data == "interpolation":
                    items.append(["interp", subtrees(piece)[0], False, False])
                else:
                    tokens = [str(c) for c in piece.children if not is_tree(c)]
                    strip_left = len(tokens) > 1 and tokens[1] == "~"
                    strip_right = len(tokens) > 1 and tokens[-2] == "~"
                    kind = piece.data.removeprefix("template_").removesuffix("_start")
                    items.append([kind, piece, strip_left, strip_right])
        for position, item in enumerate(items):  # `~` strips the adjacent literal whitespace
            if item[2] and position > 0 and items[position - 1][0] == "text":
                items[position - 1][1] = items[position - 1][1].rstrip()
            if item[3] and position + 1 < len(items) and items[position + 1][0] == "text":
                items[position + 1][1] = items[position + 1][1].lstrip()
        if len(items) == 1 and items[0][0] == "interp":
            # "${x}" alone is x itself, not its string form (Terraform 0.11 style).
            value = self._eval(items[0][1], local)
            if isinstance(value, Namespace):
                raise EvalError(f"{value.label} cannot be used as a value")
            return value
        text, end = self._template(items, 0, local, ())
        if end != len(items):
            raise EvalError("unbalanced template directives")
        return text

    def _template(
        self, items: list[list[Any]], start: int, local: Mapping[str, Any], stop: tuple[str, ...]
    ) -> tuple[Any, int]:
        """Render items from `start` up to one whose kind is in `stop`."""
        out: list[str] = []
        size = 0
        unknown: Unknown | None = None
        i = start
        while i < len(items) and items[i][0] not in stop:
            kind, payload = items[i][0], items[i][1]
            if kind == "text":
                size = self._grow(out, payload, size)
                i += 1
            elif kind == "interp":
                value = self._eval(payload, local)
                if isinstance(value, Unknown):
                    unknown = unknown or value
                elif isinstance(value, Namespace):
                    raise EvalError(f"{value.label} cannot be used in a string")
                else:
                    size = self._grow(out, to_string(value), size)
                i += 1
            elif kind == "if":
                condition = self._eval(subtrees(payload)[0], local)
                yes, i = self._template(items, i + 1, local, ("else", "endif"))
                no: Any = ""
                if i < len(items) and items[i][0] == "else":
                    no, i = self._template(items, i + 1, local, ("endif",))
                i += 1  # endif
                chosen = (
                    condition
                    if isinstance(condition, Unknown)
                    else (yes if to_bool(condition) else no)
                )
                if isinstance(chosen, Unknown):
                    unknown = unknown or chosen
                else:
                    size = self._grow(out, chosen, size)
            elif kind == "for":
                names = [str(c.children[0]) for c in subtrees(payload) if is_tree(c, "identifier")]
                source = self._eval(subtrees(payload)[-1], local)
                body_start = i + 1
                i = _matching(items, body_start, "endfor") + 1
                if isinstance(source, Unknown):
                    unknown = unknown or source
                    continue
                pairs = (
                    sorted(source.items())
                    if isinstance(source, dict)
                    else _list_pairs(source if isinstance(source, list) else [])
                )
                for key, value in pairs:
                    scope = dict(local)
                    if len(names) == 2:
                        scope[names[0]], scope[names[1]] = key, value
                    else:
                        scope[names[0]] = value
                    text, _ = self._template(items, body_start, scope, ("endfor",))
                    if isinstance(text, Unknown):
                        unknown = unknown or text
                    else:
                        size = self._grow(out, text, size)
            else:
                raise EvalError(f"unexpected template directive {kind}")
        return (unknown if unknown is not None else "".join(out)), i

    def _grow(self, out: list[str], text: str, size: int) -> int:
        """Append to a template being rendered, within the string length limit."""
        size += len(text)
        self._budget.check_string(size)
        self._budget.spend_steps()
        out.append(text)
        return size

    def _e_template_string(self, node: Node, local: Mapping[str, Any]) -> Any:
        return process_escape_sequences(str(node.children[0])[2:-2])

    def _heredoc(self, node: Node, local: Mapping[str, Any]) -> Any:
        match = _HEREDOC.match(str(node.children[0]))
        if match is None:
            raise EvalError("malformed heredoc")
        text = match.group(3)
        if match.group(1):
            lines = text.split("\n")
            indents = [len(x) - len(x.lstrip(" \t")) for x in lines if x.strip()]
            cut = min(indents) if indents else 0
            text = "\n".join(x[cut:] for x in lines)
        if "${" not in text.replace("$${", "") and "%{" not in text.replace("%%{", ""):
            return text.replace("$${", "${").replace("%%{", "%{")
        try:
            body = parse_text(f"x = {quoted_template(text)}\n", "heredoc")
        except (PlanError, EvalError):
            return Unknown("this heredoc template could not be evaluated")
        return self._eval(body.attributes["x"].expr, local)

    def _e_heredoc_template(self, node: Node, local: Mapping[str, Any]) -> Any:
        return self._heredoc(node, local)

    def _e_heredoc_template_trim(self, node: Node, local: Mapping[str, Any]) -> Any:
        return self._heredoc(node, local)

    def _e_tuple(self, node: Node, local: Mapping[str, Any]) -> Any:
        return [self._eval(item, local) for item in subtrees(node)]

    def _e_object(self, node: Node, local: Mapping[str, Any]) -> Any:
        result: dict[str, Any] = {}
        unknown_key: Unknown | None = None
        for element in subtrees(node):
            key_node, value_node = subtrees(element)[0], subtrees(element)[-1]
            key = self._object_key(key_node, local)
            value = self._eval(value_node, local)
            if isinstance(key, Unknown):
                unknown_key = unknown_key or key
                continue
            result[key] = value
        return unknown_key if unknown_key is not None else result

    def _object_key(self, node: Node, local: Mapping[str, Any]) -> Any:
        inner = subtrees(node)
        if not inner:  # a keyword used as a key
            return str(node.children[0].children[0])
        expr = inner[0]
        # A bare identifier is the key itself, not a variable.
        if is_tree(expr, "expr_term"):
            term = subtrees(expr)
            if len(term) == 1 and is_tree(term[0], "identifier") and len(expr.children) == 1:
                return str(term[0].children[0])
        if is_tree(expr, "keyword") or is_tree(expr, "identifier"):
            return str(expr.children[0])
        key = self._eval(expr, local)
        return key if isinstance(key, Unknown) else to_string(key)

    def _e_conditional(self, node: Node, local: Mapping[str, Any]) -> Any:
        condition, yes, no = subtrees(node)
        value = self._eval(condition, local)
        if isinstance(value, Unknown):
            return value
        return self._eval(yes if to_bool(value) else no, local)

    def _e_unary_op(self, node: Node, local: Mapping[str, Any]) -> Any:
        op = str(node.children[0])
        value = self._eval(subtrees(node)[0], local)
        if isinstance(value, Unknown):
            return value
        if op == "!":
            return not to_bool(value)
        return normalize_number(-to_number(value))

    def _e_binary_op(self, node: Node, local: Mapping[str, Any]) -> Any:
        left_node, term = subtrees(node)
        op_node, right_node = subtrees(term)
        op = str(op_node.children[0])
        left = self._eval(left_node, local)
        if op in ("&&", "||"):
            if not isinstance(left, Unknown):
                if op == "&&" and not to_bool(left):
                    return False
                if op == "||" and to_bool(left):
                    return True
            right = self._eval(right_node, local)
            unknown = first_unknown(left, right)
            return unknown if unknown is not None else to_bool(right)
        right = self._eval(right_node, local)
        if op in ("==", "!="):
            unknown = contains_unknown(left) or contains_unknown(right)
            if unknown is not None:
                return unknown
            equal = _equal(left, right)
            return equal if op == "==" else not equal
        unknown = first_unknown(left, right)
        if unknown is not None:
            return unknown
        a, b = to_number(left), to_number(right)
        if op in _COMPARE:
            return _COMPARE[op](a, b)
        if op in ("/", "%") and b == 0:
            raise EvalError("division by zero")
        return in_range(normalize_number(_BINARY[op](a, b)))

    def _e_function_call(self, node: Node, local: Mapping[str, Any]) -> Any:
        names = [str(c.children[0]) for c in subtrees(node) if is_tree(c, "identifier")]
        name = "::".join(names)
        arguments = next((c for c in subtrees(node) if is_tree(c, "arguments")), None)
        arg_nodes = subtrees(arguments) if arguments is not None else []
        expand = arguments is not None and any(
            str(c) == "..." for c in arguments.children if not is_tree(c)
        )
        function = self._functions.get(name)
        if name in ("try", "can"):
            return self._try(arg_nodes, local, name == "can")
        if function is None:
            return Unknown(f"function {name}() is not evaluated")
        args = [self._eval(arg, local) for arg in arg_nodes]
        if expand and args:
            last = args.pop()
            if isinstance(last, Unknown):
                return last
            if not isinstance(last, list):
                raise EvalError("`...` needs a list")
            args.extend(last)
        try:
            return function(*args)
        except (TypeError, ValueError, ArithmeticError, IndexError, KeyError) as error:
            # A call terraform would reject (`abs()`, `tolist(1, 2)`): an error `try` and
            # `can` see, and evaluation elsewhere turns into an unknown value.
            raise EvalError(_call_problem(name, args, error)) from None

    def _try(self, arg_nodes: list[Node], local: Mapping[str, Any], can: bool) -> Any:
        for arg in arg_nodes:
            try:
                value = self._eval(arg, local)
            except EvalError:
                if can:
                    return False
                continue
            if isinstance(value, Unknown):
                return value
            return True if can else value
        if can:
            return False
        raise EvalError("no argument of try() could be evaluated")

    # -- traversals -----------------------------------------------------------------------
    def _e_get_attr_expr_term(self, node: Node, local: Mapping[str, Any]) -> Any:
        target_node, attr = subtrees(node)
        target = self._eval(target_node, local)
        return get_attr(target, str(subtrees(attr)[0].children[0]))

    def _e_index_expr_term(self, node: Node, local: Mapping[str, Any]) -> Any:
        target_node, index = subtrees(node)
        target = self._eval(target_node, local)
        return get_index(target, self._index_key(index, local))

    def _index_key(self, index: Node, local: Mapping[str, Any]) -> Any:
        if index.data == "short_index":
            return int(str(index.children[-1]))
        return self._eval(subtrees(index)[0], local)

    def _apply_steps(self, value: Any, steps: list[Node], local: Mapping[str, Any]) -> Any:
        for step in steps:
            if step.data == "get_attr":
                value = get_attr(value, str(subtrees(step)[0].children[0]))
            else:
                value = get_index(value, self._index_key(step, local))
        return value

    def _splat(self, node: Node, local: Mapping[str, Any], attributes_only: bool = False) -> Any:
        target_node, splat = subtrees(node)
        target = self._eval(target_node, local)
        steps = subtrees(splat)
        if attributes_only:
            # The legacy `.*` splat applies only attribute accesses to each element; the
            # first index applies to the resulting list (HCL spec, "Splat Operators":
            # `tuple.*.foo.bar[0]` is `[for v in tuple: v.foo.bar][0]`).
            cut = next((i for i, step in enumerate(steps) if step.data != "get_attr"), len(steps))
            if cut < len(steps):
                each = self._splat_items(target, steps[:cut], local)
                return self._apply_steps(each, steps[cut:], local)
        return self._splat_items(target, steps, local)

    def _splat_items(self, target: Any, steps: list[Node], local: Mapping[str, Any]) -> Any:
        if isinstance(target, Unknown):
            return target
        if target is None:
            return []
        items = (
            target
            if isinstance(target, list)
            else (
                list(target.values())
                if isinstance(target, dict) and not isinstance(target, ResourceValue)
                else [target]
            )
        )
        return [self._apply_steps(item, steps, local) for item in items]

    def _e_attr_splat_expr_term(self, node: Node, local: Mapping[str, Any]) -> Any:
        return self._splat(node, local, attributes_only=True)

    def _e_full_splat_expr_term(self, node: Node, local: Mapping[str, Any]) -> Any:
        return self._splat(node, local)

    # -- for expressions ------------------------------------------------------------------
    def _for(
        self, node: Node, local: Mapping[str, Any]
    ) -> tuple[list[dict[str, Any]], list[Node], bool] | Unknown:
        parts = subtrees(node)
        intro = parts[0]
        intro_parts = subtrees(intro)
        names = [str(c.children[0]) for c in intro_parts[:-1] if is_tree(c, "identifier")]
        source_node = intro_parts[-1]
        source = self._eval(source_node, local)
        if isinstance(source, Unknown):
            return source
        if isinstance(source, dict):
            pairs = [(k, source[k]) for k in sorted(source)]
        elif isinstance(source, list):
            pairs = _list_pairs(source)
        else:
            raise EvalError(f"cannot iterate over {type_name(source)}")
        condition = next((c for c in parts if is_tree(c, "for_cond")), None)
        bodies = [c for c in parts[1:] if not is_tree(c, "for_cond")]
        scopes = []
        for key, value in pairs:
            scope = dict(local)
            if len(names) == 2:
                scope[names[0]], scope[names[1]] = key, value
            else:
                scope[names[0]] = value
            if condition is not None:
                keep = self._eval(subtrees(condition)[0], scope)
                if isinstance(keep, Unknown):
                    return keep
                if not to_bool(keep):
                    continue
            scopes.append(scope)
        grouping = any(str(c) == "..." for c in node.children if not is_tree(c))
        return scopes, bodies, grouping

    def _e_for_tuple_expr(self, node: Node, local: Mapping[str, Any]) -> Any:
        loop = self._for(node, local)
        if isinstance(loop, Unknown):
            return loop
        scopes, bodies, _ = loop
        return [self._eval(bodies[0], scope) for scope in scopes]

    def _e_for_object_expr(self, node: Node, local: Mapping[str, Any]) -> Any:
        loop = self._for(node, local)
        if isinstance(loop, Unknown):
            return loop
        scopes, bodies, grouping = loop
        result: dict[str, Any] = {}
        for scope in scopes:
            key = self._eval(bodies[0], scope)
            if isinstance(key, Unknown):
                return key
            value = self._eval(bodies[1], scope)
            key = to_string(key)
            if grouping:
                result.setdefault(key, []).append(value)
            elif key in result:
                raise EvalError(f"duplicate key {key!r} in a for expression")
            else:
                result[key] = value
        return result


def _list_pairs(items: list[Any]) -> list[tuple[Any, Any]]:
    """(key, value) pairs of a list as a `for` sees them: a set's key is the element."""
    if isinstance(items, SetList):
        return [(item, item) for item in items]
    return list(enumerate(items))


def _matching(items: list[list[Any]], start: int, end: str) -> int:
    """The position of the directive closing the block that starts at `start`."""
    depth = 0
    for position in range(start, len(items)):
        kind = items[position][0]
        if kind in ("if", "for"):
            depth += 1
        elif kind in ("endif", "endfor"):
            if depth == 0:
                if kind != end:
                    break
                return position
            depth -= 1
    raise EvalError(f"template directive without its %{{ {end} }}")


def get_attr(target: Any, name: str) -> Any:
    if isinstance(target, Unknown):
        return target
    if isinstance(target, Namespace):
        return target.get(name)
    if isinstance(target, ResourceValue):
        return target.attribute(name)
    if isinstance(target, dict):
        if name in target:
            return target[name]
        raise EvalError(f"object has no attribute {name!r}")
    raise EvalError(f"cannot read attribute {name!r} of {type_name(target)}")


def get_index(target: Any, key: Any) -> Any:
    if isinstance(target, Unknown):
        return target
    if isinstance(key, Unknown):
        return key
    if isinstance(target, Namespace):
        return target.get(to_string(key))
    if isinstance(target, list):
        position = to_number(key)
        if not isinstance(position, int) or not 0 <= position < len(target):
            raise EvalError(f"index {key!r} out of range")
        return target[position]
    if isinstance(target, ResourceValue):
        return target.attribute(to_string(key))
    if isinstance(target, dict):
        text = to_string(key)
        if text in target:
            return target[text]
        raise EvalError(f"no key {text!r}")
    raise EvalError(f"cannot index {type_name(target)}")


def _equal(left: Any, right: Any) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    return bool(left == right)


def _call_problem(name: str, args: list[Any], error: Exception) -> str:
    if isinstance(error, TypeError):  # the wrong number or kind of arguments
        return f"{name}() cannot take these {len(args)} argument(s)"
    return f"{name}(): {type(error).__name__}: {error}"
