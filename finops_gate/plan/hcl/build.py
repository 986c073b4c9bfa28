"""Evaluate a root module and its local modules into the same records a plan gives.

Every resource is a `create` (HCL mode has no state). count and for_each are expanded
into instance addresses, modules are instantiated with their inputs, providers are
resolved through aliases and `providers` maps, and whatever cannot be known offline is
marked in `after_unknown` and listed in the plan's notes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from finops_gate.confine import OutsideRepo, is_inside, real, refusal
from finops_gate.errors import PlanError
from finops_gate.plan.hcl import schema
from finops_gate.plan.hcl.config import (
    ModuleFiles,
    installed_modules,
    load_module_config,
    shown_path,
)
from finops_gate.plan.hcl.datasources import read_data_source
from finops_gate.plan.hcl.evaluate import Evaluator, Namespace
from finops_gate.plan.hcl.filefunctions import file_functions
from finops_gate.plan.hcl.files import FileAccess, repository_top
from finops_gate.plan.hcl.functions import FUNCTIONS, Function
from finops_gate.plan.hcl.limits import Budget
from finops_gate.plan.hcl.strings import literal_string
from finops_gate.plan.hcl.syntax import Attribute, Block, Body, Node, is_tree, subtrees
from finops_gate.plan.hcl.values import (
    EvalError,
    NumberOutOfRange,
    ResourceValue,
    Unknown,
    contains_unknown,
    to_bool,
    to_number,
    to_string,
    type_name,
)
from finops_gate.plan.providers import FALLBACK_REGION
from finops_gate.plan.references import absolute, module_path
from finops_gate.plan.region import NO_REGION
from finops_gate.plan.resource import Action, ProviderRegion, Resource
from finops_gate.plan.tags import effective_tags

META_ATTRIBUTES = frozenset({"count", "for_each", "provider", "depends_on"})
META_BLOCKS = frozenset({"lifecycle", "provisioner", "connection", "precondition", "postcondition"})
MODULE_META = frozenset({"source", "version", "count", "for_each", "providers", "depends_on"})
NO_INDEX = object()
MAX_MODULE_DEPTH = 32


@dataclass(slots=True)
class UnknownValue:
    where: str  # address.attribute
    location: str  # file:line
    reason: str

    @property
    def after_apply(self) -> bool:
        """Unknown in a plan too (a reference to a value computed by the provider)."""
        return self.reason.endswith("is known only after apply")


@dataclass(slots=True)
class ProviderInstance:
    key: str
    region: Any  # str | None | Unknown
    default_tags: Any  # dict | Unknown


@dataclass(slots=True)
class Context:
    root: Path
    root_variables: Mapping[str, Any]
    unknowns: list[UnknownValue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    configs: dict[Path, ModuleFiles] = field(default_factory=dict)
    installed: dict[str, Path] | None = None
    modules_root: Path | None = None  # where .terraform/modules is; default: root
    # (region, source, evidence) for providers without a region: the environment,
    # --region or us-east-1 (finops_gate.plan.region.default_region)
    default_region: tuple[str, str, str] = (FALLBACK_REGION, "fallback", NO_REGION)
    provider_regions: dict[str, ProviderRegion] = field(default_factory=dict)
    _functions: dict[str, Function] | None = None
    budget: Budget = field(default_factory=Budget)
    # A module directory outside the repository (finops_gate/confine.py): refused, or
    # skipped with a note in `outside_notes`, unless the user allows it.
    outside_repo: OutsideRepo = OutsideRepo.REFUSE
    outside_notes: list[str] = field(default_factory=list)
    _boundaries: tuple[Path, ...] | None = None

    @property
    def cwd(self) -> Path:
        """The directory terraform would run in: `path.cwd` (for `--base`, the real one,
        not the temporary copy, so that both sides evaluate alike)."""
        return self.modules_root or self.root

    def functions(self) -> dict[str, Function]:
        if self._functions is None:
            access = FileAccess(self.root, str(self.cwd), self._repository_copy_top())
            self._functions = file_functions(access, FUNCTIONS)
        return self._functions

    def _repository_copy_top(self) -> Path:
        """The repository top as seen from `root`: for `--base`, `root` is a copy of the
        gated directory inside a copy of the repository, as deep as the real one."""
        top = repository_top(self.cwd)
        depth = len(self.cwd.relative_to(top).parts) if self.cwd.is_relative_to(top) else 0
        return self.root.parents[depth - 1] if depth else self.root

    def module_boundaries(self) -> tuple[Path, ...]:
        """The real paths a module directory may be under: the gated directory's
        repository (for `--base`, also the copy of it that is evaluated)."""
        if self._boundaries is None:
            tops = {real(self._repository_copy_top()), real(repository_top(self.cwd))}
            self._boundaries = tuple(sorted(tops))
        return self._boundaries

    # As a plan's configuration has them, by module configuration path: the references
    # of each output's expression and of each input a module call passes.
    module_outputs: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    module_inputs: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def config(self, directory: Path) -> ModuleFiles:
        directory = directory.resolve()
        if directory not in self.configs:
            self.configs[directory] = load_module_config(directory, self.root)
        return self.configs[directory]

    def workspace(self) -> str:
        """The workspace `terraform workspace select` chose here, else "default"."""
        try:
            terraform_dir = (self.modules_root or self.root) / ".terraform"
            name = (terraform_dir / "environment").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return "default"
        return name.strip() or "default"

    def installed_dir(self, key: str) -> Path | None:
        if self.installed is None:
            self.installed = installed_modules(self.modules_root or self.root)
        return self.installed.get(key)


class BlockList(list[Any]):
    """The evaluated nested blocks of one type (as opposed to a list-valued attribute)."""


class DynamicContent(dict[str, Any]):
    """One block a `dynamic` block generated (no static block of the body matches it)."""


class _DataValue(ResourceValue):
    def attribute(self, name: str) -> Any:
        return Unknown(f"data source {self.address} is not read in HCL mode")


class _AnsweredDataValue(ResourceValue):
    """A data source HCL mode answers offline (see datasources.py)."""

    def attribute(self, name: str) -> Any:
        if name in self:
            return self[name]
        return Unknown(f"{self.address}.{name} is not known without reading the data source")


def _resource_value(address: str, values: Mapping[str, Any]) -> ResourceValue:
    value = ResourceValue(values)
    value.address = address
    return value


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
            self._add_provider(block)

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
            return _convert(self.inputs[name], _type_name(block))
        default = block.body.attributes.get("default")
        if default is not None:
            return _convert(self.evaluator.evaluate(default.expr), _type_name(block))
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
            return _data_instance(_DataValue(), address, NO_INDEX)
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
        waits = _waits_for_resources(block)
        values = {}
        for index, scope in expansion:
            arguments = self.evaluate_body(block.body, scope, top=True)
            instance = _address(address, index)
            answer = read_data_source(data_type, arguments, region, instance)
            value: ResourceValue
            if answer is None:
                value = _DataValue()
            elif waits or _known_after_apply(arguments):
                # Terraform reads it during apply, after what it depends on is created.
                value = ResourceValue({k: v for k, v in arguments.items() if v is not None})
            else:
                value = _AnsweredDataValue(answer)
            values[index] = _data_instance(value, address, index)
        if block.body.attributes.get("count") is not None:
            return [values[i] for i, _ in expansion]
        if block.body.attributes.get("for_each") is not None:
            return {str(i): values[i] for i, _ in expansion}
        return values[NO_INDEX]

    # -- resources -------------------------------------------------------------------------
    def expansion(self, block: Block, label: str) -> list[tuple[Any, dict[str, Any]]] | Unknown:
        """[(index, scope)] for count/for_each; NO_INDEX when neither is set.

        Every expansion counts against the run's instance limits, so a resource or a
        module call that would expand past them stops the run (exit 2)."""
        where = f"{label} ({block.file}:{block.line})"
        count = block.body.attributes.get("count")
        for_each = block.body.attributes.get("for_each")
        if count is not None:
            return self._count_expansion(block, label, count, where)
        if for_each is not None:
            value = self.evaluator.evaluate(for_each.expr)
            unknown = value if isinstance(value, Unknown) else None
            if isinstance(value, list):
                unknown = contains_unknown(value)
            if unknown is not None:
                return unknown
            if isinstance(value, dict):
                pairs = [(k, value[k]) for k in sorted(value)]
            elif isinstance(value, list):
                pairs = [(to_string(v), v) for v in sorted({to_string(v) for v in value})]
            elif value is None:
                pairs = []
            else:
                raise EvalError(f"{label}: for_each must be a map or a set of strings")
            self.context.budget.check_expansion(where, len(pairs))
            return [(k, {"each": {"key": k, "value": v}}) for k, v in pairs]
        return [(NO_INDEX, {})]

    def _count_expansion(
        self, block: Block, label: str, count: Attribute, where: str
    ) -> list[tuple[Any, dict[str, Any]]] | Unknown:
        """A known count that is not a whole number of at least zero is a configuration
        Terraform refuses ("Invalid count argument"): the run stops (exit 2) rather than
        pricing the resource as if it were absent."""
        invalid = f"{count.file}:{count.line}: {label}: invalid count"
        try:
            value = self.evaluator.evaluate(count.expr)
        except NumberOutOfRange as error:
            raise PlanError(f"{invalid}: {error}") from None
        if isinstance(value, Unknown):
            return value
        if value is None:
            raise PlanError(f"{invalid}: null")
        try:
            number = to_number(value)
        except EvalError as error:
            raise PlanError(f"{invalid}: {error}") from None
        if not math.isfinite(number) or number != int(number):
            raise PlanError(f"{invalid}: must be a whole number, not {number!r}")
        if number < 0:
            raise PlanError(f"{invalid}: must not be negative, not {int(number)}")
        self.context.budget.check_expansion(where, int(number))
        return [(i, {"count": {"index": i}}) for i in range(int(number))]

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
        values = {
            index: _resource_value(
                _address(self.prefix + key, index), self.attributes(key, index, scope)
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
                lambda: schema.as_stored(
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
        iterator = _traversal_name(iterator_attr.expr) if iterator_attr else name
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
            prefix = f"{_address(address, index)}."
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
                        self._child_providers(block),
                    ),
                )
            )
        return instances

    def _module_directory(self, block: Block, name: str) -> Path | None:
        source_attr = block.body.attributes.get("source")
        source = self.evaluate_expr(source_attr.expr, {}) if source_attr else None
        # An absolute path is read in place: `terraform init` installs it as a link to it.
        if isinstance(source, str) and source.startswith(("./", "../", "/")):
            return self._confined(self.config.directory / source, block, name, source)
        key = f"{self.call_path}.{name}" if self.call_path else name
        installed = self.context.installed_dir(key)
        if installed is not None and installed.is_dir():
            written = source if isinstance(source, str) else f".terraform/modules: {key}"
            return self._confined(installed, block, name, written)
        self.context.notes.append(
            f"{self.prefix}module.{name} (source {source!r}, {block.file}:{block.line}) is not "
            "evaluated: only local modules (./, ../, an absolute path) or modules installed by "
            "`terraform init` in .terraform/modules are read; its resources are not priced."
        )
        return None

    def _confined(self, directory: Path, block: Block, name: str, written: str) -> Path | None:
        """`directory` when it may be read (finops_gate/confine.py); else a one-line
        error (HCL mode) or None with a note (plan mode's configuration reading)."""
        context = self.context
        if context.outside_repo == OutsideRepo.READ or is_inside(
            directory, context.module_boundaries()
        ):
            return directory
        where = f"{block.file}:{block.line}"
        field = f"{self.prefix}module.{name}.source"
        if context.outside_repo == OutsideRepo.REFUSE:
            raise PlanError(refusal(where, field, written))
        skipped = "not read: its provider blocks and resources are not evaluated"
        context.outside_notes.append(refusal(where, field, written, skipped))
        return None

    # -- providers -------------------------------------------------------------------------
    def _add_provider(self, block: Block) -> None:
        name = block.labels[0]
        alias_attr = block.body.attributes.get("alias")
        alias = self.evaluate_expr(alias_attr.expr, {}) if alias_attr else None
        key = f"{name}.{alias}" if isinstance(alias, str) else name
        region_attr = block.body.attributes.get("region")
        region = self.evaluate_expr(region_attr.expr, {}) if region_attr else None
        tags: Any = {}
        for default_tags in block.body.blocks_of("default_tags"):
            tag_attr = default_tags.body.attributes.get("tags")
            value = self.evaluate_expr(tag_attr.expr, {}) if tag_attr else {}
            if isinstance(value, Unknown) or contains_unknown(value) is not None:
                tags = contains_unknown(value)
            elif isinstance(value, dict) and isinstance(tags, dict):
                tags.update(
                    {k: to_string(v) for k, v in value.items() if isinstance(v, (str, int, float))}
                )
        self.providers[key] = ProviderInstance(key, region, tags)

    def _child_providers(self, block: Block) -> dict[str, ProviderInstance]:
        inherited = {k: v for k, v in self.providers.items() if "." not in k}
        mapping = block.body.attributes.get("providers")
        if mapping is None:
            return inherited
        for element in subtrees(_strip_expr(mapping.expr)):
            parts = subtrees(element)
            if len(parts) < 2:
                continue
            child_key = _traversal_name(parts[0])
            parent_key = _traversal_name(parts[-1])
            if parent_key in self.providers:
                inherited[child_key] = self.providers[parent_key]
        return inherited

    def provider_for(self, block: Block, resource_type: str) -> tuple[ProviderInstance | None, str]:
        provider_attr = block.body.attributes.get("provider")
        local_name = resource_type.split("_", 1)[0]
        key = _traversal_name(provider_attr.expr) if provider_attr else local_name
        if key in self.providers:
            return self.providers[key], "provider"
        if local_name in self.providers:
            return self.providers[local_name], "default_provider"
        return None, "fallback"

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
                    f"is unknown ({children.reason}); its resources are not priced."
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
            and (references := _references(value.expr, ""))
        }
        for name, block in self.config.modules.items():
            child = f"{path}.module.{name}" if path else f"module.{name}"
            self.context.module_inputs[child] = {
                key: tuple(references)
                for key, attribute in block.body.attributes.items()
                if key not in MODULE_META and (references := _references(attribute.expr, ""))
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
                f"({expansion.reason}); not priced."
            )
            return
        self.context.budget.add_instances(f"{address} ({block.file}:{block.line})", len(expansion))
        provider, region_source = self.provider_for(block, resource_type)
        for index, scope in expansion:
            values = self.attributes(key, index, scope)
            instance_address = _address(address, index)
            self._record(
                block, resource_type, name, index, instance_address, values, provider, region_source
            )

    def _record(
        self,
        block: Block,
        resource_type: str,
        name: str,
        index: Any,
        address: str,
        values: dict[str, Any],
        provider: ProviderInstance | None,
        region_source: str,
    ) -> None:
        tags = values.get("tags")
        if tags is not None and not isinstance(tags, (dict, Unknown)):
            # Terraform would refuse the plan; here the tags are just not known.
            values = {**values, "tags": Unknown(f"tags must be a map, not a {type_name(tags)}")}
        after, unknown = _split_top(values, resource_type)
        for attribute, value in values.items():
            found = contains_unknown(value)
            if found is not None:
                source = block.body.attributes.get(attribute)
                line = source.line if source else block.line
                self.context.unknowns.append(
                    UnknownValue(f"{address}.{attribute}", f"{block.file}:{line}", found.reason)
                )
        for attribute, default in schema.DEFAULTS.get(resource_type, {}).items():
            if attribute not in after and attribute not in unknown:
                after[attribute] = default
        for attribute in schema.computed_attributes(resource_type):
            if after.get(attribute) is None and attribute not in unknown:
                after.pop(attribute, None)
                unknown[attribute] = True
        default_tags: Any = provider.default_tags if provider else {}
        if not isinstance(default_tags, (dict, Unknown)):
            default_tags = Unknown("default_tags tags must be a map")
        tags_value = after.get("tags")
        if isinstance(tags_value, dict):  # map(string): terraform converts the values
            after["tags"] = {
                k: v if v is None or isinstance(v, (dict, list)) else to_string(v)
                for k, v in tags_value.items()
            }
        if schema.taggable(resource_type):
            if "tags" not in unknown:
                after.setdefault("tags", None)
            unknown.pop("tags_all", None)
            after.pop("tags_all", None)
            if unknown.get("tags") is True or isinstance(default_tags, Unknown):
                unknown["tags_all"] = True
            else:
                merged = dict(default_tags)
                merged.update(after.get("tags") or {})
                if merged:
                    after["tags_all"] = merged
                else:  # as the provider plans it: computed when there is nothing to merge
                    unknown["tags_all"] = True
        region = provider.region if provider else None
        if isinstance(region, Unknown):
            self.context.unknowns.append(
                UnknownValue(f"{address} region", f"{block.file}:{block.line}", region.reason)
            )
            region = None
        evidence = "the provider block"
        if not isinstance(region, str) or not region:
            region, region_source, evidence = self.context.default_region
        own_region = after.get("region")
        if isinstance(own_region, str) and own_region:
            region, region_source = own_region, "resource"
        else:
            key = provider.key if provider else resource_type.split("_", 1)[0]
            from_block = "provider" if region_source == "default_provider" else region_source
            self.context.provider_regions.setdefault(
                key, ProviderRegion(key, region, from_block, evidence)
            )
        tags, tags_known = effective_tags(
            after, unknown, default_tags if isinstance(default_tags, dict) else {}
        )
        if isinstance(default_tags, Unknown):
            tags_known = False
        self.context.resources.append(
            Resource(
                address=address,
                module_address=self.prefix[:-1] or None,
                type=resource_type,
                name=name,
                index=None if index is NO_INDEX else index,
                provider=resource_type.split("_", 1)[0],
                actions=("create",),
                action=Action.CREATE,
                before=None,
                after=after,
                after_unknown=unknown,
                region=region,
                region_source=region_source,
                tags=tags,
                tags_known=tags_known,
                config_expressions=_expressions(block.body, self.prefix, values),
                source_file=block.file,
                source_line=block.line,
            )
        )


