"""The `docgen` command: the group of commands, and the one place where outcomes become exit codes."""
from __future__ import annotations

import os
import sys

import click

from docgen import __version__
from docgen.cli import build, check, init, levels, lint, plan, templates
from docgen.cli.click_vi import OPTS, ViGroup
from docgen.cli.output import Failed, Partial, err
from docgen.errors import DocgenError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


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


for _command in (build.build, check.validate, check.classify, check.score, init.init, plan.plan_command,
                 lint.lint_command, levels.district, levels.city, levels.blank_sheet, templates.check_templates):
    cli.add_command(_command)


def main(argv=None) -> int:
    """Entry point; the exit codes (README "Mã thoát"): 0 done, 1 a problem in the user's files or templates,
    2 the command was called wrongly, 3 a bug in docgen, 4 made only part (the rest waits for data), 130 stopped
    with Ctrl+C."""
    try:
        cli.main(args=argv, prog_name="docgen", standalone_mode=False)
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.UsageError as e:
        e.show()
        return 2
    except click.Abort as e:  # click turns Ctrl-C (and end of input at a question) into Abort
        err("Đã dừng.")
        return 130 if isinstance(e.__context__, KeyboardInterrupt) else 1
    except DocgenError as e:
        for line in e.lines():
            err(line)
        return 1
    except Failed:  # the command has printed the problems already
        return 1
    except Partial:  # written what could be made; printed what waits for more data
        return 4
    except KeyboardInterrupt:
        err("Đã dừng.")
        return 130
    except Exception:  # a bug in docgen, not the user's doing
        if os.environ.get("DOCGEN_DEBUG"):
            import traceback  # only for a bug, shown on request: not loaded at every start

            traceback.print_exc()
        err("Lỗi nội bộ của docgen (không phải do dữ liệu của bạn). Chạy lại với DOCGEN_DEBUG=1 "
            "để xem chi tiết và gửi cho nhóm phát triển.")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
