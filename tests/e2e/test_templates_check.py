"""Templates a clerk edited: a failure names the template, its part and the tag; check-templates finds
every variable that docgen does not provide, from what context.py really builds."""
from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from conftest import DONG_ANH, GIA_LAM, ROOT

from docgen.cli import main
from docgen.context import cluster
from docgen.errors import TemplateError
from docgen.levels import cluster as levels_cluster
from docgen.pipeline import batch, dossier, template_check

TEMPLATES = ROOT / "templates_docx"


def edited_templates(tmp_path, name, old, new, part="word/document.xml"):
    """A copy of templates_docx/ where one template has `old` replaced by `new` in one XML part."""
    folder = tmp_path / "mau"
    if not folder.exists():
        shutil.copytree(TEMPLATES, folder)
    src = zipfile.ZipFile(folder / name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                text = data.decode("utf-8")
                assert old in text, f"{old!r} không có trong {name}/{part}"
                data = text.replace(old, new, 1).encode("utf-8")
            dst.writestr(info, data)
    src.close()
    (folder / name).write_bytes(out.getvalue())
    return folder


def render_error(folder, path=DONG_ANH) -> str:
    with pytest.raises(TemplateError) as e:
        dossier.render_cluster(levels_cluster.check_cluster(path), folder)
    return e.value.message


@pytest.mark.parametrize("old, new, expected", [
    ("{{ don_vi.ten_ubnd }}", "{{ don_vi.ten_ubndd }}",
     ["(phần thân văn bản), thẻ {{ don_vi.ten_ubndd }}: biến 'ten_ubndd' không có", "Có phải ý bạn là 'ten_ubnd'?"]),
    ("{{ don_vi.ten_ubnd }}", "{{ don_vi.ten ubnd }}",
     ["thẻ {{ don_vi.ten ubnd }}: biểu thức trong {{ ... }} viết sai"]),
    ("{%p endfor %}", "{%p endfr %}", ["thẻ {% endfr %}: thẻ đóng không có thẻ mở tương ứng"]),
    ("{%p endfor %}", "", ["thẻ {% for tv in doan.thanh_vien %}: thẻ mở chưa có thẻ đóng"]),
    ("{{ don_vi.ten_ubnd }}", "{{ ''.__class__.__mro__ }}", ["mẫu dùng '__class__', việc không được phép"]),
    ("{{ don_vi.ten_ubnd }}", "{{ doan.thanh_vien.append(1) }}", ["mẫu dùng 'append', việc không được phép"]),
    ("{{ don_vi.ten_ubnd }}", "{{ 'x' * 100000000 }}", ["chuỗi hoặc danh sách quá dài"]),
    ("{{ don_vi.ten_ubnd }}", "{{ 1 / 0 }}", ["thẻ {{ 1 / 0 }}: phép chia cho 0"]),
], ids=["unknown-variable", "syntax", "unknown-end-tag", "unclosed-for", "python-internals", "mutation",
        "huge-string", "division-by-zero"])
def test_a_render_error_names_the_template_part_and_tag(tmp_path, old, new, expected):
    folder = edited_templates(tmp_path, "bien-ban-kiem-tra.docx", old, new)
    message = render_error(folder)
    assert message.startswith(f"Mẫu văn bản {folder / 'bien-ban-kiem-tra.docx'}")
    for text in expected:
        assert text in message


def test_an_error_in_a_header_names_the_header(tmp_path):
    folder = edited_templates(tmp_path, "phu-luc-02.docx", "PAGE", "PAGE {{ so_trang }}", "word/header1.xml")
    message = render_error(folder)
    assert "phu-luc-02.docx (đầu trang (word/header1.xml)), thẻ {{ so_trang }}: biến 'so_trang'" in message


def test_a_template_that_is_not_a_docx(tmp_path):
    folder = tmp_path / "mau"
    shutil.copytree(TEMPLATES, folder)
    (folder / "bien-ban-hop-cum.docx").write_text("không phải Word", encoding="utf-8")
    assert "không phải tệp .docx hợp lệ" in render_error(folder)


def test_the_shipped_templates_pass_check_templates(capsys):
    assert main.main(["check-templates"]) == 0
    assert "dùng được" in capsys.readouterr().out


def test_check_templates_finds_every_unknown_variable(tmp_path, capsys):
    folder = edited_templates(tmp_path, "bien-ban-kiem-tra.docx", "{{ tv.ho_ten }}", "{{ tv.ho_tenn }}")
    edited_templates(tmp_path, "bien-ban-kiem-tra.docx", "{{ don_vi.ten_ubnd }}",
                     "{{ don_vi.ten_ubnd.upper() }} {{ cum.ten_dai }} {{ xyz }}")
    edited_templates(tmp_path, "phu-luc-02.docx", "PAGE", "PAGE {{ so_trang }}", "word/header1.xml")
    edited_templates(tmp_path, "bien-ban-hop-cum.docx", "{%p endfor %}", "{%p endfr %}")
    (folder / "cong-van-de-nghi-khen-thuong.docx").unlink()  # not replaced: the shipped one is checked

    assert main.main(["check-templates", "-t", str(folder)]) == 1
    err = capsys.readouterr().err
    kiem_tra = folder / "bien-ban-kiem-tra.docx"
    assert (f"{kiem_tra}: phần thân văn bản, thẻ {{{{ tv.ho_tenn }}}}: biến `tv.ho_tenn` (mỗi mục của "
            "`doan.thanh_vien`) không có trong dữ liệu docgen đưa vào mẫu này. Có phải ý bạn là 'ho_ten'?") in err
    assert f"{kiem_tra}: phần thân văn bản, thẻ {{{{ cum.ten_dai }}}}: biến `cum.ten_dai`" in err
    assert "Có phải ý bạn là 'ten_day_du'?" in err
    assert "thẻ {{ xyz }}: biến `xyz`" in err
    assert "upper" not in err  # a string method is not a missing variable
    assert f"{folder / 'phu-luc-02.docx'}: đầu trang (word/header1.xml), thẻ {{{{ so_trang }}}}" in err
    assert f"{folder / 'bien-ban-hop-cum.docx'}: phần thân văn bản, thẻ {{% endfr %}}" in err
    assert "cong-van-de-nghi-khen-thuong.docx" not in err
    assert err.count("\n") == 5  # nothing else is reported


def test_the_vocabulary_is_what_context_py_builds(monkeypatch):
    """Drop one variable from the real context builder: check-templates must notice at once."""
    real = cluster.build_documents

    had_it: set[str] = set()  # the templates whose real context carries the place-date line

    def without_place_date(*args, **kwargs):
        docs = real(*args, **kwargs)
        had_it.update(d.template for d in docs if "dia_danh_ngay" in d.context)
        return [d.__class__(d.file_name, d.template, {k: v for k, v in d.context.items() if k != "dia_danh_ngay"},
                            d.title) for d in docs]

    assert template_check.check_templates() == []
    monkeypatch.setattr(cluster, "build_documents", without_place_date)
    issues = template_check.check_templates()
    assert issues and all("`dia_danh_ngay`" in i.message for i in issues)
    # (a template also filled elsewhere, like Phụ lục 01's blank sheet, keeps the variable from there)
    assert {i.source.split("/")[-1] for i in issues} <= had_it
    assert {i.source.split("/")[-1] for i in issues} >= {"bien-ban-kiem-tra.docx", "bien-ban-hop-cum.docx",
                                                         "cong-van-de-nghi-khen-thuong.docx", "lich-kiem-tra.docx"}


def test_a_template_error_in_build_writes_nothing(tmp_path, capsys):
    """Only the second cluster trips the template: the first one's dossier must not be written either."""
    folder = edited_templates(tmp_path, "phu-luc-02.docx", "{{ nd_1_ten }}",
                              "{{ nd_1_ten }}{% if cum.ten == 'Cụm số 2' %}{{ 1 / 0 }}{% endif %}")
    out = tmp_path / "out"
    with pytest.raises(TemplateError) as e:
        batch.build([DONG_ANH, GIA_LAM], out, template_dir=folder)
    assert "phu-luc-02.docx" in e.value.message and "phép chia cho 0" in e.value.message
    assert not out.exists()
