"""Templates as a clerk edits them: their Jinja tags part by part, which tag failed, and which variables they use.

A .docx template holds Jinja tags in several XML parts: the body, headers, footers, footnotes and the
file properties. docxtpl first cleans each part (`patch_xml`) and puts every paragraph on its own line,
so a Jinja line number points at one paragraph; the tag is found in that paragraph's text.

`check` walks the Jinja syntax tree of every part and follows each variable (`don_vi.ten`, a loop
variable `tv` over `doan.thanh_vien`, ...) through the shape of the context docgen really builds,
so that a misspelt variable is found before any dossier is rendered.
"""
from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes

from .errors import Issue

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


# ---------------------------------------------------------------- errors while rendering

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


# ---------------------------------------------------------------- variables a template uses


class Any_:
    """A value whose shape is unknown (the result of a filter, a call, a literal): anything goes."""

    label = ""


ANY = Any_()


@dataclass
class Leaf:
    """A plain value (text, number): attributes are its Python methods."""

    label: str
    types: set = field(default_factory=set)


@dataclass
class Map:
    """A mapping with known keys."""

    label: str
    keys: dict = field(default_factory=dict)


@dataclass
class Seq:
    """A list whose items have one merged shape (None when every sample list was empty)."""

    label: str
    item: object = None


def shape_of(value, label: str = ""):
    """The shape of a context value."""
    if isinstance(value, dict):
        return Map(label, {k: shape_of(v, f"{label}.{k}" if label else k) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        item = None
        for v in value:
            item = merge(item, shape_of(v, f"{label}[]"))
        return Seq(label, item)
    return Leaf(label, {type(value)})


def merge(a, b):
    """The shape that accepts what either `a` or `b` accepts (samples differ in optional parts)."""
    if a is None:
        return b
    if b is None:
        return a
    if isinstance(a, Map) and isinstance(b, Map):
        keys = dict(a.keys)
        for k, v in b.keys.items():
            keys[k] = merge(keys.get(k), v)
        return Map(a.label, keys)
    if isinstance(a, Seq) and isinstance(b, Seq):
        return Seq(a.label, merge(a.item, b.item))
    if isinstance(a, Leaf) and isinstance(b, Leaf):
        return Leaf(a.label, a.types | b.types)
    return ANY


def names_of(shape, out=None) -> set[str]:
    """Every key name in a shape (for 'did you mean' hints)."""
    out = set() if out is None else out
    if isinstance(shape, Map):
        for k, v in shape.keys.items():
            out.add(k)
            names_of(v, out)
    elif isinstance(shape, Seq):
        names_of(shape.item, out)
    return out


_DICT_METHODS = {"items", "keys", "values", "get"}
_LIST_METHODS = {"index", "count"}


@dataclass
class Finding:
    """A variable a template uses that the context does not provide."""

    part: Part
    lineno: int
    variable: str
    missing: str
    suggestion: str | None


class _Walker:
    def __init__(self, root: Map, part: Part, env: jinja2.Environment):
        self.root = root
        self.part = part
        self.env = env
        self.findings: list[Finding] = []

    def report(self, node, base_label, missing, options):
        variable = f"`{_expr_text(node)}`"
        if "[]" in base_label:  # a loop variable: say which list it runs over
            variable += f" (mỗi mục của `{base_label.split('[]')[0]}`)"
        near = difflib.get_close_matches(missing, sorted(options), n=1, cutoff=0.6)
        self.findings.append(Finding(self.part, node.lineno, variable, missing, near[0] if near else None))

    # expressions -> shapes
    def expr(self, node, scope):
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in self.root.keys:
                return self.root.keys[node.name]
            if node.name in self.env.globals or node.name in ("loop", "super", "caller", "varargs", "kwargs"):
                return ANY
            self.report(node, "", node.name, set(self.root.keys) | set(scope))
            return ANY
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            base = self.expr(node.node, scope)
            if isinstance(node, nodes.Getattr):
                key = node.attr
            else:
                self.expr(node.arg, scope)
                if isinstance(base, Seq):
                    return base.item if base.item is not None else ANY
                if not (isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str)):
                    return ANY
                key = node.arg.value
            return self.attribute(node, base, key)
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.expr(child, scope)
        return ANY

    def attribute(self, node, base, key):
        if isinstance(base, Map):
            if key in base.keys:
                return base.keys[key]
            if key in _DICT_METHODS:
                return ANY
            self.report(node, base.label, key, set(base.keys))
            return ANY
        if isinstance(base, Seq):
            if key in _LIST_METHODS:
                return ANY
            self.report(node, base.label, key, set())
            return ANY
        if isinstance(base, Leaf):
            if base.types and not any(hasattr(t, key) for t in base.types):
                self.report(node, base.label, key, set())
            return ANY
        return ANY

    # statements
    def bind(self, target, shape, scope):
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for t in target.items:
                self.bind(t, ANY, scope)
        elif isinstance(target, nodes.NSRef):
            pass

    def stmts(self, body, scope):
        for node in body:
            self.stmt(node, scope)

    def stmt(self, node, scope):
        if isinstance(node, nodes.For):
            it = self.expr(node.iter, scope)
            inner = dict(scope)
            item = it.item if isinstance(it, Seq) and it.item is not None else ANY
            self.bind(node.target, item, inner)
            inner["loop"] = ANY
            if node.test is not None:
                self.expr(node.test, inner)
            self.stmts(node.body, inner)
            self.stmts(node.else_, scope)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scope)
            self.stmts(node.body, scope)
            for elif_ in node.elif_:
                self.stmt(elif_, scope)
            self.stmts(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            shape = self.expr(node.node, scope)
            self.bind(node.target, shape, scope)
        elif isinstance(node, nodes.AssignBlock):
            self.stmts(node.body, dict(scope))
            self.bind(node.target, ANY, scope)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values):
                self.bind(target, self.expr(value, scope), inner)
            self.stmts(node.body, inner)
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            for arg in node.args:
                self.bind(arg, ANY, inner)
            for default in node.defaults:
                self.expr(default, scope)
            if isinstance(node, nodes.CallBlock):
                self.expr(node.call, scope)
            else:
                scope[node.name] = ANY
            self.stmts(node.body, inner)
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expr(child, scope)
                else:
                    self.stmt(child, scope)


