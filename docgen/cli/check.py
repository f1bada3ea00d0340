"""`docgen validate`, `classify` and `score`: check files and scores without writing anything."""
from __future__ import annotations

import json
from pathlib import Path

import click

from docgen.cli.click_vi import command
from docgen.cli.output import Failed, echo_all, err_all
from docgen.errors import Incomplete, only_errors


@command()
@click.argument("files", nargs=-1, required=True, metavar="TỆP...", type=click.Path(path_type=Path))
def validate(files):
    """Kiểm tra tệp Kế hoạch, tệp Cụm: in lỗi và các mục còn trống.

    Lỗi in dạng TỆP:DÒNG:CỘT: nội dung. Tệp Cụm còn mục bắt buộc để trống thì in "chưa đủ"
    kèm danh sách các mục cần điền và số dòng. Trả mã 0 khi các tệp hợp lệ (có thể kèm cảnh
    báo), 1 khi có lỗi hoặc còn thiếu.

    \b
    Ví dụ:
      docgen validate inputs/2017/dong-anh/cum-so-1.yaml
      docgen validate inputs/ke-hoach-2017.yaml inputs/2017
    """
    from docgen.levels import any_file  # here, not at the top: `docgen --help` loads no command's modules
    from docgen.load import discover

    failed = 0
    for path in discover.inputs(files):
        try:
            issues = any_file.check_file(Path(path))
        except Incomplete as e:
            echo_all(e.lines())
            failed += 1
            continue
        err_all(issues)
        n = len(only_errors(issues))
        failed += 1 if n else 0
        click.echo(f"{path}: {'hợp lệ' if n == 0 else f'{n} lỗi'}")
    if failed:
        raise Failed


@command(context_settings={"ignore_unknown_options": True})
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
    from docgen.levels import cluster  # here, not at the top: `docgen --help` loads no command's modules
    from docgen.score import report as score_report

    unknown = [s for s in scores if s.startswith("--")]  # "-1" stays a (negative) score, "--jsn" is a typo
    if unknown:
        raise click.UsageError(f"Không có tùy chọn '{unknown[0]}'. Các tùy chọn: --plan, --json.")
    rules, result = cluster.classify_scores(scores, plan_file)
    if as_json:
        click.echo(json.dumps(score_report.classification_json(result), ensure_ascii=False))
        return
    echo_all(score_report.classification_lines(rules, result))


@command()
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
    from docgen.levels import cluster  # here, not at the top: `docgen --help` loads no command's modules
    from docgen.score import report as score_report

    checked = cluster.check_cluster(file)
    err_all(checked.warnings)
    if as_json:
        click.echo(json.dumps(score_report.cluster_json(checked.result), ensure_ascii=False, indent=2))
        return
    echo_all(score_report.cluster_lines(checked.title(), checked.rules, checked.result))
