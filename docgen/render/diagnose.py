"""Failure diagnosis: a template's Jinja tags part by part, and which tag failed and why, in a clerk's words."""
from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from docgen.render.sandbox import TemplateLimit

HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"


FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


CORE_PROPS = ["author", "comments", "identifier", "language", "subject", "title"]  # what docxtpl renders


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


@dataclass(frozen=True)
class Part:
    """One templated part of a .docx: its name in the package and its source as Jinja sees it."""

    name: str
    source: str

    def label(self) -> str:
        if self.name == "word/document.xml":
            return "phần thân văn bản"
        if "header" in self.name:
            return f"đầu trang ({self.name})"
        if "footer" in self.name:
            return f"chân trang ({self.name})"
        if "footnotes" in self.name:
            return "chú thích cuối trang"
        return f"thuộc tính tệp ({self.name})"

    def tags_on_line(self, lineno: int | None) -> list[str]:
        if not lineno:
            return []
        lines = self.source.splitlines()
        if not 1 <= lineno <= len(lines):
            return []
        return tags_in(lines[lineno - 1])


def tags_in(xml: str) -> list[str]:
    """The Jinja tags of a piece of XML as Jinja reads them (`{%p for %}` typed in Word reads `{% for %}`)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", xml))
    return [" ".join(t.split()) for t in _TAG.findall(text)]


def _lines(xml: str) -> str:
    # Exactly what docxtpl's render_xml_part does before compiling: one paragraph per line.
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def template_parts(path: Path) -> list[Part]:
    """Every part of the template that docxtpl renders, in the order it renders them."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(path))
    tpl.init_docx()
    out = [Part("word/document.xml", _lines(tpl.patch_xml(tpl.get_xml())))]
    for uri in (HEADER, FOOTER):
        for _, part in tpl.get_headers_footers(uri):
            out.append(Part(str(part.partname).lstrip("/"), _lines(tpl.patch_xml(tpl.get_part_xml(part)))))
    for part in tpl.docx.part.package.parts:
        if part.content_type == FOOTNOTES:
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            out.append(Part(str(part.partname).lstrip("/"), _lines(tpl.patch_xml(blob))))
    props = tpl.docx.core_properties
    text = "\n".join(getattr(props, p) or "" for p in CORE_PROPS)
    out.append(Part("docProps/core.xml", text))
    return out


def part_named(path: Path, name: str | None) -> Part | None:
    name = (name or "").lstrip("/")
    for part in template_parts(path):
        if part.name == name:
            return part
    return None


_SYNTAX_VI = [
    ("Unexpected end of template", "thẻ mở chưa có thẻ đóng: thiếu {% endfor %} hoặc {% endif %}"),
    ("Encountered unknown tag 'end", "thẻ đóng không có thẻ mở tương ứng (hoặc thẻ mở viết sai)"),
    ("Encountered unknown tag", "thẻ lạ: Jinja không có lệnh này (chỉ dùng for, if, else, endfor, endif...)"),
    ("expected token 'end of print statement'", "biểu thức trong {{ ... }} viết sai (thiếu dấu chấm, "
                                                "thừa chữ hoặc dấu cách trong tên biến)"),
    ("expected token 'end of statement block'", "lệnh trong {% ... %} viết sai"),
    ("unexpected '}'", "dấu ngoặc của thẻ không khớp: viết {{ ... }} hoặc {% ... %}"),
    ("unexpected char", "thẻ có ký tự lạ"),
    ("expected token 'in'", "vòng lặp viết sai: viết {% for mục in danh_sách %}"),
]


def _innermost_open_block(source: str) -> str | None:
    """The last block tag that is never closed (`{% for ... %}` without `{% endfor %}`)."""
    stack: list[str] = []
    for tag in tags_in(source):
        m = re.match(r"\{%-?\s*(\w+)", tag)
        if not m:
            continue
        word = m[1]
        if word in ("for", "if", "macro", "call", "filter", "with", "block", "raw", "autoescape"):
            stack.append(tag)
        elif word.startswith("end") and stack:
            stack.pop()
    return stack[-1] if stack else None


def _failing_tag(tags: list[str], env: jinja2.Environment) -> str | None:
    """Among the tags of one paragraph, the first that does not parse on its own."""
    for tag in tags:
        body = tag
        m = re.match(r"\{%-?\s*(\w+)", tag)
        if m:
            word = m[1]
            if word in ("else", "elif") or word.startswith("end"):
                continue
            if word in ("for", "if", "with", "filter", "macro", "call"):
                body = tag + "{% end" + word + " %}"
        try:
            env.parse(body)
        except jinja2.TemplateSyntaxError:
            return tag
    return None


