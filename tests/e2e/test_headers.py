"""The header's left column: a commune's UBND written the same, NĐ 30 way in every paper of a dossier
(nd30-format 10.1: a body with no chủ quản, its name on two bold lines), and no name broken across lines."""
from __future__ import annotations

import re

from conftest import DONG_ANH, copy_yaml, unit
from docx import Document

from docgen.ooxml import text_width_mm
from docgen.pipeline import batch

COMMUNE = re.compile(r"^(?:UBND )?((?:XÃ|PHƯỜNG|THỊ TRẤN) .+)$")
COLUMN_MM = 64 - 2 * 1.905  # nd30.LEFT_COL_MM less Word's cell margins


def header_lines(path) -> list[tuple[str, bool, float]]:
    """(line, bold, size) of each printed line of the header's left column (a line break starts a line)."""
    doc = Document(str(path))
    if not doc.tables:
        return []
    out = []
    for p in doc.tables[0].rows[0].cells[0].paragraphs:
        runs = [r for r in p.runs if r.text.strip()]
        if runs:
            out += [(line.strip(), bool(runs[0].bold), runs[0].font.size.pt) for line in p.text.split("\n")]
    return out


def test_a_commune_is_headed_the_same_nd30_way_in_every_document(built, chain_built):
    files = [f for b in built.values() for f in b.files if f.suffix == ".docx"]
    files += [f for group in chain_built.values() for f in group]
    forms: dict[str, set] = {}
    for f in files:
        lines = [line for line, _, _ in header_lines(f)]
        for line in lines:
            m = COMMUNE.match(line)
            if m:
                forms.setdefault(m.group(1), set()).add((tuple(lines), f.name))
    assert len(forms) >= 6  # every Cụm trưởng and every nominee, 2017 and 2025
    for name, seen in forms.items():
        assert {lines for lines, _ in seen} == {("ỦY BAN NHÂN DÂN", name)}, (name, sorted(seen))


def test_a_long_name_is_broken_between_names_and_every_line_fits(tmp_path):
    def rename(data):
        u = unit(data, "co-loa")
        u["ten"], u["loai"] = "Thanh Xuân Trung", "phường"
        data["cum"]["ten"] = "Cụm số 12"

    src = copy_yaml(DONG_ANH, tmp_path / "cum.yaml", rename)
    b = batch.build([src], tmp_path / "out")[0]
    seen = set()
    for f in (f for f in b.files if f.suffix == ".docx"):
        lines = header_lines(f)
        for line, bold, size in lines:
            assert text_width_mm(line, size, bold) <= COLUMN_MM, (f.name, line)
        seen.update(line for line, _, _ in lines)
    # 70 mm wide at 13 pt bold, wider than the column: broken between the kind and the whole name
    assert {"PHƯỜNG", "THANH XUÂN TRUNG"} <= seen and not {"PHƯỜNG THANH", "PHƯỜNG THANH XUÂN", "XUÂN TRUNG"} & seen
    assert {"ĐOÀN KIỂM TRA CHÉO", "CỤM SỐ 12"} <= seen
