"""The fast schema check never calls a file valid that jsonschema would reject (so messages stay jsonschema's)."""
from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DATA, DONG_ANH, INPUTS, PLAN_2017

from docgen.errors import InputError
from docgen.load import reader
from docgen.validate import quick_schema, schema


def _loaded(path: Path):
    try:
        return reader.load_file(path)
    except InputError:
        return None


def _files() -> list[Path]:
    return sorted(set(INPUTS.rglob("*.yaml")) | set(DATA.rglob("*.yaml")))


def _jsonschema_errors(data, kind: str) -> list:
    try:
        return list(schema.validator_for(kind).iter_errors(data))
    except ArithmeticError as e:  # Decimal('NaN') against a minimum: jsonschema itself fails
        return [e]


@pytest.mark.parametrize("kind", sorted(schema.KINDS))
def test_every_shipped_schema_is_handled(kind):
    assert quick_schema.checker_for(kind) is not None


def test_agrees_with_jsonschema_on_every_sample_and_bad_file():
    fast = 0
    for path in _files():
        doc = _loaded(path)
        if doc is None or doc.data.get("loai_tep") not in schema.KINDS:
            continue
        kind = doc.data["loai_tep"]
        if quick_schema.certainly_valid(doc.data, kind):
            fast += 1
            assert _jsonschema_errors(doc.data, kind) == [], path
    assert fast >= 10  # the valid samples do take the fast path


_ODD = [None, "", "x", " ", "a" * 3000, -1, 0, 1, 7, 1.5, 2.0, Decimal("1.5"), Decimal("-3"), Decimal("NaN"),
         True, False, [], ["x"], [1, 2], {}, {"x": 1}, {1: "x"}]


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, path + (i,))


def _mutants(data):
    """Every value replaced by two odd values (in turn through the list), every key removed, and an unknown key
    added to every mapping (every odd value everywhere would take minutes)."""
    for n, path in enumerate(list(_paths(data))[1:]):
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        for odd in (_ODD[(2 * n) % len(_ODD)], _ODD[(2 * n + 1) % len(_ODD)]):
            mutant = copy.deepcopy(data)
            holder = mutant
            for part in path[:-1]:
                holder = holder[part]
            holder[path[-1]] = copy.deepcopy(odd)
            yield mutant
        mutant = copy.deepcopy(data)
        holder = mutant
        for part in path[:-1]:
            holder = holder[part]
        if isinstance(holder, dict):
            del holder[path[-1]]
            yield mutant
        if isinstance(parent[path[-1]], dict):
            mutant = copy.deepcopy(data)
            holder = mutant
            for part in path:
                holder = holder[part]
            holder["khoa_la"] = 1
            yield mutant


@pytest.mark.parametrize("path", [DONG_ANH, PLAN_2017], ids=["cum", "ke_hoach"])
def test_never_accepts_what_jsonschema_rejects(path):
    doc = reader.load_file(path)
    kind = doc.data["loai_tep"]
    rejected = 0
    for mutant in _mutants(doc.data):
        errors = _jsonschema_errors(mutant, kind)
        if errors:
            rejected += 1
            assert not quick_schema.certainly_valid(mutant, kind), str(errors[0])
    assert rejected > 100
