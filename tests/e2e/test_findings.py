"""Empty findings in the inspection minutes: room to write by hand, or left out when the team marked
'không' (nothing to say)."""
from __future__ import annotations

from conftest import DONG_ANH, copy_yaml, unit
from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Mm

from docgen.pipeline import batch


def minutes(tmp_path, notes):
    """The paragraphs of Cổ Loa's inspection minutes, its findings replaced by `notes`."""
    def change(data):
        unit(data, "co-loa")["nhan_xet"] = notes

    src = copy_yaml(DONG_ANH, tmp_path / "cum.yaml", change)
    folder = batch.build([src], tmp_path / "out")[0].folder
    return Document(str(folder / "bien-ban-kiem-tra-co-loa.docx")).paragraphs


def under(paras, heading: str) -> list:
    """The paragraphs after the content heading `heading` up to the next heading."""
    start = next(i for i, p in enumerate(paras) if p.text.startswith("III. KẾT QUẢ KIỂM TRA"))
    i = next(i for i, p in enumerate(paras) if i > start and p.text.startswith(heading))
    out = []
    for p in paras[i + 1:]:
        if p.text == "\t":
            continue  # a dotted line to write on
        if not p.text.startswith("- "):
            break
        out.append(p)
    return out


def test_an_empty_finding_gets_dotted_lines_to_write_on(tmp_path):
    paras = minutes(tmp_path, [{"noi_dung": 1, "uu_diem": "Tuyên truyền hằng quý."}])
    first = under(paras, "1. ")
    assert [p.text.split(":")[0] for p in first] == ["- Ưu điểm", "- Hạn chế", "- Kiến nghị"]
    assert first[0].text == "- Ưu điểm: Tuyên truyền hằng quý."
    for p in first[1:] + under(paras, "2. "):
        # the rest of the line and two more lines, each a tab to a dotted right tab stop at the right margin
        i = next(i for i, q in enumerate(paras) if q._p is p._p)
        assert p.text.endswith(": \t") and [q.text for q in paras[i + 1:i + 3]] == ["\t", "\t"], repr(p.text)
        for q in paras[i:i + 3]:
            stops = list(q.paragraph_format.tab_stops)
            assert [(s.alignment, s.leader) for s in stops] == [(WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)]
            assert abs(stops[0].position - Mm(165)) < Mm(1)
    assert not any("……" in p.text for p in first + under(paras, "7. "))


def test_a_finding_marked_khong_is_left_out(tmp_path):
    paras = minutes(tmp_path, [{"noi_dung": 1, "uu_diem": "Tuyên truyền hằng quý.", "han_che": "Không",
                                "kien_nghi": "không."}, {"noi_dung": 2, "han_che": "không có"}])
    assert [p.text for p in under(paras, "1. ")] == ["- Ưu điểm: Tuyên truyền hằng quý."]
    assert [p.text.split(":")[0] for p in under(paras, "2. ")] == ["- Ưu điểm", "- Kiến nghị"]
    assert not any(p.text.startswith("- Hạn chế: không") or p.text == "- Hạn chế: Không" for p in paras)
