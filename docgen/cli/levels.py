"""`docgen district`, `city` and `phu-luc-01`: the documents of the levels above a cluster."""
from __future__ import annotations

from pathlib import Path

import click

from docgen.cli import options
from docgen.cli.click_vi import command
from docgen.cli.output import Partial, err, err_all

COMBINED = "toan-bo-ho-so.pdf"  # output.pdf.COMBINED, named here so that --help does not import the PDF stage


PDF_HELP = (f"Tạo thêm PDF của từng văn bản và tệp {COMBINED} gộp cả hồ sơ theo thứ tự của quy trình để in "
            "(cần LibreOffice).")


def _written(w, what: str) -> None:
    err_all(w.warnings)
    docx = sum(1 for f in w.files if f.suffix == ".docx")
    pdfs = sum(1 for f in w.files if f.suffix == ".pdf")
    books = sum(1 for f in w.files if f.suffix == ".xlsx")
    extra = (f", {pdfs} tệp PDF" if pdfs else "") + (f", {books} bảng tính" if books else "")
    click.echo(f"Đã lập {what} → {w.folder}/ ({docx} văn bản{extra}):")
    for f in w.files:
        click.echo(f"  {f}")
    for f in w.backups:
        click.echo(f"  giữ bản sửa tay: {f}")
    if pdfs:
        click.echo(f"In hồ sơ: in tệp {COMBINED} (đủ cả hồ sơ, đúng thứ tự).")


@command()
@click.argument("folder", type=click.Path(path_type=Path))
@options.output_option()
@click.option("--pdf", "pdf_", is_flag=True, help=PDF_HELP)
@options.templates_option()
@options.force_option()
def district(folder, out_dir, pdf_, template_dir, force):
    """Cấp huyện: Kế hoạch triển khai, Quyết định thành lập Cụm và Đoàn kiểm tra, biên bản Hội đồng, công văn, báo cáo.

    FOLDER là thư mục của một quận, huyện: một tệp cấp huyện (loai_tep: huyen) và các tệp Cụm.
    docgen kiểm tra mỗi Cụm đề nghị một đơn vị và đơn vị huyện chọn là một trong số đó
    (bỏ trống thì gợi ý đơn vị có tổng điểm cao nhất). Kế hoạch hai cấp (từ 01/7/2025)
    không có bước này. Khi các tệp Cụm mới có tên đơn vị và người (chưa có điểm),
    docgen lập Kế hoạch triển khai và các Quyết định thành lập, nêu những gì chưa lập
    được và kết thúc với mã 4. Mục lục văn bản ở đầu hồ sơ; với --pdf, tệp toan-bo-ho-so.pdf
    gộp cả hồ sơ theo thứ tự của quy trình (các văn bản lập trước đợt kiểm tra trước).

    \b
    Ví dụ:
      docgen district inputs/2017/dong-anh -o outputs/
      docgen district inputs/2017/dong-anh -o outputs/ --pdf
      docgen district inputs/2017/dong-anh -o outputs/ -t mau-rieng/
    """
    from docgen.pipeline import upper_levels  # here, not at the top: `docgen --help` loads no command's modules

    w = upper_levels.build_district(folder, out_dir, template_dir, force, pdf=pdf_)
    _written(w, "văn bản cấp huyện")
    if w.not_yet:
        # the usual state before the visits: the opening documents are made, the rest waits (exit code 4)
        err("Chưa lập được (các tệp Cụm chưa đủ điểm, lịch kiểm tra, cuộc họp, hoặc chưa có cuộc họp Thường trực "
            "Hội đồng): " + "; ".join(w.not_yet) + ". Điền các mục nêu ở trên rồi chạy lại lệnh.")
        raise Partial()
    click.echo("Việc tiếp theo: gửi công văn, biên bản, báo cáo kèm hồ sơ của Cụm về Sở Nội vụ.")


@command()
@click.argument("folder", type=click.Path(path_type=Path))
@options.output_option()
@click.option("--pdf", "pdf_", is_flag=True, help=PDF_HELP)
@options.templates_option()
@options.force_option()
def city(folder, out_dir, pdf_, template_dir, force):
    """Tổng hợp cấp tỉnh, thành phố: báo cáo của Sở Nội vụ (xếp loại theo từng huyện, đơn vị đề nghị Bằng khen).

    FOLDER chứa các thư mục quận, huyện (mỗi thư mục có tệp cấp huyện và các tệp Cụm);
    với Kế hoạch hai cấp, FOLDER chứa thẳng các tệp Cụm và báo cáo tính theo từng Cụm.
    Mục lục văn bản của Sở ở đầu hồ sơ; với --pdf, tệp toan-bo-ho-so.pdf gộp cả hồ sơ theo
    thứ tự của quy trình (báo cáo tổng hợp, Tờ trình, dự thảo Quyết định).

    \b
    Ví dụ:
      docgen city inputs/2017 -o outputs/
      docgen city inputs/2025 -o outputs/
      docgen city inputs/2017 -o outputs/ --pdf
      docgen city inputs/2017 -o outputs/ -t mau-rieng/
    """
    from docgen.pipeline import upper_levels  # here, not at the top: `docgen --help` loads no command's modules

    _written(upper_levels.build_city(folder, out_dir, template_dir, force, pdf=pdf_), "báo cáo tổng hợp")


@command("phu-luc-01")
@click.argument("plan", type=click.Path(path_type=Path))
@options.output_option()
@options.templates_option()
@options.force_option()
def blank_sheet(plan, out_dir, template_dir, force):
    """Phụ lục số 01 để trống (nội dung, tiêu chí, điểm tối đa) cho đơn vị tự chấm điểm.

    PLAN là tệp Kế hoạch. Bản đã điền điểm của từng đơn vị nằm trong hồ sơ do `docgen build` lập.

    \b
    Ví dụ:
      docgen phu-luc-01 inputs/ke-hoach-2017.yaml -o outputs/
      docgen phu-luc-01 inputs/ke-hoach-2017.yaml -o outputs/ -t mau-rieng/
    """
    from docgen.pipeline import upper_levels  # here, not at the top: `docgen --help` loads no command's modules

    _written(upper_levels.build_blank_sheet(plan, out_dir, template_dir, force), "Phụ lục số 01 để trống")
