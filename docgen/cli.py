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


def _written(w, what: str) -> None:
    for issue in w.warnings:
        _err(issue.format())
    click.echo(f"Đã lập {what} → {w.folder}/ ({len(w.files) - 1} văn bản):")
    for f in w.files:
        click.echo(f"  {f}")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("outputs"), show_default=True, help="Thư mục ghi văn bản.")
def district(folder, out_dir):
    """Tổng hợp cấp huyện: biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng, công văn đề nghị Bằng khen, báo cáo.

    FOLDER là thư mục của một quận, huyện: một tệp cấp huyện (loai_tep: huyen) và các tệp Cụm.
    docgen kiểm tra mỗi Cụm đề nghị một đơn vị và đơn vị huyện chọn là một trong số đó
    (bỏ trống thì gợi ý đơn vị có tổng điểm cao nhất). Kế hoạch hai cấp (từ 01/7/2025)
    không có bước này.

    \b
    Ví dụ:
      docgen district inputs/2017/dong-anh -o outputs/
    """
    from . import chain
    _written(chain.build_district(folder, out_dir), "văn bản cấp huyện")
    click.echo("Việc tiếp theo: gửi công văn, biên bản, báo cáo kèm hồ sơ của Cụm về Sở Nội vụ.")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("outputs"), show_default=True, help="Thư mục ghi văn bản.")
def city(folder, out_dir):
    """Tổng hợp cấp tỉnh, thành phố: báo cáo của Sở Nội vụ (xếp loại theo từng huyện, đơn vị đề nghị Bằng khen).

    FOLDER chứa các thư mục quận, huyện (mỗi thư mục có tệp cấp huyện và các tệp Cụm);
    với Kế hoạch hai cấp, FOLDER chứa thẳng các tệp Cụm và báo cáo tính theo từng Cụm.

    \b
    Ví dụ:
      docgen city inputs/2017 -o outputs/
      docgen city inputs/2025 -o outputs/
    """
    from . import chain
    _written(chain.build_city(folder, out_dir), "báo cáo tổng hợp")


@cli.command("phu-luc-01")
@click.argument("plan", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("outputs"), show_default=True, help="Thư mục ghi văn bản.")
def phu_luc_01(plan, out_dir):
    """Phụ lục số 01 để trống (nội dung, tiêu chí, điểm tối đa) cho đơn vị tự chấm điểm.

    PLAN là tệp Kế hoạch. Bản đã điền điểm của từng đơn vị nằm trong hồ sơ do `docgen build` lập.

    \b
    Ví dụ:
      docgen phu-luc-01 inputs/ke-hoach-2017.yaml -o outputs/
    """
    from . import chain
    _written(chain.build_blank_sheet(plan, out_dir), "Phụ lục số 01 để trống")


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
