"""The run's policy classes (finops_gate/policy/model.py) and the schema (schema.py): a
bundled policy built without pydantic is exactly the policy the schema would give."""

from __future__ import annotations

import dataclasses
import datetime
import inspect
import subprocess
import sys
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from finops_gate.bundled import bundled_dir
from finops_gate.cli import main
from finops_gate.errors import PolicyError
from finops_gate.input_files import load_yaml
from finops_gate.policy import loader, model, schema
from tests.conftest import ROOT

BUNDLED = sorted(bundled_dir("policies").glob("*.yml"))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_policy_built_directly_is_the_validated_one(path: Path) -> None:
    raw = load_yaml(path.read_text(encoding="utf-8"), str(path), PolicyError)
    direct = model.from_data(model.PolicyFile, raw)
    validated = schema.PolicyFile.model_validate(raw)
    converted = schema.to_policy_file(validated)
    # repr as well as ==: 500 == 500.0, but a report prints them differently.
    assert direct == converted
    assert repr(direct) == repr(converted)
    assert dataclasses.asdict(direct) == validated.model_dump()


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_yaml_is_read_as_the_bounded_loader_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = loader.bundled_yaml(text)
    assert fast is not None
    assert fast == load_yaml(text, str(path), PolicyError)
    assert repr(fast) == repr(load_yaml(text, str(path), PolicyError))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_loading_a_bundled_policy_by_name_gives_the_validated_one(path: Path) -> None:
    loaded, _ = loader.load_policy(path.stem)
    checked = loader.parse_policy(path.read_text(encoding="utf-8"), str(path), path.parent)
    assert repr(loaded) == repr(checked)


