"""The whole chain: schedule rules, Phụ lục 01, the cluster's reports, the district and city levels, two-tier plans."""
from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import DATA, INPUTS, docx_text, table_rows, to_pdf

from docgen import vi
from docgen.cli import main
from docgen.errors import ValidationFailed
from docgen.levels import city, cluster, district
from docgen.load import discover
from docgen.pipeline import batch, upper_levels

DONG_ANH_DIR = INPUTS / "2017" / "dong-anh"
GIA_LAM_DIR = INPUTS / "2017" / "gia-lam"
PLAN_2025 = INPUTS / "ke-hoach-2025.yaml"
CUM_2025 = INPUTS / "2025" / "cum-so-1.yaml"


def copy_yaml(src: Path, dst: Path, change=None) -> Path:
    """A sample file rewritten at `dst`, its plan path made absolute, `change(data)` applied."""
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["ke_hoach"] = str((src.parent / data["ke_hoach"]).resolve())
    if change:
        change(data)
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dst


def copy_district(src_dir: Path, dst_dir: Path, district_change=None, cluster_changes=None) -> Path:
    cluster_changes = cluster_changes or {}
    for f in sorted(src_dir.glob("*.yaml")):
        copy_yaml(f, dst_dir / f.name, district_change if f.name == "huyen.yaml" else cluster_changes.get(f.name))
    return dst_dir


def unit(data, code):
    return next(u for u in data["don_vi"] if u["ma"] == code)


def warnings_of(path):
    return [w for w in cluster.check_cluster(path).warnings if w.level == "warning"]


def messages(excinfo) -> str:
    return "\n".join(excinfo.value.lines())


# --- Lịch kiểm tra: order, window, days, due dates ---------------------------------------------


def test_schedule_lists_visits_in_order_with_due_dates_three_days_before(built):
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    rows = table_rows(folder / "lich-kiem-tra.docx", 1)
    assert rows[0][0] == "STT"
    # by hand: visits 10/10 (Uy Nỗ, Việt Hùng) and 11/10 (Dục Tú, Cổ Loa); due = visit − 3 days
    assert [(r[2], r[4]) for r in rows[1:]] == [
        ("UBND xã Uy Nỗ", "07/10/2017"), ("UBND xã Việt Hùng", "07/10/2017"),
        ("UBND xã Dục Tú", "08/10/2017"), ("UBND xã Cổ Loa (Cụm trưởng)", "08/10/2017")]
    assert "08 giờ 00 Thứ Ba, 10/10/2017" in rows[1][1]
    text = docx_text(folder / "lich-kiem-tra.docx")
    assert "trước 03 ngày được kiểm tra" in text
    assert "Họp bình xét thi đua của Cụm: 08 giờ 30, ngày 12 tháng 10 năm 2017" in text
    assert "- UBND huyện Đông Anh (qua Phòng Nội vụ) (để báo cáo);" in text


def test_samples_have_no_schedule_warning():
    for f in sorted((INPUTS / "2017").rglob("cum-*.yaml")) + sorted((INPUTS / "2025").glob("cum-*.yaml")):
        assert warnings_of(f) == [], f


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


def test_same_day_without_times_follows_the_file_order(tmp_path):
    def no_times(data, leader_first=False):
        for u in data["don_vi"]:
            u["ngay_kiem_tra"] = "2017-10-11"
            u.pop("gio_bat_dau", None)
        if leader_first:
            data["don_vi"].insert(0, data["don_vi"].pop())
    last = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "a.yaml", no_times)
    first = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "b.yaml", lambda d: no_times(d, True))
    assert not any("nên kiểm tra" in w.message for w in warnings_of(last))
    assert any("nên kiểm tra" in w.message for w in warnings_of(first))


def test_visit_outside_the_plan_window_is_an_error(tmp_path):
    f = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "cum.yaml",
                  lambda d: unit(d, "uy-no").update(ngay_kiem_tra="2017-08-31", ngay_gui_tu_cham="2017-08-25"))
    with pytest.raises(ValidationFailed) as e:
        cluster.check_cluster(f)
    assert "31/08/2017 nằm ngoài thời gian của Kế hoạch (01/09/2017 đến 31/10/2017)" in messages(e)


def test_more_than_two_working_days_is_a_warning(tmp_path):
    f = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "cum.yaml",
                  lambda d: unit(d, "viet-hung").update(ngay_kiem_tra="2017-10-09", ngay_gui_tu_cham="2017-10-06"))
    assert any("trong 3 ngày khác nhau" in w.message for w in warnings_of(f))


