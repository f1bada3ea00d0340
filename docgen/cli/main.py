"""The `docgen` command: a thin Vietnamese CLI over the library; the only module that prints."""
from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback
from pathlib import Path

import click

from docgen import __version__, lint
from docgen.cli import click_vi, options
from docgen.errors import DocgenError, Incomplete
from docgen.levels import any_file, cluster
from docgen.load import discover
from docgen.model import tiers
from docgen.output import pdf
from docgen.pipeline import (
    batch,
    next_plan,
    plan_document,
    scaffold,
    template_check,
    upper_levels,
)
from docgen.score import report as score_report

click_vi.install()


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _err(line: str) -> None:
    click.echo(line, err=True)


def _interactive() -> bool:
    """Someone is at the keyboard: ask for what is missing instead of failing."""
    return sys.stdin is not None and sys.stdin.isatty()


OPTS = "[TÙY CHỌN]"  # click's "[OPTIONS]", in the clerk's language


class ViCommand(click.Command):
    """A command whose usage line says [TÙY CHỌN], whoever adds it."""

    def __init__(self, *args, options_metavar=OPTS, **kwargs):
        super().__init__(*args, options_metavar=options_metavar, **kwargs)


class ViGroup(click.Group):
    command_class = ViCommand


@click.group(cls=ViGroup, context_settings=CONTEXT, options_metavar=OPTS, subcommand_metavar="LỆNH [THAM SỐ]...")
@click.version_option(__version__, "-V", "--version", prog_name="docgen")
def cli():
    """docgen: lập hồ sơ kiểm tra chéo công tác văn thư, lưu trữ của một Cụm từ một tệp YAML.

    Các bước: tạo tệp Cụm (init), điền, kiểm tra (validate), lập hồ sơ (build).
    Xem cách dùng từng lệnh: docgen LỆNH --help

    \b
    Ví dụ:
      docgen init --plan inputs/ke-hoach-2017.yaml --huyen "Sóc Sơn" --cum "Cụm số 3" --xa "Phù Linh" --xa "Tiên Dược"
      docgen validate inputs/2017/dong-anh/cum-so-1.yaml
      docgen build inputs/2017/dong-anh/cum-so-1.yaml -o outputs/ --pdf
    """


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


NEXT_STEPS = [
    "Mở từng văn bản bằng Word hoặc LibreOffice, đọc soát lại (sai dữ liệu thì sửa tệp .yaml rồi chạy lại lệnh).",
    "In hồ sơ: in tệp {combined} (đủ cả hồ sơ, đúng thứ tự), hoặc in từng tệp .docx theo thứ tự "
    "trong danh-muc-ho-so.docx.",
    "Ghi số, ngày văn bản vào dòng \"Số:\" khi ban hành (văn bản để trống số thì ghi tay).",
    "Ký: Trưởng đoàn, Thư ký và đại diện đơn vị ký biên bản; Chủ tịch UBND đơn vị Cụm trưởng ký công văn.",
    "Đóng dấu, xếp hồ sơ theo Danh mục hồ sơ và gửi theo Kế hoạch.",
]


@cli.command(options_metavar=OPTS)
@click.argument("files", nargs=-1, required=True, metavar="TỆP...", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("outputs"), show_default=True, help="Thư mục ghi hồ sơ.")
@click.option("--pdf", "pdf_", is_flag=True,
              help=f"Tạo thêm PDF của từng văn bản và tệp {pdf.COMBINED} gộp cả hồ sơ để in (cần LibreOffice).")
@click.option("--force", is_flag=True,
              help="Ghi cả khi có văn bản đã sửa tay sau lần lập trước; bản sửa tay được giữ lại bên cạnh, "
                   "tên thêm '.ban-sua-tay'.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Số tiến trình lập hồ sơ song song (mặc định: số nhân của máy).")
