"""The shipped JSON Schemas are valid against their metaschema (docgen no longer checks it at every run)."""
from __future__ import annotations

import jsonschema
import pytest

from docgen.validate import schema


@pytest.mark.parametrize("kind", sorted(schema.KINDS))
def test_schema_is_valid_against_its_metaschema(kind):
    doc = schema.schema_for(kind)
    jsonschema.validators.validator_for(doc).check_schema(doc)
