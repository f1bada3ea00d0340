"""render.package: zip entries made once and copied raw give the bytes zipfile writes member by member."""
from __future__ import annotations

import io
import zipfile

from docgen.render import environment, package


def members_of(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def test_zip_entries_copies_give_zipfiles_own_bytes_for_every_template():
    assert package.raw_copy_ok()
    for path in sorted(environment.TEMPLATE_DIR.glob("*.docx")):
        members = package._members(path.read_bytes())
        reference = package.rewrite_zip(members)
        assert package.normalize_zip(path.read_bytes()) == reference, path.name
        # the same (shared) entries a second time, in another zip first: the offsets are this zip's own
        package.zip_entries([package.shared_entry(n, d) for n, d in reversed(members)])
        assert package.normalize_zip(path.read_bytes()) == reference, path.name
        assert members_of(reference) == members  # and the members come out as they went in


def test_a_member_shared_by_two_packages_is_compressed_once(monkeypatch):
    assert package.raw_copy_ok()  # (checked once per process, before counting)
    made = []
    real = package.entry
    monkeypatch.setattr(package, "entry", lambda *a, **k: made.append(a[0]) or real(*a, **k))
    monkeypatch.setattr(package, "_SHARED", package.OrderedDict())
    monkeypatch.setattr(package, "_shared_bytes", 0)
    styles = b"<w:styles/>" * 1000
    one = package.rewrite_zip([("word/styles.xml", styles), ("word/document.xml", b"<a/>")])
    two = package.rewrite_zip([("word/styles.xml", styles), ("word/document.xml", b"<b/>")])
    assert package.normalize_zip(one) == one and package.normalize_zip(two) == two
    assert made == ["word/styles.xml", "word/document.xml", "word/document.xml"]


def test_the_shared_entries_stay_within_their_bound(monkeypatch):
    monkeypatch.setattr(package, "_SHARED", package.OrderedDict())
    monkeypatch.setattr(package, "_shared_bytes", 0)
    monkeypatch.setattr(package, "SHARED_MAX_BYTES", 10_000)
    for n in range(50):
        package.shared_entry(f"m{n}.xml", bytes([n]) * 1000)
    assert package._shared_bytes <= 10_000 and len(package._SHARED) == 10
    assert sum(len(data) for (_name, data, _time) in package._SHARED) == package._shared_bytes
    # the least recently used go first: one used again stays
    package.shared_entry("m45.xml", bytes([45]) * 1000)
    package.shared_entry("new.xml", b"x" * 1000)
    assert ("m45.xml", bytes([45]) * 1000, environment.FIXED_TIME) in package._SHARED
    assert ("m40.xml", bytes([40]) * 1000, environment.FIXED_TIME) not in package._SHARED  # the oldest


def test_if_raw_copies_ever_differed_zipfile_writes_every_member(monkeypatch):
    monkeypatch.setattr(package, "raw_copy_ok", lambda *a: False)
    monkeypatch.setattr(package, "zip_entries", None)  # never called
    data = (environment.TEMPLATE_DIR / "ke-hoach.docx").read_bytes()
    assert package.normalize_zip(data) == package.rewrite_zip(package._members(data))
