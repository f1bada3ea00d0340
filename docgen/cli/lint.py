"""`docgen lint`: check .docx files against the format rules of Nghị định 30/2020."""
from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.click_vi import command
from docgen.cli.output import Failed, err
from docgen.errors import DocgenError


@command(name="lint")
@click.argument("files", nargs=-1, required=True, metavar="TỆP...", type=click.Path(path_type=Path))
def lint_command(files):
    """Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020 (văn bản của docgen hay tự soạn).

    In mỗi chỗ sai dạng TỆP: MÃ-QUY-TẮC: vị trí: hiện trạng → cách sửa. Trả mã 0 khi
    mọi tệp đúng thể thức, 1 khi có chỗ sai hoặc tệp không đọc được. Mã quy tắc (F-…)
    theo tài liệu thể thức nd30-format.md. Thư mục: kiểm tra mọi tệp .docx trong đó.

    \b
    Ví dụ:
      docgen lint outputs/dong-anh-cum-so-1/bien-ban-hop-cum.docx
      docgen lint outputs/
    """
    from docgen import lint  # here, not at the top: `docgen --help` loads no command's modules
    from docgen.load import discover

    paths = discover.docx_files(files)
    if not paths:
        raise click.UsageError("Không có tệp .docx nào trong " + ", ".join(map(str, files)) + ".")
    bad = 0
    for path in paths:
        try:
            report = lint.lint_file(path)
        except DocgenError as e:
            for line in e.lines():
                err(line)
            bad += 1
            continue
        for finding in report.findings:
            click.echo(finding.format())
        if report.findings:
            bad += 1
            click.echo(f"{path} ({report.kind_name}): {len(report.findings)} chỗ sai thể thức.")
        else:
            click.echo(f"{path} ({report.kind_name}): đúng thể thức.")
    if bad:
        raise Failed
