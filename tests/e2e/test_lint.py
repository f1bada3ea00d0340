"""docgen lint: every generated document passes; deliberately wrong documents fail with the right rule."""
from __future__ import annotations

import copy
import zipfile
import re

import pytest
from conftest import DATA, DONG_ANH, INPUTS, docx_text
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from docgen import lint
from docgen.cli import main
from docgen.errors import InputError
from docgen.ooxml import DocxModel, text_width_mm
from docgen.pipeline import batch, plan_document


def generated(built):
    return [f for b in built.values() for f in b.files if f.suffix == ".docx"]


def dong_anh(built, name):
    return built[DONG_ANH.resolve()].folder / name


BB = "bien-ban-kiem-tra-co-loa.docx"
CV = "cong-van-de-nghi-khen-thuong.docx"
PL = "phu-luc-02-bang-cham-diem.docx"
HOP = "bien-ban-hop-cum.docx"


def test_every_generated_document_passes_lint(built):
    files = generated(built)
    # every document of every sample dossier: one per commune plus the cluster's own documents
    assert len(files) == sum(len([f for f in b.files if f.suffix == ".docx"]) for b in built.values()) >= 13
    problems = [f.format() for path in files for f in lint.lint_file(path).findings]
    assert problems == []


def test_documents_full_of_blanks_pass_lint(tmp_path):
    """The minimal cluster: dotted blanks everywhere, '&' and '<' in names."""
    [b] = batch.build([DATA / "cum-toi-thieu.yaml"], tmp_path)
    files = [f for f in b.files if f.suffix == ".docx"]
    assert [f.format() for path in files for f in lint.lint_file(path).findings] == []


def test_every_document_of_the_chain_passes_lint(chain_built):
    """The two-tier (2025) dossiers, the district and city documents, the Kế hoạch and the blank Phụ lục 01."""
    assert all(chain_built.values()), chain_built
    reports = [lint.lint_file(f) for files in chain_built.values() for f in files]
    assert len(reports) >= 2 * 15 + 2 * 3 + 2 + 2 + 2
    assert {"bien_ban", "cong_van", "bao_cao", "ke_hoach", "phu_luc", "thong_bao", "muc_luc"} <= {
        r.kind for r in reports}
    assert [f.format() for r in reports for f in r.findings] == []


def _under(model, text):
    """The rule paragraph drawn right under the paragraph whose text is `text`, and that paragraph."""
    i = next(k for k, p in enumerate(model.paras) if p.stripped == text)
    above, line = model.paras[i], model.paras[i + 1]
    assert not line.stripped and line.border_bottom, f"no line under {text}"
    return above, line


def test_the_short_lines_follow_the_text_they_underline(tmp_path):
    """F-CQ-3, F-TL-3: the lines under the issuing body's name and under the trích yếu are 1/3–1/2 of that
    line of text, whatever the data puts there (the template's own lines are 20 and 40 mm long)."""
    text = (INPUTS / "ke-hoach-2017.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^trich_yeu: .*$", "trich_yeu: kiểm tra chéo năm 2017", text)
    src = tmp_path / "ke-hoach-ngan.yaml"
    src.write_text(text, encoding="utf-8")
    out = plan_document.render_plan(src, tmp_path).file
    assert lint.lint_file(out).findings == []
    model = DocxModel(out)
    for name, size in (("SỞ NỘI VỤ", 13), ("Kiểm tra chéo năm 2017", 14)):
        above, line = _under(model, name)
        width = text_width_mm(name, size, True)
        assert width / 3 <= line.line_width_mm() <= width / 2, (name, width, line.line_width_mm())
    # a long name is broken in two (render.header_names): the line goes by its longest line
    minutes = batch.build([DONG_ANH], tmp_path / "cum")[0].folder / HOP
    above, line = _under(DocxModel(minutes), "ĐOÀN KIỂM TRA CHÉO\nCỤM SỐ 1")
    longest = max(above.wrapped())
    assert len(above.wrapped()) == 2 and longest / 3 <= line.line_width_mm() <= longest / 2