def test_self_report_sent_less_than_three_days_before_is_an_error(tmp_path):
    f = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "cum.yaml",
                  lambda d: unit(d, "duc-tu").update(ngay_gui_tu_cham="2017-10-09"))  # visit 11/10, due 08/10
    with pytest.raises(ValidationFailed) as e:
        cluster.check_cluster(f)
    assert "gửi ngày 09/10/2017, muộn hơn hạn" in messages(e)
    ok = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "ok.yaml",
                   lambda d: unit(d, "duc-tu").update(ngay_gui_tu_cham="2017-10-08"))  # on the due date
    cluster.check_cluster(ok)


def test_schedule_issued_after_the_first_due_date_is_a_warning(tmp_path):
    late = copy_yaml(DONG_ANH_DIR / "cum-so-2.yaml", tmp_path / "late.yaml",
                     lambda d: d.update(lich_kiem_tra={"ngay": "2017-10-15"}))  # first due date 14/10
    assert any("sau hạn gửi báo cáo tự chấm đầu tiên (14/10/2017)" in w.message for w in warnings_of(late))
    assert not warnings_of(DONG_ANH_DIR / "cum-so-2.yaml")  # issued 09/10


# --- Phụ lục 01 and the cluster's reports ------------------------------------------------------


def test_phu_luc_01_is_filled_from_the_cluster_file(built):
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    rows = table_rows(folder / "phu-luc-01-uy-no.docx", 0)
    assert rows[1] == ["1", "Công tác tuyên truyền, phổ biến pháp luật về công tác văn thư, lưu trữ", "5", "5", "5", "5"]
    assert rows[4][2:] == ["30", "27", "26", "26,5"]
    assert rows[-1][1:] == ["Tổng cộng", "100", "92,5", "88,5", "89"]  # sums by hand
    text = docx_text(folder / "phu-luc-01-uy-no.docx")
    assert "Đơn vị: UBND xã Uy Nỗ, huyện Đông Anh" in text
    # self-scores 5,14,23,27 (≥80% of 30? 27/30 = 90%), 9,5, 9, 5 → 92,5 and every A condition holds
    assert "Tổng điểm tự chấm: 92,5 điểm, đơn vị tự xếp loại A." in text
    assert "89 điểm (tám mươi chín điểm), xếp loại A" in text
    assert "KT. CHỦ TỊCH" in text and "Trần Văn Bình" in text  # a Vice-Chairman signs for the commune


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
    assert all(r[3:] == ["", "", ""] for r in rows[1:-1])
    assert rows[-1][2:] == ["100", "", "", ""]
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
    assert "- Loại A: 2 đơn vị (UBND xã Uy Nỗ, UBND xã Cổ Loa);" in text
    assert "- Loại D: 0 đơn vị;" in text
    assert "tặng Giấy khen của Chủ tịch UBND cấp huyện cho UBND xã Cổ Loa (93,5 điểm, xếp loại A)" in text
    assert "Kính gửi:\n- UBND huyện Đông Anh;\n- Phòng Nội vụ huyện Đông Anh." in text
    assert "gửi báo cáo, tự chấm điểm ngày 05/10/2017 (hạn 07/10/2017)" in text


def test_achievement_report_only_for_the_nominee_with_blanks_for_its_own_account(built, tmp_path):
    folder = built[(DONG_ANH_DIR / "cum-so-1.yaml").resolve()].folder
    assert [f.name for f in folder.glob("bao-cao-thanh-tich-*")] == ["bao-cao-thanh-tich-co-loa.docx"]
    text = docx_text(folder / "bao-cao-thanh-tich-co-loa.docx")
    assert "Tên tập thể đề nghị: Ủy ban nhân dân xã Cổ Loa, huyện Đông Anh, thành phố Hà Nội." in text
    assert "93,5 điểm (chín mươi ba phẩy năm điểm), xếp loại A, xếp thứ 1/4 đơn vị" in text
    assert "(8/8 phiếu tán thành)" in text
    assert "Nội dung 4 (Công tác lưu trữ): Tài liệu đã được chỉnh lý hoàn chỉnh" in text
    assert "- Địa chỉ trụ sở: ……" in text
    assert "UBND HUYỆN ĐÔNG ANH\nUBND XÃ CỔ LOA" in text
    none = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "cum.yaml",
                     lambda d: d["hop_cum"].pop("de_nghi_tap_the"))
    out = batch.build([none], tmp_path / "out")[0]
    assert not list(out.folder.glob("bao-cao-thanh-tich-*"))
    report = docx_text(out.folder / "bao-cao-ket-qua-cum.docx")
    assert "1. Tập thể: Cụm không đề nghị khen thưởng tập thể." in report  # Cổ Loa and Uy Nỗ are A all the same
    assert "Không có đơn vị đạt loại A" not in report
    for name in ("bien-ban-hop-cum.docx", "cong-van-de-nghi-khen-thuong.docx"):  # nor in the minutes, the letter
        text = docx_text(out.folder / name)
        assert "Cụm không đề nghị khen thưởng tập thể." in text and "Không có đơn vị đạt loại A" not in text


