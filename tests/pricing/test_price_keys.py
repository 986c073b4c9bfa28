"""Guards of the price-key vocabulary (finops_gate/pricing/keys.py).

* Every key an estimator asks for is declared: every estimator is driven over every plan
  fixture (and the shared plan corpus when it is there), and the keys it looked up are
  recorded; the estimators spell no key themselves (they call the vocabulary).
* Every declared key has a price in at least one region of pricing/aws.json, or is on a
  documented "no source" list (and then has none).
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import PriceTable, load_price_table
from finops_gate.cost.registry import ESTIMATORS
from finops_gate.cost.usage import load_usage_file
from finops_gate.cost.usage_resources import with_usage_resources
from finops_gate.errors import FinopsGateError
from finops_gate.plan.reader import load_plan
from finops_gate.pricing import key_forms, keys

REPO = Path(__file__).resolve().parents[2]
TABLE = REPO / "pricing" / "aws.json"
ESTIMATORS_DIR = REPO / "finops_gate" / "cost" / "estimators"
FIXTURE_PLANS = sorted((REPO / "tests" / "fixtures").glob("**/plan*.json"))
CORPUS = REPO.parent / "shared" / "plan-corpus"
# A string that reads like a price key: "<service>:<item>..."
KEY_LIKE = re.compile(r"[a-z0-9-]+:[a-z0-9.:{}-]+")


@lru_cache(maxsize=1)
def priced_keys() -> frozenset[str]:
    """Every key with a price in at least one region of the bundled table."""
    regions: dict[str, dict[str, Any]] = json.loads(TABLE.read_text(encoding="utf-8"))["regions"]
    return frozenset(key for table in regions.values() for key in table)


def asked_keys(paths: list[Path], prices: PriceTable) -> Iterator[tuple[str, str, Path]]:
    """(price key, resource type, plan) of every component the estimators price, with the
    usage file beside a plan (`usage.yml`) where there is one: its `aws_data_transfer`
    entries are resources no plan has."""
    for path in paths:
        try:
            plan = load_plan(str(path))
        except FinopsGateError:
            continue  # not a plan (or one this version does not read): nothing asked
        usage = None
        if path.with_name("usage.yml").is_file():
            usage = load_usage_file(str(path.with_name("usage.yml")))
            plan = with_usage_resources(plan, usage.usage_resources())
        for cost in estimate_plan(plan, prices, usage).resources:
            for component in (*cost.components, *cost.components_before):
                yield component.price_key, cost.resource.type, path


def test_every_key_the_estimators_ask_for_on_the_fixtures_is_declared() -> None:
    prices = load_price_table(None)
    asked = list(asked_keys(FIXTURE_PLANS, prices))
    undeclared = sorted({(key, rtype) for key, rtype, _ in asked if not key_forms.is_declared(key)})
    assert undeclared == []
    # the fixtures drive every registered estimator to at least one priced component
    assert set(ESTIMATORS) <= {rtype for _, rtype, _ in asked}
    assert len({key for key, _, _ in asked}) > 150


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"plan corpus not found at {CORPUS}")
def test_every_key_the_estimators_ask_for_on_the_plan_corpus_is_declared() -> None:
    prices = load_price_table(None)
    paths = sorted(CORPUS.glob("**/*.json"))
    asked = list(asked_keys(paths, prices))
    assert len(asked) > 1000
    assert sorted({(key, rtype) for key, rtype, _ in asked if not key_forms.is_declared(key)}) == []


def _key_literals(path: Path) -> Iterator[str]:
    """String constants and f-string heads in a module that read like price keys (docstrings
    and notes aside: only whole strings that are key-shaped)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings and KEY_LIKE.fullmatch(node.value):
                yield node.value
        elif isinstance(node, ast.JoinedStr) and node.values:
            head = node.values[0]
            if isinstance(head, ast.Constant) and re.match(r"[a-z0-9-]+:", str(head.value)):
                yield ast.unparse(node)


