"""How docgen reads what a clerk typed: YAML 1.1 surprises, Unicode forms, legacy Vietnamese encodings."""
from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import DATA, INPUTS, ROOT

from docgen.levels import any_file, cluster
from docgen.load import reader
from docgen.validate import legacy
from docgen.validate import text as validate_text


def loaded(text: str):
    return reader.load_text(text, "x.yaml").data


def test_yaml_1_1_words_and_numbers_stay_what_was_typed():
    data = loaded("a: no\nb: yes\nc: On\nd: 0123\ne: 12:30\nf: 2017-10-05\ng: 0x1F\nh: 1e3\ni: .nan\nj: 010\n")
    assert data == {"a": "no", "b": "yes", "c": "On", "d": "0123", "e": "12:30", "f": "2017-10-05",
                    "g": "0x1F", "h": "1e3", "i": ".nan", "j": "010"}


def test_decimals_are_exact_and_only_true_false_are_booleans():
    data = loaded("a: 0.1\nb: 26.5\nc: true\nd: False\ne: ~\nf: 7\n")
    assert str(data["a"]) == "0.1" and str(data["b"]) == "26.5"
    assert data["c"] is True and data["d"] is False and data["e"] is None and data["f"] == 7


def test_an_unquoted_number_in_a_text_field_becomes_the_text_as_written(tmp_path):
    """`so_bien_ban: 5` and `ten: 2017` are text fields: they get "5" and "2017", not an error."""
    text = (DATA / "cum-goc.yaml").read_text(encoding="utf-8").replace("../../inputs/", f"{INPUTS}/")
    text = text.replace("  ten: Cụm số 3\n", "  ten: 2017\n").replace(
        "    gio_ket_thuc: \"11:00\"\n", "    gio_ket_thuc: \"11:00\"\n    so_bien_ban: 05\n", 1)
    path = tmp_path / "cum.yaml"
    path.write_text(text, encoding="utf-8")
    checked = cluster.check_cluster(path)
    assert checked.cluster.data["cum"]["ten"] == "2017"
    assert checked.cluster.data["don_vi"][0]["so_bien_ban"] == "05"


def test_text_is_nfc_whatever_form_the_file_used():
    nfd = unicodedata.normalize("NFD", "ten: Cổ Loa\nÂu: Đức\n")
    data = loaded(nfd)
    assert data == {"ten": "Cổ Loa", "Âu": "Đức"}
    assert unicodedata.is_normalized("NFC", loaded('a: "Co\\u0302\\u0309 Loa"\n')["a"])


