"""Vietnamese for click: its own words (Usage, Options, its error messages) and the command classes using them."""
from __future__ import annotations

import functools
import gettext

import click

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

VI = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Missing command.": "Thiếu tên lệnh.",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} cần {nargs} giá trị.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là thư mục.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là tệp, không phải thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Aborted!": "Đã dừng.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "default: {default}": "mặc định: {default}",
}


def _vi(message: str) -> str:
    return VI.get(message, gettext.gettext(message))


def _vi_n(singular: str, plural: str, n: int) -> str:
    if singular.startswith("Got unexpected extra argument"):
        return "Thừa tham số: ({args})"
    if singular.startswith("Option {name!r} requires"):
        return "Tùy chọn {name!r} cần giá trị."
    if singular.startswith("{value!r} is not {choice}"):
        return "{value!r} không phải {choice}." if n == 1 else "{value!r} không phải một trong: {choices}."
    if singular.startswith("Did you mean"):
        return "Có phải ý bạn là {possibility}?" if n == 1 else "Có phải ý bạn là một trong: {possibilities}?"
    return gettext.ngettext(singular, plural, n)


def install() -> None:
    """Point click's message lookups at the Vietnamese table."""
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _vi
        if hasattr(module, "ngettext"):
            module.ngettext = _vi_n


OPTS = "[TÙY CHỌN]"  # click's "[OPTIONS]", in the clerk's language


class ViCommand(click.Command):
    """A command whose usage line says [TÙY CHỌN], whoever adds it."""

    def __init__(self, *args, options_metavar=OPTS, **kwargs):
        super().__init__(*args, options_metavar=options_metavar, **kwargs)


class ViGroup(click.Group):
    command_class = ViCommand


install()  # before any command is declared: some of click's words are translated when an option is made

command = functools.partial(click.command, cls=ViCommand)  # @command(): a ViCommand, for the group to add
