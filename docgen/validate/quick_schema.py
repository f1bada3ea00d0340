"""A fast yes-or-unsure check of a file against its schema, so that a valid file never needs jsonschema.

jsonschema's import alone costs about 90 ms of CPU, most of `docgen validate`'s start-up, and its
validators cost half of checking a cluster. Most files are valid, so this module answers one question
only: "is this data certainly valid?". True means jsonschema would report no error; False means "not
sure", and the caller asks jsonschema, which then gives every message exactly as before. The check is
deliberately conservative: a keyword it does not know disables it for the whole schema, and any value
whose meaning could differ (a float where an integer is wanted, an unknown Python type, an enum of
numbers) answers False. A library such as fastjsonschema does not support our draft (2020-12) and would
give a second source of truth for messages; this one never gives a message.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal

from docgen.validate import schema_files

# Keywords that never make a value invalid (annotations and structure).
_ANNOTATIONS = {"title", "description", "examples", "default", "$schema", "$id", "$defs", "$comment"}
_PLAIN = (str, int, bool, type(None), list, dict, float, Decimal)  # what the reader produces


class _Unknown(Exception):
    """The schema uses a keyword this module does not handle: always ask jsonschema."""


def _is_type(value, name: str) -> bool | None:
    """jsonschema's type test (draft 2020-12) for the types the reader produces; None when unsure."""
    kind = type(value)
    if name == "string":
        return kind is str
    if name == "object":
        return kind is dict
    if name == "array":
        return kind is list
    if name == "boolean":
        return kind is bool
    if name == "null":
        return value is None
    if name == "number":
        return kind in (int, float, Decimal)
    if name == "integer":
        if kind is float:
            return None  # 1.0 counts as an integer for jsonschema: let it decide
        return kind is int
    return None


def _is_number(value) -> bool:
    return type(value) in (int, float, Decimal)


def _compile(node, root: dict):
    """A function value -> True (certainly valid) or False (invalid or unsure) for one schema node."""
    if node is True:
        return lambda value: True
    if node is False or not isinstance(node, dict):
        return lambda value: False
    checks = []
    for key, arg in node.items():
        if key in _ANNOTATIONS:
            continue
        make = _KEYWORDS.get(key)
        if make is None:
            raise _Unknown(key)
        checks.append(make(arg, node, root))

    def check(value) -> bool:
        for one in checks:
            if not one(value):
                return False
        return True
    return check


def _type(arg, node, root):
    names = arg if isinstance(arg, list) else [arg]

    def check(value):
        return any(_is_type(value, n) for n in names)  # None (unsure) counts as False
    return check


def _properties(arg, node, root):
    subs = {k: _compile(v, root) for k, v in arg.items()}
    return lambda value: type(value) is not dict or all(subs[k](v) for k, v in value.items() if k in subs)


def _additional(arg, node, root):
    known = set(node.get("properties", {}))
    if "patternProperties" in node:
        raise _Unknown("patternProperties")
    sub = _compile(arg, root)
    return lambda value: type(value) is not dict or all(sub(v) for k, v in value.items() if k not in known)


def _required(arg, node, root):
    return lambda value: type(value) is not dict or all(k in value for k in arg)


def _items(arg, node, root):
    if not isinstance(arg, dict):
        raise _Unknown("items")
    sub = _compile(arg, root)
    return lambda value: type(value) is not list or all(sub(v) for v in value)


def _property_names(arg, node, root):
    sub = _compile(arg, root)
    return lambda value: type(value) is not dict or all(sub(k) for k in value)


def _enum(arg, node, root):
    options = arg

    def check(value):
        if type(value) not in (str, int, bool, type(None)):
            return False  # jsonschema's equality of numbers, lists and mappings has its own rules
        return any(type(o) is type(value) and o == value for o in options)
    return check


def _const(arg, node, root):
    return _enum([arg], node, root)


def _any_of(arg, node, root):
    subs = [_compile(s, root) for s in arg]
    return lambda value: any(s(value) for s in subs)


def _ref(arg, node, root):
    if not arg.startswith("#/$defs/"):
        raise _Unknown("$ref")
    name = arg[len("#/$defs/"):]
    target = root.get("$defs", {}).get(name)
    if target is None or "/" in name:
        raise _Unknown("$ref")
    cell = []  # compiled on first use, so that a definition may refer to itself

    def check(value):
        if not cell:
            cell.append(_compile(target, root))
        return cell[0](value)
    return check


def _pattern(arg, node, root):
    rx = re.compile(arg)
    return lambda value: type(value) is not str or rx.search(value) is not None


def _length(compare):
    def make(arg, node, root):
        return lambda value: type(value) is not str or compare(len(value), arg)
    return make


def _count(kind, compare):
    def make(arg, node, root):
        return lambda value: type(value) is not kind or compare(len(value), arg)
    return make


def _bound(compare):
    def make(arg, node, root):
        def check(value):
            try:
                return not _is_number(value) or compare(value, arg)
            except ArithmeticError:  # Decimal('NaN'): let jsonschema judge it
                return False
        return check
    return make


_KEYWORDS = {
    "type": _type, "properties": _properties, "additionalProperties": _additional, "required": _required,
    "items": _items, "propertyNames": _property_names, "enum": _enum, "const": _const, "anyOf": _any_of,
    "$ref": _ref, "pattern": _pattern,
    "minLength": _length(lambda n, a: n >= a), "maxLength": _length(lambda n, a: n <= a),
    "minItems": _count(list, lambda n, a: n >= a), "maxItems": _count(list, lambda n, a: n <= a),
    "minProperties": _count(dict, lambda n, a: n >= a), "maxProperties": _count(dict, lambda n, a: n <= a),
    "minimum": _bound(lambda v, a: v >= a), "maximum": _bound(lambda v, a: v <= a),
    "exclusiveMinimum": _bound(lambda v, a: v > a), "exclusiveMaximum": _bound(lambda v, a: v < a),
}


@functools.lru_cache(maxsize=None)
def checker_for(kind: str):
    """The compiled check of one kind's schema, or None when the schema uses a keyword not handled here."""
    root = schema_files.schema_for(kind)
    try:
        return _compile(root, root)
    except _Unknown:
        return None


def _plain(value) -> bool:
    """Only the reader's own types, all the way down (anything else: let jsonschema judge it)."""
    kind = type(value)
    if kind is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    if kind is list:
        return all(_plain(v) for v in value)
    return kind in _PLAIN


def certainly_valid(data, kind: str) -> bool:
    """True when jsonschema would find no error in `data`; False when it might (then ask it)."""
    check = checker_for(kind)
    return check is not None and _plain(data) and check(data)
