"""`docgen check-templates`: are the .docx templates usable with the data docgen gives them."""
from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.click_vi import command
from docgen.cli.output import Failed, err_all
from docgen.errors import only_errors
from docgen.pipeline import template_check


@command("check-templates")
@click.argument("samples", nargs=-1, metavar="[TỆP_CỤM...]", type=click.Path(path_type=Path))
@click.option("-t", "--templates", "template_dir", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=None, help="Thư mục mẫu văn bản (mặc định: templates_docx/ của docgen).")
def check_templates(samples, template_dir):
    """Kiểm tra các mẫu .docx: thẻ viết sai, biến không có trong dữ liệu docgen đưa vào mẫu.

    Dữ liệu được lấy từ các tệp Cụm đã chỉ (mặc định: các tệp mẫu trong inputs/).
    Trả mã 0 khi mọi mẫu dùng được, 1 khi có lỗi.

    \b
    Ví dụ:
      docgen check-templates
      docgen check-templates -t templates_docx/ inputs/2017/dong-anh/cum-so-1.yaml
    """
    issues = template_check.check_templates(template_dir, samples or None)
    err_all(issues)
    n = len(only_errors(issues))
    click.echo(f"Mẫu văn bản: {'dùng được' if n == 0 else f'{n} lỗi'}.")
    if n:
        raise Failed
