"""A cluster manifest's template hashes (mau_sha256): each template file read and hashed once per process
and file version, however many documents and clusters name it; an edited template is hashed again."""
from __future__ import annotations

import hashlib
import os
import shutil
from collections import Counter
from pathlib import Path

from docgen.context.common import DocumentSpec
from docgen.output import manifest
from docgen.render import environment

NAME = "bien-ban-hop-cum.docx"


def counting_reads(monkeypatch) -> Counter:
    reads: Counter = Counter()
    read_bytes = Path.read_bytes

    def counted(self):
        reads[self.name] += 1
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    return reads


def build(template_dir: Path, n: int) -> dict:
    specs = [DocumentSpec(f"{i}.docx", NAME, {}, f"Văn bản {i}") for i in range(n)]
    files = {s.file_name: s.file_name.encode() for s in specs}
    return manifest.build(specs, files, {}, inputs_by_role=True, template_dir=template_dir, template_hashes=True)


def test_a_template_named_by_many_documents_is_read_once(tmp_path, monkeypatch):
    shutil.copy(environment.TEMPLATE_DIR / NAME, tmp_path / NAME)  # a path no earlier test hashed
    reads = counting_reads(monkeypatch)
    first = build(tmp_path, 5)
    second = build(tmp_path, 5)  # the next cluster of the city
    assert reads[NAME] == 1
    expected = hashlib.sha256((tmp_path / NAME).read_bytes()).hexdigest()
    assert {e["mau_sha256"] for e in first["van_ban"] + second["van_ban"]} == {expected}


def test_an_edited_template_is_hashed_again(tmp_path):
    path = tmp_path / NAME
    shutil.copy(environment.TEMPLATE_DIR / NAME, path)
    before = build(tmp_path, 1)["van_ban"][0]["mau_sha256"]
    data = bytearray(path.read_bytes())
    data[-1] ^= 1  # the same size: only the modification time tells
    st = path.stat()
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    after = build(tmp_path, 1)["van_ban"][0]["mau_sha256"]
    assert before != after == hashlib.sha256(bytes(data)).hexdigest()



def _variant(dst: Path, word: str, size: int | None = None) -> int:
    """The shipped template with "BIÊN BẢN" of its body written `word`, and a zip comment of `size` less the
    bytes written before it (the same for two variants of one word's length: they come out the same size);
    returns the file's size."""
    import zipfile

    with zipfile.ZipFile(environment.TEMPLATE_DIR / NAME) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if info.filename == "word/document.xml":
                assert "BIÊN BẢN".encode() in data
                data = data.replace("BIÊN BẢN".encode(), word.encode(), 1)
            out.writestr(info, data)
        if size is not None:
            out.comment = b" " * (size - dst.stat().st_size)
    return dst.stat().st_size


def test_a_template_replaced_with_its_size_and_time_kept_is_compiled_and_hashed_again(tmp_path):
    """A template renamed over by another file of the same size and modification time (`cp -p`, an unzip,
    a restored copy): the compiled template and the manifest's hash are those of the new file."""
    from docgen.render import compiled

    path, new = tmp_path / NAME, tmp_path / "moi.docx"
    size = max(_variant(path, "BIÊN BẢN"), _variant(new, "BIÊN BẢM")) + 32
    _variant(path, "BIÊN BẢN", size)
    _variant(new, "BIÊN BẢM", size)
    st = path.stat()
    os.utime(new, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert new.stat().st_size == st.st_size and path.read_bytes() != new.read_bytes()

    env, fixed = environment.process_env(), environment.FIXED_TIME
    old = compiled.compiled_for(path, env, fixed)
    old_hash = manifest.template_sha256(path)
    os.replace(new, path)
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    again = compiled.compiled_for(path, env, fixed)
    assert old is not None and again is not None and again is not old
    assert manifest.template_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest() != old_hash