# --- District level ----------------------------------------------------------------------------


def test_district_collects_one_nominee_per_cluster_and_checks_its_choice():
    d = district.check_district(DONG_ANH_DIR)
    assert [(n.cum, n.ten_ubnd, str(n.tong_diem)) for n in d.nominees] == [
        ("Cụm số 1", "UBND xã Cổ Loa", "93.5"), ("Cụm số 2", "UBND thị trấn Đông Anh", "93.5")]
    assert [n.ma for n in d.suggested] == ["co-loa", "dong-anh"]  # a tie, reported as both
    assert d.choice.ma == "co-loa" and d.chosen_by_council
    assert [w for w in d.warnings if w.level == "warning"] == []


def test_district_counts_per_class_match_the_hand_count():
    # Đông Anh: Cổ Loa 93,5 A, Uy Nỗ 89 A, Việt Hùng 73 B, Dục Tú 52,5 C; Nguyên Khê 85 A, Tiên Dương 71 B,
    # Vân Nội 45 D, thị trấn Đông Anh 93,5 A → A 4, B 2, C 1, D 1
    d = district.check_district(DONG_ANH_DIR)
    assert [(c.loai, c.so_luong) for c in d.counts] == [("A", 4), ("B", 2), ("C", 1), ("D", 1)]
    g = district.check_district(GIA_LAM_DIR)
    # Gia Lâm: Trâu Quỳ 89,5 A, Dương Xá 75,5 B, Phú Thị 54 C, Cổ Bi 63 C; Bát Tràng 85,5 A, Đa Tốn 78,5 B,
    # Kiêu Kỵ 37 D → A 2, B 2, C 2, D 1
    assert [(c.loai, c.so_luong) for c in g.counts] == [("A", 2), ("B", 2), ("C", 2), ("D", 1)]


def test_district_without_a_choice_takes_the_highest_and_says_so(tmp_path):
    folder = copy_district(GIA_LAM_DIR, tmp_path / "gia-lam", lambda d: d.pop("de_nghi"))
    d = district.check_district(folder)
    assert d.choice.ten_ubnd == "UBND thị trấn Trâu Quỳ" and not d.chosen_by_council  # 89,5 > 85,5
    assert any("docgen dùng gợi ý: UBND thị trấn Trâu Quỳ (89,5 điểm" in w.message for w in d.warnings)
    out = upper_levels.build_district(folder, tmp_path / "out")
    minutes = docx_text(out.folder / "bien-ban-hop-hoi-dong-thi-dua.docx")
    assert "…… phiếu tán thành đề nghị tặng Bằng khen" in minutes  # the votes are left for the clerk


def test_district_tie_without_a_choice_is_reported_and_blocks(tmp_path):
    folder = copy_district(DONG_ANH_DIR, tmp_path / "dong-anh", lambda d: d.pop("de_nghi"))
    with pytest.raises(ValidationFailed) as e:
        district.check_district(folder)
    text = messages(e)
    assert "bằng điểm nhau" in text
    assert "UBND xã Cổ Loa (93,5 điểm, xếp loại A), Cụm số 1" in text
    assert "UBND thị trấn Đông Anh (93,5 điểm, xếp loại A), Cụm số 2" in text
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("code, expected", [
    ("uy-no", "UBND xã Uy Nỗ (Cụm số 1) không được Cụm đề nghị."),
    ("co-lao", "không có đơn vị mã 'co-lao' trong các Cụm của huyện. Có phải là 'co-loa'?"),
])
def test_district_choice_must_be_one_of_the_nominees(tmp_path, code, expected):
    folder = copy_district(DONG_ANH_DIR, tmp_path / "dong-anh", lambda d: d["de_nghi"].update(don_vi=code))
    with pytest.raises(ValidationFailed) as e:
        district.check_district(folder)
    assert expected in messages(e)
    assert "co-loa (UBND xã Cổ Loa, Cụm số 1); dong-anh (UBND thị trấn Đông Anh, Cụm số 2)" in messages(e)


