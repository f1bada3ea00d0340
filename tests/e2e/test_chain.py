"""The whole chain built: the schedule, Phụ lục 01, the cluster's reports, the district and city documents,
two-tier plans (the checks alone are in tests/unit/test_chain_checks.py)."""
from __future__ import annotations

import shutil
import subprocess
from collections import Counter

import pytest
from conftest import (CUM_2025, DATA, DONG_ANH_DIR, GIA_LAM_DIR, INPUTS, PLAN_2025, copy_district, copy_yaml, docx_text,
                      messages, table_rows, to_pdf, unit, warnings_of)

from docgen import vi
from docgen.cli import main
from docgen.errors import ValidationFailed
from docgen.levels import city, district
from docgen.pipeline import batch, upper_levels


# --- Lịch kiểm tra: order, window, days, due dates ---------------------------------------------


def test_schedule_lists_visits_in_order_with_due_dates_three_days_before(built):
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    rows = table_rows(folder / "lich-kiem-tra.docx", 1)
    assert rows[0][0] == "STT"
    # by hand: visits 10/10 (Uy Nỗ, Việt Hùng) and 11/10 (Dục Tú, Cổ Loa); due = visit − 3 days, on a working day (07/10 and 08/10 are a weekend)
    assert [(r[2], r[4]) for r in rows[1:]] == [
        ("UBND xã Uy Nỗ", "06/10/2017"), ("UBND xã Việt Hùng", "06/10/2017"),
        ("UBND xã Dục Tú", "06/10/2017"), ("UBND xã Cổ Loa (Cụm trưởng)", "06/10/2017")]
    assert "08 giờ 00 Thứ Ba, 10/10/2017" in rows[1][1]
    text = docx_text(folder / "lich-kiem-tra.docx")
    assert "trước 03 ngày được kiểm tra" in text
    assert "Họp bình xét thi đua của Cụm: 08 giờ 30, ngày 12 tháng 10 năm 2017" in text
    assert "- UBND huyện Đông Anh (qua Phòng Nội vụ, để báo cáo);" in text


def test_leader_visited_before_a_member_is_a_warning_not_an_error(tmp_path):
    def leader_first(data):
        unit(data, "co-loa")["ngay_kiem_tra"] = "2017-10-10"
        unit(data, "co-loa")["gio_bat_dau"] = "07:00"
    f = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "cum.yaml", leader_first)
    found = [w for w in warnings_of(f) if "nên kiểm tra các đơn vị thành viên trước" in w.message]
    assert len(found) == 1
    assert "Uy Nỗ" in found[0].message and "Dục Tú" in found[0].message
    assert found[0].pointer == "don_vi[3].ngay_kiem_tra"
    built = batch.build([f], tmp_path / "out")  # a warning never blocks the dossier
    rows = table_rows(built[0].folder / "lich-kiem-tra.docx", 1)
    assert rows[1][2] == "UBND xã Cổ Loa (Cụm trưởng)"  # the schedule shows the real order


# --- Phụ lục 01 and the cluster's reports ------------------------------------------------------


def test_phu_luc_01_is_filled_from_the_cluster_file(built):
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    rows = table_rows(folder / "phu-luc-01-uy-no.docx", 0)
    # the sheet the commune sends with its self-report (dated 05/10/2017): its own scores only
    assert rows[0] == ["STT", "Nội dung, tiêu chí", "Điểm tối đa", "Điểm tự chấm"]
    assert rows[1] == ["1", "Công tác tuyên truyền, phổ biến pháp luật về công tác văn thư, lưu trữ", "5", "5"]
    assert rows[4][2:] == ["30", "27"]
    assert rows[-1][1:] == ["Tổng cộng", "100", "92,5"]  # sums by hand
    text = docx_text(folder / "phu-luc-01-uy-no.docx")
    assert "Đơn vị: UBND xã Uy Nỗ, huyện Đông Anh" in text
    # self-scores 5,14,23,27 (≥80% of 30? 27/30 = 90%), 9,5, 9, 5 → 92,5 and every A condition holds
    assert "Tổng điểm tự chấm: 92,5 điểm (chín mươi hai phẩy năm điểm). Đơn vị tự xếp loại: A." in text
    assert "88,5" not in text and "89 điểm" not in text  # the team's and the agreed scores come a week later
    assert "Uy Nỗ, ngày 05 tháng 10 năm 2017" in text
    assert "KT. CHỦ TỊCH" in text and "Trần Văn Bình" in text  # a Vice-Chairman signs for the commune