def test_kind_is_read_from_the_content(built):
    kinds = {f.name: lint.lint_file(f).kind for f in generated(built)}
    assert kinds[BB] == kinds[HOP] == "bien_ban"
    assert kinds[CV] == "cong_van"
    assert kinds[PL] == "phu_luc"


# --- mutations ---------------------------------------------------------------------------------

def paragraphs(doc):
    """Every paragraph of the body, table cells included, in order."""
    return [Paragraph(p, doc._body) for p in doc.element.body.iter(qn("w:p"))]


def para_with(doc, text):
    return next(p for p in paragraphs(doc) if text in p.text)


def replace_text(doc, old, new):
    for p in paragraphs(doc):
        for r in p.runs:
            if old in r.text:
                r.text = r.text.replace(old, new)
                return
    raise AssertionError(f"'{old}' not found")


def after(doc, text):
    """The paragraph right after the one containing `text` (e.g. the rule line under the Tiêu ngữ)."""
    ps = paragraphs(doc)
    i = next(k for k, p in enumerate(ps) if text in p.text)
    return ps[i + 1]


def remove_border(p):
    ppr = p._p.pPr
    ppr.remove(ppr.find(qn("w:pBdr")))


def mutate(src, tmp_path, change, name="sai.docx"):
    doc = Document(str(src))
    change(doc)
    out = tmp_path / name
    doc.save(str(out))
    return out


def findings(path):
    return lint.lint_file(path).findings


def rules(path):
    return {f.rule for f in findings(path)}


def set_size(p, pt):
    for r in p.runs:
        r.font.size = Pt(pt)


def narrow_right_column(doc):
    """Header columns 95 | 70 mm: the Quốc hiệu (88 mm at 12 pt) no longer fits on one line."""
    t = doc.tables[0]
    for g, w in zip(t._tbl.tblGrid.iterfind(qn("w:gridCol")), (95, 70)):
        g.set(qn("w:w"), str(round(w * 1440 / 25.4)))
    for row in t.rows:
        for c, w in zip(row.cells, (95, 70)):
            c.width = Mm(w)


LINE_SHAPE = (
    '<w:r %s><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
    'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>600000</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>200000</wp:posOffset></wp:positionV>'
    '<wp:extent cx="%d" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="99" name="Line"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="0"/></a:xfrm>'
    '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/>'
    '</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
    '</w:drawing></w:r>'
)


def drawn_line(mm):
    emu = int(mm * 36000)
    ns = nsdecls("w", "wp", "a") + ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    return parse_xml(LINE_SHAPE % (ns, emu, emu))


def swap_border_for_shape(mm):
    def change(doc):
        line = after(doc, "Độc lập - Tự do")
        remove_border(line)
        para_with(doc, "Độc lập - Tự do")._p.append(drawn_line(mm))
    return change