def test_district_choice_below_the_highest_is_a_warning(tmp_path):
    folder = copy_district(GIA_LAM_DIR, tmp_path / "gia-lam", lambda d: d["de_nghi"].update(don_vi="bat-trang"))
    d = district.check_district(folder)
    assert d.choice.ma == "bat-trang"
    assert any("không có tổng điểm thống nhất cao nhất" in w.message and w.level == "warning" for w in d.warnings)


def test_cluster_nominee_below_class_a_blocks_the_district(tmp_path):
    folder = copy_district(GIA_LAM_DIR, tmp_path / "gia-lam", cluster_changes={
        "cum-so-2.yaml": lambda d: d["hop_cum"]["de_nghi_tap_the"].update(don_vi="da-ton")})
    with pytest.raises(ValidationFailed) as e:
        district.check_district(folder)
    assert "UBND Đa Tốn xếp loại B" in messages(e) or "Đa Tốn xếp loại B" in messages(e)


def test_a_commune_in_two_clusters_or_a_foreign_cluster_blocks_the_district(tmp_path):
    def steal(d):
        unit(d, "van-noi").update(ten="Cổ Loa")
    folder = copy_district(DONG_ANH_DIR, tmp_path / "a", cluster_changes={"cum-so-2.yaml": steal})
    with pytest.raises(ValidationFailed) as e:
        district.check_district(folder)
    assert "UBND xã Cổ Loa đã có trong Cụm số 1" in messages(e)
    folder = copy_district(DONG_ANH_DIR, tmp_path / "b", cluster_changes={
        "cum-so-2.yaml": lambda d: d["huyen"].update(ten="Sóc Sơn")})
    with pytest.raises(ValidationFailed) as e:
        district.check_district(folder)
    assert "Cụm thuộc huyện Sóc Sơn, không phải huyện Đông Anh" in messages(e)


def test_council_meeting_before_a_cluster_meeting_is_an_error(tmp_path):
    folder = copy_district(DONG_ANH_DIR, tmp_path / "dong-anh", lambda d: d["hoi_dong"].update(ngay="2017-10-18"))
    with pytest.raises(ValidationFailed) as e:
        district.check_district(folder)
    assert "họp ngày 18/10/2017, trước ngày họp của Cụm số 2 (19/10/2017)" in messages(e)


def test_build_takes_only_cluster_files_from_a_city_folder():
    files = discover.expand([INPUTS / "2017"])
    assert [f.relative_to(INPUTS).as_posix() for f in files] == [
        "2017/dong-anh/cum-so-1.yaml", "2017/dong-anh/cum-so-2.yaml",
        "2017/gia-lam/cum-so-1.yaml", "2017/gia-lam/cum-so-2.yaml"]


def test_district_with_no_class_a_anywhere_writes_no_letter(tmp_path):
    def no_a(d):
        d["hop_cum"].pop("de_nghi_tap_the", None)
        for u in d["don_vi"]:
            u["diem"]["thong_nhat"] = [4, 10, 18, 22, 7, 6, 4]  # 71 → B
    folder = copy_district(GIA_LAM_DIR, tmp_path / "gia-lam", lambda d: d.pop("de_nghi"),
                           {"cum-so-1.yaml": no_a, "cum-so-2.yaml": no_a})
    out = upper_levels.build_district(folder, tmp_path / "out")
    assert sorted(f.name for f in out.files) == ["bao-cao-tong-hop-huyen.docx", "bien-ban-hop-hoi-dong-thi-dua.docx",
                                                 "manifest.json"]
    assert "không có đơn vị đề nghị tặng Bằng khen" in docx_text(out.folder / "bao-cao-tong-hop-huyen.docx")