def test_a_schedule_dated_before_the_decision_it_cites_is_a_warning(tmp_path):
    """The Lịch cites 'Quyết định số 2150/QĐ-UBND ngày 18/8/2017': dated 15/8/2017 it cites a paper not yet signed."""
    def early(data):
        data["lich_kiem_tra"] = {"ngay": "2017-08-15"}
    f = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "cum.yaml", early)
    found = [w for w in warnings_of(f) if "trước ngày Quyết định thành lập Cụm" in w.message]
    assert len(found) == 1 and "15/8/2017" in found[0].message and "(18/8/2017)" in found[0].message
    assert found[0].pointer == "lich_kiem_tra.ngay"
    ok = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "ok.yaml")  # the sample: 21/8/2017, after it
    assert not [w for w in warnings_of(ok) if "Quyết định thành lập" in w.message]


def test_inspection_minutes_show_the_teams_score_not_the_one_agreed_at_the_meeting(built):
    """Dated the visit day (10/10/2017), the minutes at Uy Nỗ know the team's 26 for content 4 (88,5, class A);
    the agreed 26,5 (89) is voted at the meeting on 12/10/2017 and lives in its minutes and in Phụ lục 02."""
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    minutes = folder / "bien-ban-kiem-tra-uy-no.docx"
    rows = table_rows(minutes, 1)
    assert rows[0] == ["STT", "Nội dung", "Điểm tối đa", "Đơn vị tự chấm", "Đoàn chấm"]
    assert rows[4][2:] == ["30", "27", "26"] and rows[-1][1:] == ["Tổng cộng", "100", "92,5", "88,5"]
    text = docx_text(minutes)
    assert "Tổng điểm Đoàn kiểm tra chấm: 88,5 điểm (tám mươi tám phẩy năm điểm). Xếp loại: A." in text
    assert "26,5" not in text and "89" not in text and "điểm thống nhất" not in text.lower()
    sheet = docx_text(folder / "phu-luc-02-bang-cham-diem.docx")  # attached to the meeting's minutes
    assert "(Kèm theo Biên bản họp Cụm số 1, huyện Đông Anh ngày 12 tháng 10 năm 2017)" in sheet
    assert "26,5" in sheet and "89" in sheet


def test_blank_phu_luc_01_lists_the_plan_criteria_with_empty_score_columns(tmp_path, capsys):
    # the criteria test plan: the 2017 plan's sub-items of contents 3 and 4, with invented max points
    assert main.main(["phu-luc-01", str(DATA / "ke-hoach-tieu-chi.yaml"), "-o", str(tmp_path)]) == 0
    f = tmp_path / "phu-luc-01-2017" / "phu-luc-01-trong-2017.docx"
    assert str(f) in capsys.readouterr().out
    rows = table_rows(f, 0)
    contents = [r for r in rows[1:-1] if r[0].isdigit()]
    criteria = [r for r in rows[1:-1] if not r[0].isdigit()]
    assert [r[0] for r in contents] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [r[0] for r in criteria] == ["a)", "b)", "c)", "d)"] * 2  # contents 3 and 4 have 4 criteria each
    assert criteria[0][1] == "Công tác soạn thảo và ban hành văn bản"
    assert all(r[3:] == [""] for r in rows[1:-1])
    assert rows[-1][2:] == ["100", ""]
    text = docx_text(f)
    assert "Đơn vị: ……" in text and "None" not in text


