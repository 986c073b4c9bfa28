"""A module instance evaluated as terraform would plan it: its variables, locals, data
sources, resources and module calls, each value computed once and on demand (an
expression may refer to any of them, in any order), then collected into the same
resource records a plan gives (finops_gate/plan/hcl/resource_records.py).

Every resource is a `create` (HCL mode has no state). count and for_each are expanded
into instance addresses (expansion.py), modules are instantiated with their inputs,
providers are resolved through aliases and `providers` maps (provider_blocks.py), and
whatever cannot be known offline is marked in `after_unknown` and listed in the plan's
notes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from finops_gate.errors import PlanError
from finops_gate.plan.hcl import provider_schema
from finops_gate.plan.hcl.config import ModuleFiles, shown_path
from finops_gate.plan.hcl.datasources import read_data_source
from finops_gate.plan.hcl.evaluate import Evaluator, Namespace
from finops_gate.plan.hcl.evaluation_context import Context
from finops_gate.plan.hcl.expansion import Expansion, expand
from finops_gate.plan.hcl.instance_values import (
    META_ATTRIBUTES,
    META_BLOCKS,
    NO_INDEX,
    AnsweredDataValue,
    BlockList,
    DynamicContent,
    UnreadDataValue,
    data_instance,
    instance_address,
    resource_value,
)
from finops_gate.plan.hcl.module_sources import module_directory
from finops_gate.plan.hcl.note_text import shortened
from finops_gate.plan.hcl.provider_blocks import (
    ProviderInstance,
    child_providers,
    choose_provider,
    provider_instance,
)
from finops_gate.plan.hcl.reference_walk import references_of, strip_expr, traversal_name
from finops_gate.plan.hcl.resource_records import record_resource
from finops_gate.plan.hcl.syntax import Attribute, Block, Body, Node, subtrees
from finops_gate.plan.hcl.values import (
    EvalError,
    ResourceValue,
    Unknown,
    contains_unknown,
    to_bool,
    to_number,
    to_string,
    type_name,
)
from finops_gate.plan.references import module_path

MODULE_META = frozenset({"source", "version", "count", "for_each", "providers", "depends_on"})
MAX_MODULE_DEPTH = 32


class ModuleInstance:
    def __init__(
        self,
        context: Context,
        config: ModuleFiles,
        prefix: str,
        call_path: str,
        inputs: Mapping[str, Any],
        providers: dict[str, ProviderInstance],
    ) -> None:
        self.context = context
        self.config = config
        self.prefix = prefix  # "" or "module.web[0]."
        self.call_path = call_path  # "" or "web" or "web.disk" (for .terraform/modules)
        self.inputs = inputs
        self._locals: dict[str, Any] = {}
        self._resources: dict[str, Any] = {}
        self._attributes: dict[tuple[str, Any], dict[str, Any]] = {}
        self._modules: dict[str, Any] = {}
        self._data: dict[str, Any] = {}
        self._busy: set[str] = set()
        self.evaluator = Evaluator(self._resolve, context.functions(), context.budget)
        self._paths = {"module": self._path_module(), "root": ".", "cwd": str(context.cwd)}
        self._resource_types = config.resource_types()
        self.providers = dict(providers)
        for block in config.providers:
            provider = provider_instance(block, lambda expr: self.evaluate_expr(expr, {}))
            self.providers[provider.key] = provider

    # -- scope -----------------------------------------------------------------------------
    def _guard(self, key: str, compute: Callable[[], Any]) -> Any:
        if key in self._busy:
            return Unknown(f"{self.prefix}{key} refers to itself")
        self._busy.add(key)
        try:
            return compute()
        finally:
            self._busy.discard(key)

    def _resolve(self, name: str) -> Any:
        if name == "var":
            return Namespace("var", self.variable)
        if name == "local":
            return Namespace("local", self.local)
        if name == "module":
            return Namespace("module", self.module_value)
        if name == "data":
            return Namespace("data", self._data_type)
        if name == "path":
            return dict(self._paths)
        if name == "terraform":
            return {"workspace": self.context.workspace()}
        if name == "self":
            return Unknown("self is known only after apply")
        if name in ("count", "each"):
            raise EvalError(f"{name} is not available here")
        if name in self._resource_types:
            return Namespace(name, lambda n: self.resource_value(f"{name}.{n}"))
        raise EvalError(f"unknown name {name!r}")

    def variable(self, name: str) -> Any:
        if name not in self.config.variables:
            raise EvalError(f"undeclared variable var.{name}")
        block = self.config.variables[name]
        if name in self.inputs:
            return converted(self.inputs[name], variable_type_name(block))
        default = block.body.attributes.get("default")
        if default is not None:
            return converted(self.evaluator.evaluate(default.expr), variable_type_name(block))
        where = "set it with --var or a .tfvars file" if not self.prefix else "no input given"
        return Unknown(f"var.{name} is not set ({where})")

    def local(self, name: str) -> Any:
        if name not in self._locals:
            attribute = self.config.locals.get(name)
            if attribute is None:
                raise EvalError(f"undeclared local.{name}")
            self._locals[name] = self._guard(
                f"local.{name}", lambda: self.evaluator.evaluate(attribute.expr)
            )
        return self._locals[name]

    def _path_module(self) -> str:
        """As terraform shows it: relative to the working directory ("." for the root,
        "modules/x", ".terraform/modules/x" for an installed module)."""
        directory = self.config.directory
        modules_root = self.context.modules_root
        if modules_root is not None and directory.is_relative_to(modules_root / ".terraform"):
            return shown_path(directory, modules_root)
        return shown_path(directory, self.context.root)

    # -- data sources ----------------------------------------------------------------------
    def _data_type(self, data_type: str) -> Any:
        return Namespace(f"data.{data_type}", lambda name: self.data_value(data_type, name))

    def data_value(self, data_type: str, name: str) -> Any:
        key = f"{data_type}.{name}"
        if key not in self._data:
            self._data[key] = self._guard(
                f"data.{key}", lambda: self._compute_data_value(data_type, name)
            )
        return self._data[key]

    def _compute_data_value(self, data_type: str, name: str) -> Any:
        address = f"{self.prefix}data.{data_type}.{name}"
        block = self.config.data.get(f"{data_type}.{name}")
        if block is None:
            # An undeclared data source is an error for terraform; keep it unknown.
            return data_instance(UnreadDataValue(), address, NO_INDEX)
        expansion = self.expansion(block, address)
        if isinstance(expansion, Unknown):
            return expansion
        provider, _ = self.provider_for(block, data_type)
        region = provider.region if provider else None
        default_region, default_source, _ = self.context.default_region
        if region is None and default_source != "fallback":
            # No region in the provider block: the provider's would come from the
            # environment (or the region the user gave with --region).
            region = default_region
        waits = waits_for_resources(block)
        values = {}
        for index, scope in expansion:
            arguments = self.evaluate_body(block.body, scope, top=True)
            instance = instance_address(address, index)
            answer = read_data_source(data_type, arguments, region, instance)
            value: ResourceValue
            if answer is None:
                value = UnreadDataValue()
            elif waits or known_after_apply(arguments):
                # Terraform reads it during apply, after what it depends on is created.
                value = ResourceValue({k: v for k, v in arguments.items() if v is not None})
            else:
                value = AnsweredDataValue(answer)
            values[index] = data_instance(value, address, index)
        if block.body.attributes.get("count") is not None:
            return [values[i] for i, _ in expansion]
        if block.body.attributes.get("for_each") is not None:
            return {str(i): values[i] for i, _ in expansion}
        return values[NO_INDEX]

    # -- resources -------------------------------------------------------------------------
    def expansion(self, block: Block, label: str) -> Expansion | Unknown:
        """[(index, scope)] for count/for_each (finops_gate/plan/hcl/expansion.py)."""
        return expand(block, label, self.evaluator.evaluate, self.context.budget)

    def resource_value(self, key: str) -> Any:
        if key not in self.config.resources:
            raise EvalError(f"undeclared resource {key}")
        if key not in self._resources:
            self._resources[key] = self._guard(key, lambda: self._compute_resource_value(key))
        return self._resources[key]

    def _compute_resource_value(self, key: str) -> Any:
        block = self.config.resources[key]
        expansion = self.expansion(block, self.prefix + key)
        if isinstance(expansion, Unknown):
            return expansion
        # A computed attribute the configuration sets to null is the provider's to choose
        # (`name = null` beside `name_prefix`): known only after apply, as in a plan.
        computed = provider_schema.computed_attributes(key.split(".", 1)[0])
        values = {
            index: resource_value(
                instance_address(self.prefix + key, index),
                {
                    name: value
                    for name, value in self.attributes(key, index, scope).items()
                    if value is not None or name not in computed
                },
            )
            for index, scope in expansion
        }
        if block.body.attributes.get("count") is not None:
            return [values[i] for i, _ in expansion]
        if block.body.attributes.get("for_each") is not None:
            return {str(i): values[i] for i, _ in expansion}
        return values[NO_INDEX]

    def attributes(self, key: str, index: Any, scope: dict[str, Any]) -> dict[str, Any]:
        cache_key = (key, index)
        if cache_key not in self._attributes:
            block = self.config.resources[key]
            resource_type = key.split(".", 1)[0]
            self._attributes[cache_key] = self._guard(
                f"{key}[{index!r}]",
                lambda: provider_schema.as_stored(
                    resource_type, self.evaluate_body(block.body, scope, top=True)
                ),
            )
        return self._attributes[cache_key]

    def evaluate_expr(self, expr: Node, scope: Mapping[str, Any]) -> Any:
        return self.unknown_on_error(lambda: self.evaluator.evaluate(expr, scope))

    def variable_or_unknown(self, name: str) -> Any:
        """var.name, or Unknown when it cannot be evaluated (a default terraform would
        reject, such as one that refers to a local)."""
        return self.unknown_on_error(lambda: self.variable(name))

    @staticmethod
    def unknown_on_error(compute: Callable[[], Any]) -> Any:
        try:
            return compute()
        except EvalError as error:
            return Unknown(f"could not be evaluated: {error}")
        except (TypeError, ValueError, ArithmeticError, IndexError, KeyError) as error:
            # An expression terraform would reject in a way the evaluator does not model.
            return Unknown(f"could not be evaluated: {type(error).__name__}: {error}")
        except RecursionError:
            return Unknown("could not be evaluated: nested too deeply")

    def evaluate_body(
        self, body: Body, scope: Mapping[str, Any], top: bool = False
    ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, attribute in body.attributes.items():
            if top and name in META_ATTRIBUTES:
                continue
            result[name] = self.evaluate_expr(attribute.expr, scope)
        for block in body.blocks:
            if block.type in META_BLOCKS:
                continue
            if block.type == "dynamic" and block.labels:
                self._dynamic(block, scope, result)
                continue
            existing = result.setdefault(block.type, BlockList())
            if isinstance(existing, list):
                existing.append(self.evaluate_body(block.body, scope))
        return result

    def _dynamic(self, block: Block, scope: Mapping[str, Any], result: dict[str, Any]) -> None:
        name = block.labels[0]
        for_each = block.body.attributes.get("for_each")
        iterator_attr = block.body.attributes.get("iterator")
        iterator = traversal_name(iterator_attr.expr) if iterator_attr else name
        contents = block.body.blocks_of("content")
        items = self.evaluate_expr(for_each.expr, scope) if for_each else []
        if isinstance(items, Unknown):
            result[name] = items
            return
        if isinstance(items, dict):
            pairs: list[tuple[Any, Any]] = sorted(items.items())
        elif isinstance(items, list):
            pairs = list(enumerate(items))
        elif items is None:
            pairs = []
        else:
            result[name] = Unknown(
                f"dynamic {name!r}: for_each must be a collection, not {type_name(items)}"
            )
            return
        target = result.setdefault(name, BlockList())
        if not isinstance(target, list):
            return
        for key, value in pairs:
            inner = {**scope, iterator: {"key": key, "value": value}}
            for content in contents:
                target.append(DynamicContent(self.evaluate_body(content.body, inner)))

    # -- modules ---------------------------------------------------------------------------
    def module_value(self, name: str) -> Any:
        if name not in self.config.modules:
            raise EvalError(f"undeclared module.{name}")
        if name not in self._modules:
            self._modules[name] = self._guard(f"module.{name}", lambda: self._module_outputs(name))
        return self._modules[name]

    def _module_outputs(self, name: str) -> Any:
        block = self.config.modules[name]
        children = self.children(name)
        if isinstance(children, Unknown):
            return children
        outputs = {}
        for index, child in children:
            outputs[index] = (
                child.outputs()
                if child is not None
                else Unknown(f"module.{name} is not evaluated (remote module)")
            )
        if block.body.attributes.get("count") is not None:
            return [outputs[i] for i, _ in children]
        if block.body.attributes.get("for_each") is not None:
            return {str(i): outputs[i] for i, _ in children}
        return outputs[NO_INDEX]

    def outputs(self) -> Any:
        values = {}
        for name, block in self.config.outputs.items():
            attribute = block.body.attributes.get("value")
            values[name] = self.evaluate_expr(attribute.expr, {}) if attribute else None
        return values

    def children(self, name: str) -> list[tuple[Any, ModuleInstance | None]] | Unknown:
        cache = f"children:{name}"
        if cache not in self._resources:
            self._resources[cache] = self._make_children(name)
        result: list[tuple[Any, ModuleInstance | None]] | Unknown = self._resources[cache]
        return result

    def _make_children(self, name: str) -> list[tuple[Any, ModuleInstance | None]] | Unknown:
        block = self.config.modules[name]
        address = f"{self.prefix}module.{name}"
        try:
            expansion = self.expansion(block, address)
        except EvalError as error:
            return Unknown(f"{address}: {error}")
        if isinstance(expansion, Unknown):
            return expansion
        if address.count("module.") > MAX_MODULE_DEPTH:
            raise PlanError(
                f"{block.file}:{block.line}: modules nested more than {MAX_MODULE_DEPTH} "
                f"deep ({address}); does a module call itself?"
            )
        self.context.budget.add_instances(f"{address} ({block.file}:{block.line})", len(expansion))
        directory = self._module_directory(block, name)
        instances: list[tuple[Any, ModuleInstance | None]] = []
        for index, scope in expansion:
            if directory is None:
                instances.append((index, None))
                continue
            inputs = {
                key: self.evaluate_expr(attribute.expr, scope)
                for key, attribute in block.body.attributes.items()
                if key not in MODULE_META
            }
            config = self.context.config(directory)
            prefix = f"{instance_address(address, index)}."
            call_path = f"{self.call_path}.{name}" if self.call_path else name
            instances.append(
                (
                    index,
                    ModuleInstance(
                        self.context,
                        config,
                        prefix,
                        call_path,
                        inputs,
                        child_providers(self.providers, block),
                    ),
                )
            )
        return instances

    def _module_directory(self, block: Block, name: str) -> Path | None:
        source_attr = block.body.attributes.get("source")
        source = self.evaluate_expr(source_attr.expr, {}) if source_attr else None
        return module_directory(
            self.context, self.config.directory, block, name, self.prefix, self.call_path, source
        )

    def provider_for(self, block: Block, resource_type: str) -> tuple[ProviderInstance | None, str]:
        return choose_provider(self.providers, block, resource_type)

    # -- records ---------------------------------------------------------------------------
    def collect(self) -> None:
        self._record_module_links()
        for key, block in self.config.resources.items():
            self._collect_resource(key, block)
        for name in self.config.modules:
            children = self.children(name)
            if isinstance(children, Unknown):
                block = self.config.modules[name]
                self.context.notes.append(
                    f"{self.prefix}module.{name} ({block.file}:{block.line}): count/for_each "
                    f"is unknown ({shortened(children.reason)}); its resources are not priced."
                )
                continue
            for _, child in children:
                if child is not None:
                    child.collect()

    def _record_module_links(self) -> None:
        path = module_path(self.prefix[:-1] or None)
        if path in self.context.module_outputs:
            return  # another instance of the same module recorded them
        self.context.module_outputs[path] = {
            name: tuple(references)
            for name, block in self.config.outputs.items()
            if (value := block.body.attributes.get("value")) is not None
            and (references := references_of(value.expr, ""))
        }
        for name, block in self.config.modules.items():
            child = f"{path}.module.{name}" if path else f"module.{name}"
            self.context.module_inputs[child] = {
                key: tuple(references)
                for key, attribute in block.body.attributes.items()
                if key not in MODULE_META and (references := references_of(attribute.expr, ""))
            }

    def _collect_resource(self, key: str, block: Block) -> None:
        resource_type, name = key.split(".", 1)
        address = self.prefix + key
        try:
            expansion = self.expansion(block, address)
        except EvalError as error:
            expansion = Unknown(str(error))
        if isinstance(expansion, Unknown):
            self.context.notes.append(
                f"{address} ({block.file}:{block.line}): count/for_each is unknown "
                f"({shortened(expansion.reason)}); not priced."
            )
            return
        self.context.budget.add_instances(f"{address} ({block.file}:{block.line})", len(expansion))
        provider, region_source = self.provider_for(block, resource_type)
        for index, scope in expansion:
            values = self.attributes(key, index, scope)
            instance = instance_address(address, index)
            record_resource(
                self.context,
                self.prefix,
                block,
                resource_type,
                name,
                index,
                instance,
                values,
                provider,
                region_source,
            )


def waits_for_resources(block: Block) -> bool:
    """A data block whose `depends_on` names a resource or module: HCL mode sees only
    creates, so terraform would defer reading it to apply."""
    depends_on = block.body.attributes.get("depends_on")
    if depends_on is None:
        return False
    names = [traversal_name(item) for item in subtrees(strip_expr(depends_on.expr))]
    return any(name and not name.startswith("data.") for name in names)


def known_after_apply(arguments: Mapping[str, Any]) -> bool:
    unknown = contains_unknown(dict(arguments))
    return unknown is not None and unknown.reason.endswith("is known only after apply")



def variable_type_name(block: Block) -> str | None:
    attribute: Attribute | None = block.body.attributes.get("type")
    if attribute is None:
        return None
    return traversal_name(attribute.expr) or "complex"  # list(...), map(...), object(...)


def converted(value: Any, type_name: str | None) -> Any:
    """The primitive conversions Terraform applies to a variable's value."""
    if value is None or isinstance(value, Unknown) or type_name is None:
        return value
    try:
        if type_name == "number" and isinstance(value, str):
            return to_number(value)
        if type_name == "bool" and isinstance(value, str):
            return to_bool(value)
        if type_name == "string" and isinstance(value, (int, float, bool)):
            return to_string(value)
    except EvalError:
        return value
    return value
