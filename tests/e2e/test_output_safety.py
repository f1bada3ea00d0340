"""The output folder: written whole or not at all, the same bytes for the same input, a manifest of
what was written, and never a document edited by hand lost."""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import zipfile

import pytest
from conftest import DATA, DONG_ANH, GIA_LAM, INPUTS, PLAN_2017, ROOT

from docgen import __version__
from docgen.cli import main
from docgen.context import cluster as context_cluster
from docgen.context import index
from docgen.errors import OutputError
from docgen.levels import cluster
from docgen.pipeline import batch


def snapshot(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def dossier_specs(path):
    """What the dossier of one cluster file holds (its documents and index), as the pipeline plans it."""
    c = cluster.check_cluster(path)
    specs = context_cluster.build_documents(c.plan.data, c.cluster.data, c.result)
    return specs + [index.index_spec(c.plan.data, c.cluster.data, specs)]


def build(out, *paths, **kw):
    return batch.build(list(paths or [DONG_ANH, GIA_LAM]), out, **kw)


def test_same_input_gives_the_same_bytes(tmp_path):
    build(tmp_path / "a")
    build(tmp_path / "b")
    a, b = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    # every document of both dossiers, plus their manifests and Phụ lục 02 as .xlsx (its bytes are fixed too)
    docs = [spec for path in (DONG_ANH, GIA_LAM) for spec in dossier_specs(path)]
    assert len(a) == len(docs) + 2 + 2 >= 15 and a == b


def test_no_clock_and_no_editor_in_the_documents(tmp_path):
    """A template saved by Word carries its own dates and author: the documents do not."""
    folder = tmp_path / "mau"
    shutil.copytree(ROOT / "templates_docx", folder)
    for path in folder.glob("*.docx"):
        src = zipfile.ZipFile(path)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "docProps/core.xml":
                    data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2024-05-06T07:08:09Z", data)
                    data = data.replace(b"<cp:lastModifiedBy>docgen<", "<cp:lastModifiedBy>Nguyễn Văn A<".encode())
                dst.writestr(info, data)
        src.close()
        path.write_bytes(out.getvalue())
    built = build(tmp_path / "out", DONG_ANH, template_dir=folder)
    for f in built[0].files[:-1]:
        z = zipfile.ZipFile(f)
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode("utf-8")
        assert core.count("1980-01-01T00:00:00Z") == 2 and "2024" not in core
        assert "<cp:lastModifiedBy>docgen</cp:lastModifiedBy>" in core


def test_the_manifest_describes_inputs_and_documents(tmp_path):
    b = build(tmp_path, DONG_ANH)[0]
    manifest = json.loads((b.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["docgen"] == __version__
    assert manifest["dau_vao"]["cum"] == {"tep": "cum-so-1.yaml",
                                          "sha256": hashlib.sha256(DONG_ANH.read_bytes()).hexdigest()}
    assert manifest["dau_vao"]["ke_hoach"]["sha256"] == hashlib.sha256(PLAN_2017.read_bytes()).hexdigest()
    docs = {d["tep"]: d for d in manifest["van_ban"]}
    books = {d["tep"] for d in manifest["bang_tinh"]}  # the .xlsx working copies, listed apart
    assert books == {"phu-luc-02-bang-cham-diem.xlsx"}
    assert set(docs) == {f.name for f in b.files} - {"manifest.json"} - books
    for name, d in docs.items():
        assert d["sha256"] == hashlib.sha256((b.folder / name).read_bytes()).hexdigest()
        template = ROOT / "templates_docx" / d["mau"]
        assert d["mau_sha256"] == hashlib.sha256(template.read_bytes()).hexdigest()
    assert docs["bien-ban-kiem-tra-co-loa.docx"]["mau"] == "bien-ban-kiem-tra.docx"


def test_a_rerun_replaces_documents_docgen_wrote(tmp_path, capsys):
    build(tmp_path)
    assert main.main(["build", str(DONG_ANH), "-o", str(tmp_path)]) == 0
    assert "sửa tay" not in capsys.readouterr().err


def test_a_document_edited_by_hand_stops_the_build(tmp_path, capsys):
    build(tmp_path)
    edited = tmp_path / "dong-anh-cum-so-1" / "bien-ban-hop-cum.docx"
    edited.write_bytes(edited.read_bytes() + b"\0")  # the clerk saved it from Word
    before = snapshot(tmp_path)

    assert main.main(["build", str(INPUTS / "2017"), "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "đã được sửa tay" in err and "--force" in err
    assert f"{edited}: văn bản đã sửa tay, chưa ghi đè." in err
    assert snapshot(tmp_path) == before  # the other cluster was not written either


def test_force_keeps_the_edited_document_beside_the_new_one(tmp_path, capsys):
    build(tmp_path)
    folder = tmp_path / "dong-anh-cum-so-1"
    edited = folder / "bien-ban-hop-cum.docx"
    fresh = edited.read_bytes()
    edited.write_bytes(b"edited once")
    assert main.main(["build", str(DONG_ANH), "-o", str(tmp_path), "--force"]) == 0
    assert f"giữ bản sửa tay: {folder / 'bien-ban-hop-cum.ban-sua-tay.docx'}" in capsys.readouterr().out
    assert (folder / "bien-ban-hop-cum.ban-sua-tay.docx").read_bytes() == b"edited once"
    assert edited.read_bytes() == fresh

    edited.write_bytes(b"edited twice")  # an earlier backup is never replaced
    build(tmp_path, DONG_ANH, force=True)
    assert (folder / "bien-ban-hop-cum.ban-sua-tay.docx").read_bytes() == b"edited once"
    assert (folder / "bien-ban-hop-cum.ban-sua-tay-2.docx").read_bytes() == b"edited twice"
    assert build(tmp_path, DONG_ANH)[0].backups == []  # the backups are not the dossier's documents


def test_a_file_docgen_did_not_write_is_not_overwritten(tmp_path):
    """No manifest (or one that does not list the file): docgen cannot tell the file is its own."""
    folder = tmp_path / "dong-anh-cum-so-1"
    folder.mkdir()
    (folder / "phu-luc-02-bang-cham-diem.docx").write_bytes(b"the clerk's own table")
    with pytest.raises(OutputError) as e:
        build(tmp_path, DONG_ANH)
    assert [i.source for i in e.value.issues] == [str(folder / "phu-luc-02-bang-cham-diem.docx")]
    assert snapshot(tmp_path) == {"dong-anh-cum-so-1/phu-luc-02-bang-cham-diem.docx":
                                  hashlib.sha256(b"the clerk's own table").hexdigest()}


def test_a_failed_first_build_leaves_no_folder_behind(tmp_path, monkeypatch):
    """The disk fills at the commit (tests/e2e/test_crash.py tries every step): no folder is left."""
    steps = tmp_path / "steps"
    monkeypatch.setenv("DOCGEN_FAULT", f"list:{steps}")
    build(tmp_path / "probe" / "2017")
    commit = next(int(n) for n, label in (line.split() for line in steps.read_text().splitlines())
                  if label == "commit")
    monkeypatch.setenv("DOCGEN_FAULT", f"{commit}:nospc")
    with pytest.raises(OutputError) as e:
        build(tmp_path / "outputs" / "2017")
    assert "đĩa chứa thư mục" in e.value.message and "đã đầy" in e.value.message
    assert not (tmp_path / "outputs").exists()


def test_documents_no_longer_made_are_kept_and_mentioned(tmp_path):
    build(tmp_path, DONG_ANH)
    renamed = tmp_path / "cum.yaml"
    renamed.write_text(DONG_ANH.read_text(encoding="utf-8").replace("../../ke-hoach-2017.yaml", str(PLAN_2017))
                       .replace("ten: Dục Tú", "ten: Dục Tú Mới"), encoding="utf-8")
    b = build(tmp_path, renamed)[0]
    old = [b.folder / "bien-ban-kiem-tra-duc-tu.docx", b.folder / "phu-luc-01-duc-tu.docx",
           b.folder / "bao-cao-tu-danh-gia-duc-tu.docx"]
    assert all(f.exists() for f in old) and (b.folder / "bien-ban-kiem-tra-duc-tu-moi.docx").exists()
    assert sorted(w.source for w in b.warnings if "lần lập trước" in w.message) == sorted(map(str, old))


def test_hostile_names_stay_inside_the_output_folder(tmp_path):
    text = (DATA / "cum-goc.yaml").read_text(encoding="utf-8").replace("../../inputs/", f"{INPUTS}/")
    text = (text.replace("  ten: Sóc Sơn\n  loai: huyện", '  ten: "../../.."\n  loai: huyện')
            .replace("  ten: Cụm số 3\n", '  ten: "..\\\\..\\\\Windows/System32"\n')
            .replace("    ten: Tiên Dược\n", '    ten: "/etc/passwd"\n'))
    source = tmp_path / "cum.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    b = build(out, source)[0]
    assert b.folder == out / "windows-system32"
    assert {f.name for f in b.files} >= {"bien-ban-kiem-tra-etc-passwd.docx"}
    assert all(f.parent == b.folder for f in b.files)
    assert {p.parent for p in tmp_path.rglob("*.docx")} == {b.folder}




def test_the_clerks_own_files_and_folders_survive_a_rebuild(tmp_path):
    """The new folder replaces the old one whole: everything docgen did not make is carried over."""
    folder = build(tmp_path, DONG_ANH)[0].folder
    (folder / "scan").mkdir()
    (folder / "scan" / "bien-ban-da-ky.pdf").write_bytes(b"%PDF scanned")
    (folder / "Ghi chú.txt").write_text("của văn thư", encoding="utf-8")
    (folder / "lien-ket").symlink_to("scan")
    build(tmp_path, DONG_ANH)
    assert (folder / "scan" / "bien-ban-da-ky.pdf").read_bytes() == b"%PDF scanned"
    assert (folder / "Ghi chú.txt").read_text(encoding="utf-8") == "của văn thư"
    assert os.readlink(folder / "lien-ket") == "scan"


def test_debris_of_an_older_docgen_inside_a_dossier_is_cleared(tmp_path):
    """docgen before the whole-folder swap staged files in hidden .docgen-* folders inside each dossier,
    and a crash left them there."""
    folder = build(tmp_path, DONG_ANH)[0].folder
    (folder / ".docgen-x1y2" / "cu").mkdir(parents=True)
    (folder / ".docgen-x1y2" / "cu" / "lich-kiem-tra.docx").write_bytes(b"old")
    build(tmp_path, DONG_ANH)
    assert not list(tmp_path.rglob(".docgen*"))


def test_a_journal_naming_paths_outside_is_not_followed(tmp_path):
    """Recovery only ever swaps folders directly inside the output folder, whatever a journal says."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "x.txt").write_text("keep", encoding="utf-8")
    tx = tmp_path / "out" / ".docgen-tx"
    tx.mkdir(parents=True)
    planted = tmp_path / "out" / "victim"  # what out/.docgen-tx/../victim names
    planted.mkdir()
    (planted / "x.txt").write_text("planted", encoding="utf-8")
    (tx / "journal.json").write_text(json.dumps({"dossiers": [{"ten": "../victim", "ino": planted.stat().st_ino}]}))
    build(tmp_path / "out", DONG_ANH)
    assert (victim / "x.txt").read_text(encoding="utf-8") == "keep" and list(victim.iterdir()) == [victim / "x.txt"]
    assert not list((tmp_path / "out").rglob(".docgen*"))