def test_cluster_report_has_scores_classes_and_proposals(built):
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    rows = table_rows(folder / "bao-cao-ket-qua-cum.docx", 1)
    assert rows[1:] == [["1", "UBND xã Cổ Loa", "95,5", "93,5", "93,5", "A"],
                        ["2", "UBND xã Uy Nỗ", "92,5", "88,5", "89", "A"],
                        ["3", "UBND xã Việt Hùng", "79,5", "73", "73", "B"],
                        ["4", "UBND xã Dục Tú", "59", "52,5", "52,5", "C"]]
    text = docx_text(folder / "bao-cao-ket-qua-cum.docx")
    assert "- Loại A: 2 đơn vị (UBND xã Cổ Loa, UBND xã Uy Nỗ);" in text
    assert "- Loại D: không có đơn vị nào." in text
    assert "1. Đề nghị Chủ tịch UBND huyện Đông Anh tặng Giấy khen:" in text
    assert "tặng Bằng khen: UBND xã Cổ Loa (93,5 điểm, xếp loại A)." in text
    assert "Kính gửi:\n- UBND huyện Đông Anh;\n- Phòng Nội vụ huyện Đông Anh." in text
    assert "gửi báo cáo, tự chấm điểm ngày 05/10/2017 (hạn 06/10/2017)" in text


def collective_reports(folder) -> list[str]:
    """The collective achievement reports of a dossier (each individual's is bao-cao-thanh-tich-ca-nhan-*)."""
    return [f.name for f in folder.glob("bao-cao-thanh-tich-*") if not f.name.startswith("bao-cao-thanh-tich-ca-nhan-")]


def test_achievement_reports_only_for_who_is_proposed_with_blanks_for_their_own_account(built, tmp_path):
    """Cổ Loa and Uy Nỗ proposed for the Giấy khen, Cổ Loa for the Bằng khen: three reports (details in
    tests/e2e/test_collective_reports.py); without the Bằng khen's nominee, the two Giấy khen reports only."""
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    assert sorted(collective_reports(folder)) == ["bao-cao-thanh-tich-co-loa.docx", "bao-cao-thanh-tich-giay-khen-co-loa.docx",
                                                  "bao-cao-thanh-tich-giay-khen-uy-no.docx"]
    text = docx_text(folder / "bao-cao-thanh-tich-co-loa.docx")
    assert "Tên tập thể đề nghị: Ủy ban nhân dân xã Cổ Loa, huyện Đông Anh, thành phố Hà Nội." in text
    assert "93,5 điểm (chín mươi ba phẩy năm điểm), xếp loại A, xếp thứ 1/4 đơn vị" in text
    assert "(8/8 thành viên tán thành)" in text
    assert "Nội dung 4 (Công tác lưu trữ): Tài liệu đã được chỉnh lý hoàn chỉnh" in text
    assert "- Địa chỉ trụ sở: ……" in text
    assert "ỦY BAN NHÂN DÂN\nXÃ CỔ LOA" in text  # as in the commune's other papers (nd30-format 10.1)
    none = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "cum.yaml",
                     lambda d: d["hop_cum"].pop("de_nghi_tap_the"))
    out = batch.build([none], tmp_path / "out")[0]
    assert sorted(collective_reports(out.folder)) == ["bao-cao-thanh-tich-giay-khen-co-loa.docx",
                                                      "bao-cao-thanh-tich-giay-khen-uy-no.docx"]
    report = docx_text(out.folder / "bao-cao-ket-qua-cum.docx")
    assert "2. Cụm không đề nghị đơn vị xuất sắc, tiêu biểu." in report  # Cổ Loa and Uy Nỗ are A all the same
    assert "Không có đơn vị đạt loại A" not in report
    for name in ("bien-ban-hop-cum.docx", "cong-van-de-nghi-khen-thuong.docx"):  # nor in the minutes, the letter
        text = docx_text(out.folder / name)
        assert "Cụm không đề nghị đơn vị xuất sắc, tiêu biểu." in text and "Không có đơn vị đạt loại A" not in text