@options.templates_option()
def build(files, out_dir, pdf_, force, jobs, template_dir):
    """Lập hồ sơ của từng Cụm (.docx; thêm PDF với --pdf).

    TỆP là tệp Cụm (.yaml) hoặc thư mục chứa các tệp Cụm (ví dụ mọi Cụm của thành phố). Mỗi Cụm
    được ghi vào một thư mục con của thư mục ghi hồ sơ (-o): danh mục hồ sơ, lịch kiểm tra, biên bản
    kiểm tra từng đơn vị, Phụ lục 01 và 02, biên bản họp Cụm, công văn đề nghị khen thưởng, báo cáo.
    Mọi tệp được kiểm tra và lập xong trước khi ghi: có lỗi ở bất kỳ tệp nào thì không ghi gì cả.
    Văn bản đã sửa tay sau lần lập trước thì không bị ghi đè (trừ khi có --force).

    \b
    Ví dụ:
      docgen build inputs/2017/dong-anh/cum-so-1.yaml -o outputs/
      docgen build inputs/2017/dong-anh/cum-so-1.yaml -o outputs/ --pdf
      docgen build inputs/2017 -o outputs/
      docgen build inputs/2017 -o outputs/ --force
      docgen build ho-so-thanh-pho/ -o outputs/ --jobs 2
      docgen build inputs/2017 -o outputs/ -t mau-rieng/      (mẫu riêng thay mẫu cùng tên)
    """
    with _progress_bar() as progress:
        summary = batch.build_many(files, out_dir, jobs=jobs, progress=progress, force=force, pdf=pdf_,
                                   template_dir=template_dir)
    for b in summary.built:
        for w in b.warnings:
            _err(w.format())
    if summary.clusters <= LIST_LIMIT:
        for b in summary.built:
            docx = [f for f in b.files if f.suffix == ".docx"]
            pdfs = [f for f in b.files if f.suffix == ".pdf"]
            extra = f", {len(pdfs)} tệp PDF" if pdfs else ""
            click.echo(f"Đã lập hồ sơ {b.source} → {b.folder}/ ({len(docx)} văn bản{extra}):")
            for f in b.files:
                click.echo(f"  {f}")
    for b in summary.built:
        for f in b.backups:
            click.echo(f"  giữ bản sửa tay: {f}")
    seconds = f"{summary.seconds:.1f}".replace(".", ",")
    click.echo(f"Xong: {_count(summary.clusters)} Cụm, {_count(summary.documents)} văn bản trong {seconds} giây "
               f"({summary.jobs} tiến trình).")
    if summary.clusters > LIST_LIMIT:
        click.echo(f"Hồ sơ ở thư mục {summary.out_dir}/: mỗi Cụm một thư mục con <huyện>-<cụm>/, "
                   "kèm danh-muc-ho-so.docx và manifest.json liệt kê các văn bản.")
    combined = pdf.COMBINED if pdf_ else f"{pdf.COMBINED} (chạy lại với --pdf để có tệp này)"
    click.echo("Việc tiếp theo:")
    for i, step in enumerate(NEXT_STEPS, start=1):
        click.echo(f"  {i}. {step.format(combined=combined)}")


@cli.command(options_metavar=OPTS)
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
    failed = 0
    for path in discover.inputs(files):
        try:
            issues = any_file.check_file(Path(path))
        except Incomplete as e:
            for line in e.lines():
                click.echo(line)
            failed += 1
            continue
        for issue in issues:
            _err(issue.format())
        n = sum(1 for i in issues if i.level == "error")
        failed += 1 if n else 0
        click.echo(f"{path}: {'hợp lệ' if n == 0 else f'{n} lỗi'}")
    if failed:
        raise SystemExit(1)


@cli.command(options_metavar=OPTS, context_settings={"ignore_unknown_options": True})
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
    rules, result = cluster.classify_scores(scores, plan_file)
    if as_json:
        click.echo(json.dumps(score_report.classification_json(result), ensure_ascii=False))
        return
    for line in score_report.classification_lines(rules, result):
        click.echo(line)


