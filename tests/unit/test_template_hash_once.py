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
