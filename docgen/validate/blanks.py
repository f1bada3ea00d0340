"""Blanks in a partly filled cluster file: required values still empty (a to-do list) and optional ones left empty.

A file written by `docgen init` has every field, most of them empty. An empty optional field means
"not given" and is dropped before validation; an empty required one is something left to fill,
reported as a to-do item with its title and line, never as a schema error.
"""
from __future__ import annotations

import dataclasses

from docgen.errors import Issue
from docgen.load.reader import Loaded, pointer_of

TODO = "cần điền: "


def is_blank(value) -> bool:
    """Nothing written: null, an empty or blank text, an empty list."""
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def is_empty(value) -> bool:
    """Blank, or a group or list whose every value is empty (a block the clerk has not started)."""
    if isinstance(value, dict):
        return all(is_empty(v) for v in value.values())
    if isinstance(value, list):
        return all(is_empty(v) for v in value)
    return is_blank(value)


def _title(schema: dict, key) -> str:
    return schema.get("title") or str(key)


def _item_label(schema: dict, value, index: int) -> str:
    label = f"{schema.get('title') or 'Mục'} {index + 1}"
    if isinstance(value, dict):
        name = value.get("ten") or value.get("ho_ten")
        if isinstance(name, str) and name.strip():
            label += f" ({name.strip()})"
    return label


def todo(doc: Loaded, schema: dict) -> list[Issue]:
    """Every required value left empty, in file order, as `cần điền: A › B › C` with its line."""
    out: list[Issue] = []
    _walk(doc, schema, doc.data, (), [], out)
    out.sort(key=lambda i: (i.line or 0, i.column or 0))
    return out


def _place(doc: Loaded, path: tuple) -> tuple:
    # A key's own line is where the clerk types; an empty value has no reliable position of its own.
    return doc.key_positions.get(path) or doc.where(path)


def _walk(doc: Loaded, schema: dict, value, path: tuple, labels: list[str], out: list[Issue],
          optional: bool = False) -> None:
    if isinstance(value, dict) and "properties" in schema:
        required = set(schema.get("required", []))
        for key, sub in schema["properties"].items():
            if key not in value:
                continue  # a missing key is a schema error ("thiếu mục bắt buộc"), not a blank
            v = value[key]
            here = labels + [_title(sub, key)]
            if key in required and is_blank(v):
                line, col = _place(doc, path + (key,))
                out.append(Issue(TODO + " › ".join(here), doc.source, line, col, pointer_of(path + (key,))))
            elif key in required or not is_empty(v):
                _walk(doc, sub, v, path + (key,), here, out, optional=key not in required)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        items = schema["items"]
        for i, v in enumerate(value):
            if optional and is_empty(v):
                continue  # an unused entry of an optional list (the template's empty "- ")
            # "Đơn vị 2 (Uy Nỗ)" says more than the list's title: it takes its place
            here = (labels[:-1] if isinstance(v, dict) else labels) + [_item_label(items, v, i)]
            if is_blank(v) and len(path) >= 2 and path[-2] == "diem":
                # "~" in a score list means "add up the criteria": the score check says whether
                # criteria are there, with a sharper message than a to-do line.
                continue
            if is_blank(v):
                line, col = doc.where(path + (i,))
                out.append(Issue(TODO + " › ".join(here), doc.source, line, col, pointer_of(path + (i,))))
            else:
                _walk(doc, items, v, path + (i,), here, out)


def pruned(doc: Loaded, schema: dict) -> Loaded:
    """The same file with every optional field left empty taken out, as if it had not been written."""
    return dataclasses.replace(doc, data=_prune(schema, doc.data))


def _prune(schema: dict, value, optional: bool = False):
    if isinstance(value, dict) and "properties" in schema:
        required = set(schema.get("required", []))
        props = schema["properties"]
        out = {}
        for key, v in value.items():
            if key not in props:
                out[key] = v  # unknown keys stay, for the schema to name them
            elif key in required or not is_empty(v):
                out[key] = _prune(props[key], v, optional=key not in required)
        return out
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [_prune(schema["items"], v) for v in value if not (optional and is_empty(v))]
    return value


def covers(todo_items: list[Issue], issue: Issue) -> bool:
    """True when `issue` is only a consequence of a blank on the to-do list (same place or inside it)."""
    for t in todo_items:
        p = t.pointer
        if issue.pointer == p or issue.pointer.startswith(p + ".") or issue.pointer.startswith(p + "["):
            return True
    return False
