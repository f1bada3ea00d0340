"""The .docx zip as docgen writes it: fixed entry times and core properties (same input, same bytes).

Every zip is written the way zipfile writes it (ZipInfo with FIXED_TIME, DEFLATED, mode 644), but its
entries (local header + compressed data) can be made once and copied raw: most members are the same in
every document of a template, and in every template and every tally (styles.xml alone is 350 kB, theme,
fonts, settings...). `shared_entry` keeps the entries of the members seen lately, by name and content, so
each is compressed once per process; `zip_entries` writes a zip of ready-made entries. That it gives
zipfile's own bytes is checked once per process (`raw_copy_ok`); if it ever did not, every zip is
written by zipfile member by member, as before.
"""
from __future__ import annotations

import functools
import io
import re
import zipfile
from collections import OrderedDict
from dataclasses import dataclass

from docgen.render.environment import FIXED_ISO, FIXED_TIME

SHARED_MAX_BYTES = 32 * 1024 * 1024  # uncompressed bytes of the members remembered (a few templates' worth)


SHARED_MAX_ENTRIES = 512


@dataclass
class Entry:
    """One zip entry as zipfile writes it: its ZipInfo and its bytes (local header + compressed data)."""

    info: zipfile.ZipInfo
    raw: bytes


def entry(name: str, data: bytes, fixed_time=FIXED_TIME) -> Entry:
    """The entry exactly as normalize_zip writes it (same ZipInfo fields, same compressor)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = _info(name, fixed_time)
        zf.writestr(info, data)
        end = buf.tell()
    return Entry(info, buf.getvalue()[info.header_offset:end])


def _info(name: str, fixed_time) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=fixed_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


_SHARED: OrderedDict[tuple, Entry] = OrderedDict()
_shared_bytes = 0


def shared_entry(name: str, data: bytes, fixed_time=FIXED_TIME) -> Entry:
    """entry(), remembered by name and content (least recently used forgotten first, within
    SHARED_MAX_BYTES): a member already compressed in this process is not compressed again."""
    global _shared_bytes
    key = (name, data, fixed_time)
    hit = _SHARED.get(key)
    if hit is not None:
        _SHARED.move_to_end(key)
        return hit
    made = entry(name, data, fixed_time)
    _SHARED[key] = made
    _shared_bytes += len(data)
    while _shared_bytes > SHARED_MAX_BYTES or len(_SHARED) > SHARED_MAX_ENTRIES:
        (_name, old, _time), _ = _SHARED.popitem(last=False)
        _shared_bytes -= len(old)
    return made


def zip_entries(entries: list[Entry]) -> bytes:
    """A zip of ready-made entries: the bytes zipfile would write for the same members in this order.

    Entries are appended the way ZipFile.mkdir appends a pre-built entry; ZipFile writes the central
    directory. An entry may be shared by many zips (shared_entry, a compiled template's static members):
    its ZipInfo gets this zip's offset, and the central directory is written from it before zip_entries
    returns; one zip is written at a time per process (parallelism is by processes, never threads)."""
    out = io.BytesIO()
    zf = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    for e in entries:
        e.info.header_offset = out.tell()
        out.write(e.raw)
        zf.filelist.append(e.info)
        zf.NameToInfo[e.info.filename] = e.info
    zf.start_dir = out.tell()
    zf._didModify = True
    zf.close()
    return out.getvalue()


def _members(data: bytes) -> list[tuple[str, bytes]]:
    """The package's members in order, core properties made fixed."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    return [(name, fixed_core_properties(body) if name == "docProps/core.xml" else body) for name, body in members]


def rewrite_zip(members: list[tuple[str, bytes]], fixed_time=FIXED_TIME) -> bytes:
    """The zip written by zipfile itself, member by member: the reference for zip_entries."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            dst.writestr(_info(name, fixed_time), data)
    return out.getvalue()


@functools.lru_cache(maxsize=None)
def raw_copy_ok(fixed_time=FIXED_TIME) -> bool:
    """Whether zip_entries gives zipfile's own bytes with this Python (once per process): a few members
    written both ways, one of them twice over (as a shared entry is)."""
    members = [("[Content_Types].xml", b"<Types/>" * 40), ("word/styles.xml", bytes(range(256)) * 64),
               ("docProps/core.xml", b"")]
    entries = [entry(name, data, fixed_time) for name, data in members]
    zip_entries(entries)  # the same entries used a second time below, as shared ones are
    return zip_entries(entries) == rewrite_zip(members, fixed_time)


def normalize_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so that the same input gives the same bytes."""
    members = _members(data)
    if not raw_copy_ok():
        return rewrite_zip(members)
    return zip_entries([shared_entry(name, body) for name, body in members])


def fixed_core_properties(xml: bytes) -> bytes:
    """The document's properties without a clock or an editor's name: created and modified are fixed."""
    xml = re.sub(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)", rb"\g<1>" + FIXED_ISO + rb"\g<3>", xml)
    xml = re.sub(rb"(<cp:lastPrinted>)[^<]*(</cp:lastPrinted>)", rb"\g<1>" + FIXED_ISO + rb"\g<2>", xml)
    xml = re.sub(rb"(<cp:lastModifiedBy>)[^<]*(</cp:lastModifiedBy>)", rb"\g<1>docgen\g<2>", xml)
    return re.sub(rb"(<cp:revision>)[^<]*(</cp:revision>)", rb"\g<1>1\g<2>", xml)