# --- District level ----------------------------------------------------------------------------


def test_district_without_a_choice_takes_the_highest_and_says_so(tmp_path):
    folder = copy_district(GIA_LAM_DIR, tmp_path / "gia-lam", lambda d: d.pop("de_nghi"))
    d = district.check_district(folder)
    assert d.choice.ten_ubnd == "UBND thị trấn Trâu Quỳ" and not d.chosen_by_council  # 89,5 > 85,5
    assert any("docgen dùng gợi ý: UBND thị trấn Trâu Quỳ (89,5 điểm" in w.message for w in d.warnings)
    out = upper_levels.build_district(folder, tmp_path / "out")
    minutes = docx_text(out.folder / "bien-ban-hop-hoi-dong-thi-dua.docx")
    assert "…… thành viên tán thành đề nghị tặng Bằng khen" in minutes  # the votes are left for the clerk


def test_district_with_no_class_a_anywhere_writes_no_letter(tmp_path):
    def no_a(d):
        d["hop_cum"].pop("de_nghi_tap_the", None)
        d["hop_cum"].pop("giay_khen_tap_the", None)
        for u in d["don_vi"]:
            u["diem"]["thong_nhat"] = [4, 10, 18, 22, 7, 6, 4]  # 71 → B
    folder = copy_district(GIA_LAM_DIR, tmp_path / "gia-lam", lambda d: d.pop("de_nghi"),
                           {"cum-so-1.yaml": no_a, "cum-so-2.yaml": no_a})
    out = upper_levels.build_district(folder, tmp_path / "out")
    opening = {"ke-hoach-trien-khai-huyen.docx", "quyet-dinh-thanh-lap-cum.docx",  # tests/e2e/test_opening.py
               "muc-luc-van-ban.docx"}
    # no Bằng khen letter; the individuals the clusters still propose get the district's Giấy khen
    assert sorted(f.name for f in out.files if f.name not in opening and f.suffix != ".xlsx") == [
        "bao-cao-tong-hop-huyen.docx", "bien-ban-hop-hoi-dong-thi-dua.docx", "manifest.json",
        "quyet-dinh-khen-thuong-huyen.docx", "to-trinh-de-nghi-giay-khen.docx"]
    assert "không có đơn vị đề nghị tặng Bằng khen" in docx_text(out.folder / "bao-cao-tong-hop-huyen.docx")
    decision = docx_text(out.folder / "quyet-dinh-khen-thuong-huyen.docx")
    assert "tập thể" not in decision.split("Điều 1.")[1].split("Điều 2.")[0], decision


def test_district_documents(tmp_path):
    out = upper_levels.build_district(DONG_ANH_DIR, tmp_path)
    assert out.folder == tmp_path / "huyen-dong-anh"
    letter = docx_text(out.folder / "cong-van-de-nghi-bang-khen.docx")
    assert "Kính gửi: Chủ tịch UBND thành phố Hà Nội (qua Sở Nội vụ)." in letter
    assert "Ủy ban nhân dân xã Cổ Loa, huyện Đông Anh (93,5 điểm, xếp loại A)." in letter
    assert "(3/4 phiếu tán thành)" in letter
    assert "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG ANH" in letter and "Nguyễn Hữu Quang" in letter
    minutes = docx_text(out.folder / "bien-ban-hop-hoi-dong-thi-dua.docx")
    assert "Họp Thường trực Hội đồng Thi đua - Khen thưởng huyện Đông Anh" in minutes
    assert "Đông Anh, ngày 25 tháng 10 năm 2017" in minutes
    report = out.folder / "bao-cao-tong-hop-huyen.docx"
    assert table_rows(report, 3)[1:] == [["Loại A", "4", "50"], ["Loại B", "2", "25"], ["Loại C", "1", "12,5"],
                                         ["Loại D", "1", "12,5"], ["Tổng cộng", "8", "100"]]
    every = table_rows(report, 2)[1:]
    assert len(every) == 8 and every[0] == ["1", "UBND xã Cổ Loa", "Cụm số 1", "93,5", "A"]
    assert every[4] == ["5", "UBND thị trấn Đông Anh", "Cụm số 2", "93,5", "A"]
    gl = upper_levels.build_district(GIA_LAM_DIR, tmp_path)
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in docx_text(gl.folder / "cong-van-de-nghi-bang-khen.docx")


