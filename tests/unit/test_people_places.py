"""A post and a place written with their commune, once: never 'UBND UBND', never a bare 'Trụ sở'."""
from __future__ import annotations

from docgen.context.common import in_sentence, place_at, post_in, title_at

CO_LOA = {"loai": "xã", "ten": "Cổ Loa"}
HOAN_KIEM = {"loai": "phường", "ten": "Hoàn Kiếm"}


def test_a_post_names_its_commune_once():
    assert title_at("Phó Chủ tịch", CO_LOA) == "Phó Chủ tịch UBND xã Cổ Loa"
    assert title_at("Chuyên viên Văn phòng HĐND và UBND", HOAN_KIEM) == \
        "Chuyên viên Văn phòng HĐND và UBND phường Hoàn Kiếm"
    assert title_at("Phó Chủ tịch UBND xã", CO_LOA) == "Phó Chủ tịch UBND xã Cổ Loa"
    assert title_at("Nhân viên lưu trữ", CO_LOA) == "Nhân viên lưu trữ UBND xã Cổ Loa"
    assert title_at("Phó Chủ tịch UBND xã Cổ Loa", CO_LOA) == "Phó Chủ tịch UBND xã Cổ Loa"
    assert title_at(None, CO_LOA, "Công chức Văn phòng - Thống kê") == \
        "Công chức Văn phòng - Thống kê UBND xã Cổ Loa"


def test_a_place_says_whose_building():
    assert place_at(None, CO_LOA, "Trụ sở") == "Trụ sở UBND xã Cổ Loa"
    assert place_at("Trụ sở", CO_LOA, "Trụ sở") == "Trụ sở UBND xã Cổ Loa"
    assert place_at("Hội trường UBND", CO_LOA, "Hội trường") == "Hội trường UBND xã Cổ Loa"
    assert place_at("Nhà văn hóa thôn Đông", CO_LOA, "Trụ sở") == "Nhà văn hóa thôn Đông"


def test_a_place_inside_a_sentence_is_not_capitalised_unless_a_proper_name():
    assert in_sentence("Trụ sở UBND xã Cổ Loa") == "trụ sở UBND xã Cổ Loa"
    assert in_sentence("Hội trường UBND xã Cổ Loa") == "hội trường UBND xã Cổ Loa"
    assert in_sentence("Nhà văn hóa thôn Đông") == "Nhà văn hóa thôn Đông"


def test_a_guests_post_and_office_read_as_one_phrase():
    assert post_in("Chuyên viên", "Phòng Nội vụ huyện Đông Anh") == "Chuyên viên Phòng Nội vụ huyện Đông Anh"
    assert post_in("Phó Trưởng phòng", "Phòng Nội vụ huyện Đông Anh") == "Phó Trưởng phòng Nội vụ huyện Đông Anh"
    assert post_in("Chuyên viên Sở Nội vụ", "Sở Nội vụ") == "Chuyên viên Sở Nội vụ"
    assert post_in("Chuyên viên", None) == "Chuyên viên, ……"