def _waits_for_resources(block: Block) -> bool:
    """A data block whose `depends_on` names a resource or module: HCL mode sees only
    creates, so terraform would defer reading it to apply."""
    depends_on = block.body.attributes.get("depends_on")
    if depends_on is None:
        return False
    names = [_traversal_name(item) for item in subtrees(_strip_expr(depends_on.expr))]
    return any(name and not name.startswith("data.") for name in names)


def _known_after_apply(arguments: Mapping[str, Any]) -> bool:
    unknown = contains_unknown(dict(arguments))
    return unknown is not None and unknown.reason.endswith("is known only after apply")


def _data_instance(value: ResourceValue, address: str, index: Any) -> ResourceValue:
    value.address = _address(address, index)
    return value


def _address(base: str, index: Any) -> str:
    if index is NO_INDEX:
        return base
    if isinstance(index, int):
        return f"{base}[{index}]"
    return f"{base}[{json.dumps(index, ensure_ascii=False)}]"


def _split_top(
    values: Mapping[str, Any], resource_type: str = ""
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(after, after_unknown) as terraform writes them. Like the AWS provider (SDKv2), an
    attribute whose value holds any unknown (a map with an unknown value, a set of ids
    one of which is unknown) is wholly unknown, and so is a set of nested blocks whose
    elements cannot be told apart (schema.set_block_unknown); other nested blocks are
    split item by item."""
    after: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, BlockList) and schema.set_block_unknown(resource_type, name, value):
            unknown[name] = True
        elif isinstance(value, BlockList):
            items_after: list[Any] = []
            items_unknown: list[Any] = []
            for item in value:
                if isinstance(item, dict):
                    item_after, item_unknown = _split_top(item)
                else:
                    item_after, item_unknown = item, {}
                items_after.append(item_after)
                items_unknown.append(item_unknown)
            after[name] = items_after
            if any(items_unknown):
                unknown[name] = items_unknown
        elif contains_unknown(value) is not None:
            unknown[name] = True
        else:
            after[name] = value
    return after, unknown


def _strip_expr(node: Node) -> Node:
    while is_tree(node, "expr_term") and len(subtrees(node)) == 1 and len(node.children) == 1:
        node = subtrees(node)[0]
    return node


def _traversal_name(node: Node) -> str:
    """`aws.eu` -> "aws.eu"; `aws` -> "aws" (provider references are not values)."""
    node = _strip_expr(node)
    if is_tree(node, "identifier"):
        return str(node.children[0])
    if is_tree(node, "get_attr_expr_term"):
        target, attr = subtrees(node)
        return f"{_traversal_name(target)}.{subtrees(attr)[0].children[0]}"
    if is_tree(node, "expr_term") or is_tree(node, "object_elem_key"):
        inner = subtrees(node)
        return _traversal_name(inner[0]) if inner else ""
    if is_tree(node, "string"):
        return literal_string(node)
    return ""


def _references(node: Node, prefix: str) -> list[str]:
    """Terraform-style `references` of an expression (longest traversal first)."""
    found: list[str] = []

    def chain(term: Node) -> list[str] | None:
        term = _strip_expr(term)
        if is_tree(term, "identifier"):
            return [str(term.children[0])]
        if is_tree(term, "get_attr_expr_term"):
            target, attr = subtrees(term)
            base = chain(target)
            return None if base is None else [*base, f".{subtrees(attr)[0].children[0]}"]
        if is_tree(term, "index_expr_term"):
            target, index = subtrees(term)
            base = chain(target)
            key = _strip_expr(subtrees(index)[0]) if index.data == "braces_index" else None
            if base is None:
                return None
            if index.data == "short_index":
                return [*base, f"[{index.children[-1]}]"]
            if key is not None and is_tree(key, "int_lit"):
                return [*base, f"[{key.children[0]}]"]
            if key is not None and is_tree(key, "string") and len(key.children) <= 3:
                        return [*base, f"[{json.dumps(literal_string(key))}]"]
            return base
        return None

    def walk(current: Node) -> None:
        parts = chain(current) if is_tree(current) else None
        if parts is not None and len(parts) >= 2:
            text = "".join(parts)
            if text not in found:
                found.append(text)
            for cut in range(len(parts) - 1, 1, -1):
                shorter = "".join(parts[:cut])
                if shorter not in found:
                    found.append(shorter)
            for child in subtrees(current):
                if is_tree(child, "braces_index"):
                    walk(child)
            return
        for child in subtrees(current) if is_tree(current) else []:
            walk(child)

    walk(node)
    return found


def _expressions(body: Body | None, prefix: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """`references` per attribute, as a plan's configuration has them, plus what the
    evaluated values name: the resources their unknowns come from, as absolute
    references, first (they hold through locals, modules and `dynamic` blocks)."""
    result: dict[str, Any] = {}
    attributes = body.attributes if body is not None else {}
    for name, value in values.items():
        if isinstance(value, BlockList) or (body is not None and name in META_ATTRIBUTES):
            continue
        attribute = attributes.get(name)
        syntactic = _references(attribute.expr, prefix) if attribute is not None else []
        references = list(dict.fromkeys([*_origins(value), *syntactic]))
        if references:
            result[name] = {"references": references}
    static: dict[str, list[Block]] = {}
    for block in body.blocks if body is not None else []:
        if block.type not in META_BLOCKS and block.type != "dynamic":
            static.setdefault(block.type, []).append(block)
    for name, value in values.items():
        if not isinstance(value, BlockList):
            continue
        blocks = iter(static.get(name, []))
        items: list[dict[str, Any]] = []
        for item in value:
            written = None if isinstance(item, DynamicContent) else next(blocks, None)
            inner = written.body if written is not None else None
            items.append(_expressions(inner, prefix, item if isinstance(item, dict) else {}))
        result[name] = items
    return result


def _origins(value: Any) -> list[str]:
    """Absolute references to the resource instances a value comes from."""
    found: list[str] = []
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, Unknown):
            if current.origin:
                found.append(absolute(current.origin))
        elif isinstance(current, ResourceValue):
            if current.address and not isinstance(current, _DataValue):
                found.append(absolute(current.address))
        elif isinstance(current, dict):
            pending.extend(reversed(list(current.values())))
        elif isinstance(current, list):
            pending.extend(reversed(current))
    return list(dict.fromkeys(found))


def _type_name(block: Block) -> str | None:
    attribute: Attribute | None = block.body.attributes.get("type")
    if attribute is None:
        return None
    return _traversal_name(attribute.expr) or "complex"  # list(...), map(...), object(...)


def _convert(value: Any, type_name: str | None) -> Any:
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