def _records(value: object) -> typing.Iterator[object]:
    """Every policy class instance in a built policy, the policy file first."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield value
        for item in dataclasses.fields(value):
            yield from _records(getattr(value, item.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _records(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _records(item)


def _hash_or_error(value: object) -> object:
    try:
        return hash(value)
    except TypeError as error:  # a field holds a list or a dict
        return str(error)


def _behaves_as_generated(policy_file: model.PolicyFile) -> None:
    records = list(_records(policy_file))
    assert len({type(record) for record in records}) >= 3
    for record in records:
        cls = type(record)
        names = [item.name for item in dataclasses.fields(record)]
        generated = dataclasses.make_dataclass(
            cls.__name__, [(name, typing.Any) for name in names], frozen=True, kw_only=True
        )
        generated.__qualname__ = cls.__qualname__
        values = {name: getattr(record, name) for name in names}
        reference = generated(**values)
        assert repr(record) == repr(reference)
        assert _hash_or_error(record) == _hash_or_error(reference)
        assert record == cls(**values)
        assert record != reference  # another class, as a generated __eq__ says
        first = names[0]
        changed = cls(**{**values, first: ("other", values[first])})
        assert (record == changed) is (
            reference == generated(**{**values, first: ("other", values[first])})
        )
        assert record != changed


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_the_shared_eq_hash_and_repr_are_the_ones_dataclass_generates(path: Path) -> None:
    """records.Record writes ==, hash() and repr() once for every policy class: each
    instance of a bundled policy behaves as the same fields in a generated dataclass."""
    _behaves_as_generated(loader.load_policy(path.stem)[0])


def test_waivers_and_unit_costs_have_the_generated_eq_hash_and_repr_too() -> None:
    data = {
        "policies": [
            {
                "id": "unit",
                "kind": "budget",
                "unit_cost": {"unit": "user", "count": 10, "max": {"fail": 5}},
                "tag_groups": [{"key": "team", "values": {"a": {}}}],
            }
        ],
        "waivers": [{"policy": "unit", "reason": "why", "expires": datetime.date(2030, 1, 1)}],
    }
    _behaves_as_generated(model.from_data(model.PolicyFile, data))


def _schema_models() -> list[tuple[str, type[BaseModel]]]:
    return [
        (name, cls)
        for name, cls in vars(schema).items()
        if inspect.isclass(cls)
        and issubclass(cls, BaseModel)
        and cls.__module__ == schema.__name__
        and not name.startswith("_")
    ]


def _plain(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def test_every_schema_model_has_a_dataclass_with_the_same_fields_and_defaults() -> None:
    models = _schema_models()
    assert len(models) >= 14
    for class_name, schema_model in models:
        run_class = getattr(model, class_name)
        fields = {item.name: item for item in dataclasses.fields(run_class)}
        assert set(fields) == set(schema_model.model_fields), class_name
        for name, info in schema_model.model_fields.items():
            own = fields[name]
            if info.is_required():
                assert own.default is dataclasses.MISSING, (class_name, name)
                assert own.default_factory is dataclasses.MISSING, (class_name, name)
            elif own.default_factory is not dataclasses.MISSING:
                made = info.get_default(call_default_factory=True)
                assert _plain(own.default_factory()) == _plain(made), (class_name, name)
            else:
                assert own.default == info.get_default(), (class_name, name)
                assert type(own.default) is type(info.get_default()), (class_name, name)


def test_floats_are_floats_and_unknown_keys_are_refused() -> None:
    built = model.from_data(model.Threshold, {"warn": 500, "fail": 2000.5})
    assert repr(built) == repr(model.Threshold(warn=500.0, fail=2000.5))
    with pytest.raises(model.NotBuilt):
        model.from_data(model.Threshold, {"warn": 500, "alowed": 1})
    with pytest.raises(model.NotBuilt):
        model.from_data(model.Threshold, {"warn": "500"})
    with pytest.raises(model.NotBuilt):
        model.from_data(model.PolicyFile, {"policies": [{"id": "x", "kind": "nope"}]})
    with pytest.raises(model.NotBuilt):
        model.from_data(model.Waiver, {"policy": "x", "reason": "r"})  # no expires


def test_a_bundled_file_of_the_wrong_shape_gets_the_schemas_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "odd.yml").write_text(
        "policies:\n  - id: tags\n    kind: required_tags\n    tags:\n"
        "      Team:\n        alowed: [a]\n"
    )
    monkeypatch.setattr(loader, "bundled_dir", lambda name: tmp_path)
    problem = r"policies\[0\] \(id: tags\)\.tags\.Team\.alowed: unknown key"
    with pytest.raises(PolicyError, match=problem):
        loader.load_policy("odd")


def test_policy_validate_puts_a_bundled_policy_through_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundled file of the right shape is trusted by a run; `policy validate` (someone
    editing a bundled policy in a checkout) still gets the schema's verdict."""
    (tmp_path / "edited.yml").write_text(
        "policies:\n  - id: sizes\n    kind: instance_size\n"
        "    environments:\n      dev: {max_size: huge}\n"
    )
    monkeypatch.setattr(loader, "bundled_dir", lambda name: tmp_path)
    loader.load_policy("edited")  # the shape is right: built directly
    with pytest.raises(PolicyError, match="max_size: unknown size 'huge'"):
        loader.load_policy("edited", check_bundled=True)
    with pytest.raises(SystemExit) as exited:
        main(["policy", "validate", "edited"])
    assert exited.value.code == 2


def test_a_run_with_a_bundled_policy_does_not_import_pydantic() -> None:
    code = (
        "import sys; from finops_gate.policy.loader import load_policy; "
        "load_policy('savings'); print('pydantic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_a_users_file_is_validated_by_the_schema(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text(
        "extends: default\npolicies:\n  - id: b\n    kind: budget\n"
        "    monthly_cost_delta: {warn: 10, fail: 5}\n"
    )
    with pytest.raises(PolicyError, match="warn must not be above fail"):
        loader.load_policy(str(policy))
    policy.write_text("extends: default\nremove: [monthly-budget]\n")
    loaded, _ = loader.load_policy(str(policy))
    assert "monthly-budget" not in {p.id for p in loaded.policies}
    assert all(isinstance(p, typing.get_args(model.Policy)) for p in loaded.policies)
