"""The .docx zip as docgen writes it: fixed entry times and core properties (same input, same bytes)."""
from __future__ import annotations

import io
import re
import zipfile

from docgen.render.environment import FIXED_ISO, FIXED_TIME


def normalize_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so that the same input gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = fixed_core_properties(data)
            dst.writestr(fixed, data)
    return out.getvalue()


def fixed_core_properties(xml: bytes) -> bytes:
    """The document's properties without a clock or an editor's name: created and modified are fixed."""
    xml = re.sub(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)", rb"\g<1>" + FIXED_ISO + rb"\g<3>", xml)
    xml = re.sub(rb"(<cp:lastPrinted>)[^<]*(</cp:lastPrinted>)", rb"\g<1>" + FIXED_ISO + rb"\g<2>", xml)
    xml = re.sub(rb"(<cp:lastModifiedBy>)[^<]*(</cp:lastModifiedBy>)", rb"\g<1>docgen\g<2>", xml)
    return re.sub(rb"(<cp:revision>)[^<]*(</cp:revision>)", rb"\g<1>1\g<2>", xml)
