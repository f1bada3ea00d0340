"""The district's supervisors in the cluster's minutes (plan III.3.c): present and heard where the cluster
file says they attended (giam_sat), absent without a trace elsewhere."""
from __future__ import annotations

from conftest import DONG_ANH, copy_yaml, docx_text, unit

from docgen.pipeline import batch


def test_inspection_minutes_name_the_supervisor_and_record_the_opinion(built):
    text = docx_text(built[DONG_ANH.resolve()].folder / "bien-ban-kiem-tra-co-loa.docx")
    members = text.index("3. Đoàn giám sát của UBND huyện Đông Anh")
    assert text.index("2. Đơn vị được kiểm tra") < members < text.index("II. NỘI DUNG KIỂM TRA")
    assert "- Đoàn Thị Thu, Trưởng phòng Nội vụ huyện Đông Anh." in text
    opinion = text.index("Ý kiến tham gia của Đoàn giám sát:")
    assert text.index("Ý kiến của đơn vị được kiểm tra") < opinion < text.index("Biên bản kết thúc")
    assert "- Đoàn kiểm tra làm việc đúng nội dung của Kế hoạch, chấm điểm khách quan." in text


def test_meeting_minutes_list_the_supervisor_among_those_present_and_the_opinion(built):
    text = docx_text(built[DONG_ANH.resolve()].folder / "bien-ban-hop-cum.docx")
    assert "- Đoàn giám sát của UBND huyện Đông Anh: Lê Văn Mạnh, Chánh Văn phòng HĐND và UBND huyện Đông Anh." in text
    at = text.index("Ý kiến tham gia của Đoàn giám sát:")
    assert text.index("2. Ý kiến của các thành viên") < at < text.index("3. Đề nghị khen thưởng")
    assert "- Cụm bình xét đúng quy trình; đề nghị các xã khắc phục hạn chế trước ngày 31/12/2017." in text


def test_no_supervisor_no_trace(built, tmp_path):
    text = docx_text(built[DONG_ANH.resolve()].folder / "bien-ban-kiem-tra-uy-no.docx")
    assert "giám sát" not in text
    def no_opinion(data):
        unit(data, "co-loa")["giam_sat"].pop("y_kien")
    [b] = batch.build([copy_yaml(DONG_ANH, tmp_path / "cum.yaml", no_opinion)], tmp_path / "out")
    text = docx_text(b.folder / "bien-ban-kiem-tra-co-loa.docx")
    assert "Ý kiến tham gia của Đoàn giám sát:\n- Không có ý kiến khác." in text