def _expr_text(node) -> str:
    """`don_vi.ten`, `tv.ho_ten`, `x['a']`: the variable as written in the tag."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_expr_text(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_expr_text(node.node)}[{node.arg.value!r}]"
    return "…"


def check_part(part: Part, vocabulary: Map, env: jinja2.Environment) -> list[Finding]:
    """Every variable of one part that the vocabulary lacks; TemplateSyntaxError if it does not parse."""
    walker = _Walker(vocabulary, part, env)
    walker.stmts(env.parse(part.source).body, {})
    return walker.findings


def check(template_dir: Path, vocabularies: dict[str, Map], env: jinja2.Environment) -> list[Issue]:
    """Every problem of every template in `template_dir`: syntax errors, unknown variables, missing files.

    `vocabularies` maps a template file name to the shape of the contexts docgen renders it with."""
    issues: list[Issue] = []
    everything = None
    for shape in vocabularies.values():
        everything = merge(everything, shape)
    present = sorted(template_dir.glob("*.docx"))
    names = {p.name for p in present}
    for name in sorted(set(vocabularies) - names):
        issues.append(Issue(f"thiếu mẫu {name}: docgen cần mẫu này để lập hồ sơ. Hãy khôi phục tệp "
                            f"(ví dụ `git checkout templates_docx/{name}`).", str(template_dir / name)))
    for path in present:
        if path.name.startswith("~$"):
            continue  # Word's lock file while the template is open
        try:
            parts = template_parts(path)
        except Exception as e:  # noqa: BLE001 - not a Word package at all
            issues.append(Issue(f"không mở được mẫu ({type(e).__name__}): không phải tệp .docx hợp lệ. "
                                "Hãy lưu lại mẫu bằng Word hoặc LibreOffice dạng .docx.", str(path)))
            continue
        vocab = vocabularies.get(path.name)
        if vocab is None:
            issues.append(Issue("docgen không dùng mẫu này (không văn bản nào lập từ nó); các biến được "
                                "kiểm tra theo mọi dữ liệu docgen có.", str(path), level="warning"))
            vocab = everything or Map("")
        for part in parts:
            try:
                findings = check_part(part, vocab, env)
            except jinja2.TemplateSyntaxError as e:
                _, tag, reason = locate(path, e, part.name, env)
                issues.append(Issue(f"{part.label()}" + (f", thẻ {tag}" if tag else "") + f": {reason}.", str(path)))
                continue
            seen = set()
            for f in findings:
                tags = part.tags_on_line(f.lineno)
                tag = next((t for t in tags if re.search(rf"\b{re.escape(f.missing)}\b", t)),
                           tags[0] if tags else "")
                key = (f.variable, tag)
                if key in seen:
                    continue
                seen.add(key)
                hint = f" Có phải ý bạn là '{f.suggestion}'?" if f.suggestion else ""
                issues.append(Issue(f"{part.label()}, thẻ {tag}: biến {f.variable} không có trong dữ liệu "
                                    f"docgen đưa vào mẫu này.{hint}", str(path)))
    return issues


def known_names(context: dict) -> set[str]:
    return names_of(shape_of(context))

