"""The `docgen` command: a thin Vietnamese CLI over the library; the only module that prints."""
from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import click

from . import __version__, cli_vi, pipeline
from .errors import DocgenError

cli_vi.install()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _err(line: str) -> None:
    click.echo(line, err=True)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="docgen")
def cli():
    """docgen: lập hồ sơ kiểm tra chéo công tác văn thư, lưu trữ của một Cụm từ một tệp YAML.

    \b
    Ví dụ:
      docgen validate inputs/2017/dong-anh/cum-so-1.yaml
      docgen build inputs/2017 -o outputs/
    """


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("outputs"), show_default=True, help="Thư mục ghi hồ sơ.")
def build(files, out_dir):
    """Lập hồ sơ (.docx) cho từng Cụm: biên bản kiểm tra, Phụ lục 02, biên bản họp Cụm, công văn đề nghị.

    FILES là tệp Cụm (.yaml) hoặc thư mục chứa các tệp Cụm. Mỗi Cụm được ghi vào
    một thư mục con của OUTPUT. Có lỗi ở bất kỳ tệp nào thì không ghi gì cả.

    \b
    Ví dụ:
      docgen build inputs/2017/dong-anh/cum-so-1.yaml -o outputs/
      docgen build inputs/2017 -o outputs/
    """
    built = pipeline.build(files, out_dir)
    for b in built:
        for w in b.warnings:
            _err(w.format())
        click.echo(f"Đã lập hồ sơ {b.source} → {b.folder}/ ({len(b.files) - 1} văn bản):")
        for f in b.files:
            click.echo(f"  {f}")
    click.echo("Việc tiếp theo: mở từng văn bản kiểm tra lại, in, ghi số văn bản, ký và đóng dấu.")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files):
    """Kiểm tra tệp Kế hoạch và tệp Cụm; in mọi lỗi dạng TỆP:DÒNG:CỘT: nội dung.

    Trả mã 0 khi các tệp hợp lệ (có thể kèm cảnh báo), 1 khi có lỗi.

    \b
    Ví dụ:
      docgen validate inputs/ke-hoach-2017.yaml inputs/2017/dong-anh/cum-so-1.yaml
    """
    errors = 0
    for path in pipeline.expand(files) if any(Path(f).is_dir() for f in files) else files:
        issues = pipeline.check_file(Path(path))
        for issue in issues:
            _err(issue.format())
        n = sum(1 for i in issues if i.level == "error")
        errors += n
        click.echo(f"{path}: {'hợp lệ' if n == 0 else f'{n} lỗi'}")
    if errors:
        raise SystemExit(1)


@cli.command("plan")
@click.argument("plan_file", type=click.Path(path_type=Path))
@click.option("--next", "make_next", is_flag=True,
              help="Lập tệp Kế hoạch năm sau từ tệp này (dời mọi ngày, năm), thay vì lập văn bản.")
@click.option("--year", type=int, metavar="NĂM", help="Năm của Kế hoạch mới khi dùng --next (mặc định: năm sau).")
@click.option("-o", "--output", type=click.Path(),
              help="Thư mục ghi văn bản (mặc định: outputs/); với --next: tệp .yaml mới hoặc thư mục "
                   "(mặc định: ke-hoach-<năm>.yaml cạnh tệp gốc).")
@click.option("--ghi-de", "overwrite", is_flag=True, help="Với --next: ghi đè tệp Kế hoạch mới nếu đã có.")
def plan_command(plan_file, make_next, year, output, overwrite):
    """Lập văn bản Kế hoạch (.docx) từ tệp Kế hoạch; với --next, lập tệp Kế hoạch năm sau.

    Văn bản ghi vào OUTPUT/<tên tệp Kế hoạch>.docx. Với --next, mọi ngày và năm của
    Kế hoạch được dời sang năm mới, chú thích của tệp được giữ nguyên, số và ngày các
    văn bản ban hành lại hằng năm được để trống và đánh dấu "CẦN ĐIỀN".

    \b
    Ví dụ:
      docgen plan inputs/ke-hoach-2017.yaml -o outputs/
      docgen plan --next inputs/ke-hoach-2017.yaml --year 2018 -o inputs/ke-hoach-2018.yaml
    """
    from . import plan as plan_lib  # imported here: keeps this command's edit to cli.py in one place

    if not make_next:
        if year is not None or overwrite:
            raise click.UsageError("--year và --ghi-de chỉ dùng cùng --next.")
        done = plan_lib.render_plan(plan_file, Path(output or "outputs"))
        for w in done.warnings:
            _err(w.format())
        click.echo(f"Đã lập văn bản Kế hoạch {done.source} → {done.file}")
        click.echo("Việc tiếp theo: mở văn bản kiểm tra lại, ghi số, ngày ban hành, trình ký.")
        return
    result = plan_lib.next_plan(plan_file, year, output)
    written = plan_lib.write_next_plan(result, overwrite=overwrite)
    click.echo(f"Đã lập tệp Kế hoạch năm {result.year}: {plan_file} → {written}")
    for line in result.moved:
        click.echo(f"  {line}")
    for note in result.notes:
        _err(note.format())
    click.echo(f"Việc tiếp theo: điền các chỗ \"CẦN ĐIỀN\", đọc lại lời văn, rồi chạy "
               f"`docgen plan {written}`.")


def main(argv=None) -> int:
    """Entry point: maps outcomes to exit codes (0 done, 1 input or template problem, 2 usage)."""
    try:
        cli.main(args=argv, prog_name="docgen", standalone_mode=False)
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.UsageError as e:
        e.show()
        return 2
    except click.Abort:
        _err("Đã dừng.")
        return 1
    except DocgenError as e:
        for line in e.lines():
            _err(line)
        return 1
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 1
    except KeyboardInterrupt:
        _err("Đã dừng.")
        return 130
    except Exception:  # a bug in docgen, not the user's doing
        if os.environ.get("DOCGEN_DEBUG"):
            traceback.print_exc()
        _err("Lỗi nội bộ của docgen (không phải do dữ liệu của bạn). Chạy lại với DOCGEN_DEBUG=1 "
             "để xem chi tiết và gửi cho nhóm phát triển.")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