def locate(path: Path, exc: BaseException, part_name: str | None, env: jinja2.Environment,
           known_names=()) -> tuple[Part | None, str | None, str]:
    """Where a rendering error is (the part and the tag as typed) and what is wrong, in Vietnamese."""
    try:
        parts = template_parts(path)
    except Exception:  # noqa: BLE001 - a broken package is reported without a tag
        parts = []
    part = next((p for p in parts if p.name == (part_name or "").lstrip("/")), None)
    tag = None
    if isinstance(exc, jinja2.TemplateSyntaxError):
        for p in ([part] if part else []) + parts:  # the part that fails to compile is the culprit
            try:
                env.parse(p.source)
            except jinja2.TemplateSyntaxError as e:
                if e.message == exc.message:
                    part = p
                    break
        reason = next((vi for needle, vi in _SYNTAX_VI if needle in (exc.message or "")),
                      f"thẻ viết sai cú pháp ({exc.message})")
        if part is not None:
            unknown = re.search(r"unknown tag '(\w+)'", exc.message or "")
            if "Unexpected end of template" in (exc.message or ""):
                tag = _innermost_open_block(part.source)
            elif unknown:
                tag = next((t for t in tags_in(part.source) if re.match(rf"\{{%-?\s*{unknown[1]}\b", t)), None)
            else:
                line_tags = part.tags_on_line(exc.lineno)
                tag = _failing_tag(line_tags, env) or (line_tags[0] if line_tags else None)
        return part, tag, reason
    line_tags = part.tags_on_line(_template_lineno(exc)) if part else []
    name = _missing_name(exc)
    if name:
        tag = next((t for t in line_tags if re.search(rf"\b{re.escape(name)}\b", t)), None)
        for p in parts if tag is None else []:  # e.g. the file properties, rendered outside any part
            tag = next((t for t in tags_in(p.source) if re.search(rf"\b{re.escape(name)}\b", t)), None)
            if tag:
                part = p
                break
    return part, tag or (line_tags[0] if line_tags else None), _runtime_reason(exc, name, known_names)


def describe(path: Path, exc: BaseException, part_name: str | None, env: jinja2.Environment,
             known_names=()) -> str:
    """A Vietnamese sentence naming the template, its part, the tag and what is wrong with it."""
    part, tag, reason = locate(path, exc, part_name, env, known_names)
    where = f"{path}" + (f" ({part.label()})" if part else "") + (f", thẻ {tag}" if tag else "")
    return f"Mẫu văn bản {where}: {reason}."


def _template_lineno(exc: BaseException) -> int | None:
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _missing_name(exc: BaseException) -> str | None:
    text = str(getattr(exc, "message", None) or exc)
    m = re.search(r"has no attribute '([^']+)'", text) or re.search(r"'([^']+)' is undefined", text) \
        or re.search(r"access to attribute '([^']+)'", text)
    return m[1] if m else None


def _runtime_reason(exc: BaseException, name: str | None, known_names) -> str:
    from jinja2.exceptions import SecurityError

    if isinstance(exc, jinja2.UndefinedError) and name:
        near = difflib.get_close_matches(name, sorted(set(known_names)), n=1, cutoff=0.6)
        hint = f" Có phải ý bạn là '{near[0]}'?" if near else ""
        return (f"biến '{name}' không có trong dữ liệu docgen đưa vào mẫu này.{hint} Kiểm tra lại tên biến "
                "(chạy `docgen check-templates` để xem mọi biến sai)")
    if isinstance(exc, TemplateLimit):
        return (f"{exc}. Một văn bản không cần nhiều như vậy: hãy sửa thẻ này trong mẫu riêng, hoặc bỏ mẫu "
                "khỏi thư mục -t để dùng mẫu của docgen")
    if isinstance(exc, RecursionError):
        return ("macro tự gọi lại chính nó không dừng. Hãy sửa macro trong mẫu riêng, hoặc bỏ mẫu khỏi thư mục "
                "-t để dùng mẫu của docgen")
    if isinstance(exc, (SecurityError, OverflowError)):
        text = str(exc)
        if name and "access to attribute" in text:
            return (f"mẫu dùng '{name}', việc không được phép trong mẫu văn bản (mẫu chỉ được đọc và trình bày "
                    "dữ liệu, không được gọi hàm của Python hay sửa dữ liệu)")
        if "Range too big" in text:
            return "vòng lặp quá lớn (range tối đa 100000 lần)"
        return f"mẫu dùng thao tác không được phép trong mẫu văn bản ({text})"
    if isinstance(exc, ZeroDivisionError):
        return "phép chia cho 0"
    if isinstance(exc, jinja2.TemplateError):
        return f"lỗi khi điền mẫu ({getattr(exc, 'message', None) or exc})"
    return f"lỗi khi điền thẻ ({type(exc).__name__}: {exc})"
