"""`docgen build`: every cluster's dossier, then a summary and the next steps."""
from __future__ import annotations

from pathlib import Path

import click

from docgen.cli import options
from docgen.cli.click_vi import command
from docgen.cli.output import count, err_all

COMBINED = "toan-bo-ho-so.pdf"  # output.pdf.COMBINED, named here so that --help does not import pypdf (a test compares)


LIST_LIMIT = 5  # more clusters than this: the summary and the folder, not every file

NEXT_STEPS = [
    "Mở từng văn bản bằng Word hoặc LibreOffice, đọc soát lại (sai dữ liệu thì sửa tệp .yaml rồi chạy lại lệnh).",
    "In hồ sơ: in tệp {combined} (đủ cả hồ sơ, đúng thứ tự), hoặc in từng tệp .docx theo thứ tự "
    "trong muc-luc-van-ban.docx.",
    "Ghi số, ngày văn bản vào dòng \"Số:\" khi ban hành (văn bản để trống số thì ghi tay).",
    "Ký: Trưởng đoàn, Thư ký và đại diện đơn vị ký biên bản; Chủ tịch UBND đơn vị Cụm trưởng ký công văn.",
    "Đóng dấu, xếp hồ sơ theo Mục lục văn bản và gửi theo Kế hoạch.",
]


@command()
@click.argument("files", nargs=-1, required=True, metavar="TỆP...", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("outputs"), show_default=True, help="Thư mục ghi hồ sơ.")
@click.option("--pdf", "pdf_", is_flag=True,
              help=f"Tạo thêm PDF của từng văn bản và tệp {COMBINED} gộp cả hồ sơ để in (cần LibreOffice).")
@click.option("--force", is_flag=True,
              help="Ghi cả khi có văn bản đã sửa tay sau lần lập trước; bản sửa tay được giữ lại bên cạnh, "
                   "tên thêm '.ban-sua-tay'.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Số tiến trình lập hồ sơ song song (mặc định: số nhân của máy).")
@options.templates_option()
def build(files, out_dir, pdf_, force, jobs, template_dir):
    """Lập hồ sơ của từng Cụm (.docx; thêm PDF với --pdf).

    TỆP là tệp Cụm (.yaml) hoặc thư mục chứa các tệp Cụm (ví dụ mọi Cụm của thành phố). Mỗi Cụm
    được ghi vào một thư mục con của thư mục ghi hồ sơ (-o): mục lục văn bản, lịch kiểm tra, biên bản
    kiểm tra từng đơn vị, Phụ lục 01 và 02, biên bản họp Cụm, công văn đề nghị khen thưởng, báo cáo.
    Mọi tệp được kiểm tra và lập xong trước khi ghi: có lỗi ở bất kỳ tệp nào thì không ghi gì cả.
    Văn bản đã sửa tay sau lần lập trước thì không bị ghi đè (trừ khi có --force).

    \b
    Ví dụ:
      docgen build inputs/2017/dong-anh/cum-so-1.yaml -o outputs/
      docgen build inputs/2017/dong-anh/cum-so-1.yaml -o outputs/ --pdf
      docgen build inputs/2017 -o outputs/
      docgen build inputs/2017 -o outputs/ --force
      docgen build ho-so-thanh-pho/ -o outputs/ --jobs 2
      docgen build inputs/2017 -o outputs/ -t mau-rieng/      (mẫu riêng thay mẫu cùng tên)
    """
    from docgen.cli.progress import progress_bar  # here, not at the top: `docgen --help` loads no command's modules
    from docgen.pipeline import batch

    with progress_bar() as progress:
        summary = batch.build_many(files, out_dir, jobs=jobs, progress=progress, force=force, pdf=pdf_,
                                   template_dir=template_dir)
    for b in summary.built:
        err_all(b.warnings)
    if summary.clusters <= LIST_LIMIT:
        for b in summary.built:
            docx = [f for f in b.files if f.suffix == ".docx"]
            pdfs = [f for f in b.files if f.suffix == ".pdf"]
            extra = f", {len(pdfs)} tệp PDF" if pdfs else ""
            click.echo(f"Đã lập hồ sơ {b.source} → {b.folder}/ ({len(docx)} văn bản{extra}):")
            for f in b.files:
                click.echo(f"  {f}")
    for b in summary.built:
        for f in b.backups:
            click.echo(f"  giữ bản sửa tay: {f}")
    seconds = f"{summary.seconds:.1f}".replace(".", ",")
    click.echo(f"Xong: {count(summary.clusters)} Cụm, {count(summary.documents)} văn bản trong {seconds} giây "
               f"({summary.jobs} tiến trình).")
    if summary.clusters > LIST_LIMIT:
        click.echo(f"Hồ sơ ở thư mục {summary.out_dir}/: mỗi Cụm một thư mục con <huyện>-<cụm>/, "
                   "kèm muc-luc-van-ban.docx và manifest.json liệt kê các văn bản.")
    combined = COMBINED if pdf_ else f"{COMBINED} (chạy lại với --pdf để có tệp này)"
    click.echo("Việc tiếp theo:")
    for i, step in enumerate(NEXT_STEPS, start=1):
        click.echo(f"  {i}. {step.format(combined=combined)}")
