"""`docgen plan`: the Kế hoạch document of a plan file, or next year's plan file (--next)."""
from __future__ import annotations

from pathlib import Path

import click

from docgen.cli import options
from docgen.cli.click_vi import command
from docgen.cli.output import err_all


@command("plan")
@click.argument("plan_file", metavar="TỆP_KẾ_HOẠCH", type=click.Path(path_type=Path))
@click.option("--next", "make_next", is_flag=True,
              help="Lập tệp Kế hoạch năm sau từ tệp này (dời mọi ngày, năm), thay vì lập văn bản.")
@click.option("--year", type=int, metavar="NĂM", help="Năm của Kế hoạch mới khi dùng --next (mặc định: năm sau).")
@click.option("-o", "--output", type=click.Path(),
              help="Thư mục ghi văn bản (mặc định: outputs/); với --next: tệp .yaml mới hoặc thư mục "
                   "(mặc định: ke-hoach-<năm>.yaml cạnh tệp gốc).")
@click.option("--force", "overwrite", is_flag=True,
              help="Ghi cả khi văn bản Kế hoạch đã có bản sửa tay (bản sửa tay được giữ lại bên cạnh, tên thêm "
                   "'.ban-sua-tay'); với --next: ghi đè tệp Kế hoạch mới nếu đã có.")
@options.templates_option()
def plan_command(plan_file, make_next, year, output, overwrite, template_dir):
    """Lập văn bản Kế hoạch (.docx) từ tệp Kế hoạch; với --next, lập tệp Kế hoạch năm sau.

    Văn bản ghi vào OUTPUT/<tên tệp Kế hoạch>.docx. Với --next, mọi ngày và năm của
    Kế hoạch được dời sang năm mới, chú thích của tệp được giữ nguyên, số và ngày các
    văn bản ban hành lại hằng năm được để trống và đánh dấu "CẦN ĐIỀN".

    \b
    Ví dụ:
      docgen plan inputs/ke-hoach-2017.yaml -o outputs/
      docgen plan --next inputs/ke-hoach-2017.yaml --year 2018 -o inputs/ke-hoach-2018.yaml
      docgen plan inputs/ke-hoach-2017.yaml -o outputs/ -t mau-rieng/
      docgen plan inputs/ke-hoach-2017.yaml -o outputs/ --force    (giữ bản đã sửa tay bên cạnh)
    """
    from docgen.pipeline import next_plan, plan_document  # here, not at the top: `docgen --help` loads no command's modules

    if not make_next:
        if year is not None:
            raise click.UsageError("--year chỉ dùng cùng --next.")
        done = plan_document.render_plan(plan_file, Path(output or "outputs"), template_dir, force=overwrite)
        err_all(done.warnings)
        click.echo(f"Đã lập văn bản Kế hoạch {done.source} → {done.file}")
        if done.backup:
            click.echo(f"  giữ bản sửa tay: {done.backup}")
        click.echo("Việc tiếp theo: mở văn bản kiểm tra lại, ghi số, ngày ban hành, trình ký.")
        return
    if template_dir is not None:
        raise click.UsageError("--next lập tệp .yaml, không dùng mẫu văn bản: bỏ -t/--templates.")
    result = next_plan.next_plan(plan_file, year, output)
    written = next_plan.write_next_plan(result, overwrite=overwrite)
    click.echo(f"Đã lập tệp Kế hoạch năm {result.year}: {plan_file} → {written}")
    for line in result.moved:
        click.echo(f"  {line}")
    err_all(result.notes)
    click.echo(f"Việc tiếp theo: điền các chỗ \"CẦN ĐIỀN\", đọc lại lời văn, rồi chạy "
               f"`docgen plan {written}`.")