# --- City level --------------------------------------------------------------------------------


def test_city_counts_per_class_per_district_and_the_nominees(tmp_path):
    c = city.check_city(INPUTS / "2017")
    assert [(g.ten, g.phu, g.so_don_vi, [k.so_luong for k in g.counts]) for g in c.groups] == [
        ("huyện Đông Anh", "2", 8, [4, 2, 1, 1]), ("huyện Gia Lâm", "2", 7, [2, 2, 2, 1])]
    assert [k.so_luong for k in c.counts] == [6, 4, 3, 2]
    assert [n.ten_ubnd for n in c.nominees] == ["UBND xã Cổ Loa", "UBND thị trấn Trâu Quỳ"]
    out = upper_levels.build_city(INPUTS / "2017", tmp_path)
    rows = table_rows(out.folder / "bao-cao-tong-hop-thanh-pho.docx", 1)
    assert rows[0] == ["STT", "Huyện", "Số Cụm", "Số đơn vị", "Loại A", "Loại B", "Loại C", "Loại D"]
    assert rows[1:] == [["1", "Huyện Đông Anh", "2", "8", "4", "2", "1", "1"],
                        ["2", "Huyện Gia Lâm", "2", "7", "2", "2", "2", "1"],
                        ["", "Tổng cộng", "4", "15", "6", "4", "3", "2"]]
    text = docx_text(out.folder / "bao-cao-tong-hop-thanh-pho.docx")
    assert "UBND THÀNH PHỐ HÀ NỘI\nSỞ NỘI VỤ" in text and "Số:       /BC-SNV" in text
    assert "kính trình Chủ tịch UBND thành phố Hà Nội tặng Bằng khen cho 02 tập thể" in text


# --- Two-tier plans (since 01/7/2025) ----------------------------------------------------------


def test_two_tier_cluster_reports_straight_to_the_province(tmp_path):
    b = batch.build([CUM_2025], tmp_path)[0]
    assert b.folder.name == "ha-noi-cum-so-1"
    for f in b.files:
        if f.suffix == ".docx":
            text = docx_text(f)
            assert "huyện" not in text.lower() and "thị trấn" not in text, f.name
    letter = docx_text(b.folder / "cong-van-de-nghi-khen-thuong.docx")
    assert "Kính gửi: Sở Nội vụ thành phố Hà Nội." in letter  # one recipient: on the same line (F-NN-2)
    assert "trình Chủ tịch UBND thành phố Hà Nội tặng Bằng khen: UBND phường Hoàn Kiếm" in letter
    assert "UBND THÀNH PHỐ HÀ NỘI\nĐOÀN KIỂM TRA CHÉO\nCỤM SỐ 1" in docx_text(b.folder / "bien-ban-kiem-tra-ba-dinh.docx")
    report = docx_text(b.folder / "bao-cao-ket-qua-cum.docx")
    assert "Kính gửi: Sở Nội vụ thành phố Hà Nội." in report
    schedule = docx_text(b.folder / "lich-kiem-tra.docx")
    assert "- Sở Nội vụ thành phố Hà Nội (để báo cáo);" in schedule
    thanh_tich = docx_text(b.folder / "bao-cao-thanh-tich-hoan-kiem.docx")
    assert "Ủy ban nhân dân phường Hoàn Kiếm, thành phố Hà Nội." in thanh_tich


