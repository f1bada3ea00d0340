"""A cluster's dossier end to end: every fact of the input is in its place in the .docx files."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import DATA, DONG_ANH, GIA_LAM, PLAN_2017, docx_text, table_rows, to_pdf

from docgen import vi
from docgen.load import reader
from docgen.pipeline import batch
from docgen.score import cluster, rules

BLANK = vi.BLANK


def cluster_data(path):
    return reader.load_file(path).data


def plan_rules():
    return rules.rules_from_plan(reader.load_file(PLAN_2017).data)


def dossier(built, path):
    return built[path.resolve()]


def test_each_cluster_gets_its_documents(built):
    for path, n_units in ((DONG_ANH, 4), (GIA_LAM, 3)):
        names = sorted(f.name for f in dossier(built, path).files)
        units = cluster_data(path)["don_vi"]
        code = cluster_data(path)["hop_cum"]["de_nghi_tap_the"]["don_vi"]
        nominee = next(u["ten"] for u in units if u["ma"] == code)
        expected = sorted([f"bien-ban-kiem-tra-{vi.slug(u['ten'])}.docx" for u in units]
                          + [f"phu-luc-01-{vi.slug(u['ten'])}.docx" for u in units]
                          + [f"bao-cao-tu-danh-gia-{vi.slug(u['ten'])}.docx" for u in units]
                          + ["phu-luc-02-bang-cham-diem.docx", "phu-luc-02-bang-cham-diem.xlsx", "bien-ban-hop-cum.docx",
                             "giay-moi-hop-cum.docx",
                             "cong-van-de-nghi-khen-thuong.docx", "muc-luc-van-ban.docx", "manifest.json",
                             "lich-kiem-tra.docx", "bao-cao-ket-qua-cum.docx",
                             f"bao-cao-thanh-tich-{vi.slug(nominee)}.docx"]
                          + [f"bao-cao-thanh-tich-giay-khen-{vi.slug(next(u['ten'] for u in units if u['ma'] == g['don_vi']))}.docx"
                             for g in cluster_data(path)["hop_cum"]["giay_khen_tap_the"]]
                          + [f"bao-cao-thanh-tich-ca-nhan-{vi.slug(p['ho_ten'])}.docx"
                             for p in cluster_data(path)["hop_cum"].get("de_nghi_ca_nhan") or []])
        assert names == expected
        assert len(units) == n_units


def test_no_template_tag_or_python_none_leaks(built):
    for b in built.values():
        for f in b.files:
            if f.suffix != ".docx":
                continue
            text = docx_text(f)
            for bad in ("None", "null", "{{", "}}", "{%", "%}", "Undefined"):
                assert bad not in text, f"{f.name}: '{bad}'"


@pytest.mark.parametrize("path", [DONG_ANH, GIA_LAM], ids=["dong-anh", "gia-lam"])
def test_inspection_minutes_carry_every_fact(built, path):
    data = cluster_data(path)
    result = cluster.score_cluster(plan_rules(), data)
    folder = dossier(built, path).folder
    leader = next(u for u in data["don_vi"] if u["ma"] == data["cum"]["cum_truong"])
    for unit in data["don_vi"]:
        f = folder / f"bien-ban-kiem-tra-{vi.slug(unit['ten'])}.docx"
        text = docx_text(f)
        r = result.by_code(unit["ma"])
        assert f"UBND {unit['loai']} {unit['ten']}" in text
        assert vi.date_words(unit["ngay_kiem_tra"]) in text
        assert vi.place_date(unit["ten"], unit["ngay_kiem_tra"]) in text
        for member in data["don_vi"]:  # the whole team is listed
            assert member["dai_dien"]["ho_ten"] in text
            assert member["cong_chuc_vptk"]["ho_ten"] in text
        for p in unit.get("thanh_phan_khac") or []:
            assert p["ho_ten"] in text
        assert f"{leader['dai_dien']['ho_ten']}, Chủ tịch UBND {leader['loai']} {leader['ten']} - Trưởng đoàn" in text
        for note in unit.get("nhan_xet") or []:
            for key in ("uu_diem", "han_che", "kien_nghi"):
                if note.get(key):
                    assert note[key] in text
        if unit.get("ket_luan"):
            assert unit["ket_luan"] in text
        # the scoring table: one row per content, then the totals
        rows = [r_ for r_ in table_rows(f) if r_ and re.fullmatch(r"\d+", r_[0])]
        assert len(rows) == 7
        for i, row in enumerate(rows):  # dated the visit day: the self-score and the team's, not the agreed one
            assert row[3:] == [vi.decimal_text(rules.parse_score(unit["diem"][k][i]))
                               for k in ("tu_cham", "doan_cham")]
        total_row = next(r_ for r_ in table_rows(f) if r_[0] == "Tổng cộng")
        assert total_row[2:] == ["100", vi.decimal_text(r.tong_tu_cham), vi.decimal_text(r.tong_doan_cham)]
        assert (f"Tổng điểm Đoàn kiểm tra chấm: {vi.score_with_words(r.tong_doan_cham)}. "
                f"Xếp loại: {r.xep_loai_doan}.") in text
        assert "thống nhất:" not in text.lower()
        assert vi.time_words(unit["gio_ket_thuc"]) in text


def test_known_totals_and_classes_of_the_samples():
    """Hand-computed from the sample files: guards the scoring the documents show."""
    expected = {
        DONG_ANH: {"uy-no": ("89", "A"), "viet-hung": ("73", "B"), "duc-tu": ("52.5", "C"), "co-loa": ("93.5", "A")},
        GIA_LAM: {"da-ton": ("78.5", "B"), "kieu-ky": ("37", "D"), "bat-trang": ("85.5", "A")},
    }
    for path, want in expected.items():
        result = cluster.score_cluster(plan_rules(), cluster_data(path))
        got = {r.ma: (r.tong_diem, r.xep_loai) for r in result.don_vi}
        assert got == {k: (Decimal(t), c) for k, (t, c) in want.items()}


@pytest.mark.parametrize("path", [DONG_ANH, GIA_LAM], ids=["dong-anh", "gia-lam"])
def test_scoring_table_phu_luc_02(built, path):
    data = cluster_data(path)
    result = cluster.score_cluster(plan_rules(), data)
    f = dossier(built, path).folder / "phu-luc-02-bang-cham-diem.docx"
    rows = table_rows(f, 0)  # Phụ lục 02 has no header block: its first table is the scores
    # two-line headers ("Nội dung 1" / "(5 điểm)") so that no word breaks inside its narrow column
    assert [h.replace("\n", " ") for h in rows[0][2:9]] == ["Nội dung 1 (5 điểm)", "Nội dung 2 (15 điểm)", "Nội dung 3 (25 điểm)",
                            "Nội dung 4 (30 điểm)", "Nội dung 5 (10 điểm)", "Nội dung 6 (10 điểm)",
                            "Nội dung 7 (5 điểm)"]
    body = rows[1:]
    assert len(body) == len(data["don_vi"])
    by_name = {row[1]: row for row in body}
    for r in result.don_vi:
        unit = next(u for u in data["don_vi"] if u["ma"] == r.ma)
        row = by_name[f"UBND {unit['loai']} {unit['ten']}"]
        assert row[2:9] == [vi.decimal_text(v) for v in r.thong_nhat]
        assert row[9:] == [vi.decimal_text(r.tong_diem), r.xep_loai]
    # ranked by agreed total
    totals = [Decimal(row[9].replace(",", ".")) for row in body]
    assert totals == sorted(totals, reverse=True)


def test_meeting_minutes_and_letter(built):
    data = cluster_data(DONG_ANH)
    folder = dossier(built, DONG_ANH).folder
    minutes = docx_text(folder / "bien-ban-hop-cum.docx")
    hop = data["hop_cum"]
    assert vi.date_words(hop["ngay"]) in minutes
    assert hop["dia_diem"] in minutes
    assert "Lý Thị Ngọc" in minutes and "Phòng Nội vụ huyện Đông Anh" in minutes
    assert "UBND xã Cổ Loa (93,5 điểm, xếp loại A)" in minutes
    assert "8/8 thành viên tán thành" in minutes and "7/8 thành viên tán thành" in minutes  # a show of hands
    for y in hop["y_kien"]:
        assert y in minutes
    assert hop["ket_luan"] in minutes
    assert "bằng hình thức giơ tay" in minutes

    letter = docx_text(folder / "cong-van-de-nghi-khen-thuong.docx")
    assert "ỦY BAN NHÂN DÂN\nXÃ CỔ LOA" in letter
    assert "Cổ Loa, ngày 16 tháng 10 năm 2017" in letter
    assert "V/v đề nghị khen thưởng công tác văn thư, lưu trữ năm 2017" in letter
    assert "- UBND huyện Đông Anh;" in letter and "- Phòng Nội vụ huyện Đông Anh." in letter
    assert "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in letter
    assert "Nguyễn Văn An" in letter and "Ngô Thị Hương" in letter
    assert "- Lưu: VT, VP." in letter
    assert "Số:       /UBND-VP" in letter


def test_the_letter_states_each_score_once_in_digits_and_fits_a_page(built):
    """The letter sums up; the table is in the attached minutes. Dates in digits, one clause per class."""
    letter = docx_text(dossier(built, DONG_ANH).folder / "cong-van-de-nghi-khen-thuong.docx")
    assert "tại 4 đơn vị từ ngày 10/10/2017 đến ngày 11/10/2017 và họp bình xét thi đua ngày 12/10/2017." in letter
    assert ("Kết quả chấm điểm, xếp loại (chi tiết tại Biên bản họp Cụm kèm theo): loại A: UBND xã Cổ Loa (93,5 điểm), "
            "UBND xã Uy Nỗ (89 điểm); loại B: UBND xã Việt Hùng (73 điểm); loại C: UBND xã Dục Tú (52,5 điểm).") in letter
    assert letter.count("93,5") == 1 and "- Tập thể: UBND xã Cổ Loa; UBND xã Uy Nỗ;" in letter


def test_minimal_cluster_written_from_the_schema_builds(tmp_path):
    """Only required fields: every missing fact is a dotted blank, '&' and '<' survive."""
    built = batch.build([DATA / "cum-toi-thieu.yaml"], tmp_path)
    folder = built[0].folder
    assert folder.name == "soc-son-cum-so-3"
    minutes = docx_text(folder / "bien-ban-kiem-tra-tien-duoc.docx")
    assert "Quách Văn Hải & Con" in minutes and "Lò Thị <Mây>" in minutes
    assert f"hồi {BLANK} giờ {BLANK}" in minutes
    assert "- Ưu điểm: \t\n\t\n\t\n" in minutes  # three dotted lines to write on (context.common.WRITING_ROOM)
    letter = docx_text(folder / "cong-van-de-nghi-khen-thuong.docx")
    assert "Không có đơn vị đạt loại A" in letter  # 98 points but content 2 at 12/15 = 80% → A
    # Phù Linh: 5,12,20,25,8,8,5 = 83 → B; nobody reaches A, so nothing is proposed
    # nothing to propose: one sentence instead of two 'không đề nghị' lines, and the letter reports, it asks nothing
    assert "1. Cụm không đề nghị Chủ tịch UBND huyện Sóc Sơn tặng Giấy khen." in letter and "không đề nghị;" not in letter
    assert "Kính báo cáo UBND huyện Sóc Sơn./." in letter and "xem xét, quyết định" not in letter


def test_every_document_converts_to_pdf_with_libreoffice(built, tmp_path):
    files = [f for b in built.values() for f in b.files if f.suffix == ".docx"]
    pdfs = to_pdf(files, tmp_path)
    assert len(pdfs) == len(files)


def test_a_cluster_scored_by_criteria_builds_its_dossier(tmp_path):
    built = batch.build([DATA / "cum-tieu-chi.yaml"], tmp_path)
    assert len(built) == 1 and any(f.name == "phu-luc-02-bang-cham-diem.docx" for f in built[0].files)
