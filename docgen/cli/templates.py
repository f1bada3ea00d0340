"""`docgen check-templates`: are the .docx templates usable with the data docgen gives them."""
from __future__ import annotations

from pathlib import Path

import click

from docgen.cli import options
from docgen.cli.click_vi import command
from docgen.cli.output import Failed, err_all
from docgen.errors import only_errors


@command("check-templates")
@click.argument("samples", nargs=-1, metavar="[TỆP_CỤM...]", type=click.Path(path_type=Path))
@options.templates_option("Thư mục mẫu .docx riêng: kiểm tra các tệp trong đó cùng các mẫu của docgen mà chúng "
                          "không thay (như khi lập văn bản với -t). Mặc định: chỉ các mẫu của docgen.")
def check_templates(samples, template_dir):
    """Kiểm tra các mẫu .docx: thẻ viết sai, biến không có trong dữ liệu docgen đưa vào mẫu.

    Dữ liệu được lấy từ các tệp Cụm đã chỉ (mặc định: các tệp mẫu trong inputs/).
    Với -t THƯ MỤC: kiểm tra đúng bộ mẫu mà build, district, city, plan, phu-luc-01 sẽ dùng với
    cùng -t (tệp trùng tên thay mẫu của docgen; tệp sai tên, hỏng thì báo lỗi).
    Trả mã 0 khi mọi mẫu dùng được, 1 khi có lỗi.

    \b
    Ví dụ:
      docgen check-templates
      docgen check-templates -t mau-rieng/
      docgen check-templates -t mau-rieng/ inputs/2017/dong-anh/cum-so-1.yaml
    """
    from docgen.pipeline import template_check  # here, not at the top: `docgen --help` loads no command's modules

    issues = template_check.check_templates(template_dir, samples or None)
    err_all(issues)
    n = len(only_errors(issues))
    click.echo(f"Mẫu văn bản: {'dùng được' if n == 0 else f'{n} lỗi'}.")
    if n:
        raise Failed