def test_district_documents(tmp_path):
    out = upper_levels.build_district(DONG_ANH_DIR, tmp_path)
    assert out.folder == tmp_path / "huyen-dong-anh"
    letter = docx_text(out.folder / "cong-van-de-nghi-bang-khen.docx")
    assert "Kính gửi: UBND thành phố Hà Nội (qua Sở Nội vụ)." in letter
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
    assert rows[0] == ["STT", "Quận, huyện, thị xã", "Số Cụm", "Số đơn vị", "Loại A", "Loại B", "Loại C", "Loại D"]
    assert rows[1:] == [["1", "Huyện Đông Anh", "2", "8", "4", "2", "1", "1"],
                        ["2", "Huyện Gia Lâm", "2", "7", "2", "2", "2", "1"],
                        ["", "Tổng cộng", "4", "15", "6", "4", "3", "2"]]
    text = docx_text(out.folder / "bao-cao-tong-hop-thanh-pho.docx")
    assert "UBND THÀNH PHỐ HÀ NỘI\nSỞ NỘI VỤ" in text and "Số:       /BC-SNV" in text
    assert "tặng Bằng khen của Chủ tịch UBND Thành phố cho 02 tập thể" in text


def test_city_refuses_a_folder_mixing_plans():
    with pytest.raises(ValidationFailed) as e:
        city.check_city(INPUTS)
    assert "các tệp theo 2 Kế hoạch khác nhau" in messages(e)


def test_city_needs_a_district_file_per_district(tmp_path):
    copy_district(DONG_ANH_DIR, tmp_path / "2017" / "dong-anh")
    copy_yaml(GIA_LAM_DIR / "cum-so-1.yaml", tmp_path / "2017" / "gia-lam" / "cum-so-1.yaml")
    with pytest.raises(ValidationFailed) as e:
        city.check_city(tmp_path / "2017")
    assert "không nằm trong thư mục của quận, huyện nào" in messages(e)


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
    assert "đề nghị tặng Bằng khen của Chủ tịch UBND Thành phố" in letter
    assert "UBND THÀNH PHỐ HÀ NỘI\nĐOÀN KIỂM TRA CHÉO CỤM SỐ 1" in docx_text(b.folder / "bien-ban-kiem-tra-ba-dinh.docx")
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


def test_district_key_follows_the_plan_tiers(tmp_path):
    with_district = copy_yaml(CUM_2025, tmp_path / "a.yaml", lambda d: d.update(huyen={"ten": "Hoàn Kiếm", "loai": "quận"}))
    with pytest.raises(ValidationFailed) as e:
        cluster.check_cluster(with_district)
    assert "không còn cấp huyện. Xóa mục 'huyen'" in messages(e)
    without = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "b.yaml", lambda d: d.pop("huyen"))
    with pytest.raises(ValidationFailed) as e:
        cluster.check_cluster(without)
    assert "thiếu mục 'huyen'" in messages(e)


def test_two_tier_city_counts_per_cluster(tmp_path):
    # Cụm 1: Hoàn Kiếm 95 A, Ba Đình 88 A, Cửa Nam 83 B, Ngọc Hà 60 C; Cụm 2: Giảng Võ 87 A, Vĩnh Tuy 80 B,
    # Hai Bà Trưng 69 C, Bạch Mai 45 D
    out = upper_levels.build_city(INPUTS / "2025", tmp_path)
    assert out.folder.name == "ha-noi-2025"
    rows = table_rows(out.folder / "bao-cao-tong-hop-thanh-pho.docx", 1)
    assert rows[0][1:3] == ["Cụm", "Đơn vị Cụm trưởng"]
    assert rows[1:] == [["1", "Cụm số 1", "phường Hoàn Kiếm", "4", "2", "1", "1", "0"],
                        ["2", "Cụm số 2", "phường Giảng Võ", "4", "1", "1", "1", "1"],
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
                                  "bao-cao-thanh-tich-co-loa.docx")]
    picks += upper_levels.build_district(DONG_ANH_DIR, tmp_path / "d").files[:-1]
    picks += upper_levels.build_city(INPUTS / "2017", tmp_path / "c").files[:-1]
    picks += upper_levels.build_city(INPUTS / "2025", tmp_path / "c25").files[:-1]
    picks += upper_levels.build_blank_sheet(PLAN_2025, tmp_path / "p").files[:-1]
    files = []
    for i, f in enumerate(picks):
        files.append(work / f"{i:02d}-{f.name}")
        shutil.copy(f, files[-1])
    pdfs = to_pdf(files, tmp_path)
    assert len(pdfs) == len(files) == 10
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) chưa được cài")
    for docx, pdf in zip(files, pdfs):
        # Every word of the document, as often as it occurs, is on the pages (reading order aside).
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        want = Counter(w for w in vi.nfc(docx_text(docx)).split() if any(ch.isalnum() for ch in w))
        got = Counter(_rejoined(vi.nfc(text).split(), want))
        missing = {w: n - got[w] for w, n in want.items() if got[w] < n}
        assert not missing, f"{docx.name}: {missing}"
