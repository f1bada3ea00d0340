"""The checks of the chain, without writing a document: schedules, the district's choice, the city's folder."""
from __future__ import annotations

import pytest
from conftest import (CUM_2025, DONG_ANH_DIR, GIA_LAM_DIR, INPUTS, copy_district, copy_yaml, messages, unit,
                      warnings_of)

from docgen.errors import ValidationFailed
from docgen.levels import city, cluster, district
from docgen.load import discover


def test_samples_have_no_schedule_warning():
    for f in sorted((INPUTS / "2017").rglob("cum-*.yaml")) + sorted((INPUTS / "2025").glob("cum-*.yaml")):
        assert warnings_of(f) == [], f


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
    assert "31/8/2017 nằm ngoài thời gian của Kế hoạch (01/9/2017 đến 31/10/2017)" in messages(e)


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
                     lambda d: d.update(lich_kiem_tra={"ngay": "2017-10-15"}))  # first due 13/10 (14/10 is a Saturday)
    assert any("sau hạn gửi báo cáo tự chấm đầu tiên (13/10/2017)" in w.message for w in warnings_of(late))
    assert not warnings_of(DONG_ANH_DIR / "cum-so-2.yaml")  # issued 09/10


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


def test_district_key_follows_the_plan_tiers(tmp_path):
    with_district = copy_yaml(CUM_2025, tmp_path / "a.yaml", lambda d: d.update(huyen={"ten": "Hoàn Kiếm", "loai": "quận"}))
    with pytest.raises(ValidationFailed) as e:
        cluster.check_cluster(with_district)
    assert "không còn cấp huyện. Xóa mục 'huyen'" in messages(e)
    without = copy_yaml(DONG_ANH_DIR / "cum-so-1.yaml", tmp_path / "b.yaml", lambda d: d.pop("huyen"))
    with pytest.raises(ValidationFailed) as e:
        cluster.check_cluster(without)
    assert "thiếu mục 'huyen'" in messages(e)