@cli.command(options_metavar=OPTS)
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
    checked = cluster.check_cluster(file)
    for w in checked.warnings:
        _err(w.format())
    if as_json:
        click.echo(json.dumps(score_report.cluster_json(checked.result), ensure_ascii=False, indent=2))
        return
    data = checked.cluster.data
    title = f"{data['cum']['ten']}, {tiers.upper(checked.plan.data, data).dia_ban}"  # district, or province
    for line in score_report.cluster_lines(title, checked.rules, checked.result):
        click.echo(line)


@cli.command(options_metavar=OPTS)
@click.option("--plan", type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp Kế hoạch (.yaml) mà Cụm thực hiện, ví dụ inputs/ke-hoach-2017.yaml.")
@click.option("--huyen", metavar="TÊN", help="Tên quận, huyện, thị xã, ví dụ \"Đông Anh\" (hoặc \"quận Ba Đình\").")
@click.option("--loai-huyen", type=click.Choice(scaffold.DISTRICT_KINDS), default="huyện", show_default=True,
              help="Loại đơn vị hành chính cấp huyện.")
@click.option("--tinh", metavar="TÊN", help="Tỉnh, thành phố. Mặc định: theo tệp Kế hoạch (Hà Nội).")
@click.option("--cum", metavar="TÊN", help="Tên Cụm, ví dụ \"Cụm số 1\".")
@click.option("--xa", metavar="TÊN", multiple=True,
              help="Một đơn vị của Cụm, theo thứ tự được kiểm tra; nhắc lại cho mỗi đơn vị. "
                   "Không phải xã thì ghi rõ: --xa \"thị trấn Đông Anh\".")
@click.option("--loai-xa", type=click.Choice(scaffold.COMMUNE_KINDS), default="xã", show_default=True,
              help="Loại của các đơn vị không ghi rõ loại.")
@click.option("--cum-truong", metavar="TÊN", help="Đơn vị Cụm trưởng (tên hoặc mã). Mặc định: đơn vị cuối cùng "
                                    "(Cụm trưởng được kiểm tra sau cùng).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp sẽ tạo. Mặc định: inputs/<năm>/<huyện>/<cụm>.yaml.")
@click.option("--force", is_flag=True, help="Ghi đè nếu tệp đã có (mất mọi thứ đã điền trong tệp đó).")
def init(plan, huyen, loai_huyen, tinh, cum, xa, loai_xa, cum_truong, output, force):
    """Tạo tệp Cụm mới để điền: đủ mọi mục, mỗi mục có lời dẫn và ví dụ.

    Chạy trong cửa sổ lệnh mà thiếu thông tin nào thì docgen hỏi thông tin đó. Tệp đã có thì
    không ghi đè (trừ khi có --force). Mở tệp bằng VS Code (có tiện ích YAML) để được gợi ý
    và báo lỗi ngay khi gõ.

    \b
    Ví dụ:
      docgen init --plan inputs/ke-hoach-2017.yaml --huyen "Sóc Sơn" --cum "Cụm số 3" --xa "Phù Linh" --xa "Tiên Dược" --xa "thị trấn Sóc Sơn"
      docgen init --plan inputs/ke-hoach-2017.yaml --huyen "Mê Linh" --cum "Cụm số 2" --xa "Tráng Việt" --xa "thị trấn Quang Minh" --cum-truong "Tráng Việt" -o cum-me-linh.yaml
      docgen init      (hỏi lần lượt từng thông tin)
    """
    ask = _interactive()

    def need(value, option, question, **kw):
        if value:
            return value
        if not ask:
            raise click.UsageError(f"thiếu {option}. Ví dụ: docgen init --plan inputs/ke-hoach-2017.yaml "
                                   "--huyen \"Sóc Sơn\" --cum \"Cụm số 3\" --xa \"Phù Linh\" --xa \"Tiên Dược\"")
        return click.prompt(question, **kw)

    plans = sorted(Path("inputs").glob("ke-hoach-*.yaml"))
    plan = need(plan, "--plan", "Tệp Kế hoạch", type=click.Path(path_type=Path, dir_okay=False),
                default=plans[-1] if plans else None)
    huyen = need(huyen, "--huyen", "Tên quận, huyện, thị xã (ví dụ: Đông Anh)")
    cum = need(cum, "--cum", "Tên Cụm (ví dụ: Cụm số 1)")
    xa = list(xa)
    if not xa:
        if not ask:
            need(None, "--xa", "")
        click.echo("Nhập lần lượt các xã, phường, thị trấn theo thứ tự được kiểm tra (Cụm trưởng sau cùng);"
                   " không phải xã thì ghi rõ, ví dụ: thị trấn Đông Anh. Nhập xong thì nhấn Enter ở dòng trống.")
        while True:
            name = click.prompt(f"Đơn vị thứ {len(xa) + 1}", default="", show_default=False).strip()
            if not name:
                if xa:
                    break
                continue
            xa.append(name)
        if not cum_truong:
            cum_truong = click.prompt("Đơn vị Cụm trưởng", default=scaffold.split_kind(xa[-1], scaffold.COMMUNE_KINDS, loai_xa)[0])
    req = scaffold.Request(plan=plan, out=output, huyen=huyen, cum=cum, xa=xa, loai_huyen=loai_huyen,
                           loai_xa=loai_xa, tinh=tinh, cum_truong=cum_truong)
    written = scaffold.create(req, force=force)
    click.echo(f"Đã tạo tệp Cụm: {written}")
    click.echo("Việc tiếp theo:")
    click.echo("  1. Mở tệp (bằng VS Code hoặc Notepad), điền các mục còn trống theo lời dẫn ở các dòng '#'.")
    click.echo(f"  2. Xem còn thiếu gì: docgen validate {written}")
    click.echo(f"  3. Lập hồ sơ: docgen build {written} -o outputs/ --pdf")


@cli.command("plan")
@click.argument("plan_file", metavar="TỆP_KẾ_HOẠCH", type=click.Path(path_type=Path))
@click.option("--next", "make_next", is_flag=True,
              help="Lập tệp Kế hoạch năm sau từ tệp này (dời mọi ngày, năm), thay vì lập văn bản.")
@click.option("--year", type=int, metavar="NĂM", help="Năm của Kế hoạch mới khi dùng --next (mặc định: năm sau).")
@click.option("-o", "--output", type=click.Path(),
              help="Thư mục ghi văn bản (mặc định: outputs/); với --next: tệp .yaml mới hoặc thư mục "
                   "(mặc định: ke-hoach-<năm>.yaml cạnh tệp gốc).")
@click.option("--force", "overwrite", is_flag=True, help="Với --next: ghi đè tệp Kế hoạch mới nếu đã có.")
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
    """

    if not make_next:
        if year is not None or overwrite:
            raise click.UsageError("--year và --force chỉ dùng cùng --next.")
        done = plan_document.render_plan(plan_file, Path(output or "outputs"), template_dir)
        for w in done.warnings:
            _err(w.format())
        click.echo(f"Đã lập văn bản Kế hoạch {done.source} → {done.file}")
        click.echo("Việc tiếp theo: mở văn bản kiểm tra lại, ghi số, ngày ban hành, trình ký.")
        return
    if template_dir is not None:
        raise click.UsageError("--next lập tệp .yaml, không dùng mẫu văn bản: bỏ -t/--templates.")
    result = next_plan.next_plan(plan_file, year, output)
    written = next_plan.write_next_plan(result, overwrite=overwrite)
    click.echo(f"Đã lập tệp Kế hoạch năm {result.year}: {plan_file} → {written}")
    for line in result.moved:
        click.echo(f"  {line}")
    for note in result.notes:
        _err(note.format())
    click.echo(f"Việc tiếp theo: điền các chỗ \"CẦN ĐIỀN\", đọc lại lời văn, rồi chạy "
               f"`docgen plan {written}`.")


@cli.command(name="lint")
@click.argument("files", nargs=-1, required=True, metavar="TỆP...", type=click.Path(path_type=Path))
def lint_cmd(files):
    """Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020 (văn bản của docgen hay tự soạn).

    In mỗi chỗ sai dạng TỆP: MÃ-QUY-TẮC: vị trí: hiện trạng → cách sửa. Trả mã 0 khi
    mọi tệp đúng thể thức, 1 khi có chỗ sai hoặc tệp không đọc được. Mã quy tắc (F-…)
    theo tài liệu thể thức nd30-format.md. Thư mục: kiểm tra mọi tệp .docx trong đó.

    \b
    Ví dụ:
      docgen lint outputs/dong-anh-cum-so-1/bien-ban-hop-cum.docx
      docgen lint outputs/
    """
    paths = []
    for f in files:
        paths += sorted(p for p in f.rglob("*.docx") if not p.name.startswith("~$")) if f.is_dir() else [f]
    if not paths:
        raise click.UsageError("Không có tệp .docx nào trong " + ", ".join(map(str, files)) + ".")
    bad = 0
    for path in paths:
        try:
            report = lint.lint_file(path)
        except DocgenError as e:
            for line in e.lines():
                _err(line)
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
        raise SystemExit(1)


def _written(w, what: str) -> None:
    for issue in w.warnings:
        _err(issue.format())
    click.echo(f"Đã lập {what} → {w.folder}/ ({len(w.files) - 1} văn bản):")
    for f in w.files:
        click.echo(f"  {f}")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@options.output_option()
@options.templates_option()
def district(folder, out_dir, template_dir):
    """Tổng hợp cấp huyện: biên bản họp Thường trực Hội đồng Thi đua - Khen thưởng, công văn đề nghị Bằng khen, báo cáo.

    FOLDER là thư mục của một quận, huyện: một tệp cấp huyện (loai_tep: huyen) và các tệp Cụm.
    docgen kiểm tra mỗi Cụm đề nghị một đơn vị và đơn vị huyện chọn là một trong số đó
    (bỏ trống thì gợi ý đơn vị có tổng điểm cao nhất). Kế hoạch hai cấp (từ 01/7/2025)
    không có bước này.

    \b
    Ví dụ:
      docgen district inputs/2017/dong-anh -o outputs/
      docgen district inputs/2017/dong-anh -o outputs/ -t mau-rieng/
    """
    _written(upper_levels.build_district(folder, out_dir, template_dir), "văn bản cấp huyện")
    click.echo("Việc tiếp theo: gửi công văn, biên bản, báo cáo kèm hồ sơ của Cụm về Sở Nội vụ.")


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@options.output_option()
@options.templates_option()
def city(folder, out_dir, template_dir):
    """Tổng hợp cấp tỉnh, thành phố: báo cáo của Sở Nội vụ (xếp loại theo từng huyện, đơn vị đề nghị Bằng khen).

    FOLDER chứa các thư mục quận, huyện (mỗi thư mục có tệp cấp huyện và các tệp Cụm);
    với Kế hoạch hai cấp, FOLDER chứa thẳng các tệp Cụm và báo cáo tính theo từng Cụm.

    \b
    Ví dụ:
      docgen city inputs/2017 -o outputs/
      docgen city inputs/2025 -o outputs/
      docgen city inputs/2017 -o outputs/ -t mau-rieng/
    """
    _written(upper_levels.build_city(folder, out_dir, template_dir), "báo cáo tổng hợp")


@cli.command("phu-luc-01")
@click.argument("plan", type=click.Path(path_type=Path))
@options.output_option()
@options.templates_option()
def phu_luc_01(plan, out_dir, template_dir):
    """Phụ lục số 01 để trống (nội dung, tiêu chí, điểm tối đa) cho đơn vị tự chấm điểm.

    PLAN là tệp Kế hoạch. Bản đã điền điểm của từng đơn vị nằm trong hồ sơ do `docgen build` lập.

    \b
    Ví dụ:
      docgen phu-luc-01 inputs/ke-hoach-2017.yaml -o outputs/
      docgen phu-luc-01 inputs/ke-hoach-2017.yaml -o outputs/ -t mau-rieng/
    """
    _written(upper_levels.build_blank_sheet(plan, out_dir, template_dir), "Phụ lục số 01 để trống")


@cli.command("check-templates")
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
    issues = template_check.check_templates(template_dir, samples or None)
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
