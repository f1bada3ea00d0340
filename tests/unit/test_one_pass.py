"""Validation shows every problem of a file at once, in the order of its lines, each with its cause."""
from __future__ import annotations

from conftest import DATA, INPUTS

from docgen.levels import any_file
from docgen.load import reader, slips


def cluster_file(tmp_path, *changes):
    text = (DATA / "cum-goc.yaml").read_text(encoding="utf-8").replace("../../inputs/", f"{INPUTS}/")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "cum.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_time_and_an_impossible_date_are_reported_together(tmp_path):
    path = cluster_file(tmp_path, ('    gio_bat_dau: "08:00"', '    gio_bat_dau: "8h"'),
                        ('ngay_kiem_tra: "2017-10-23"', 'ngay_kiem_tra: "2017-02-29"'))
    issues = any_file.check_file(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    time_line = lines.index('    gio_bat_dau: "8h"') + 1
    date_line = next(n for n, s in enumerate(lines, 1) if 'ngay_kiem_tra: "2017-02-29"' in s)
    assert [(i.line, i.pointer) for i in issues] == [(time_line, "don_vi[0].gio_bat_dau"),
                                                     (date_line, "don_vi[2].ngay_kiem_tra")]
    assert "tháng 2 năm 2017 chỉ có 28 ngày" in issues[1].message


def test_cross_field_problems_come_in_the_order_of_the_file(tmp_path):
    """The rules run in their own order (unit codes, then the leader...); the clerk reads top to bottom."""
    path = cluster_file(tmp_path, ("  - ma: soc-son\n", "  - ma: tien-duoc\n"), ("  cum_truong: phu-linh", "  cum_truong: phu-lin"))
    issues = [i for i in any_file.check_file(path) if i.is_error]
    assert len(issues) >= 2 and issues[0].line == 9
    assert [i.line for i in issues] == sorted(i.line for i in issues)


def test_a_month_that_does_not_exist_is_named():
    doc = reader.Loaded(DATA / "x.yaml", {"hop_cum": {"ngay": "2017-21-10"}}, {("hop_cum", "ngay"): (3, 9)})
    from docgen.validate.fields import date_field
    issues = []
    date_field(doc, ("hop_cum", "ngay"), issues)
    assert "không có tháng 21; có phải đã viết ngày trước tháng?" in issues[0].message


def test_slips_are_found_on_their_own_line_not_in_text():
    assert slips.slip_on("      ho_ten:Trần Thị Hoa")[0] == 13
    assert slips.slip_on("  - {ho_ten:Trần, chuc_vu: X}")[1].endswith("viết `ho_ten: Trần`.")
    for fine in ("ke_hoach: ../ke-hoach.yaml", 'gio: "08:00"', "url: http://a.b", "ket_luan: 'ghi chú:abc'",
                 "ten: Cụm  # ghi chú:abc", "a: C:\\tep"):
        assert slips.slip_on(fine) is None, fine


def test_schema_errors_and_cross_field_errors_come_in_one_pass(tmp_path):
    """A time written '8h' (the schema's) and an unknown Cụm trưởng (a cross-field rule's), in one report."""
    path = cluster_file(tmp_path, ('    gio_bat_dau: "08:00"', '    gio_bat_dau: "8h"'),
                        ("  cum_truong: phu-linh", "  cum_truong: phu-lin"))
    issues = [i for i in any_file.check_file(path) if i.is_error]
    pointers = [i.pointer for i in issues]
    assert "don_vi[0].gio_bat_dau" in pointers and "cum.cum_truong" in pointers, pointers
    assert [i.line for i in issues] == sorted(i.line for i in issues)


def test_a_cross_field_finding_where_the_schema_already_complained_is_left_out(tmp_path):
    """Eight self-scores (9,5 split in two) are the schema's to report; no second message about their total."""
    path = cluster_file(tmp_path, ("tu_cham: [5, 14, 22, 27, 9, 9, 5]", "tu_cham: [5, 14, 22, 27, 9,5, 9, 5]"))
    issues = [i for i in any_file.check_file(path) if i.is_error]
    assert [i.pointer for i in issues] == ["don_vi[2].diem.tu_cham"], [i.format() for i in issues]
