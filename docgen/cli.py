"""The `docgen` command: a thin Vietnamese CLI over the library; the only module that prints."""
from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

import click

from . import __version__, cli_vi, pipeline, score_report
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


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("scores", nargs=-1, required=True, metavar="S1 S2 S3 S4 S5 S6 S7")
@click.option("--plan", "plan_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp Kế hoạch chứa quy tắc xếp loại. Mặc định: Kế hoạch năm 2017 đi kèm docgen.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (một đối tượng) cho chương trình khác.")
def classify(scores, plan_file, as_json):
    """Xếp loại một bộ điểm thống nhất của 7 nội dung (A, B, C, D) và nói rõ lý do.

    Ghi điểm theo thứ tự nội dung 1 đến 7; dấu thập phân là dấu phẩy hoặc dấu chấm
    (10,5 hay 10.5 đều được). Trả mã 1 nếu có điểm sai (âm, quá điểm tối đa,
    không phải số, quá 2 chữ số thập phân).

    \b
    Ví dụ:
      docgen classify 5 10,5 25 30 10 7 2,5
      docgen classify 5 12 22 26 8 7 5 --json
      docgen classify 5 12 22 26 8 7 5 --plan inputs/ke-hoach-2017.yaml
    """
    unknown = [s for s in scores if s.startswith("--")]  # "-1" stays a (negative) score, "--jsn" is a typo
    if unknown:
        raise click.UsageError(f"Không có tùy chọn '{unknown[0]}'. Các tùy chọn: --plan, --json.")
    rules, result = pipeline.classify_scores(scores, plan_file)
    if as_json:
        click.echo(json.dumps(score_report.classification_json(result), ensure_ascii=False))
        return
    for line in score_report.classification_lines(rules, result):
        click.echo(line)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (danh sách các đơn vị) cho chương trình khác.")
def score(file, as_json):
    """Bảng điểm của một Cụm: tổng điểm tự chấm, Đoàn chấm, thống nhất, xếp loại, thứ hạng, đơn vị gợi ý đề nghị khen thưởng.

    Hai đơn vị loại A bằng điểm cao nhất thì báo bằng điểm để Cụm biểu quyết, docgen không tự chọn.

    \b
    Ví dụ:
      docgen score inputs/2017/dong-anh/cum-so-1.yaml
      docgen score inputs/2017/gia-lam/cum-so-2.yaml --json
    """
    checked = pipeline.check_cluster(file)
    for w in checked.warnings:
        _err(w.format())
    if as_json:
        click.echo(json.dumps(score_report.cluster_json(checked.result), ensure_ascii=False, indent=2))
        return
    data = checked.cluster.data
    title = f"{data['cum']['ten']}, {data['huyen']['loai']} {data['huyen']['ten']}"
    for line in score_report.cluster_lines(title, checked.rules, checked.result):
        click.echo(line)


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
