"""Hostile input files and process faults: each ends in one escaped line and exit 2.

Every case runs the CLI in a subprocess with a time bound and an address-space bound, so
a hang or a memory blow-up fails the test instead of taking the machine.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "tests" / "fixtures" / "terraform" / "compute_us_east_1" / "plan.json"
MEMORY_BOUND = 1536 * 1024 * 1024
TIME_BOUND = 60
BIG_NUMBER = "9" * 5000


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND, MEMORY_BOUND))


def run_gate(
    args: list[str], env: dict[str, str] | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    environment.pop("FINOPS_GATE_DEBUG", None)
    environment.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(
        [sys.executable, "-m", "finops_gate", *args],
        input=stdin.decode("latin-1"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=environment,
        timeout=TIME_BOUND,
        preexec_fn=_bounded,
        check=False,
    )
    return result


def assert_could_not_run(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit 2, and stderr is one line naming the problem: no traceback, no raw newline."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("finops-gate: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def write_plan(path: Path, document: dict[str, object]) -> str:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


# Plan files


@pytest.mark.parametrize(
    ("version", "shown"),
    [
        pytest.param(BIG_NUMBER, "(5000 characters)", id="5000-digits"),
        pytest.param("\u00b9.0", "unrecognised format_version", id="superscript"),
        pytest.param("2" + BIG_NUMBER, "(5001 characters)", id="newer-5001-digits"),
    ],
)
def test_format_version_that_int_refuses(tmp_path: Path, version: str, shown: str) -> None:
    plan = write_plan(tmp_path / "plan.json", {"format_version": version, "resource_changes": []})
    result = run_gate([plan])
    assert_could_not_run(result, "plan.json", shown)
    assert len(result.stderr) < 300


def test_format_version_with_a_workflow_command_stays_on_one_line(tmp_path: Path) -> None:
    version = "x\n::error::owned\u202e"
    plan = write_plan(tmp_path / "plan.json", {"format_version": version, "resource_changes": []})
    result = run_gate([plan])
    assert_could_not_run(result, "\\n::error::owned\\u202e")
    assert "\u202e" not in result.stderr


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe" + '{"format_version":"1.2"}'.encode("utf-16-le") + b"x", "truncated"),
        (b'\xff\xfe{\x00"\x00\x00\xd8"\x00}\x00', "surrogate"),
    ],
)
def test_broken_utf16_plan(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(data)
    assert_could_not_run(run_gate([str(path)]), "not valid UTF-16", reason)


def test_plan_from_a_device_is_refused_unread() -> None:
    assert_could_not_run(run_gate(["/dev/zero"]), "/dev/zero", "not a regular file")


def test_plan_size_cap(tmp_path: Path) -> None:
    env = {"FINOPS_GATE_MAX_PLAN_BYTES": "100"}
    assert_could_not_run(run_gate([str(PLAN)], env), "FINOPS_GATE_MAX_PLAN_BYTES", "100 bytes")
    stdin = run_gate(["-"], env, PLAN.read_bytes())
    assert_could_not_run(stdin, "<stdin>", "FINOPS_GATE_MAX_PLAN_BYTES")


def test_plan_through_a_pipe_is_still_read(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f'cat "{PLAN}" > "{fifo}"'])
    try:
        result = run_gate([str(fifo)])
    finally:
        writer.wait(timeout=TIME_BOUND)
    assert result.returncode in (0, 1), result.stderr


def test_plan_key_with_a_newline_is_escaped(tmp_path: Path) -> None:
    document = json.loads(PLAN.read_text(encoding="utf-8"))
    document["resource_changes"][0]["change"] = {"actions": ["create"], "x\n::error::y": 1}
    document["resource_changes"][0]["index"] = {"a\n::warning::b": 1}
    result = run_gate([write_plan(tmp_path / "plan.json", document)])
    assert result.returncode in (0, 1, 2), result.stderr
    assert "\n::" not in result.stderr and "Traceback" not in result.stderr


# Policy, usage and `policy test` files


IMPOSSIBLE = [
    pytest.param(
        "policies: []\nwaivers:\n- policy: x\n  expires: 2026-13-45\n", "line 4", id="date"
    ),
    pytest.param(f"policies: []\nextra: {BIG_NUMBER}\n", "too many digits", id="integer"),
    pytest.param("policies: " + "[" * 100000 + "]" * 100000 + "\n", "nested deeper", id="nesting"),
]


@pytest.mark.parametrize(("text", "reason"), IMPOSSIBLE)
def test_policy_file_values_yaml_cannot_build(tmp_path: Path, text: str, reason: str) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text(text, encoding="utf-8")
    assert_could_not_run(run_gate([str(PLAN), "--policy", str(policy)]), "policy.yml", reason)
    validate = run_gate(["policy", "validate", str(policy)])
    assert_could_not_run(validate, "policy.yml", reason)


USAGE = [
    pytest.param(
        "version: 0.1\nresource_usage:\n  aws_instance.a:\n    hours: 2026-13-45\n",
        "line 4",
        id="date",
    ),
    pytest.param(f"version: 0.1\nresource_usage: {BIG_NUMBER}\n", "too many digits", id="integer"),
    pytest.param("version: " + "[" * 100000 + "]" * 100000 + "\n", "nested deeper", id="nesting"),
]


@pytest.mark.parametrize(("text", "reason"), USAGE)
def test_usage_file_values_yaml_cannot_build(tmp_path: Path, text: str, reason: str) -> None:
    usage = tmp_path / "usage.yml"
    usage.write_text(text, encoding="utf-8")
    result = run_gate([str(PLAN), "--usage-file", str(usage)])
    assert_could_not_run(result, "usage.yml", reason)


def _policy_test_dir(tmp_path: Path, expected: str) -> Path:
    case = tmp_path / "cases" / "one"
    case.mkdir(parents=True)
    (tmp_path / "cases" / "policy.yml").write_text("policies: []\n", encoding="utf-8")
    (case / "plan.json").write_bytes(PLAN.read_bytes())
    (case / "expected.yml").write_text(expected, encoding="utf-8")
    return tmp_path / "cases"


@pytest.mark.parametrize(("text", "reason"), IMPOSSIBLE)
def test_policy_test_expected_file_yaml_cannot_build(
    tmp_path: Path, text: str, reason: str
) -> None:
    directory = _policy_test_dir(tmp_path, text)
    result = run_gate(["policy", "test", str(directory)])
    assert_could_not_run(result, "expected.yml", reason)


def test_a_50_mb_policy_is_refused_unread(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    with policy.open("w", encoding="utf-8") as file:
        file.write("policies: []\n")
        file.write("# padding\n" * (5 * 1024 * 1024))
    result = run_gate([str(PLAN), "--policy", str(policy)])
    assert_could_not_run(result, "FINOPS_GATE_MAX_POLICY_BYTES")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_policy_and_usage_from_a_device_are_refused(device: str) -> None:
    assert_could_not_run(run_gate([str(PLAN), "--policy", device]), device, "not a regular")
    assert_could_not_run(run_gate([str(PLAN), "--usage-file", device]), device, "not a regular")


def test_policy_key_with_a_newline_and_bidi_override_is_escaped(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text('"a\\n::error::b\\u202e": 1\n', encoding="utf-8")
    result = run_gate([str(PLAN), "--policy", str(policy)])
    assert_could_not_run(result, "a\\n::error::b\\u202e")


def test_usage_key_with_a_newline_is_escaped(tmp_path: Path) -> None:
    usage = tmp_path / "usage.yml"
    usage.write_text(
        'version: 0.1\nresource_usage:\n  "aws_instance.a\\n::error::x":\n    hours: 1\n',
        encoding="utf-8",
    )
    strict = run_gate([str(PLAN), "--usage-file", str(usage), "--strict-usage"])
    assert_could_not_run(strict, "\\n::error::x")
    # without --strict-usage the entry is ignored with a warning: escaped the same way
    warned = run_gate([str(PLAN), "--usage-file", str(usage)])
    assert warned.returncode in (0, 1)
    assert "\\n::error::x" in warned.stderr
    assert "\n::error::x" not in warned.stderr


def test_file_name_with_control_characters_is_escaped(tmp_path: Path) -> None:
    result = run_gate([str(tmp_path / "no\n::error::such\x1b[31m.json")])
    assert_could_not_run(result, "no\\n::error::such\\x1b[31m.json")


# Price tables and usage quantities


BUNDLED_TABLE = ROOT / "pricing" / "aws.json"
A_PRICE = b'"ec2:u7in-32tb.224xlarge":[360.98695,'


@pytest.mark.parametrize(
    ("price", "reason"),
    [
        pytest.param(b"-1", "negative", id="negative"),
        pytest.param(b"1e12", "not a plausible unit price", id="absurd"),
        pytest.param(b"1e400", "not valid JSON", id="infinite"),
        pytest.param(b"NaN", "not valid JSON", id="nan"),
    ],
)
def test_price_that_is_not_a_price_is_refused_at_load(
    tmp_path: Path, price: bytes, reason: str
) -> None:
    data = BUNDLED_TABLE.read_bytes()
    assert A_PRICE in data
    table = tmp_path / "prices.json"
    table.write_bytes(data.replace(A_PRICE, A_PRICE.replace(b"360.98695", price)))
    result = run_gate([str(PLAN), "--prices", str(table), "--format", "json"])
    assert_could_not_run(result, "prices.json", reason)
    assert "Infinity" not in result.stdout and "inf" not in result.stdout


def test_price_table_with_invalid_utf8_in_a_region_name(tmp_path: Path) -> None:
    data = BUNDLED_TABLE.read_bytes()
    table = tmp_path / "prices.json"
    table.write_bytes(data.replace(b'\n  "us-east-1":{', b'\n  "us-east-\xff":{', 1))
    result = run_gate([str(PLAN), "--prices", str(table)])
    assert_could_not_run(result, "prices.json", "UTF-8")


def test_price_table_size_cap_and_device() -> None:
    env = {"FINOPS_GATE_MAX_PRICES_BYTES": "1000"}
    result = run_gate([str(PLAN), "--prices", str(BUNDLED_TABLE)], env)
    assert_could_not_run(result, "FINOPS_GATE_MAX_PRICES_BYTES")
    assert_could_not_run(run_gate([str(PLAN), "--prices", "/dev/zero"]), "not a regular")


@pytest.mark.parametrize("quantity", [".inf", ".nan", "1e308", "-.inf"])
def test_usage_quantity_that_would_overflow_a_cost(tmp_path: Path, quantity: str) -> None:
    usage = tmp_path / "usage.yml"
    usage.write_text(
        "version: 0.1\nresource_type_default_usage:\n  aws_lambda_function:\n"
        f"    monthly_requests: {quantity}\n",
        encoding="utf-8",
    )
    result = run_gate([str(PLAN), "--usage-file", str(usage)])
    assert_could_not_run(result, "monthly_requests", "no larger than")


# Process and output


def test_report_to_a_full_disk_is_exit_2() -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        for args in ([str(PLAN)], ["policy", "validate", "default"], ["pricing", "info"]):
            result = subprocess.run(
                [sys.executable, "-m", "finops_gate", *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                timeout=TIME_BOUND,
                check=False,
            )
            assert result.returncode == 2, (args, result.stderr)
            assert "No space left on device" in result.stderr
            assert "Traceback" not in result.stderr and "internal error" not in result.stderr
            assert "Exception ignored" not in result.stderr


def test_interrupt_while_importing_is_one_line() -> None:
    """Ctrl-C while the CLI's modules load (simulated: importing click raises it)."""
    code = (
        "import builtins, runpy\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *args, **kwargs):\n"
        "    if name == 'click':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupted\n"
        "runpy.run_module('finops_gate', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(PLAN)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=TIME_BOUND,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "finops-gate: interrupted\n"


def test_sigterm_while_importing_is_exit_2_with_a_message() -> None:
    """SIGTERM (a cancelled CI job) while the CLI's modules load (simulated: importing
    click sends it)."""
    code = (
        "import builtins, os, runpy, signal\n"
        "real = builtins.__import__\n"
        "def terminated(name, *args, **kwargs):\n"
        "    if name == 'click':\n"
        "        os.kill(os.getpid(), signal.SIGTERM)\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = terminated\n"
        "runpy.run_module('finops_gate', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(PLAN)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=TIME_BOUND,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "finops-gate: error: terminated (SIGTERM)\n"
    assert result.stdout == ""


def test_sigterm_is_exit_2_with_a_message_and_no_partial_report(tmp_path: Path) -> None:
    """SIGTERM while the gate waits on a plan that is still being written (a FIFO)."""
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)
    report = tmp_path / "report.json"
    gate = subprocess.Popen(
        [sys.executable, "-m", "finops_gate", str(fifo), "--output", str(report)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    with open(fifo, "w", encoding="utf-8") as writer:  # the gate has opened it: it runs
        writer.write('{"format_version": "1.2",')
        writer.flush()
        gate.terminate()
        _, err = gate.communicate(timeout=TIME_BOUND)
    assert gate.returncode == 2
    assert err == "finops-gate: error: terminated (SIGTERM)\n"
    assert list(tmp_path.iterdir()) == [fifo]


def test_output_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("previous report\n", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(report.name)
    result = run_gate([str(PLAN), "--format", "json", "--output", str(link)])
    assert result.returncode in (0, 1), result.stderr
    assert link.is_symlink()
    assert json.loads(report.read_text(encoding="utf-8"))["schema_version"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.json", "report.json"]
    failed = run_gate([str(tmp_path / "missing.json"), "--output", str(report)])
    assert failed.returncode == 2
    assert json.loads(report.read_text(encoding="utf-8"))["schema_version"] == 1


def test_replaced_output_keeps_its_permissions(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("previous\n", encoding="utf-8")
    report.chmod(0o640)
    result = run_gate([str(PLAN), "--output", str(report)])
    assert result.returncode in (0, 1), result.stderr
    assert report.stat().st_mode & 0o777 == 0o640
    assert report.read_text(encoding="utf-8").startswith("finops-gate verdict:")


def test_output_through_a_pipe_path_is_written_in_place(tmp_path: Path) -> None:
    result = run_gate([str(PLAN), "--format", "json", "--output", "/dev/stdout"])
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["schema_version"] == 1


def test_base_that_is_not_a_ref_is_named(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "main.tf").write_text('resource "aws_eip" "a" {}\n', encoding="utf-8")
    git("add", ".")
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "x")
    result = run_gate([str(tmp_path), "--base", "no-such-ref"])
    assert_could_not_run(result, "--base 'no-such-ref'", "no such branch, tag or commit")


def test_policy_test_output_is_one_escaped_line_per_item(tmp_path: Path) -> None:
    root = tmp_path / "cases"
    case = root / "one\n::error::from-a-folder-name"
    case.mkdir(parents=True)
    (root / "policy.yml").write_text("policies: []\n", encoding="utf-8")
    (case / "plan.json").write_bytes(PLAN.read_bytes())
    (case / "expected.yml").write_text(
        'findings:\n  - {policy: "x\\n::warning::from-expected\\u202e"}\n', encoding="utf-8"
    )
    result = run_gate(["policy", "test", str(root)])
    assert result.returncode == 1, result.stderr
    assert "FAIL one\\n::error::from-a-folder-name" in result.stdout
    assert "\\n::warning::from-expected\\u202e" in result.stdout
    assert not any(line.lstrip().startswith("::") for line in result.stdout.splitlines())
    assert "\u202e" not in result.stdout


def test_pydantic_location_from_a_plan_key_is_escaped(tmp_path: Path) -> None:
    document = json.loads(PLAN.read_text(encoding="utf-8"))
    document["variables"] = {"region\n::error::from-a-variable-name": 5}
    result = run_gate([write_plan(tmp_path / "plan.json", document)])
    assert_could_not_run(result, "variables.region\\n::error::from-a-variable-name")


def _small_files() -> None:
    # Files may not grow past 2,000 bytes; a write beyond fails with EFBIG (SIGXFSZ,
    # which would kill the process, is ignored, and stays ignored across exec).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


def test_a_failed_write_leaves_the_previous_report_whole(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text('{"previous": true}\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "finops_gate", str(PLAN), "--format", "json", "-o", str(report)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=TIME_BOUND,
        preexec_fn=_small_files,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "cannot write the report: File too large" in result.stderr
    assert report.read_text(encoding="utf-8") == '{"previous": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_yaml_alias_bomb_is_refused_before_it_is_walked(tmp_path: Path) -> None:
    """Ten keys per level, nine levels: 10^9 usage key paths once expanded."""
    keys = [f"k{n}" for n in range(10)]
    lines = ["    m0: &m0 {" + ", ".join(f"{k}: 1" for k in keys) + "}"]
    lines += [
        f"    m{n}: &m{n} {{" + ", ".join(f"{k}: *m{n - 1}" for k in keys) + "}"
        for n in range(1, 9)
    ]
    usage = tmp_path / "usage.yml"
    usage.write_text(
        "version: 0.1\nresource_type_default_usage:\n  aws_lambda_function:\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    result = run_gate([str(PLAN), "--usage-file", str(usage)])
    assert_could_not_run(result, "usage.yml", "once aliases are expanded")
    usage.write_text("a: &a [1, *a]\nversion: 0.1\n", encoding="utf-8")
    result = run_gate([str(PLAN), "--usage-file", str(usage)])
    assert_could_not_run(result, "usage.yml", "refers to a value that contains it")


def test_plan_on_standard_input_from_a_device_is_refused_unread() -> None:
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "finops_gate", "-"],
            stdin=zero,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=TIME_BOUND,
            preexec_fn=_bounded,
            check=False,
        )
    assert_could_not_run(result, "<stdin>", "a device")


@pytest.mark.parametrize("value", ["0", "-5", "lots", "1" * 40])
def test_a_size_limit_that_is_not_a_number_of_bytes(value: str) -> None:
    result = run_gate([str(PLAN)], {"FINOPS_GATE_MAX_PLAN_BYTES": value})
    assert_could_not_run(result, "FINOPS_GATE_MAX_PLAN_BYTES", "positive number of bytes")


# pricing build: malformed AWS offer files

OFFER_CSV = ROOT / "tests" / "pricing" / "fixtures" / "offer_ec2_eu-west-3_excerpt.csv"


@pytest.mark.parametrize(
    ("price", "reason"),
    [
        pytest.param("NaN", "'NaN' is not a price", id="nan"),
        pytest.param("Infinity", "'Infinity' is not a price", id="infinity"),
        pytest.param("-1", "'-1' is not a price", id="negative"),
        pytest.param("1e999999", "not a plausible price", id="absurd"),
    ],
)
def test_offer_price_that_is_not_a_price(tmp_path: Path, price: str, reason: str) -> None:
    offer = tmp_path / "offer.csv"
    text = OFFER_CSV.read_text(encoding="utf-8")
    assert '"0.1160000000"' in text
    offer.write_text(text.replace('"0.1160000000"', f'"{price}"'), encoding="utf-8")
    result = run_gate(["pricing", "build", "--from-aws-offer", str(offer)])
    assert_could_not_run(result, "offer.csv:7", reason)
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout


def test_offer_csv_field_over_the_csv_limit(tmp_path: Path) -> None:
    offer = tmp_path / "offer.csv"
    text = OFFER_CSV.read_text(encoding="utf-8")
    offer.write_text(text.replace('"SSD-backed"', '"' + "x" * 200_000 + '"', 1), encoding="utf-8")
    result = run_gate(["pricing", "build", "--from-aws-offer", str(offer)])
    assert_could_not_run(result, "offer.csv", "field larger than field limit")


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        pytest.param("[" * 100_000 + "]" * 100_000, "nested too deeply", id="deep"),
        pytest.param(
            '{"formatVersion": "v1.0", "offerCode": "AmazonEC2", "products": {"a": 5},'
            ' "terms": {"OnDemand": [1]}}',
            "not in the shape",
            id="wrong-shape",
        ),
        pytest.param('[1, "x", {"product": 5}]', "not in the shape", id="get-products-shape"),
    ],
)
def test_offer_json_that_is_not_a_price_list(tmp_path: Path, document: str, reason: str) -> None:
    offer = tmp_path / "offer.json"
    offer.write_text(document, encoding="utf-8")
    result = run_gate(["pricing", "build", "--from-aws-offer", str(offer)])
    assert_could_not_run(result, "offer.json", reason)


def test_offer_with_an_impossible_publication_date(tmp_path: Path) -> None:
    offer = tmp_path / "offer.csv"
    text = OFFER_CSV.read_text(encoding="utf-8")
    offer.write_text(text.replace("2020-10-19T20:48:02Z", "2026-13-45T00:00:00Z"), encoding="utf-8")
    result = run_gate(["pricing", "build", "--from-aws-offer", str(offer)])
    assert_could_not_run(result, "offer.csv")


def test_pricing_build_summary_escapes_file_names(tmp_path: Path) -> None:
    offers = tmp_path / "offers"
    offers.mkdir()
    (offers / "prices.csv").write_bytes(OFFER_CSV.read_bytes())
    (offers / "plans\n::error::x.json").write_text('{"regions": {}}', encoding="utf-8")
    result = run_gate(["pricing", "build", "--from-aws-offer", str(offers)])
    assert result.returncode == 0, result.stderr
    assert "skipped plans\\n::error::x.json" in result.stderr
    assert not any(line.startswith("::") for line in result.stderr.splitlines())


# The pre-commit hook: the CLI's exit codes and one escaped line


def test_hook_internal_error_is_exit_3_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from finops_gate.cli import hook

    def broken(*args: object) -> object:
        raise RuntimeError("bug\nwith a second line")

    (tmp_path / "main.tf").write_text('resource "aws_eip" "a" {}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FINOPS_GATE_DEBUG", raising=False)
    monkeypatch.setattr(hook, "build_gate_report", broken)
    assert hook.main(["--base", "", "main.tf"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("finops-gate: internal error: RuntimeError: bug\\nwith a second line")
    assert err.count("\n") == 1


def test_hook_output_naming_a_directory_is_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from finops_gate.cli import hook

    directory = tmp_path / "infra\n::error::x"
    directory.mkdir()
    (directory / "main.tf").write_text('resource "aws_eip" "a" {}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert hook.main(["--base", "", f"{directory.name}/main.tf"]) in (0, 1)
    out = capsys.readouterr().out
    assert out.startswith("finops-gate infra\\n::error::x: ")
    assert not any(line.startswith("::") for line in out.splitlines())