def test_estimators_spell_no_price_key_themselves() -> None:
    """Keys come from finops_gate.pricing.keys, so the vocabulary is the one place to look."""
    found = {
        path.name: literals
        for path in sorted(ESTIMATORS_DIR.glob("*.py"))
        if (literals := sorted(set(_key_literals(path))))
    }
    assert found == {}


def test_key_builders_give_declared_keys() -> None:
    for engine in keys.RDS_ENGINES:
        for deployment in keys.RDS_DEPLOYMENTS:
            assert key_forms.is_declared(keys.rds_instance("db.m5.large", engine, deployment))
    for engine in keys.ELASTICACHE_ENGINES:
        assert key_forms.is_declared(keys.elasticache_node("cache.m5.large", engine))
    for build in (keys.ec2_instance, keys.ec2_spot, keys.ec2_dedicated, keys.ec2_ebs_optimized):
        assert key_forms.is_declared(build("m5.large"))
    assert key_forms.is_declared(keys.ec2_platform("m5.large", "windows", dedicated=True))
    assert keys.ec2_platform("m5.large", "") == keys.ec2_instance("m5.large")
    assert keys.ec2_platform("m5.large", "", dedicated=True) == keys.ec2_dedicated("m5.large")
    assert key_forms.is_declared(keys.opensearch_instance("m5.large.search"))
    assert key_forms.is_declared(keys.redshift_node("ra3.4xlarge"))
    assert key_forms.is_declared(keys.msk_broker("kafka.m5.large"))
    assert not key_forms.is_declared("ec2")
    assert not key_forms.is_declared("natgw:hours")
    assert not key_forms.is_declared("rds:db.m5.large:mysql:three-az")


def test_every_declared_service_key_has_a_price_somewhere() -> None:
    missing = [
        key
        for key in keys.SERVICE_KEYS
        if key not in priced_keys() and key not in keys.UNPRICED_KEYS
    ]
    assert missing == []
    assert len(keys.SERVICE_KEYS) == len(keys.SERVICE_KEYS_SET)  # no key declared twice


def test_no_source_lists_are_documented_and_current() -> None:
    for key, reason in keys.UNPRICED_KEYS.items():
        assert reason and key not in priced_keys(), key
    for name, (form, reason) in key_forms.UNPRICED_FORMS.items():
        assert reason, name
        assert not [k for k in priced_keys() if form.fullmatch(k)], name
    for engine in keys.RDS_ENGINES_WITHOUT_SOURCE:
        assert engine not in keys.RDS_ENGINES


def test_every_instance_key_form_has_prices() -> None:
    """Each family of typed keys (and each RDS engine and deployment, ElastiCache engine) is
    priced for at least one type in at least one region."""
    priced = priced_keys()
    forms = {
        "ec2 on-demand": r"ec2:[^:]+",
        "ec2 spot": r"ec2:[^:]+:spot",
        "ec2 dedicated": r"ec2:[^:]+:dedicated",
        "ec2 ebs-optimized": r"ec2:[^:]+:ebs-optimized",
        "ec2 reserved": r"ec2:[^:]+:reserved:(standard|convertible):[13]y:no-upfront",
        "opensearch": r"opensearch:[^:]+\.search",
        "redshift": r"redshift:[^:]+",
        "msk": r"msk:kafka\.[^:]+",
        **{
            f"rds {engine} {deployment}": rf"rds:db\.[^:]+:{engine}:{deployment}"
            for engine in keys.RDS_ENGINES
            for deployment in keys.RDS_DEPLOYMENTS
            if (
                not (engine.startswith("aurora-") and deployment == "multi-az")
                and engine not in ("sqlserver-ex", "sqlserver-web")
            )
            or deployment == "single-az"
        },
        **{
            f"elasticache {engine}": rf"elasticache:[^:]+:{engine}"
            for engine in keys.ELASTICACHE_ENGINES
        },
    }
    unpriced = [
        name for name, form in forms.items() if not any(re.fullmatch(form, key) for key in priced)
    ]
    assert unpriced == []
    assert all(key_forms.is_declared(key) for key in priced)
