"""`docgen init`: a new cluster file to fill in, asking for what is missing when someone is at the keyboard."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.cli.click_vi import command
from docgen.errors import DocgenError, InputError
from docgen.load import discover
from docgen.model.tiers import COMMUNE_KINDS, DISTRICT_KINDS


def _interactive() -> bool:
    """Someone is at the keyboard: ask for what is missing instead of failing."""
    return sys.stdin is not None and sys.stdin.isatty()


@command()
@click.option("--plan", type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp Kế hoạch (.yaml) mà Cụm thực hiện, ví dụ inputs/ke-hoach-2017.yaml.")
@click.option("--huyen", metavar="TÊN", help="Tên quận, huyện, thị xã, ví dụ \"Đông Anh\" (hoặc \"quận Ba Đình\").")
@click.option("--loai-huyen", type=click.Choice(DISTRICT_KINDS), default="huyện", show_default=True,
              help="Loại đơn vị hành chính cấp huyện.")
@click.option("--tinh", metavar="TÊN", help="Tỉnh, thành phố. Mặc định: theo tệp Kế hoạch (Hà Nội).")
@click.option("--cum", metavar="TÊN", help="Tên Cụm, ví dụ \"Cụm số 1\".")
@click.option("--xa", metavar="TÊN", multiple=True,
              help="Một đơn vị của Cụm, theo thứ tự được kiểm tra; nhắc lại cho mỗi đơn vị. "
                   "Không phải xã thì ghi rõ: --xa \"thị trấn Đông Anh\".")
@click.option("--loai-xa", type=click.Choice(COMMUNE_KINDS), default="xã", show_default=True,
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
    from docgen.pipeline import scaffold  # imported here: `docgen --help` and `validate` must not load what this command needs

    ask = _interactive()

    def need(value, option, question, check=None, **kw):
        if value:
            return value
        if not ask:
            raise click.UsageError(f"thiếu {option}. Ví dụ: docgen init --plan inputs/ke-hoach-2017.yaml "
                                   "--huyen \"Sóc Sơn\" --cum \"Cụm số 3\" --xa \"Phù Linh\" --xa \"Tiên Dược\"")
        return _ask(question, check, **kw)

    plan = need(plan, "--plan", "Tệp Kế hoạch", _plan_check, type=click.Path(path_type=Path, dir_okay=False),
                default=discover.latest_plan())
    plan_data = scaffold.load_plan(plan).data  # a bad --plan stops here, before any question
    if scaffold.has_district(plan_data):
        huyen = need(huyen, "--huyen", "Tên quận, huyện, thị xã (ví dụ: Đông Anh)", _not_blank)
    cum = need(cum, "--cum", "Tên Cụm (ví dụ: Cụm số 1)", _not_blank)
    xa = list(xa)
    if not xa:
        if not ask:
            need(None, "--xa", "")
        xa = _ask_communes(plan_data, loai_xa)
        if not cum_truong:
            cum_truong = _ask("Đơn vị Cụm trưởng", lambda answer: _leader_check(answer, xa, loai_xa),
                              default=scaffold.default_leader(xa, loai_xa))
    req = scaffold.Request(plan=plan, out=output, huyen=huyen, cum=cum, xa=xa, loai_huyen=loai_huyen,
                           loai_xa=loai_xa, tinh=tinh, cum_truong=cum_truong)
    written = scaffold.create(req, force=force)
    click.echo(f"Đã tạo tệp Cụm: {written}")
    click.echo("Việc tiếp theo:")
    click.echo("  1. Mở tệp (bằng VS Code hoặc Notepad), điền các mục còn trống theo lời dẫn ở các dòng '#'.")
    click.echo(f"  2. Xem còn thiếu gì: docgen validate {written}")
    click.echo(f"  3. Lập hồ sơ: docgen build {written} -o outputs/ --pdf")


def _ask(question: str, check=None, **kw):
    """Ask until the answer passes `check` (which returns it, or raises DocgenError saying why): each answer
    is checked as it is typed, not after the last question."""
    while True:
        answer = click.prompt(question, **kw)
        try:
            return check(answer) if check else answer
        except DocgenError as e:
            reasons = [i.message for i in e.issues] or [e.message]
            click.echo(f"  Chưa đúng: {' '.join(reasons)} Hãy nhập lại.")


def _not_blank(answer: str) -> str:
    if not answer.strip():
        raise InputError("chưa nhập gì.")
    return answer


def _plan_check(answer: Path) -> Path:
    from docgen.pipeline import scaffold
    scaffold.load_plan(answer)  # InputError (no such file...) or ValidationFailed (not a valid plan)
    return answer


def _leader_check(answer: str, xa: list[str], kind: str) -> str:
    from docgen.pipeline import scaffold
    units = scaffold.units_of(scaffold.Request(plan=Path(), out=None, huyen=None, cum="", xa=xa, loai_xa=kind))
    scaffold.leader_of(scaffold.Request(plan=Path(), out=None, huyen=None, cum="", xa=xa, loai_xa=kind,
                                        cum_truong=answer), units)
    return answer


def _ask_communes(plan: dict, kind: str) -> list[str]:
    """The communes, one per line, each checked at once; as many as the plan allows for one cluster."""
    from docgen.pipeline import scaffold
    lo, hi = scaffold.size_rule(plan)
    click.echo(f"Nhập lần lượt các xã, phường, thị trấn theo thứ tự được kiểm tra (Cụm trưởng sau cùng), từ {lo} "
               f"đến {hi} đơn vị theo Kế hoạch; không phải xã thì ghi rõ, ví dụ: thị trấn Đông Anh. Nhập xong thì "
               "nhấn Enter ở dòng trống.")
    xa: list[str] = []
    while len(xa) < hi:
        name = click.prompt(f"Đơn vị thứ {len(xa) + 1}", default="", show_default=False).strip()
        if not name:
            if len(xa) >= lo:
                break
            click.echo(f"  Chưa đủ: theo Kế hoạch mỗi Cụm có ít nhất {lo} đơn vị, mới có {len(xa)}. "
                       "Hãy nhập tiếp.")
            continue
        problem = scaffold.commune_problem(name, xa, kind)
        if problem:
            click.echo(f"  Chưa đúng: {problem} Hãy nhập lại.")
            continue
        xa.append(name)
    if len(xa) == hi:
        click.echo(f"Đã đủ {hi} đơn vị (nhiều nhất theo Kế hoạch).")
    return xa
