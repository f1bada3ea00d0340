"""Static check of templates: every variable a template uses exists in what docgen gives it."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes

from docgen.errors import Issue
from docgen.render.diagnose import Part, locate, template_parts


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


def check(template_dir: Path, vocabularies: dict[str, Map], env: jinja2.Environment,
          overrides: dict[str, Path] | None = None) -> list[Issue]:
    """Every problem of every template in `template_dir`, each replaced by the file of the same name in
    `overrides` (a clerk's own templates): syntax errors, unknown variables, missing files.

    `vocabularies` maps a template file name to the shape of the contexts docgen renders it with."""
    issues: list[Issue] = []
    everything = None
    for shape in vocabularies.values():
        everything = merge(everything, shape)
    by_name = {p.name: p for p in template_dir.glob("*.docx")} | dict(overrides or {})
    present = [by_name[name] for name in sorted(by_name)]
    for name in sorted(set(vocabularies) - set(by_name)):
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
