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
@click.option("--force", is_flag=True,
              help="Ghi cả khi có văn bản đã sửa tay sau lần lập trước; bản sửa tay được giữ lại bên cạnh, "
                   "tên thêm '.ban-sua-tay'.")
def build(files, out_dir, force):
    """Lập hồ sơ (.docx) cho từng Cụm: biên bản kiểm tra, Phụ lục 02, biên bản họp Cụm, công văn đề nghị.

    FILES là tệp Cụm (.yaml) hoặc thư mục chứa các tệp Cụm. Mỗi Cụm được ghi vào
    một thư mục con của OUTPUT. Có lỗi ở bất kỳ tệp nào thì không ghi gì cả. Văn bản
    đã sửa tay sau lần lập trước thì không bị ghi đè (trừ khi có --force).

    \b
    Ví dụ:
      docgen build inputs/2017/dong-anh/cum-so-1.yaml -o outputs/
      docgen build inputs/2017 -o outputs/
      docgen build inputs/2017 -o outputs/ --force
    """
    built = pipeline.build(files, out_dir, force=force)
    for b in built:
        for w in b.warnings:
            _err(w.format())
        click.echo(f"Đã lập hồ sơ {b.source} → {b.folder}/ ({len(b.files) - 1} văn bản):")
        for f in b.files:
            click.echo(f"  {f}")
        for f in b.backups:
            click.echo(f"  giữ bản sửa tay: {f}")
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
    for path in pipeline.inputs(files):
        issues = pipeline.check_file(Path(path))
        for issue in issues:
            _err(issue.format())
        n = sum(1 for i in issues if i.level == "error")
        errors += n
        click.echo(f"{path}: {'hợp lệ' if n == 0 else f'{n} lỗi'}")
    if errors:
        raise SystemExit(1)


@cli.command("check-templates")
@click.argument("samples", nargs=-1, type=click.Path(path_type=Path))
@click.option("-t", "--templates", "template_dir", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=None, help="Thư mục mẫu văn bản (mặc định: templates_docx/ của docgen).")
def check_templates(samples, template_dir):
    """Kiểm tra các mẫu .docx: thẻ viết sai, biến không có trong dữ liệu docgen đưa vào mẫu.

    Dữ liệu được lấy từ các tệp Cụm SAMPLES (mặc định: các tệp mẫu trong inputs/).
    Trả mã 0 khi mọi mẫu dùng được, 1 khi có lỗi.

    \b
    Ví dụ:
      docgen check-templates
      docgen check-templates -t templates_docx/ inputs/2017/dong-anh/cum-so-1.yaml
    """
    issues = pipeline.check_templates(template_dir, samples or None)
    for issue in issues:
        _err(issue.format())
    n = sum(1 for i in issues if i.level == "error")
    click.echo(f"Mẫu văn bản: {'dùng được' if n == 0 else f'{n} lỗi'}.")
    if n:
        raise SystemExit(1)


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
