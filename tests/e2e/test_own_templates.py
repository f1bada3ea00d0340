"""A clerk's own templates (-t DIR): each replaces only the shipped template of its name; a folder or file
docgen cannot use stops the run with a message naming it; a template off the fast path is reported."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from conftest import DONG_ANH, GIA_LAM, INPUTS, PLAN_2017, docx_text

from docgen.cli import main
from docgen.render import compiled, document, environment

SHIPPED = environment.TEMPLATE_DIR

FOOTNOTES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             b'<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             b'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             b'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
             b'</w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Footnote.</w:t></w:r></w:p></w:footnote>'
             b'</w:footnotes>')


def clerk_copy(folder, name, old=None, new=None, footnotes=False):
    """The shipped template `name`, saved into `folder` with `old` replaced by `new` in its body (as a clerk
    would in Word), or with a footnotes part added."""
    folder.mkdir(exist_ok=True)
    with zipfile.ZipFile(SHIPPED / name) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    if old is not None:
        body = parts["word/document.xml"].decode("utf-8")
        assert old in body
        parts["word/document.xml"] = body.replace(old, new, 1).encode("utf-8")
    if footnotes:
        parts["word/footnotes.xml"] = FOOTNOTES
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="' + compiled.FOOTNOTES_CT.encode()
            + b'"/></Types>')
        parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
            b"</Relationships>", b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for filename, data in parts.items():
            dst.writestr(filename, data)
    (folder / name).write_bytes(out.getvalue())
    return folder / name


def files_of(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_clerks_template_replaces_only_its_own_document(tmp_path, capsys):
    own = clerk_copy(tmp_path / "mau", "bien-ban-hop-cum.docx", "Họp bình xét thi đua", "Họp bình xét, đánh giá thi đua")
    assert main.main(["build", str(DONG_ANH), "-o", str(tmp_path / "a"), "-j", "1"]) == 0
    assert main.main(["build", str(DONG_ANH), "-o", str(tmp_path / "b"), "-j", "1", "-t", str(tmp_path / "mau")]) == 0
    assert "cảnh báo" not in capsys.readouterr().err
    a, b = files_of(tmp_path / "a"), files_of(tmp_path / "b")
    assert set(a) == set(b)
    changed = {name for name in a if a[name] != b[name]}
    assert {name.split("/")[-1] for name in changed} == {"bien-ban-hop-cum.docx", "manifest.json"}
    hop = next(tmp_path.glob("b/*/bien-ban-hop-cum.docx"))
    assert "Họp bình xét, đánh giá thi đua" in docx_text(hop)
    manifest = json.loads(next(tmp_path.glob("b/*/manifest.json")).read_text(encoding="utf-8"))
    for d in manifest["van_ban"]:
        used = own if d["mau"] == own.name else SHIPPED / d["mau"]
        assert d["mau_sha256"] == hashlib.sha256(used.read_bytes()).hexdigest(), d["tep"]


@pytest.mark.parametrize("args, name, old, new", [
    (["district", str(INPUTS / "2017" / "dong-anh")], "bao-cao-tong-hop-huyen.docx",
     "Kết quả kiểm tra chéo", "Kết quả kiểm tra chéo, đánh giá"),
    (["city", str(INPUTS / "2017")], "bao-cao-tong-hop-thanh-pho.docx",
     "Tổng hợp kết quả", "Tổng hợp, đánh giá kết quả"),
    (["plan", str(PLAN_2017)], "ke-hoach.docx", ">KẾ HOẠCH<", ">KẾ HOẠCH CHUNG<"),
    (["phu-luc-01", str(PLAN_2017)], "phu-luc-01.docx", "BẢNG CHẤM ĐIỂM THI ĐUA", "BẢNG TỰ CHẤM ĐIỂM THI ĐUA"),
], ids=["district", "city", "plan", "phu-luc-01"])
def test_every_command_that_makes_documents_takes_the_clerks_templates(tmp_path, args, name, old, new):
    clerk_copy(tmp_path / "mau", name, old, new)
    assert main.main([*args, "-o", str(tmp_path / "out"), "--templates", str(tmp_path / "mau")]) == 0
    texts = "\n".join(docx_text(p) for p in (tmp_path / "out").rglob("*.docx"))
    assert new.strip("<>") in texts


def _not_a_docx(folder):
    folder.mkdir()
    (folder / "bien-ban-hop-cum.docx").write_text("không phải Word", encoding="utf-8")
    return folder / "bien-ban-hop-cum.docx", "không phải tệp .docx hợp lệ"


def _misnamed(folder):
    clerk_copy(folder, "bien-ban-hop-cum.docx")
    (folder / "bien-ban-hop-cum.docx").rename(folder / "bien-ban-hop-cum (1).docx")
    return folder / "bien-ban-hop-cum (1).docx", "Có phải ý bạn là 'bien-ban-hop-cum.docx'?"


def _missing(folder):
    return folder, "không có thư mục mẫu riêng này"


def _a_file(folder):
    folder.write_bytes((SHIPPED / "bien-ban-hop-cum.docx").read_bytes())
    return folder, "không phải thư mục"


def _empty(folder):
    folder.mkdir()
    return folder, "không có tệp .docx nào"


@pytest.mark.parametrize("make", [_not_a_docx, _misnamed, _missing, _a_file, _empty],
                         ids=["not-a-docx", "misnamed", "missing", "a-file", "empty"])
def test_a_template_folder_docgen_cannot_use_stops_before_anything_is_made(tmp_path, capsys, make):
    named, expected = make(tmp_path / "mau")
    out = tmp_path / "out"
    assert main.main(["build", str(DONG_ANH), "-o", str(out), "-t", str(tmp_path / "mau")]) == 1
    err = capsys.readouterr().err
    assert f"{named}: " in err and expected in err and "Traceback" not in err
    assert not out.exists()
    assert main.main(["check-templates", "-t", str(tmp_path / "mau")]) == 1
    assert f"{named}: " in capsys.readouterr().err


def test_check_templates_checks_the_clerks_templates_with_the_shipped_ones_they_do_not_replace(tmp_path, capsys):
    clerk_copy(tmp_path / "mau", "bien-ban-hop-cum.docx", "Họp bình xét thi đua", "Họp {{ hop.ngay_hop }}")
    assert main.main(["check-templates", "-t", str(tmp_path / "mau")]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'mau' / 'bien-ban-hop-cum.docx'}: phần thân văn bản, thẻ {{{{ hop.ngay_hop }}}}" in err
    assert err.count("\n") == 1  # the thirteen shipped templates it does not replace are fine
    clerk_copy(tmp_path / "mau", "bien-ban-hop-cum.docx", "Họp bình xét thi đua", "Họp bình xét, đánh giá thi đua")
    assert main.main(["check-templates", "-t", str(tmp_path / "mau")]) == 0


@pytest.mark.parametrize("path", sorted(SHIPPED.glob("*.docx")), ids=lambda p: p.name)
def test_every_shipped_template_takes_the_fast_path(path):
    compiled.compile_template(path, environment.jinja_env(), environment.FIXED_TIME)  # no Unsupported
    assert document.slow_templates([path.name]) == []


def test_a_template_off_the_fast_path_is_reported_and_still_renders(tmp_path, capsys):
    clerk_copy(tmp_path / "mau", "phu-luc-01.docx", footnotes=True)
    assert main.main(["phu-luc-01", str(PLAN_2017), "-o", str(tmp_path / "out"), "-t", str(tmp_path / "mau")]) == 0
    err = capsys.readouterr().err
    assert (f"{tmp_path / 'mau' / 'phu-luc-01.docx'}: cảnh báo: mẫu phu-luc-01.docx không dùng được cách lập nhanh "
            "(mẫu có chú thích cuối trang); vẫn lập được văn bản nhưng chậm hơn.") in err
    made = next((tmp_path / "out").rglob("*.docx"))
    assert "BẢNG CHẤM ĐIỂM THI ĐUA" in docx_text(made)
    assert main.main(["check-templates", "-t", str(tmp_path / "mau")]) == 0  # a warning, not an error
    out, err = capsys.readouterr()
    assert "dùng được" in out and err.count("cảnh báo: mẫu phu-luc-01.docx không dùng được cách lập nhanh") == 1


def test_a_slow_template_is_reported_once_per_run(tmp_path, capsys):
    clerk_copy(tmp_path / "mau", "bien-ban-kiem-tra.docx", footnotes=True)  # one per commune, in two clusters
    args = ["build", str(DONG_ANH), str(GIA_LAM), "-o", str(tmp_path / "out"), "-j", "2", "-t", str(tmp_path / "mau")]
    assert main.main(args) == 0
    err = capsys.readouterr().err
    assert err.count("không dùng được cách lập nhanh") == 1 and "bien-ban-kiem-tra.docx" in err
    assert len(list((tmp_path / "out").rglob("bien-ban-kiem-tra-*.docx"))) > 2
