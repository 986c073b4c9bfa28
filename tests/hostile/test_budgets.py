"""HCL evaluation stays within its budgets: a hostile configuration ends in a clean
exit (2, or an unknown value with a note), never in a hang, a MemoryError or exit 3."""

from __future__ import annotations

import itertools
import json
import os
import resource
import subprocess
import sys
from fnmatch import fnmatchcase
from pathlib import Path

import pytest

from finops_gate.globs import address_glob_match, glob_match
from finops_gate.plan.hcl.functions import FUNCTIONS
from finops_gate.plan.hcl.values import EvalError

pytestmark = pytest.mark.slow

TIME_BOUND = 60  # seconds: a regression guard, not a benchmark
MATCH_TIME_BOUND = 15  # seconds for a run whose patterns took 20 s to 32 s before
MEMORY_BOUND = 1024 * 1024 * 1024  # bytes of address space for the whole run


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND, MEMORY_BOUND))


def run_hcl(
    tmp_path: Path, main_tf: str, *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the gate on a repository holding one main.tf, bounded in time and memory."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "main.tf").write_text(main_tf)
    return subprocess.run(
        [sys.executable, "-m", "finops_gate", ".", "--format", "json"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=TIME_BOUND,
        preexec_fn=_limit_memory,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2]), **(env or {})},
    )


def instance(extra: str) -> str:
    return f'resource "aws_instance" "a" {{\n  instance_type = "t3.micro"\n{extra}\n}}\n'


def unknown_reasons(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return json.dumps(json.loads(result.stdout)["plan"]["notes"])


def test_count_of_a_billion_stops_with_the_limit_named(tmp_path: Path) -> None:
    result = run_hcl(tmp_path, instance("  count = 1e9"))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        "finops-gate: error: aws_instance.a (main.tf:1): 1000000000 instances, more than the "
        "limit of 10000 per resource or module call; FINOPS_GATE_MAX_INSTANCES_PER_RESOURCE "
        "raises it"
    )


def test_the_instance_limit_can_be_raised(tmp_path: Path) -> None:
    result = run_hcl(
        tmp_path,
        instance("  count = 20001"),
        env={"FINOPS_GATE_MAX_INSTANCES_PER_RESOURCE": "20001"},
    )
    assert result.returncode in (0, 1), result.stderr
    assert len(json.loads(result.stdout)["resources"]) == 20001


def test_a_bad_limit_setting_is_refused(tmp_path: Path) -> None:
    result = run_hcl(tmp_path, instance(""), env={"FINOPS_GATE_MAX_INSTANCES": "lots"})
    assert result.returncode == 2
    assert "FINOPS_GATE_MAX_INSTANCES must be a positive whole number" in result.stderr


