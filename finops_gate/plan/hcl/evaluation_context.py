"""What one HCL-mode run shares across every module instance it evaluates: the root
directory, loaded module configurations, file functions, limits, and what evaluation
finds (resource records, unknown values, notes, provider regions, module links)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from finops_gate.confine import OutsideRepo, real
from finops_gate.plan.hcl.config import ModuleFiles, installed_modules, load_module_config
from finops_gate.plan.hcl.filefunctions import file_functions
from finops_gate.plan.hcl.files import FileAccess, repository_top
from finops_gate.plan.hcl.functions import FUNCTIONS, Function
from finops_gate.plan.hcl.limits import Budget
from finops_gate.plan.providers import FALLBACK_REGION
from finops_gate.plan.region import NO_REGION
from finops_gate.plan.resource import ProviderRegion, Resource
from finops_gate.records import record


@record(frozen=False, slots=True)
class UnknownValue:
    where: str  # address.attribute
    location: str  # file:line
    reason: str

    @property
    def after_apply(self) -> bool:
        """Unknown in a plan too (a reference to a value computed by the provider)."""
        return self.reason.endswith("is known only after apply")


@record(frozen=False, slots=True)
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

