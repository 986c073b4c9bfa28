"""CodeBuild project (depends on usage): on-demand build minutes.

The environment's `type` and `compute_type` choose the rate: `LINUX_CONTAINER` -> `linux`,
`WINDOWS_CONTAINER` / `WINDOWS_SERVER_2019_CONTAINER` -> `windows`, `ARM_CONTAINER` ->
`arm`, `LINUX_GPU_CONTAINER` -> `linux-gpu` (others: their name in lower case, words
joined by `-`); `BUILD_GENERAL1_SMALL` -> `general1.small`. The bundled table has the
us-east-1 Linux small/medium/large and Windows large rates; others are price not found.

- Build minutes (usage: `monthly_build_mins`): minute,
  `codebuild:<environment>:<compute type>`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_codebuild_project",)
USAGE_KEYS = ("monthly_build_mins",)
ENVIRONMENTS = {
    "LINUX_CONTAINER": "linux",
    "WINDOWS_CONTAINER": "windows",
    "WINDOWS_SERVER_2019_CONTAINER": "windows",
    "WINDOWS_SERVER_2022_CONTAINER": "windows",
    "ARM_CONTAINER": "arm",
    "LINUX_GPU_CONTAINER": "linux-gpu",
}
COMPUTE_PREFIX = "BUILD_"


def environment_slug(environment_type: str) -> str:
    known = ENVIRONMENTS.get(environment_type)
    return known or environment_type.lower().replace("_", "-")


def compute_slug(compute_type: str) -> str:
    """BUILD_GENERAL1_SMALL -> general1.small, BUILD_LAMBDA_1GB -> lambda.1gb."""
    family, _, size = compute_type.removeprefix(COMPUTE_PREFIX).lower().partition("_")
    return f"{family}.{size}" if size else family


def estimate(view: AttributeView) -> list[ComponentSpec]:
    environments = view.blocks("environment")
    if not environments:
        raise UnknownAttributeError("environment")
    environment = environments[0]
    environment_type = environment.required_string("type")
    compute_type = environment.required_string("compute_type")
    env, compute = environment_slug(environment_type), compute_slug(compute_type)
    return [
        usage_spec(
            view,
            f"Build minutes ({env}, {compute})",
            "minute",
            keys.codebuild_minute(env, compute),
            "monthly_build_mins",
        )
    ]
