"""The JSON Schemas shipped with docgen, by kind of input file, read once per process."""
from __future__ import annotations

import functools
import json

from docgen import resources

KINDS = {"cum": "cum.schema.json", "ke_hoach": "ke-hoach.schema.json", "huyen": "huyen.schema.json"}


@functools.lru_cache(maxsize=None)
def schema_for(kind: str) -> dict:
    return json.loads(resources.schema_text(KINDS[kind]))
