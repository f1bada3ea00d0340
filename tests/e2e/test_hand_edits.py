"""Every command that writes documents protects the ones a clerk edited (plan, district, city as
`build` does) and offers --force; the manifest itself, missing, broken or shadowed, is named as the problem."""
from __future__ import annotations

import io
import json
import zipfile

import pytest
from conftest import DONG_ANH, DONG_ANH_DIR, INPUTS, PLAN_2017
from test_crash import snapshot

from docgen.cli import main

SLUG = "dong-anh-cum-so-1"


def save_in_word(path):
    """What Word does to a document it saves: the editor's name, the time and a new revision."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = (data.replace(b">docgen</cp:lastModifiedBy>", "Nguyễn Văn A</cp:lastModifiedBy>".encode())
                        .replace(b"<cp:revision>1<", b"<cp:revision>2<")
                        .replace(b"1980-01-01T00:00:00Z</dcterms:modified>", b"2025-03-04T05:06:07Z</dcterms:modified>"))
            dst.writestr(info, data)
    path.write_bytes(out.getvalue())


def run(args, capsys) -> tuple[int, str, str]:
    code = main.main(args)
    got = capsys.readouterr()
    return code, got.out, got.err


def test_plan_keeps_a_kế_hoạch_edited_in_word(tmp_path, capsys):
    out = tmp_path / "out"
    assert run(["plan", str(PLAN_2017), "-o", str(out)], capsys)[0] == 0
    doc = out / "ke-hoach-2017.docx"
    fresh = doc.read_bytes()
    assert run(["plan", str(PLAN_2017), "-o", str(out)], capsys)[0] == 0  # docgen's own copy: replaced quietly
    save_in_word(doc)
    edited = doc.read_bytes()
    code, _, err = run(["plan", str(PLAN_2017), "-o", str(out)], capsys)
    assert code == 1 and f"{doc}: văn bản đã sửa tay, chưa ghi đè." in err and "--force" in err
    assert doc.read_bytes() == edited
    code, stdout, _ = run(["plan", str(PLAN_2017), "-o", str(out), "--force"], capsys)
    kept = out / "ke-hoach-2017.ban-sua-tay.docx"
    assert code == 0 and f"giữ bản sửa tay: {kept}" in stdout
    assert kept.read_bytes() == edited and doc.read_bytes() == fresh


@pytest.mark.parametrize("command, source, folder", [
    ("district", DONG_ANH_DIR, "huyen-dong-anh"), ("city", INPUTS / "2017", "ha-noi-2017")])
def test_district_and_city_protect_hand_edits_and_offer_force(tmp_path, capsys, command, source, folder):
    out = tmp_path / "out"
    assert run([command, str(source), "-o", str(out)], capsys)[0] == 0
    doc = next(p for p in sorted((out / folder).glob("*.docx")))
    doc.write_bytes(doc.read_bytes() + b"\0")
    before = snapshot(out)
    code, _, err = run([command, str(source), "-o", str(out)], capsys)
    assert code == 1 and f"{doc}: văn bản đã sửa tay, chưa ghi đè." in err and "--force" in err
    assert snapshot(out) == before
    code, stdout, err = run([command, str(source), "-o", str(out), "--force"], capsys)
    assert code == 0, err
    assert f"giữ bản sửa tay: {doc.with_name(doc.stem + '.ban-sua-tay.docx')}" in stdout


def changed_input(tmp_path):
    path = tmp_path / "in" / "cum-so-1.yaml"
    path.parent.mkdir()
    path.write_text(DONG_ANH.read_text(encoding="utf-8").replace("../../ke-hoach-2017.yaml", str(PLAN_2017))
                    .replace("Hội trường UBND xã Cổ Loa", "Nhà văn hóa xã Cổ Loa"), encoding="utf-8")
    return path


def test_a_folder_named_manifest_json_is_never_deleted(tmp_path, capsys):
    out = tmp_path / "out"
    assert run(["build", str(DONG_ANH), "-o", str(out)], capsys)[0] == 0
    (out / SLUG / "manifest.json").unlink()
    (out / SLUG / "manifest.json").mkdir()
    (out / SLUG / "manifest.json" / "ghi-chu.txt").write_text("của văn thư", encoding="utf-8")
    code, _, err = run(["build", str(DONG_ANH), "-o", str(out)], capsys)
    assert code == 1 and f"Trong thư mục hồ sơ {out / SLUG} có một thư mục tên manifest.json" in err
    assert (out / SLUG / "manifest.json" / "ghi-chu.txt").read_text(encoding="utf-8") == "của văn thư"


@pytest.mark.parametrize("damage", ["{", "[1, 2]", '{"van_ban": 5}', b"\xff\xfe"])
def test_a_broken_manifest_is_named_as_the_problem(tmp_path, capsys, damage):
    out = tmp_path / "out"
    assert run(["build", str(DONG_ANH), "-o", str(out)], capsys)[0] == 0
    manifest = out / SLUG / "manifest.json"
    manifest.write_bytes(damage if isinstance(damage, bytes) else damage.encode())
    before = snapshot(out)
    changed = changed_input(tmp_path)
    code, _, err = run(["build", str(changed), "-o", str(out)], capsys)
    assert code == 1 and f"Tệp {manifest} (bản kê docgen ghi kèm hồ sơ) bị hỏng" in err and "--force" in err
    assert "văn bản đã sửa tay, chưa ghi đè" not in err  # not a list of documents nobody touched
    assert snapshot(out) == before
    assert run(["build", str(changed), "-o", str(out), "--force"], capsys)[0] == 0


def test_a_missing_manifest_is_explained(tmp_path, capsys):
    out = tmp_path / "out"
    assert run(["build", str(DONG_ANH), "-o", str(out)], capsys)[0] == 0
    (out / SLUG / "manifest.json").unlink()
    code, _, err = run(["build", str(changed_input(tmp_path)), "-o", str(out)], capsys)
    assert code == 1 and f"Thư mục {out / SLUG} không có manifest.json" in err


def test_a_file_an_older_docgen_named_otherwise_is_named_with_what_replaced_it(tmp_path, capsys):
    """A folder last written by a docgen that called the index 'Danh mục hồ sơ': the re-run keeps the old
    file (it may have been filed) and says what replaces it, instead of guessing a renamed commune."""
    assert run(["build", str(DONG_ANH), "-o", str(tmp_path)], capsys)[0] == 0
    folder = tmp_path / SLUG
    manifest = folder / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for entry in data["van_ban"]:
        if entry["tep"] == "muc-luc-van-ban.docx":
            entry["tep"] = "danh-muc-ho-so.docx"
    (folder / "muc-luc-van-ban.docx").rename(folder / "danh-muc-ho-so.docx")
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(["build", str(DONG_ANH), "-o", str(tmp_path)], capsys)
    assert code == 0
    told = out + err
    assert "danh-muc-ho-so.docx" in told and "nay thay bằng muc-luc-van-ban.docx" in told
    assert "đổi tên hoặc bỏ khỏi Cụm" not in told
    assert (folder / "danh-muc-ho-so.docx").exists() and (folder / "muc-luc-van-ban.docx").exists()