def test_district_step_refuses_a_two_tier_plan(tmp_path, capsys):
    assert main.main(["district", str(INPUTS / "2025"), "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "hai cấp" in err and "không có bước tổng hợp cấp huyện" in err
    assert "docgen city" in err
    assert not any(tmp_path.iterdir())
    folder = copy_district(DONG_ANH_DIR, tmp_path / "x", lambda d: d.update(ke_hoach=str(PLAN_2025)))
    with pytest.raises(ValidationFailed) as e:
        district.check_district(folder)
    assert "cap_chinh_quyen: hai_cap" in messages(e)


def test_two_tier_city_counts_per_cluster(tmp_path):
    # Cụm 1: Hoàn Kiếm 95 A, Ba Đình 88 A, Cửa Nam 83 B, Ngọc Hà 60 C; Cụm 2: Giảng Võ 87 A, Vĩnh Tuy 80 B,
    # Hai Bà Trưng 69 C, Bạch Mai 45 D
    out = upper_levels.build_city(INPUTS / "2025", tmp_path)
    assert out.folder.name == "ha-noi-2025"
    rows = table_rows(out.folder / "bao-cao-tong-hop-thanh-pho.docx", 1)
    assert rows[0][1:3] == ["Cụm", "Đơn vị Cụm trưởng"]
    assert rows[1:] == [["1", "Cụm số 1", "UBND phường Hoàn Kiếm", "4", "2", "1", "1", "0"],
                        ["2", "Cụm số 2", "UBND phường Giảng Võ", "4", "1", "1", "1", "1"],
                        ["", "Tổng cộng", "", "8", "3", "2", "2", "1"]]
    text = docx_text(out.folder / "bao-cao-tong-hop-thanh-pho.docx")
    assert "giữa các UBND xã, phường năm 2025" in text
    assert table_rows(out.folder / "bao-cao-tong-hop-thanh-pho.docx", 2)[1:] == [
        ["1", "Cụm số 1", "UBND phường Hoàn Kiếm", "95", "A"], ["2", "Cụm số 2", "UBND phường Giảng Võ", "87", "A"]]


# --- CLI and conversion ------------------------------------------------------------------------


def test_cli_runs_each_level_end_to_end(tmp_path, capsys):
    assert main.main(["district", str(DONG_ANH_DIR), "-o", str(tmp_path)]) == 0
    assert main.main(["city", str(INPUTS / "2017"), "-o", str(tmp_path)]) == 0
    assert main.main(["validate", str(DONG_ANH_DIR / "huyen.yaml")]) == 0
    out = capsys.readouterr().out
    assert "huyen-dong-anh" in out and "ha-noi-2017" in out and "huyen.yaml: hợp lệ" in out
    bad = copy_yaml(DONG_ANH_DIR / "huyen.yaml", tmp_path / "huyen.yaml", lambda d: d.pop("nguoi_ky"))
    assert main.main(["validate", str(bad)]) == 1
    assert "thiếu mục bắt buộc 'Người ký của UBND cấp huyện'" in capsys.readouterr().err


@pytest.mark.libreoffice
def _rejoined(tokens: list[str], words) -> list[str]:
    """pdftotext splits a word of a justified line where LibreOffice spaced its letters ('tr ấn', 'C ụm'):
    join a token that is no word of the document with the next when together they are one."""
    out, i = [], 0
    while i < len(tokens):
        if tokens[i] not in words and i + 1 < len(tokens) and tokens[i] + tokens[i + 1] in words:
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def test_every_new_document_converts_and_keeps_its_table_rows(built, tmp_path):
    """One of each new document, through LibreOffice; pdftotext then finds every row of every table
    (LibreOffice once dropped the rows of a table whose header fell at the foot of a page)."""
    work = tmp_path / "docx"
    work.mkdir()
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    picks = [folder / n for n in ("lich-kiem-tra.docx", "phu-luc-01-co-loa.docx", "bao-cao-ket-qua-cum.docx",
                                  "bao-cao-thanh-tich-co-loa.docx", "bao-cao-thanh-tich-giay-khen-uy-no.docx",
                                  "bao-cao-tu-danh-gia-uy-no.docx",
                                  "bao-cao-thanh-tich-ca-nhan-ngo-thi-huong.docx",  # all facts given
                                  "bao-cao-thanh-tich-ca-nhan-le-thi-hoa.docx")]  # a few: dotted lines
    for w in (upper_levels.build_district(DONG_ANH_DIR, tmp_path / "d"),
              upper_levels.build_city(INPUTS / "2017", tmp_path / "c"),
              upper_levels.build_city(INPUTS / "2025", tmp_path / "c25"),
              upper_levels.build_blank_sheet(PLAN_2025, tmp_path / "p")):
        picks += [f for f in w.files if f.suffix == ".docx"]  # the .xlsx: tests/e2e/test_tallies.py
    files = []
    for i, f in enumerate(picks):
        files.append(work / f"{i:02d}-{f.name}")
        shutil.copy(f, files[-1])
    pdfs = to_pdf(files, tmp_path)
    # + the Sở's Mục lục, Tờ trình and draft Quyết định (2017, 2025), the district's index, opening and Giấy khen
    # documents, a self-report, two individuals' achievement reports, a Giấy khen's collective report
    assert len(pdfs) == len(files) == 26
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) chưa được cài")
    for docx, pdf in zip(files, pdfs):
        # Every word of the document, as often as it occurs, is on the pages (reading order aside).
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        # pdftotext joins a word broken at its hyphen at a line's end ("186/KH-" + "SNV" → "186/KHSNV"):
        # hyphens inside words are left out on both sides
        want = Counter(w.replace("-", "") for w in vi.nfc(docx_text(docx)).split() if any(ch.isalnum() for ch in w))
        got = Counter(_rejoined([w.replace("-", "") for w in vi.nfc(text).split()], want))
        missing = {w: n - got[w] for w, n in want.items() if got[w] < n}
        assert not missing, f"{docx.name}: {missing}"


def test_the_letter_attaches_achievement_reports_only_for_who_is_proposed(tmp_path):
    """2025, Cụm số 1 proposes its outstanding ward and no one person: that ward's report only; nobody at all:
    no report. (Both individuals too: tests/e2e/test_personal_report.py.)"""
    letter = docx_text(batch.build([CUM_2025], tmp_path / "a")[0].folder / "cong-van-de-nghi-khen-thuong.docx")
    assert "- Báo cáo thành tích đề nghị tặng Bằng khen của UBND phường Hoàn Kiếm." in letter
    assert "cá nhân được đề nghị" not in letter

    def nobody(data):
        data["hop_cum"].pop("de_nghi_tap_the")
    f = copy_yaml(CUM_2025, tmp_path / "cum.yaml", nobody)
    letter = docx_text(batch.build([f], tmp_path / "b")[0].folder / "cong-van-de-nghi-khen-thuong.docx")
    assert "Báo cáo thành tích" not in letter and "- Biên bản kiểm tra tại 4 đơn vị." in letter


def test_the_cluster_report_names_each_class_in_rank_order(built):
    report = docx_text(built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder / "bao-cao-ket-qua-cum.docx")
    assert "- Loại A: 2 đơn vị (UBND xã Cổ Loa, UBND xã Uy Nỗ);" in report  # 93,5 then 89, as in the table


def test_the_achievement_report_names_the_officers_post_with_its_commune(tmp_path):
    text = docx_text(batch.build([CUM_2025.parent / "cum-so-2.yaml"], tmp_path)[0].folder / "bao-cao-thanh-tich-giang-vo.docx")
    assert ("- Công chức phụ trách công tác văn thư, lưu trữ: Mẫn Thị Trang, Chuyên viên Văn phòng HĐND và UBND "
            "phường Giảng Võ.") in text
