"""The district's Giấy khen (plan IV.4.e): the Phòng Nội vụ's Tờ trình and the Chairman's Quyết định khen
thưởng, listing the collectives and individuals the clusters' minutes proposed."""
from __future__ import annotations

import pytest
from conftest import DONG_ANH_DIR, GIA_LAM_DIR, copy_district, docx_text, table_rows

from docgen import lint
from docgen.pipeline import upper_levels

TT = "to-trinh-de-nghi-giay-khen.docx"
QD = "quyet-dinh-khen-thuong-huyen.docx"


@pytest.fixture(scope="module")
def dong_anh(tmp_path_factory):
    return upper_levels.build_district(DONG_ANH_DIR, tmp_path_factory.mktemp("awards")).folder


def test_submission_lists_what_each_cluster_proposed_and_is_signed_by_the_office(dong_anh):
    text = docx_text(dong_anh / TT)
    assert "UBND HUYỆN ĐÔNG ANH" in text and "PHÒNG NỘI VỤ" in text
    assert "Số: 45/TTr-NV" in text and "Đông Anh, ngày 26 tháng 10 năm 2017" in text
    assert "Kính gửi: Ủy ban nhân dân huyện Đông Anh." in text
    assert "(Cụm số 1 ngày 12/10/2017; Cụm số 2 ngày 19/10/2017)" in text
    assert ("Phòng Nội vụ kính trình Chủ tịch UBND huyện Đông Anh xem xét, tặng Giấy khen cho 04 tập thể và "
            "03 cá nhân sau:") in text
    assert "TRƯỞNG PHÒNG" in text and "Đoàn Thị Thu" in text  # giay_khen.truong_phong of huyen.yaml
    collectives, people = table_rows(dong_anh / TT, 1), table_rows(dong_anh / TT, 2)
    # cum-so-1: co-loa, uy-no; cum-so-2: dong-anh, nguyen-khe (hop_cum.giay_khen_tap_the), in file order
    assert [r[1:3] for r in collectives[1:]] == [["UBND xã Cổ Loa", "Cụm số 1"], ["UBND xã Uy Nỗ", "Cụm số 1"],
                                                 ["UBND thị trấn Đông Anh", "Cụm số 2"],
                                                 ["UBND xã Nguyên Khê", "Cụm số 2"]]
    assert collectives[1][3:] == ["93,5", "A"]
    assert people[1:] == [["1", "Ngô Thị Hương", "Công chức Văn phòng - Thống kê, UBND xã Cổ Loa", "Cụm số 1"],
                          ["2", "Lê Thị Hoa", "Công chức Văn phòng - Thống kê, UBND xã Uy Nỗ", "Cụm số 1"],
                          ["3", "Hà Thị Nhung", "Công chức Văn phòng - Thống kê, UBND thị trấn Đông Anh", "Cụm số 2"]]


def test_decision_is_the_chairmans_with_its_list_attached(dong_anh):
    text = docx_text(dong_anh / QD)
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH" in text
    assert "Đông Anh, ngày 27 tháng 10 năm 2017" in text
    assert "Xét đề nghị của Trưởng phòng Nội vụ tại Tờ trình số 45/TTr-NV ngày 26/10/2017 của Phòng Nội vụ." in text
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003" in text  # the law of 2017
    assert "Điều 1. Tặng Giấy khen cho 04 tập thể và 03 cá nhân" in text
    assert "mỗi tập thể …… đồng; mỗi cá nhân …… đồng" in text  # no amount in the file: the clerk writes it
    assert "Điều 3. Quyết định này có hiệu lực kể từ ngày ký." in text
    assert "TM. ỦY BAN NHÂN DÂN" not in text  # the Chairman decides in person
    assert "CHỦ TỊCH" in text and "Nguyễn Hữu Quang" in text
    assert "(Kèm theo Quyết định số" in text and "của Chủ tịch UBND huyện Đông Anh)" in text
    assert "Tổng số: 04 tập thể và 03 cá nhân." in text
    assert [r[2] for r in table_rows(dong_anh / QD, 3)[1:]] == ["Công chức Văn phòng - Thống kê, UBND xã Cổ Loa",
                                                                "Công chức Văn phòng - Thống kê, UBND xã Uy Nỗ",
                                                                "Công chức Văn phòng - Thống kê, UBND thị trấn Đông Anh"]


def test_a_vice_chairman_signs_for_the_chairman_and_amounts_given_are_written(tmp_path):
    def change(d):
        d["nguoi_ky"] = {"ho_ten": "Trần Quốc Việt", "chuc_vu": "Phó Chủ tịch"}
        d["giay_khen"] = {"tien_thuong_tap_the": "1.000.000", "tien_thuong_ca_nhan": "500.000",
                          "truong_phong": {"ho_ten": "Phạm Văn Tâm", "chuc_vu": "Phó Trưởng phòng"}}
    folder = copy_district(DONG_ANH_DIR, tmp_path / "in", change)
    out = upper_levels.build_district(folder, tmp_path / "out").folder
    qd, tt = docx_text(out / QD), docx_text(out / TT)
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in qd and "Trần Quốc Việt" in qd
    assert "mỗi tập thể 1.000.000 đồng; mỗi cá nhân 500.000 đồng" in qd
    assert "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG" in tt and "Phạm Văn Tâm" in tt
    assert "Số:       /TTr-NV" in tt and "Tờ trình số       /TTr-NV ngày ……" in qd


def test_only_people_proposed_gives_a_list_of_people_and_nobody_proposed_gives_no_award(tmp_path):
    def no_collectives(d):
        d["hop_cum"].pop("giay_khen_tap_the", None)
    changes = {"cum-so-1.yaml": no_collectives, "cum-so-2.yaml": no_collectives}
    out = upper_levels.build_district(copy_district(DONG_ANH_DIR, tmp_path / "a", None, changes), tmp_path / "o1").folder
    text = docx_text(out / QD)
    assert "Tặng Giấy khen cho 03 cá nhân" in text and "I. CÁ NHÂN" in text and "TẬP THỂ\n" not in text

    def nobody(d):
        no_collectives(d)
        d["hop_cum"].pop("de_nghi_ca_nhan", None)
    changes = {"cum-so-1.yaml": nobody, "cum-so-2.yaml": nobody}
    out = upper_levels.build_district(copy_district(DONG_ANH_DIR, tmp_path / "b", None, changes), tmp_path / "o2").folder
    assert not (out / TT).exists() and not (out / QD).exists()


def test_award_documents_pass_lint_in_both_districts(dong_anh, tmp_path):
    gia_lam = upper_levels.build_district(GIA_LAM_DIR, tmp_path).folder
    files = [dong_anh / TT, dong_anh / QD] + [f for f in (gia_lam / TT, gia_lam / QD) if f.exists()]
    assert [f.format() for p in files for f in lint.lint_file(p).findings] == []
