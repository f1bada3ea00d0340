"""tools/make_templates.py and tools/schemas_src.py: regenerating gives exactly the committed files, and
a file edited since it was generated (a template saved from Word) is never overwritten without --force."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from conftest import ROOT

GENERATORS = [ROOT / "tools" / "make_templates.py", ROOT / "tools" / "schemas_src.py"]
FOLDERS = ["templates_docx", "schemas"]


def run(root, *extra):
    """Both generators into the checkout `root`; their exit codes and stderr."""
    done = [subprocess.run([sys.executable, str(g), "--root", str(root), *extra], capture_output=True, text=True)
            for g in GENERATORS]
    return [d.returncode for d in done], "".join(d.stderr for d in done)


def contents(root):
    return {f"{folder}/{p.name}": p.read_bytes() for folder in FOLDERS for p in sorted((root / folder).glob("*"))}


def test_regenerating_gives_exactly_the_committed_files(tmp_path):
    assert run(tmp_path) == ([0, 0], "")
    assert contents(tmp_path) == contents(ROOT)
    assert (tmp_path / "tools" / "generated.json").read_bytes() == (ROOT / "tools" / "generated.json").read_bytes()


def test_an_edited_file_is_left_alone_and_named_unless_force(tmp_path):
    assert run(tmp_path)[0] == [0, 0]
    edited = tmp_path / "templates_docx" / "phu-luc-01.docx"
    edited.write_bytes(edited.read_bytes() + b"saved by Word")
    schema = tmp_path / "schemas" / "huyen.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace("Mã đơn vị", "Mã của đơn vị"), encoding="utf-8")
    # an old generation, untouched since: its bytes are the ones recorded, so it is regenerated
    old = tmp_path / "templates_docx" / "bien-ban-kiem-tra.docx"
    old.write_bytes(b"an older generation")
    record = tmp_path / "tools" / "generated.json"
    hashes = json.loads(record.read_text(encoding="utf-8"))
    hashes["templates_docx/bien-ban-kiem-tra.docx"] = hashlib.sha256(b"an older generation").hexdigest()
    record.write_text(json.dumps(hashes), encoding="utf-8")
    edits = edited.read_bytes(), schema.read_bytes()

    codes, err = run(tmp_path)
    assert codes == [1, 1]
    assert "templates_docx/phu-luc-01.docx: tệp đã được sửa sau lần tạo trước" in err and "--force" in err
    assert "schemas/huyen.schema.json: tệp đã được sửa sau lần tạo trước" in err
    assert err.count("\n") == 2
    assert (edited.read_bytes(), schema.read_bytes()) == edits
    assert old.read_bytes() == (ROOT / "templates_docx" / "bien-ban-kiem-tra.docx").read_bytes()
    assert run(tmp_path)[0] == [1, 1]  # still edited: still left alone

    assert run(tmp_path, "--force") == ([0, 0], "")
    assert contents(tmp_path) == contents(ROOT)
