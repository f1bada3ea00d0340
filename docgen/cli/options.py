"""Options shared by several commands, so that each reads and behaves the same everywhere."""
from __future__ import annotations

from pathlib import Path

import click

TEMPLATES_HELP = ("Thư mục mẫu .docx riêng (đã sửa bằng Word): tệp nào trùng tên mẫu của docgen thì dùng tệp "
                  "đó thay mẫu của docgen; mẫu không có trong thư mục thì vẫn dùng mẫu của docgen. "
                  "Ví dụ: -t mau-rieng/")


def templates_option(help_text: str = TEMPLATES_HELP):
    """-t/--templates DIR: a clerk's own templates. Not checked by click (exists=True would exit with 2,
    as for a mistyped command): docgen checks the folder and each file in it, exit 1, naming the file."""
    return click.option("-t", "--templates", "template_dir", type=click.Path(path_type=Path), default=None,
                        metavar="THƯ MỤC", help=help_text)


def output_option():
    """-o/--output DIR for the commands writing documents into a folder (default: outputs/)."""
    return click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False),
                        default=Path("outputs"), show_default=True, help="Thư mục ghi văn bản.")


FORCE_HELP = ("Ghi cả khi có văn bản đã sửa tay sau lần lập trước; bản sửa tay được giữ lại bên cạnh, "
              "tên thêm '.ban-sua-tay'.")


def force_option():
    """--force: write even over documents edited by hand, keeping each beside the new one (.ban-sua-tay)."""
    return click.option("--force", is_flag=True, help=FORCE_HELP)