CASES = [
    # (id, document, change, rule, words expected in the message)
    ("margins", BB, lambda d: setattr(d.sections[0], "left_margin", Mm(25)), "F-PAGE-5", "lề trái"),
    ("top-margin", CV, lambda d: setattr(d.sections[0], "top_margin", Mm(30)), "F-PAGE-3", "20–25 mm"),
    ("letter-paper", CV, lambda d: setattr(d.sections[0], "page_width", Mm(216)), "F-PAGE-1", "A4"),
    ("font-arial", BB, lambda d: setattr(para_with(d, "Thực hiện Kế hoạch").runs[0].font, "name", "Arial"),
     "F-FONT-1", "Arial"),
    ("font-style", CV, lambda d: setattr(d.styles["Normal"].font, "name", "Calibri"), "F-FONT-1", "Calibri"),
    ("red-text", CV, lambda d: setattr(para_with(d, "Kết quả chấm điểm").runs[0].font.color, "rgb",
                                       __import__("docx").shared.RGBColor(255, 0, 0)), "F-FONT-1", "FF0000"),
    ("ngay-5", BB, lambda d: replace_text(d, "ngày 11 tháng 10 năm 2017", "ngày 5 tháng 10 năm 2017"),
     "F-DATE-4", "'ngày 5 tháng 10' → viết 'ngày 05 tháng 10'"),
    ("thang-03", CV, lambda d: replace_text(d, "ngày 16 tháng 10", "ngày 16 tháng 03"), "F-DATE-4",
     "'tháng 03' → viết 'tháng 3'"),
    ("thang-1", CV, lambda d: replace_text(d, "ngày 16 tháng 10", "ngày 16 tháng 1"), "F-DATE-4", "'tháng 01'"),
    ("no-comma", CV, lambda d: replace_text(d, "Cổ Loa, ngày", "Cổ Loa ngày"), "F-DATE-2", "dấu phẩy"),
    ("date-upright", CV, lambda d: [setattr(r, "italic", False) for r in para_with(d, "Cổ Loa, ngày").runs],
     "F-DATE-2", "nghiêng"),
    ("short-date", CV, lambda d: replace_text(d, "ngày 16 tháng 10 năm 2017", "ngày 16/10/2017"), "F-DATE-3",
     "ngày"),
    ("body-date", HOP, lambda d: replace_text(d, "ngày 10 tháng 10 năm 2017", "ngày 10 tháng 10 năm 2017 "
                                                                             "(ngày 9 tháng 10 năm 2017)"),
     "F-DATE-4", "'ngày 09 tháng 10'"),
    ("no-tn-line", BB, lambda d: remove_border(after(d, "Độc lập - Tự do")), "F-QH-3", "không có đường kẻ"),
    ("tn-underlined", BB, lambda d: (remove_border(after(d, "Độc lập - Tự do")),
                                     [setattr(r, "underline", True) for r in para_with(d, "Độc lập - Tự do").runs]),
     "F-QH-3", "Underline"),
    ("tn-typed-line", CV, lambda d: (remove_border(after(d, "Độc lập - Tự do")),
                                     after(d, "Độc lập - Tự do").add_run("________________")),
     "F-QH-3", "gõ bằng ký tự"),
    ("tn-line-short", BB, swap_border_for_shape(30), "F-QH-3", "dài 30 mm"),
    ("tn-en-dash", BB, lambda d: replace_text(d, "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc"),
     "F-QH-2", "Độc lập - Tự do - Hạnh phúc"),
    ("tn-size", CV, lambda d: set_size(para_with(d, "Độc lập - Tự do"), 12), "F-QH-2", "13–14"),
    ("qh-not-bold", BB, lambda d: [setattr(r, "bold", False) for r in para_with(d, "CỘNG HÒA XÃ").runs],
     "F-QH-1", "đậm"),
    ("qh-size", CV, lambda d: set_size(para_with(d, "CỘNG HÒA XÃ"), 14), "F-QH-1", "12–13"),
    ("qh-lowercase", CV, lambda d: replace_text(d, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                "Cộng hòa xã hội chủ nghĩa Việt Nam"), "F-QH-1", "in hoa"),
    ("qh-two-lines", CV, lambda d: replace_text(d, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM"), "F-QH-1", "một dòng"),
    ("qh-column-narrow", CV, lambda d: narrow_right_column(d), "F-QH-1", "xuống dòng"),
    ("agency-not-bold", BB, lambda d: [setattr(r, "bold", False) for r in para_with(d, "ĐOÀN KIỂM TRA").runs],
     "F-CQ-2", "đậm"),
    ("agency-lowercase", CV, lambda d: replace_text(d, "XÃ CỔ LOA", "Xã Cổ Loa"), "F-CQ-2", "IN HOA"),
    ("no-agency-line", CV, lambda d: remove_border(after(d, "XÃ CỔ LOA")), "F-CQ-3", "không có đường kẻ"),
    ("so-no-zero", BB, lambda d: replace_text(d, "Số:       /BB-ĐKT", "Số: 5/BB-ĐKT"), "F-SO-2", "'05'"),
    ("so-padded", BB, lambda d: replace_text(d, "Số:       /BB-ĐKT", "Số: 015/BB-ĐKT"), "F-SO-2", "'15'"),
    ("so-no-colon", BB, lambda d: replace_text(d, "Số:       /BB-ĐKT", "Số 05/BB-ĐKT"), "F-SO-1", "'Số: 05/BB-ĐKT'"),
    ("so-spaces", BB, lambda d: replace_text(d, "Số:       /BB-ĐKT", "Số: 05 / BB - ĐKT"), "F-SO-3", "05/BB-ĐKT"),
    ("so-kind", BB, lambda d: replace_text(d, "Số:       /BB-ĐKT", "Số: 05/KH-ĐKT"), "F-SO-4", "'BB-'"),
    ("so-cong-van-cv", CV, lambda d: replace_text(d, "/UBND-VP", "/CV-UBND"), "F-SO-5", "Công văn"),
    ("so-size", CV, lambda d: set_size(para_with(d, "Số:"), 14), "F-SO-1", "cỡ 13"),
    ("vv-bold", CV, lambda d: [setattr(r, "bold", True) for r in para_with(d, "V/v").runs], "F-VV-1", "không đậm"),
    ("title-not-bold", BB, lambda d: [setattr(r, "bold", False) for r in para_with(d, "BIÊN BẢN").runs],
     "F-TL-1", "đậm"),
    ("subject-size", HOP, lambda d: set_size(para_with(d, "Họp bình xét thi đua"), 12), "F-TL-2", "13–14"),
    ("body-left", BB, lambda d: setattr(para_with(d, "Thực hiện Kế hoạch").paragraph_format, "alignment", 0),
     "F-BODY-1", "Justify"),
    ("body-size", CV, lambda d: set_size(para_with(d, "Kết quả chấm điểm"), 12), "F-BODY-1", "13–14"),
    ("body-mixed-size", CV, lambda d: set_size(para_with(d, "Kết quả chấm điểm"), 14), "F-BODY-1",
     "cùng một cỡ chữ"),
    ("body-indent", BB, lambda d: setattr(para_with(d, "Thực hiện Kế hoạch").paragraph_format,
                                          "first_line_indent", Mm(5)), "F-BODY-2", "1 cm hoặc 1,27 cm"),
    ("body-spacing", CV, lambda d: setattr(para_with(d, "Kết quả chấm điểm").paragraph_format,
                                           "space_before", Pt(0)), "F-BODY-3", "6 pt"),
    ("body-double", BB, lambda d: setattr(para_with(d, "Thực hiện Kế hoạch").paragraph_format,
                                          "line_spacing", 2.0), "F-BODY-4", "1,5 dòng"),
    ("heading-lower", BB, lambda d: replace_text(d, "I. THÀNH PHẦN", "I. Thành phần"), "F-BODY-8", "IN HOA"),
    ("no-end-mark", CV, lambda d: replace_text(d, "quyết định./.", "quyết định."), "F-BODY-10", "./."),
    ("noi-nhan-style", CV, lambda d: [(setattr(r.font, "size", Pt(14)), setattr(r, "bold", False))
                                      for r in para_with(d, "Nơi nhận").runs], "F-NN-3", "cỡ 12, nghiêng, đậm"),
    ("noi-nhan-upright", CV, lambda d: [setattr(r, "italic", False) for r in para_with(d, "Nơi nhận").runs],
     "F-NN-3", "nghiêng"),
    ("noi-nhan-items-13", CV, lambda d: set_size(para_with(d, "- Như trên"), 13), "F-NN-4", "cỡ 11"),
    ("noi-nhan-luu", CV, lambda d: replace_text(d, "- Lưu: VT, VP.", "- Lưu VT"), "F-NN-5", "Lưu: VT"),
    ("noi-nhan-nhu-tren", CV, lambda d: replace_text(d, "- Như trên;", "- UBND huyện;"), "F-NN-6", "Như trên"),
    ("kinh-gui-colon", CV, lambda d: replace_text(d, "Kính gửi:", "Kính gửi"), "F-NN-1", "Kính gửi:"),
    ("kinh-gui-end", CV, lambda d: replace_text(d, "- Phòng Nội vụ huyện Đông Anh.", "- Phòng Nội vụ huyện Đông Anh"),
     "F-NN-2", "'.'"),
    ("signature-name", BB, lambda d: [setattr(r, "bold", False) for r in para_with(d, "Ngô Thị Hương").runs
                                      if "Ngô Thị Hương" == para_with(d, "Ngô Thị Hương").text] or
     [setattr(r, "bold", False) for p in paragraphs(d) if p.text == "Ngô Thị Hương" for r in p.runs],
     "F-SIG-3", "không đậm"),
    ("signature-title", CV, lambda d: replace_text(d, "Nguyễn Văn An", "ThS. Nguyễn Văn An"), "F-SIG-3",
     "học hàm, học vị"),
    ("signature-mister", CV, lambda d: replace_text(d, "Nguyễn Văn An", "Ông Nguyễn Văn An"), "F-SIG-3",
     "'Ông' trước họ tên"),
    ("signature-upper", PL, lambda d: replace_text(d, "Ngô Thị Hương", "NGÔ THỊ HƯƠNG"), "F-SIG-3", "in thường"),
    ("signature-not-bold", CV, lambda d: [setattr(r, "bold", False) for r in para_with(d, "TM. ỦY BAN").runs],
     "F-SIG-2", "đậm"),
    ("tm-no-dot", CV, lambda d: replace_text(d, "TM. ỦY BAN NHÂN DÂN", "TM ỦY BAN NHÂN DÂN"), "F-SIG-1", "'TM.'"),
    ("phu-luc-upper", PL, lambda d: replace_text(d, "Phụ lục số 02", "PHỤ LỤC SỐ 02"), "F-PL-2", "in thường"),
    ("phu-luc-no-ref", PL, lambda d: para_with(d, "(Kèm theo")._p.getparent().remove(para_with(d, "(Kèm theo")._p),
     "F-PL-3", "Kèm theo"),
    ("phu-luc-ref-upright", PL, lambda d: [setattr(r, "italic", False) for r in para_with(d, "(Kèm theo").runs],
     "F-PL-3", "nghiêng"),
]


@pytest.mark.parametrize("name, change, rule, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_wrong_document_fails_with_its_rule(built, tmp_path, name, change, rule, words):
    path = mutate(dong_anh(built, name), tmp_path, change)
    found = [f for f in findings(path) if f.rule == rule]
    assert found, f"{rule} not reported; got {[f.format() for f in findings(path)]}"
    assert any(words in f.format() for f in found), [f.format() for f in found]


def test_page_number_on_page_1(built, tmp_path):
    def change(doc):
        doc.sections[0].different_first_page_header_footer = False
    path = mutate(dong_anh(built, BB), tmp_path, change)
    assert [f.what for f in findings(path) if f.rule == "F-PGNUM-1"] == ["trang 1 có số trang"]


def test_page_number_in_the_footer_and_not_centred(built, tmp_path):
    def change(doc):
        header = doc.sections[0].header.paragraphs[0]
        footer = doc.sections[0].footer.paragraphs[0]
        footer._p.append(copy.deepcopy(header._p.r_lst[1]))
        footer._p.append(copy.deepcopy(header._p.r_lst[2]))
        footer._p.append(copy.deepcopy(header._p.r_lst[3]))
        header.alignment = 2
    path = mutate(dong_anh(built, BB), tmp_path, change)
    whats = [f.what for f in findings(path) if f.rule == "F-PGNUM-1"]
    assert "số trang ở chân trang" in whats and "số trang không căn giữa" in whats


def test_long_document_without_page_numbers(built, tmp_path):
    def change(doc):
        for p in doc.sections[0].header.paragraphs:
            p._p.getparent().remove(p._p)
    path = mutate(dong_anh(built, BB), tmp_path, change)
    assert any(f.rule == "F-PGNUM-1" and "không đánh số trang" in f.what for f in findings(path))


def test_a_drawn_line_of_the_right_length_is_accepted(built, tmp_path):
    """The Tiêu ngữ line may be a drawn shape instead of a paragraph border (nd30-format §2)."""
    path = mutate(dong_anh(built, BB), tmp_path, swap_border_for_shape(56))
    assert findings(path) == []


def test_hoa_with_the_old_accent_and_12_or_13_pt_are_tolerated(built, tmp_path):
    """D-4: 'CỘNG HOÀ' is accepted; D-6: Quốc hiệu 12 or 13 pt."""
    def change(doc):
        replace_text(doc, "CỘNG HÒA", "CỘNG HOÀ")
        set_size(para_with(doc, "CỘNG HOÀ"), 13)
    path = mutate(dong_anh(built, CV), tmp_path, change)
    assert findings(path) == []


def test_bien_ban_may_have_no_place_date_and_no_line_under_the_subject(built, tmp_path):
    """D-1 and D-2: the Biên bản sample (Mẫu 1.9) has neither."""
    def change(doc):
        p = para_with(doc, "Cổ Loa, ngày")
        for r in p.runs:
            r.text = ""
        remove_border(after(doc, "tại UBND xã Cổ Loa"))
    path = mutate(dong_anh(built, BB), tmp_path, change)
    assert findings(path) == []
    # ... but a Công văn needs its place-date line
    path = mutate(dong_anh(built, CV), tmp_path, lambda d: [setattr(r, "text", "")
                                                           for r in para_with(d, "Cổ Loa, ngày").runs], "cv.docx")
    assert "F-DATE-3" in rules(path)


def test_rules_follow_the_kind_read_from_the_title(built, tmp_path):
    """The same layout titled KẾ HOẠCH is checked as a Kế hoạch: its ký hiệu and its Nơi nhận."""
    path = mutate(dong_anh(built, HOP), tmp_path, lambda d: replace_text(d, "BIÊN BẢN", "KẾ HOẠCH"))
    report = lint.lint_file(path)
    assert report.kind == "ke_hoach"
    assert {"F-SO-4", "F-NN-3"} <= {f.rule for f in report.findings}


def test_finding_format_names_file_rule_place_and_fix(built, tmp_path):
    path = mutate(dong_anh(built, BB), tmp_path,
                  lambda d: replace_text(d, "ngày 11 tháng 10 năm 2017", "ngày 5 tháng 10 năm 2017"))
    line = next(f.format() for f in findings(path) if f.rule == "F-DATE-4")
    assert line == (f"{path}: F-DATE-4: dòng địa danh, ngày tháng bảng 1, hàng 2, cột 2 "
                    "«Cổ Loa, ngày 5 tháng 10 năm 2017»: 'ngày 5 tháng 10' → viết 'ngày 05 tháng 10'")


def test_the_family_name_ong_is_not_a_form_of_address(built, tmp_path):
    """'Ông Văn Hải' (Phú Thị, Gia Lâm) is a name; 'Ông Nguyễn Văn Hải' puts 'Ông' before one (F-SIG-3)."""
    minutes = built[(INPUTS / "2017" / "gia-lam" / "cum-so-1.yaml").resolve()].folder / "bien-ban-kiem-tra-phu-thi.docx"
    assert "\nÔng Văn Hải" in docx_text(minutes)
    assert findings(minutes) == []

    def mister(doc):
        for p in paragraphs(doc):
            if p.text == "Ông Văn Hải":
                p.runs[0].text = "Ông Nguyễn Văn Hải"
    bad = mutate(minutes, tmp_path, mister)
    assert [f.what for f in findings(bad) if f.rule == "F-SIG-3"] == ["'Ông' trước họ tên"]


def test_can_cu_lines_are_italic_but_an_opening_sentence_is_body_text(chain_built, tmp_path):
    """F-BODY-5 is about căn cứ lines of their own. The Kế hoạch 2026 opens with one sentence
    'Căn cứ …; thực hiện …, Sở Nội vụ … xây dựng Kế hoạch … như sau:', which is the content itself."""
    [plan_2026] = chain_built["ke-hoach-2026"]
    opening = para_with(Document(str(plan_2026)), "Căn cứ Luật Lưu trữ")
    assert opening.text.endswith("như sau:") and not opening.runs[0].italic
    assert findings(plan_2026) == []

    def own_line(italic):
        def change(doc):
            p = para_with(doc, "Căn cứ Luật Lưu trữ")
            new = copy.deepcopy(p._p)
            p._p.addprevious(new)
            line = Paragraph(new, p._parent)
            for r in line.runs[1:]:
                r._r.getparent().remove(r._r)
            line.runs[0].text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;"
            line.runs[0].italic = italic
        return change
    upright = mutate(plan_2026, tmp_path, own_line(False), "dung.docx")
    assert [(f.rule, f.what) for f in findings(upright)] == [("F-BODY-5", "căn cứ chữ đứng")]
    assert findings(mutate(plan_2026, tmp_path, own_line(True), "nghieng.docx")) == []


# --- who signs (through generated documents) --------------------------------------------------

def test_vice_chairman_signs_for_the_chairman(tmp_path):
    """TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH when the leader's representative is a Vice-Chairman."""
    text = DONG_ANH.read_text(encoding="utf-8")
    text = text.replace("ke_hoach: ../../ke-hoach-2017.yaml", f"ke_hoach: {(INPUTS / 'ke-hoach-2017.yaml').as_posix()}")
    text = text.replace("dai_dien: {ho_ten: Nguyễn Văn An, chuc_vu: Chủ tịch}",
                        "dai_dien: {ho_ten: Nguyễn Văn An, chuc_vu: Phó Chủ tịch}")
    src = tmp_path / "cum-pho-chu-tich.yaml"
    src.write_text(text, encoding="utf-8")
    [b] = batch.build([src], tmp_path / "out")
    letter = b.folder / CV
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in docx_text(letter)
    assert lint.lint_file(letter).findings == []
    doc = Document(str(letter))
    sign = doc.tables[-1].rows[0].cells[1]
    lines = [p for p in sign.paragraphs if p.text.strip()]
    assert [p.text for p in lines] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
    assert all(r.bold for p in lines for r in p.runs if r.text.strip())


def test_chairman_and_minutes_signatures(built):
    letter = Document(str(dong_anh(built, CV)))
    sign = [p.text for p in letter.tables[-1].rows[0].cells[1].paragraphs if p.text.strip()]
    assert sign == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]
    minutes = Document(str(dong_anh(built, BB)))
    cols = [[p.text for p in c.paragraphs if p.text.strip()] for c in minutes.tables[-1].rows[0].cells]
    assert cols[1] == ["THƯ KÝ", "(Ký, ghi rõ họ tên)", "Ngô Thị Hương"]
    assert cols[2] == ["TRƯỞNG ĐOÀN", "(Ký, ghi rõ họ tên)", "Nguyễn Văn An"]
    for c in minutes.tables[-1].rows[0].cells:
        name = [p for p in c.paragraphs if p.text.strip()][-1]
        assert all(r.bold for r in name.runs) and not re.match(r"^(Ông|Bà|ThS|TS)\b", name.text)


# --- the command -------------------------------------------------------------------------------

def test_cli_lint_exit_codes_and_output(built, tmp_path, capsys):
    good = dong_anh(built, CV)
    assert main.main(["lint", str(good)]) == 0
    assert "(Công văn): đúng thể thức." in capsys.readouterr().out
    bad = mutate(good, tmp_path, lambda d: setattr(d.sections[0], "left_margin", Mm(25)))
    assert main.main(["lint", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}: F-PAGE-5: khổ giấy: lề trái 25,0 mm → lề trái 30–35 mm" in out
    assert "1 chỗ sai thể thức" in out
    folder = built[DONG_ANH.resolve()].folder
    assert main.main(["lint", str(folder)]) == 0
    assert capsys.readouterr().out.count("đúng thể thức") == len(list(folder.glob("*.docx")))


def test_cli_lint_unreadable_file(tmp_path, capsys):
    not_docx = tmp_path / "ghi-chu.docx"
    not_docx.write_text("không phải Word", encoding="utf-8")
    assert main.main(["lint", str(not_docx)]) == 1
    assert "không đọc được tệp .docx" in capsys.readouterr().err
    with pytest.raises(InputError):
        lint.lint_file(not_docx)


# --- documents typed by hand ---------------------------------------------------------------------

def test_a_hand_typed_report_laid_out_with_tabs(tmp_path):
    """Not made by docgen: Word's defaults, header typed with tabs, Nơi nhận typed with line breaks."""
    doc = Document()
    doc.add_paragraph("UBND XÃ A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    doc.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    doc.add_paragraph("Số: 5/BC-UBND\tXã A, ngày 5 tháng 03 năm 2024")
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Kết quả công tác văn thư " * 20)
    t = doc.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Nơi nhận:\n- UBND huyện;\n- Lưu: VT."
    t.cell(0, 1).paragraphs[0].text = "CHỦ TỊCH"
    for _ in range(3):
        t.cell(0, 1).add_paragraph("")
    t.cell(0, 1).add_paragraph("Nguyễn Văn A")
    path = tmp_path / "bao-cao.docx"
    doc.save(str(path))
    report = lint.lint_file(path)
    assert report.kind == "bao_cao"
    got = {(f.rule, f.what) for f in report.findings}
    for expected in [("F-PAGE-1", "216 × 279 mm"), ("F-SO-2", "số '5'"), ("F-DATE-4", "'ngày 5 tháng 03'"),
                     ("F-DATE-4", "'tháng 03'"), ("F-DATE-2", "chữ không nghiêng"), ("F-QH-1", "chữ không đậm"),
                     ("F-QH-3", "không có đường kẻ dưới Tiêu ngữ"), ("F-TL-1", "không căn giữa"),
                     ("F-SIG-2", "chữ không đậm"), ("F-SIG-3", "họ tên không đậm"),
                     ("F-NN-3", "'Nơi nhận:' cỡ 11, không đậm, không nghiêng"), ("F-BODY-2", "thụt đầu dòng 0,0 mm"),
                     ("F-BODY-10", "đoạn cuối kết thúc bằng 'ư '".strip())]:
        assert any(r == expected[0] and w.startswith(expected[1][:20]) for r, w in got), (expected, sorted(got))
    assert any(f.rule == "F-FONT-1" and "Cambria" in f.what for f in report.findings)


def test_an_empty_document_does_not_crash(tmp_path):
    path = tmp_path / "trong.docx"
    Document().save(str(path))
    assert {"F-PAGE-1", "F-QH-1"} <= rules(path)


def test_the_mục_lục_is_recognised_by_its_title_and_so_is_a_clerks_older_danh_mục(built, tmp_path):
    """The list at the front of a hồ sơ is filed, not issued: no Quốc hiệu or Số asked of it, whether it is
    titled "MỤC LỤC VĂN BẢN" (docgen) or "DANH MỤC HỒ SƠ" (docgen before, and many clerks' own files)."""
    made = built[DONG_ANH.resolve()].folder / "muc-luc-van-ban.docx"
    report = lint.lint_file(made)
    assert (report.kind, report.findings) == ("muc_luc", [])
    old = tmp_path / "danh-muc-ho-so.docx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(old, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                assert "MỤC LỤC VĂN BẢN".encode() in data
                data = data.replace("MỤC LỤC VĂN BẢN".encode(), "DANH MỤC HỒ SƠ".encode())
            dst.writestr(item, data)
    report = lint.lint_file(old)
    assert (report.kind, report.findings) == ("danh_muc", [])
