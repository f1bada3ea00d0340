"""The `docgen` command: a thin Vietnamese CLI over the library; the only module that prints."""
from __future__ import annotations

import contextlib
import os
import sys
import traceback
from pathlib import Path

import click

from . import __version__, batch, cli_vi, pipeline
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
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Số tiến trình lập hồ sơ song song (mặc định: số nhân của máy).")
def build(files, out_dir, jobs):
    """Lập hồ sơ (.docx) cho từng Cụm: biên bản kiểm tra, Phụ lục 02, biên bản họp Cụm, công văn đề nghị.

    FILES là tệp Cụm (.yaml) hoặc thư mục chứa các tệp Cụm (ví dụ mọi Cụm của thành phố).
    Mỗi Cụm được ghi vào một thư mục con của OUTPUT. Mọi tệp được kiểm tra trước: có lỗi ở
    bất kỳ tệp nào thì không ghi gì cả.

    \b
    Ví dụ:
      docgen build inputs/2017/dong-anh/cum-so-1.yaml -o outputs/
      docgen build inputs/2017 -o outputs/
      docgen build ho-so-thanh-pho/ -o outputs/ --jobs 2
    """
    with _progress_bar() as progress:
        summary = batch.build_many(files, out_dir, jobs=jobs, progress=progress)
    for b in summary.built:
        for w in b.warnings:
            _err(w.format())
    if summary.clusters <= LIST_LIMIT:
        for b in summary.built:
            click.echo(f"Đã lập hồ sơ {b.source} → {b.folder}/ ({len(b.files) - 1} văn bản):")
            for f in b.files:
                click.echo(f"  {f}")
    seconds = f"{summary.seconds:.1f}".replace(".", ",")
    click.echo(f"Xong: {_count(summary.clusters)} Cụm, {_count(summary.documents)} văn bản trong {seconds} giây "
               f"({summary.jobs} tiến trình).")
    if summary.clusters > LIST_LIMIT:
        click.echo(f"Hồ sơ ở thư mục {summary.out_dir}/: mỗi Cụm một thư mục con <huyện>-<cụm>/, "
                   "kèm manifest.json liệt kê các văn bản.")
    click.echo("Việc tiếp theo: mở từng văn bản kiểm tra lại, in, ghi số văn bản, ký và đóng dấu.")


LIST_LIMIT = 5  # more clusters than this: the summary and the folder, not every file


def _count(n: int) -> str:
    """1.022: Vietnamese groups thousands with a dot."""
    return f"{n:,}".replace(",", ".")


@contextlib.contextmanager
def _progress_bar():
    """A progress callback drawing a bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    labels = {batch.CHECK: "Kiểm tra tệp", batch.BUILD: "Lập hồ sơ  "}
    state = {"phase": None, "bar": None}

    def progress(phase, done, total):
        if state["phase"] != phase:
            if state["bar"] is not None:
                state["bar"].__exit__(None, None, None)
            state["phase"] = phase
            state["bar"] = click.progressbar(length=total, label=labels.get(phase, phase), file=sys.stderr,
                                             show_pos=True, width=30)
            state["bar"].__enter__()
        state["bar"].update(done - state["bar"].pos)

    try:
        yield progress
    finally:
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)


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