# Real strings as old Word files hold them, and what they say.
TCVN3 = [
    ("Uû ban nh©n d©n", "Uỷ ban nhân dân"),
    ("Toµ ¸n nh©n d©n céng hoµ x· héi chñ nghÜa viÖt nam", "Toà án nhân dân cộng hoà xã hội chủ nghĩa việt nam"),
    ("TØnh b¾c giang §éc lËp - Tù do - H¹nh phóc", "Tỉnh bắc giang Độc lập - Tự do - Hạnh phúc"),
    ("QuyÕt ®Þnh sè 2150/Q§-UBND ngµy 18/8/2017", "Quyết định số 2150/QĐ-UBND ngày 18/8/2017"),
    ("c«ng chøc V¨n phßng - Thèng kª", "công chức Văn phòng - Thống kê"),
    ("Tiªn D\xadîc", "Tiên Dược"),
    ("Xin chµo c¸c b¹n", "Xin chào các bạn"),
    ("T«i ®i häc", "Tôi đi học"),
]
VNI = [
    ("UÛy ban nhaân daân", "Ủy ban nhân dân"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("Toâi ñi hoïc", "Tôi đi học"),
    ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Quyeát ñònh soá 2150/QÑ-UBND ngaøy 18/8/2017", "Quyết định số 2150/QĐ-UBND ngày 18/8/2017"),
    ("coâng chöùc Vaên phoøng - Thoáng keâ", "công chức Văn phòng - Thống kê"),
    ("Ngöôøi ôi, ngöôøi ôi", "Người ơi, người ơi"),
    ("Soùc Sôn", "Sóc Sơn"),
]


@pytest.mark.parametrize("typed, meant", TCVN3)
def test_tcvn3_is_recognised_and_converted(typed, meant):
    assert legacy.detect(typed) == legacy.Legacy(("TCVN3",), meant)


@pytest.mark.parametrize("typed, meant", VNI)
def test_vni_is_recognised_and_converted(typed, meant):
    assert legacy.detect(typed) == legacy.Legacy(("VNI",), meant)


def test_an_ambiguous_string_is_reported_without_a_guess():
    found = legacy.detect("Cæ Loa")  # TCVN3 "Cổ Loa" or VNI "Cỉ Loa": both read as Vietnamese
    assert found is not None and set(found.encodings) == {"TCVN3", "VNI"} and found.unicode is None


def test_tcvn3_table_covers_every_vietnamese_letter_once():
    letters = set("aăâeêioôơuưy")
    toned = {unicodedata.normalize("NFC", v + m) for v in letters for m in "\u0300\u0301\u0303\u0309\u0323"}
    lower = set(legacy.TCVN3.values()) - set("ĂÂÊÔƠƯĐ")
    assert lower == toned | {"ă", "â", "ê", "ô", "ơ", "ư", "đ"}
    assert len(legacy.TCVN3) == len(set(legacy.TCVN3.values()))


@pytest.mark.parametrize("source", [
    INPUTS / "ke-hoach-2017.yaml", INPUTS / "2017" / "dong-anh" / "cum-so-1.yaml",
    INPUTS / "2017" / "gia-lam" / "cum-so-2.yaml", ROOT / "README.md",
    ROOT / "schemas" / "cum.schema.json", ROOT / "schemas" / "ke-hoach.schema.json",
], ids=lambda p: p.name)
def test_real_unicode_vietnamese_is_never_taken_for_a_legacy_encoding(source):
    lines = [ln for ln in source.read_text(encoding="utf-8").splitlines() if ln.strip()]
    flagged = [ln for ln in lines for part in re.split(r"[;:]", ln) if legacy.detect(part)]
    assert flagged == []


def test_legacy_text_is_an_error_naming_the_field_with_the_unicode_text(tmp_path):
    text = (DATA / "cum-goc.yaml").read_text(encoding="utf-8").replace("../../inputs/", f"{INPUTS}/")
    text = text.replace("    ten: Phù Linh\n", "    ten: Phï Linh\n")
    path = tmp_path / "cum.yaml"
    path.write_text(text, encoding="utf-8")
    issues = any_file.check_file(path)
    assert [(i.line, i.level) for i in issues] == [(38, "error")]
    assert "'Tên đơn vị' (`ten`)" in issues[0].message and "thay bằng: Phù Linh" in issues[0].message


@pytest.mark.parametrize("char, name", [("\t", "ký tự Tab"), ("\x1b", "ký tự điều khiển U+001B"),
                                        ("\u200b", "dấu cách độ rộng 0"), ("\ufeff", "dấu BOM"),
                                        ("\u00ad", "gạch nối mềm"), ("\u200d", "ký tự ẩn ZWJ"),
                                        ("\u200f", "dấu chiều viết (U+200F)"),
                                        ("\u202e", "ký tự điều khiển chiều viết (U+202E)"),
                                        ("\u202a", "ký tự điều khiển chiều viết (U+202A)"),
                                        ("\u2066", "ký tự điều khiển chiều viết (U+2066)"),
                                        ("\u2069", "ký tự điều khiển chiều viết (U+2069)"),
                                        ("\u061c", "dấu chiều viết (U+061C)"),
                                        ("\u2064", "ký tự định dạng ẩn (U+2064)")])
def test_control_and_invisible_characters_are_errors(char, name):
    doc = reader.Loaded(DATA / "x.yaml", {"huyen": {"ten": f"Sóc{char}Sơn"}}, {("huyen", "ten"): (5, 7)})
    issues = validate_text.text_issues(doc, "cum")
    assert len(issues) == 1 and issues[0].line == 5
    assert name in issues[0].message and "Tên quận, huyện, thị xã" in issues[0].message


def test_the_fast_path_of_the_control_character_check_misses_no_character():
    """_bad_char skips the per-character loop for printable text: no code point it skips is one the loop flags."""
    from docgen.validate import text
    skipped = [chr(c) for c in range(0x110000) if text._bad_char(f"a{chr(c)}b") is None]
    assert [c for c in skipped if text._first_bad(f"a{c}b") is not None] == []
    assert text._bad_char("Hà Nội\u200b") == text._first_bad("Hà Nội\u200b") == (6, "dấu cách độ rộng 0 (U+200B)")
    assert text._bad_char("dòng 1\ndòng\t2") == (11, "ký tự Tab")