def test_total_instances_are_bounded(tmp_path: Path) -> None:
    blocks = "".join(
        f'resource "aws_instance" "r{n}" {{\n  count = 40\n  instance_type = "t3.micro"\n}}\n'
        for n in range(3)
    )
    result = run_hcl(tmp_path, blocks, env={"FINOPS_GATE_MAX_INSTANCES": "100"})
    assert result.returncode == 2, result.stderr
    assert "more than 100 resource and module instances in all" in result.stderr


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """The one error line of a run that stopped with exit 2."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    return result.stderr


# Terraform refuses an invalid count ("Invalid count argument"): so does the gate, naming
# the file, the line and the field, rather than pricing the resource as if it were absent.
def test_count_inf_is_an_invalid_count_not_a_crash(tmp_path: Path) -> None:
    result = run_hcl(tmp_path, instance("  count = 1e400"))
    assert refused(result) == (
        "finops-gate: error: main.tf:3: aws_instance.a: invalid count: "
        "number out of range (infinite or not a number)\n"
    )


@pytest.mark.parametrize(
    ("count", "why"),
    [
        ("1.5", "must be a whole number, not 1.5"),
        ("-1", "must not be negative, not -1"),
        ("null", "null"),
        ('"three"', "cannot convert 'three' to number"),
        ("true", "a bool cannot be used as a number"),
    ],
)
def test_a_count_terraform_refuses_is_exit_2(tmp_path: Path, count: str, why: str) -> None:
    result = run_hcl(tmp_path, instance(f"  count = {count}"))
    assert refused(result) == f"finops-gate: error: main.tf:3: aws_instance.a: invalid count: {why}\n"


def test_a_count_given_as_a_numeric_string_is_converted(tmp_path: Path) -> None:
    result = run_hcl(tmp_path, instance('  count = "2"'))
    assert result.returncode in (0, 1), result.stderr
    addresses = [r["address"] for r in json.loads(result.stdout)["resources"]]
    assert addresses == ["aws_instance.a[0]", "aws_instance.a[1]"]


def test_for_each_over_range_1e8_is_refused_before_it_is_built(tmp_path: Path) -> None:
    result = run_hcl(tmp_path, instance("  for_each = toset([for i in range(1e8) : tostring(i)])"))
    assert "range: 100000000 elements, more than the limit of 100000" in unknown_reasons(result)


def test_nested_for_over_large_ranges_runs_out_of_steps(tmp_path: Path) -> None:
    source = (
        "locals { x = [for i in range(100000) : [for j in range(100000) : i * j]] }\n"
        + instance("  tags = { n = length(local.x) }")
    )
    result = run_hcl(tmp_path, source, env={"FINOPS_GATE_MAX_EVALUATION_STEPS": "2000000"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        "finops-gate: error: evaluating the configuration took more than 2000000 steps (an "
        "expression over a huge range or a deep module recursion?); "
        "FINOPS_GATE_MAX_EVALUATION_STEPS raises the limit"
    )


def test_string_doubling_becomes_unknown_at_the_length_limit(tmp_path: Path) -> None:
    names = [f"s{n}" for n in range(30)]
    lines = [f'  {names[0]} = "{"a" * 64}"'] + [
        f'  {name} = "${{local.{previous}}}${{local.{previous}}}"'
        for previous, name in itertools.pairwise(names)
    ]
    source = (
        "locals {\n"
        + "\n".join(lines)
        + "\n}\n"
        + instance(f"  tags = {{ n = local.{names[-1]} }}")
    )
    reasons = unknown_reasons(run_hcl(tmp_path, source))
    assert "longer than the limit of 1048576 (FINOPS_GATE_MAX_STRING_LENGTH" in reasons


def test_a_join_past_the_length_limit_is_refused_before_joining(tmp_path: Path) -> None:
    source = instance('  tags = { n = join("", [for i in range(100000) : "${i}xxxxxxxxxxxx"]) }')
    assert "longer than the limit of 1048576" in unknown_reasons(run_hcl(tmp_path, source))


def test_a_huge_format_width_is_refused_before_padding(tmp_path: Path) -> None:
    source = instance('  tags = { n = format("%0999999999d", 1) }')
    reasons = unknown_reasons(run_hcl(tmp_path, source))
    assert "format: width 999999999 is larger than the string length limit" in reasons


def test_cidrsubnet_on_ipv6_is_computed_not_enumerated(tmp_path: Path) -> None:
    source = instance('  tags = { n = cidrsubnet("2001:db8::/32", 96, 4000000000) }')
    assert "tags" not in unknown_reasons(run_hcl(tmp_path, source))


@pytest.mark.parametrize(
    ("prefix", "newbits", "netnum", "expected"),
    [  # the examples of Terraform's documentation, and one far into an IPv6 prefix
        ("172.16.0.0/12", 4, 2, "172.18.0.0/16"),
        ("10.1.2.0/24", 4, 15, "10.1.2.240/28"),
        ("fd00:fd12:3456:7890::/56", 16, 162, "fd00:fd12:3456:7800:a200::/72"),
        ("2001:db8::/32", 96, 4000000000, "2001:db8::ee6b:2800/128"),
    ],
)
def test_cidrsubnet_values(prefix: str, newbits: int, netnum: int, expected: str) -> None:
    assert FUNCTIONS["cidrsubnet"](prefix, newbits, netnum) == expected


@pytest.mark.parametrize(("newbits", "netnum"), [(8, 256), (20, 1), (-1, 0), (8, -1)])
def test_cidrsubnet_out_of_range(newbits: int, netnum: int) -> None:
    with pytest.raises(EvalError, match="cidrsubnet"):
        FUNCTIONS["cidrsubnet"]("10.0.0.0/16", newbits, netnum)


def test_dynamic_with_a_number_as_for_each_is_unknown_not_a_crash(tmp_path: Path) -> None:
    source = instance(
        '  dynamic "ebs_block_device" {\n    for_each = 3\n'
        "    content {\n      volume_size = 1\n    }\n  }"
    )
    reasons = unknown_reasons(run_hcl(tmp_path, source))
    assert "for_each must be a collection, not number" in reasons


def test_a_number_beyond_float_range_is_out_of_range_not_infinity(tmp_path: Path) -> None:
    source = instance("  root_block_device {\n    volume_size = 1e400\n  }")
    assert "number out of range (infinite or not a number)" in unknown_reasons(
        run_hcl(tmp_path, source)
    )


def test_a_5000_digit_count_is_out_of_range_not_a_crash(tmp_path: Path) -> None:
    result = run_hcl(tmp_path, instance(f"  count = {'9' * 5000}"))
    assert refused(result).endswith(
        "main.tf:3: aws_instance.a: invalid count: number out of range (5000 digits)\n"
    )


def test_arithmetic_past_float_range_is_out_of_range(tmp_path: Path) -> None:
    source = instance("  root_block_device {\n    volume_size = 1e300 * 1e300\n  }")
    assert "number out of range" in unknown_reasons(run_hcl(tmp_path, source))


def run_json_config(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "main.tf.json").write_text(text)
    return subprocess.run(
        [sys.executable, "-m", "finops_gate", "."],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=TIME_BOUND,
        preexec_fn=_limit_memory,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )


def test_an_unterminated_interpolation_in_tf_json_is_bad_input(tmp_path: Path) -> None:
    config = {"resource": {"aws_instance": {"a": {"instance_type": "t3.micro", "ami": "${"}}}}
    result = run_json_config(tmp_path, json.dumps(config))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "finops-gate: error: main.tf.json: a template with an unterminated ${ or %{ sequence"
    )


@pytest.mark.parametrize("depth", [900, 100_000])
def test_deeply_nested_tf_json_is_bad_input(tmp_path: Path, depth: int) -> None:
    result = run_json_config(tmp_path, '{"locals": {"x": ' + "[" * depth + "]" * depth + "}}")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("finops-gate: error: main.tf.json: ")
    assert "nested too deeply" in result.stderr


def test_deeply_nested_hcl_is_not_an_internal_error(tmp_path: Path) -> None:
    result = run_hcl(tmp_path, "locals { x = " + "[" * 30000 + "]" * 30000 + " }\n" + instance(""))
    assert result.returncode in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_module_that_calls_itself_with_count_stops(tmp_path: Path) -> None:
    module = tmp_path / "repo" / "m"
    module.mkdir(parents=True)
    (module / "main.tf").write_text(
        'module "again" {\n  source = "./"\n  count  = 3\n}\n' + instance("")
    )
    result = run_hcl(tmp_path, 'module "m" {\n  source = "./m"\n}\n')
    assert result.returncode == 2, result.stderr
    assert "does a module call itself?" in result.stderr


# -- regular expressions and globs ------------------------------------------------------

SLOW_TAG = "a" * 29 + "!"  # (a+)+$ backtracks 2**29 times on it in Python's engine


def run_with_policy(tmp_path: Path, main_tf: str, policy: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "policy.yml").write_text(policy)
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "main.tf").write_text(main_tf)
    return subprocess.run(
        [sys.executable, "-m", "finops_gate", ".", "--policy", str(tmp_path / "policy.yml")],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=MATCH_TIME_BOUND,
        preexec_fn=_limit_memory,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )


TAGGED = instance(f'  tags = {{ Team = "{SLOW_TAG}" }}')


def test_a_catastrophic_tag_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    policy = (
        "policies:\n  - id: tags\n    kind: required_tags\n    enforcement: hard-mandatory\n"
        "    tags:\n      Team: {pattern: '(a+)+$'}\n"
    )
    result = run_with_policy(tmp_path, TAGGED, policy)
    assert result.returncode == 1, result.stderr
    assert f'tag "Team" = "{SLOW_TAG}" does not match "(a+)+$"' in result.stdout


def test_a_backtracking_only_pattern_is_cut_off_by_the_timeout(tmp_path: Path) -> None:
    # A backreference has no linear-time engine: Python's runs it, under the timer.
    policy = (
        "policies:\n  - id: tags\n    kind: required_tags\n    enforcement: hard-mandatory\n"
        "    tags:\n      Team: {pattern: '(a+)+(?=x)\\1'}\n"
    )
    result = run_with_policy(tmp_path, TAGGED, policy)
    assert result.returncode == 2, result.stderr
    assert "required-tags pattern: the regular expression" in result.stderr
    assert "took more than 1 s (FINOPS_GATE_REGEX_TIMEOUT raises the limit" in result.stderr


def test_a_waiver_glob_with_many_stars_is_matched_without_backtracking(tmp_path: Path) -> None:
    policy = (
        "policies:\n  - id: " + "a" * 60 + "\n    kind: required_tags\n"
        "    enforcement: hard-mandatory\n    tags:\n      Owner: {}\n"
        "waivers:\n  - policy: '*a*a*a*a*a*a*a*a*a*a*b'\n    address: '*'\n"
        "    reason: r\n    expires: 2099-01-01\n"
    )
    result = run_with_policy(tmp_path, TAGGED, policy)
    assert result.returncode == 2, result.stderr
    assert "waivers[0].policy: no policy '*a*a*a*a*a*a*a*a*a*a*b'" in result.stderr


def test_an_address_glob_with_many_stars_is_matched_without_backtracking(
    tmp_path: Path,
) -> None:
    name = "a" * 40
    policy = (
        "policies:\n  - id: tags\n    kind: required_tags\n"
        "    enforcement: hard-mandatory\n    tags:\n      Owner: {}\n"
        "waivers:\n  - policy: tags\n    address: '*a*a*a*a*a*a*a*a*a*a*a*a*b'\n"
        "    reason: r\n    expires: 2099-01-01\n"
    )
    source = f'resource "aws_instance" "{name}" {{\n  instance_type = "t3.micro"\n}}\n'
    result = run_with_policy(tmp_path, source, policy)
    assert result.returncode == 1, result.stderr  # not waived: the glob does not match


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ('replace("abc", "/(/", "x")', "replace: invalid regular expression"),
        ('regex("(", "abc")', "regex: invalid regular expression"),
        ('regex("[0-9]+", "abc")', "regex: no match"),
        # RE2's own error, from a replacement naming a group the pattern does not have
        ('replace("abc", "/(b)/", "$2")', "replace: bad group index"),
    ],
)
def test_a_bad_hcl_regex_is_an_unknown_value(tmp_path: Path, expression: str, reason: str) -> None:
    source = instance(f"  tags = {{ n = {expression} }}")
    assert reason in unknown_reasons(run_hcl(tmp_path, source))


def test_a_catastrophic_hcl_regex_runs_in_linear_time(tmp_path: Path) -> None:
    source = instance(f'  tags = {{ n = replace("{SLOW_TAG}", "/(a+)+$/", "x") }}')
    assert "tags" not in unknown_reasons(run_hcl(tmp_path, source))


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [  # Terraform's documented examples
        ("[a-z]+", "53453453.345345aaabbbccc23454", "aaabbbccc"),
        (
            "^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?",
            "https://terraform.io/docs/",
            {"authority": "terraform.io", "scheme": "https"},
        ),
        ("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01", ["2019", "02", "01"]),
    ],
)
def test_regex_results(pattern: str, text: str, expected: object) -> None:
    assert FUNCTIONS["regex"](pattern, text) == expected


def test_regexall_and_replace_with_groups() -> None:
    assert FUNCTIONS["regexall"]("[a-z]+", "1234abcd5678efgh9") == ["abcd", "efgh"]
    assert FUNCTIONS["replace"]("hello world", "/w(or)ld/", "$1 ${1}") == "hello or or"


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("*.metal*", "m5.metal", True),
        ("m5.[!x]large", "m5.large", False),
        ("m5.[a-z]large", "m5.xlarge", True),
        ("[!t]*", "t3.micro", False),
        ("*a*a*a*a*a*a*b", "a" * 10_000, False),
        ("a[", "a[", True),
        ("**", "", True),
    ],
)
def test_glob_match_as_fnmatch_does(pattern: str, text: str, expected: bool) -> None:
    assert glob_match(text, pattern) is expected
    if len(text) < 100:
        assert fnmatchcase(text, pattern) is expected


def test_address_globs_treat_brackets_as_literal() -> None:
    assert address_glob_match('aws_instance.web["a"]', 'aws_instance.web["a"]')
    assert not address_glob_match("aws_instance.web[a]", "aws_instance.weba")
    assert address_glob_match("module.legacy.*", "module.legacy.aws_s3_bucket.b")


def test_sets_of_100000_elements_are_built_in_linear_time(tmp_path: Path) -> None:
    source = instance(
        '  tags = { n = length(toset([for i in range(100000) : "x${i}"])), '
        "m = length(distinct(range(100000))), "
        "u = length(setunion(range(100000), range(50000))) }"
    )
    assert "tags" not in unknown_reasons(run_hcl(tmp_path, source))


def test_distinct_and_set_functions_keep_terraform_equality() -> None:
    assert FUNCTIONS["distinct"]([1, 1.0, True, "1", [1], [1]]) == [1, True, "1", [1]]
    assert FUNCTIONS["setintersection"]([1, 2, 3], [3, 2]) == [2, 3]
    assert FUNCTIONS["setsubtract"](["a", "b"], ["a"]) == ["b"]
    assert FUNCTIONS["setunion"](["a"], ["b", "a"]) == ["a", "b"]


@pytest.mark.parametrize("wrap", ["abs(%s)", "(%s)"])
def test_a_deeply_nested_count_is_unknown_not_a_recursion_crash(tmp_path: Path, wrap: str) -> None:
    expression = "1"
    for _ in range(1500):
        expression = wrap % expression
    result = run_hcl(tmp_path, instance(f"  count = {expression}"))
    assert "count/for_each is unknown (nested too deeply)" in unknown_reasons(result)


def test_an_invalid_fileset_pattern_is_an_unknown_value(tmp_path: Path) -> None:
    source = instance('  tags = { n = length(fileset(path.module, "[z-a]")) }')
    assert "fileset: invalid pattern" in unknown_reasons(run_hcl(tmp_path, source))


def test_a_list_of_tags_with_default_tags_is_unknown_not_a_crash(tmp_path: Path) -> None:
    source = (
        'provider "aws" {\n  region = "us-east-1"\n'
        '  default_tags {\n    tags = { Team = "x" }\n  }\n}\n'
    ) + instance('  tags = ["a", "b"]')
    reasons = unknown_reasons(run_hcl(tmp_path, source))
    assert "aws_instance.a.tags (main.tf:9: tags must be a map, not a list)" in reasons


# Crashes the HCL fuzz target (tests/hostile/test_fuzz_hcl.py) found.


@pytest.mark.parametrize(
    "default",
    ["local.x", "var.other", "each.key", "abs()", "1 / {}", "aws_instance.a.id", "!0[*].id"],
)
def test_a_variable_default_terraform_would_reject_is_not_a_crash(
    tmp_path: Path, default: str
) -> None:
    """Root variables are evaluated for the report even when no resource uses them."""
    source = f'variable "v" {{\n  default = {default}\n}}\n' + instance("")
    result = run_hcl(tmp_path, source)
    assert result.returncode in (0, 1), result.stderr
    assert [r["address"] for r in json.loads(result.stdout)["resources"]] == ["aws_instance.a"]


@pytest.mark.parametrize(
    ("meta", "reason"),
    [
        ("for_each = abs()", "abs() cannot take these 0 argument(s)"),
        ("count = length(1, 2)", "length() cannot take these 2 argument(s)"),
        ("count = can(abs()) ? 0 : 1", None),
    ],
)
def test_a_function_called_with_the_wrong_arguments_is_an_evaluation_error(
    tmp_path: Path, meta: str, reason: str | None
) -> None:
    result = run_hcl(tmp_path, instance(f"  {meta}"))
    if reason is None:  # can() sees the error: count = 1
        assert result.returncode in (0, 1), result.stderr
        resources = json.loads(result.stdout)["resources"]
        assert [r["address"] for r in resources] == ["aws_instance.a[0]"]
    else:
        assert reason in unknown_reasons(result)
