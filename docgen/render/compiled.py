"""Render stage, fast path: each .docx template compiled once per process, then rendered many times.

Plain docxtpl reopens the package, re-parses every part and recompiles the body, each header and
six core properties as new Jinja templates on every render, then python-docx re-serializes and
re-compresses every part (styles.xml alone is hundreds of kilobytes). Here the package is opened
once: the parts a render cannot change are kept as ready-made zip entries (already compressed), and
the parts it changes are kept as Jinja templates compiled once. A render is then: Jinja render of
each compiled part, docxtpl's own post-processing of its output (the same functions, called in the
same order as DocxTemplate.render), python-docx's serialization of the changed parts, and the zip
written with fixed timestamps exactly as render.normalize_zip writes it.

The result is byte-identical to render.render_plain for the same template and context; tests prove
it over every template and every sample document. A template using something this path does not
mirror (footnotes, a package without core properties) or a context holding objects docxtpl would
treat specially (RichText, InlineImage, Subdoc...) makes `compiled_for`/`render` return None and the
caller falls back to the plain path.

One process renders one document at a time (compiled parts remember their last output, and docxtpl's
helper keeps a counter): parallelism is by processes (docgen.batch), never threads.
"""
from __future__ import annotations

import copy
import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import jinja2
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree
from docxtpl import DocxTemplate

from docgen.render import code_cache, environment, rule_lines
from docgen.render.package import (Entry, entry, fixed_core_properties, raw_copy_ok,
                                   shared_entry, zip_entries)

# docxtpl's DocxTemplate.render_properties: the core properties it renders, in its order.
CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


LISTING_CHARS = ("\t", "\a", "\n", "\f")


PLAIN_TYPES = (str, int, float, bool, type(None), Decimal, datetime.date, datetime.time)


class Unsupported(Exception):
    """The template uses something the fast path does not mirror; use the plain path. The message says
    what, in Vietnamese: the clerk is told (see slow_reason)."""


@dataclass
class _Deferred:
    """A part whose Jinja source failed to compile: the error is raised when docxtpl would raise it."""

    error: jinja2.TemplateError

    def render(self, context):
        raise self.error


@dataclass
class _Part:
    """A part re-rendered on every render, its last zip entry remembered (headers rarely change)."""

    member: str
    template: object = None
    encoding: str = "utf-8"
    last: tuple = (None, None)

    def entry(self, key, make, fixed_time) -> Entry:
        """The zip entry for this render's `key`, rebuilt only when it differs from the last one."""
        if self.last[0] != key:
            self.last = (key, entry(self.member, make(), fixed_time))
        return self.last[1]


@dataclass
class Compiled:
    """A template ready to render: zip entries in python-docx's order, static ones pre-built."""

    path: Path
    order: list[str]                # member names, in the order python-docx saves them
    static: dict[str, Entry]       # members no render changes
    body_member: str
    body: object                    # compiled Jinja template of the document body (or _Deferred)
    skeleton: object                # the document root element with an empty body
    headers: list[_Part]            # header parts then footer parts, in docxtpl's order
    core: _Part                     # docProps/core.xml
    core_element: object
    core_templates: list
    part: object = None             # the package's main part, lent each render's tree for rule_lines
    fitted: dict = field(default_factory=dict)  # rule_lines' memo: the same styles for every render


class _Helper(DocxTemplate):
    """docxtpl's own text and tree functions (patch_xml, resolve_listing, fix_tables), without a package."""

    def __init__(self):
        super().__init__(None)

    def __getattr__(self, name):  # never delegate to a (missing) python-docx Document
        raise AttributeError(name)


_HELPER = _Helper()


@dataclass
class _Constant:
    """A part or property without a single Jinja tag: its rendering, made once (the same for every context)."""

    text: str

    def render(self, context):
        return self.text


def _template(env, raw: str, name: str, patch=None):
    """The compiled template of a part's (or a file property's) text `raw`: env.from_string(patch(raw)),
    its code taken from the code cache when `raw` was compiled before under `name` (render.code_cache);
    _Deferred with its error when it does not compile; _Constant when `raw` has no tag at all (a header
    without fields, a file property: most of a template's parts), rendered by Jinja once here."""
    code = code_cache.load(env, name, raw)
    if code is None:
        try:
            code = env.compile(patch(raw) if patch else raw)
        except jinja2.TemplateError as e:
            return _Deferred(e)
        code_cache.save(env, name, raw, code)
    template = env.template_class.from_code(env, code, env.make_globals(None), None)
    starts = (env.block_start_string, env.variable_start_string, env.comment_start_string)
    # docxtpl's patch_xml never adds a "{": a part without one stays without a tag once patched
    if "{" in raw or not all(s.startswith("{") for s in starts) or env.line_statement_prefix or env.line_comment_prefix:
        return template
    return _Constant(template.render())


def _patch(xml: str) -> str:
    """docxtpl's render_xml_part up to the Jinja compile."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", _HELPER.patch_xml(xml))


def _compile_part(env, xml: str, name: str):
    """docxtpl's render_xml_part up to the Jinja compile, done once (the code cache is keyed by the XML
    before patching: patching is a fifth of the work it saves)."""
    return _template(env, xml, name, _patch)


def _finish_part(out: str) -> str:
    """docxtpl's render_xml_part after the Jinja render."""
    # re.sub(r"\n<w:p([ >])", r"<w:p\1", out) as docxtpl writes it, done as two plain replacements: the
    # same text (the newline goes before "<w:p " and before "<w:p>"), without a regex match per paragraph.
    out = out.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
    if "{_" in out or "_}" in out:  # each of docxtpl's four escapes holds one of them: two scans, not four
        out = out.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    # resolve_listing only rewrites \t, \a, \n and \f inside a <w:t …>…</w:t> (tag included): without one there
    # it returns its input. A rendered body has newlines between its paragraphs (where {%p %} tags were).
    places = _listing_places(out)
    return _resolve_listing_at(out, places) if places else out


def _listing_places(out: str) -> list[int]:
    """Where a listing character may sit in one of the <w:t> spans resolve_listing rewrites: after an
    opening "<w:t>" or "<w:t " with no "</w:t>" in between (a span runs to the first "</w:t>" after its
    tag, and a tag's attributes hold no '>'). Empty means resolve_listing changes nothing."""
    first = out.find("<w:p")  # no span of a paragraph starts before it (the XML declaration ends with a \n)
    if first < 0:
        return []
    places = []
    for ch in LISTING_CHARS:
        q = out.find(ch, first)
        while q >= 0:
            if max(out.rfind("<w:t>", 0, q), out.rfind("<w:t ", 0, q)) > out.rfind("</w:t>", 0, q):
                places.append(q)
            q = out.find(ch, q + 1)
    return sorted(places)


# docxtpl's resolve_listing is re.sub(_PARAGRAPH, callback, xml): a callback that re-reads every run of every
# paragraph (three regexes per run). A paragraph without a listing character comes out unchanged, so only the
# paragraphs holding one of the places found above go through resolve_listing itself, given just that
# paragraph: its pattern matches the same span there.
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_OPEN = re.compile(r"<w:p(?: [^>]*)?>")
_CLOSE = "</w:p>"
_ODD_OPEN = re.compile(r"<w:p [^<>]*<")  # not well-formed XML: never in a rendered part, but possible text


def _resolve_paragraph(m: re.Match) -> str:
    text = m.group(0)
    return _HELPER.resolve_listing(text) if any(ch in text for ch in LISTING_CHARS) else text


def _paragraph_at(out: str, q: int) -> tuple[int, int] | None:
    """The span of the match of _PARAGRAPH, as re.sub finds them from the start of `out`, that holds
    position `q`; None when none does. No match reaches past the end of the last "</w:p>" before q (a
    match ends at the first one after its opening tag, and an opening tag holds no '>'), and re.sub goes
    on from there: the first opening tag after it starts a match, which runs to the first "</w:p>" after
    that tag, i.e. past q, if that tag is before q; no other match can hold q."""
    close = out.rfind(_CLOSE, 0, q)
    start = _OPEN.search(out, close + len(_CLOSE) if close >= 0 else 0)
    if start is None or start.start() > q:
        return None
    end = out.find(_CLOSE, start.end())
    if end < 0:  # no "</w:p>" after it: no match from here on
        return None
    end += len(_CLOSE)
    return (start.start(), end) if q < end else None


def _resolve_listing_at(out: str, places: list[int]) -> str:
    """_PARAGRAPH.sub(_resolve_paragraph, out), with only the paragraphs holding `places` (sorted) visited."""
    if _ODD_OPEN.search(out):  # an opening tag holding a '<' may swallow a "</w:p>": _paragraph_at's premise
        return _PARAGRAPH.sub(_resolve_paragraph, out)
    pieces = []
    done = 0
    for q in places:
        if q < done:  # in the paragraph just rewritten
            continue
        span = _paragraph_at(out, q)
        if span is None:
            continue
        start, end = span
        pieces += [out[done:start], _HELPER.resolve_listing(out[start:end])]
        done = end
    pieces.append(out[done:])
    return "".join(pieces)


_RECOVER = etree.XMLParser(recover=True)  # the parser docxtpl's fix_tables makes for each call


_W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


# A table docxtpl's fix_tables leaves alone: a grid, no row with more cells than grid columns, and a row
# whose cells span all the columns (each cell counting its first tcPr's first gridSpan, plain digits).
_GRID = etree.XPath("count(w:tblGrid[1]/w:gridCol)", namespaces=_W)
_TOO_MANY = etree.XPath(".//w:tr[w:tc[$n + 1]]", namespaces=_W)
_FULL = etree.XPath(".//w:tr[count(w:tc) + sum(w:tc/w:tcPr[1]/w:gridSpan[1]/@w:val) "
                    "- count(w:tc/w:tcPr[1]/w:gridSpan[1]) >= $n]", namespaces=_W)
_DIGITS = re.compile(r"[0-9]+")  # a gridSpan value docxtpl's int() and the XPath sum above read alike


_TBL, _SPAN, _VAL = (f"{{{_W['w']}}}{tag}" for tag in ("tbl", "gridSpan", "val"))


def _fix_tables(xml: str):
    """docxtpl's fix_tables(xml): the tree parsed as it parses it, and the tables' grids fitted to their
    rows. Its table walk is in Python (a call per cell); most rendered tables need no fitting, which
    XPath tells in C, so docxtpl's own function (parsing again) runs only for a body that needs it."""
    tree = etree.fromstring(xml, parser=_RECOVER)
    if tree.nsmap.get("w") != _W["w"]:
        return _HELPER.fix_tables(xml)
    tables = []
    for el in tree.iter(_TBL, _SPAN):  # one walk of the tree (in C) finds both
        if el.tag == _TBL:
            tables.append(el)
        elif not _DIGITS.fullmatch(el.get(_VAL) or ""):  # a span written oddly: docxtpl's own reading
            return _HELPER.fix_tables(xml)
    for t in tables:
        n = _GRID(t)
        if t.find(f"{{{_W['w']}}}tblGrid") is None or _TOO_MANY(t, n=n) or not _FULL(t, n=n):
            return _HELPER.fix_tables(xml)
    return tree


def compile_template(path: Path, env, fixed_time) -> Compiled:
    """Open the package once and prepare everything a render needs; Unsupported if it can't be mirrored."""
    tpl = DocxTemplate(str(path))
    tpl.init_docx()
    doc = tpl.docx
    package = doc.part.package
    parts = list(package.iter_parts())
    if any(p.content_type == FOOTNOTES_CT for p in parts):
        raise Unsupported("mẫu có chú thích cuối trang")
    core = [p for p in parts if p.content_type == CT.OPC_CORE_PROPERTIES]
    if len(core) != 1:  # docxtpl would create one stamped with the current time
        raise Unsupported("mẫu không có phần thuộc tính tệp docProps/core.xml")

    body = _compile_part(env, tpl.get_xml(), f"{path}|{doc.part.partname.membername}")
    headers = []
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _rid, part in tpl.get_headers_footers(uri):
            xml = tpl.get_part_xml(part)
            member = part.partname.membername
            headers.append(_Part(member, _compile_part(env, xml, f"{path}|{member}"),
                                 tpl.get_headers_footers_encoding(xml)))
    props = doc.core_properties
    core_templates = []
    for prop in CORE_PROPERTIES:
        core_templates.append(_template(env, getattr(props, prop), f"{path}|core|{prop}"))

    skeleton = copy.deepcopy(doc.element)
    skeleton_body = skeleton.find(qn("w:body"))
    for child in list(skeleton_body):
        skeleton_body.remove(child)

    # What python-docx writes for the untouched package: member order and every unchanged member. The
    # package opened above is still untouched (only read, its root copied), so it is saved as it is
    # rather than opened a second time, and kept as its members: zipping them (800 kB, styles.xml and
    # stylesWithEffects.xml) only to unzip them again was a third of compiling a template.
    members = _saved_members(package)
    order = list(members)
    core_member = core[0].partname.membername
    if core_member != "docProps/core.xml":  # normalize_zip fixes the clock in that member only
        raise Unsupported(f"phần thuộc tính tệp của mẫu nằm ở {core_member}, không phải docProps/core.xml")
    members[core_member] = fixed_core_properties(members[core_member])
    if not raw_copy_ok(fixed_time):
        raise Unsupported("bản Python này ghi tệp nén .docx khác với cách lập nhanh")
    # styles.xml, the theme, fonts, settings... are the same in every shipped template: compressed once
    entries = {name: shared_entry(name, data, fixed_time) for name, data in members.items()}

    dynamic = {doc.part.partname.membername, core[0].partname.membername} | {h.member for h in headers}
    if not dynamic <= set(order):
        raise Unsupported("có phần của mẫu không được lưu lại khi mở bằng python-docx")
    return Compiled(
        path=path, order=order, static={n: e for n, e in entries.items() if n not in dynamic},
        body_member=doc.part.partname.membername, body=body, skeleton=skeleton, headers=headers,
        core=_Part(core[0].partname.membername), core_element=copy.deepcopy(core[0].element),
        core_templates=core_templates, part=doc.part)


class _Members:
    """python-docx's PhysPkgWriter as PackageWriter uses it, keeping each member's bytes instead of zipping them."""

    def __init__(self):
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri, blob: bytes) -> None:
        if pack_uri.membername in self.members:  # a zip would hold both: not what this path mirrors
            raise Unsupported(f"mẫu có hai phần cùng tên {pack_uri.membername}")
        self.members[pack_uri.membername] = blob

    def close(self) -> None:
        pass


def _saved_members(package) -> dict[str, bytes]:
    """The members python-docx's package.save would zip, in its order: OpcPackage.save's own steps
    (before_marshal, then PackageWriter's content types, package rels and parts) with _Members as the
    writer. normalize_zip of that save gives these members (tests/e2e/test_city.py compares both paths)."""
    for part in package.parts:
        part.before_marshal()
    writer = _Members()
    PackageWriter._write_content_types_stream(writer, package.parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, package.parts)
    return writer.members


_PLAIN_EXACT = frozenset(PLAIN_TYPES)  # a set lookup for the usual values, before isinstance walks the tuple


MAX_PLAIN_WALK = 1_000_000  # values looked at; a context larger (or holding itself) takes the plain path


def is_plain(value) -> bool:
    """True when the context holds only plain data (docxtpl treats nothing in it specially). Walked with a
    stack, not recursion and generators: a document's context is about 150 values, looked at for every
    document."""
    stack = [value]
    walked = 0
    while stack:
        v = stack.pop()
        walked += 1
        if type(v) in _PLAIN_EXACT or isinstance(v, PLAIN_TYPES):
            continue
        if walked > MAX_PLAIN_WALK:
            return False
        if isinstance(v, dict):
            if not all(isinstance(k, str) for k in v):
                return False
            stack.extend(v.values())
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
        else:
            return False
    return True


def render_compiled(c: Compiled, context: dict, fixed_time) -> bytes:
    """The .docx bytes: DocxTemplate.render's steps on the compiled parts, then the zip."""
    # Body: build_xml → fix_tables → fix_docpr_ids → map_tree, as DocxTemplate.render does.
    xml = _finish_part(c.body.render(context))
    tree = _fix_tables(xml)
    _HELPER.docx_ids_index = 1000  # render_init
    if "docPr" in xml:  # fix_docpr_ids renumbers wp:docPr elements: none in the text, none in the tree
        _HELPER.fix_docpr_ids(tree)
    root = copy.deepcopy(c.skeleton)
    root.replace(root.find(qn("w:body")), tree)
    # render.render_plain resizes the short rule lines before saving: the same step, on this tree
    c.part._element = root
    rule_lines.fit(c.part.document, c.path.name, c.fitted)
    dynamic = {c.body_member: entry(c.body_member, serialize_part_xml(root), fixed_time)}

    # Headers then footers: map_headers_footers_xml loads the rendered XML as a new XmlPart.
    for part in c.headers:
        out = _finish_part(part.template.render(context))
        dynamic[part.member] = part.entry(
            out, lambda: serialize_part_xml(parse_xml(out.encode(part.encoding))), fixed_time)

    # Core properties: render_properties renders and sets each string property in turn.
    values = tuple(t.render(context) for t in c.core_templates)

    def core_xml():
        element = copy.deepcopy(c.core_element)
        props = CoreProperties(element)
        for prop, value in zip(CORE_PROPERTIES, values):
            setattr(props, prop, value)
        return fixed_core_properties(serialize_part_xml(element))

    dynamic[c.core.member] = c.core.entry(values, core_xml, fixed_time)
    return zip_entries([dynamic.get(name) or c.static[name] for name in c.order])


_CACHE: dict[tuple, tuple[Compiled | None, str]] = {}


def _compiled(path: Path, env, fixed_time) -> tuple[Compiled | None, str]:
    """The compiled template, or None and why not; at most once per process and file version."""
    key = environment.file_version(path)
    if key not in _CACHE:
        try:
            _CACHE[key] = (compile_template(path, env, fixed_time), "")
        except Unsupported as e:
            _CACHE[key] = (None, str(e))
        except Exception as e:  # noqa: BLE001 - the plain path reports a broken file properly
            _CACHE[key] = (None, f"lỗi {type(e).__name__} khi chuẩn bị mẫu")
    return _CACHE[key]


def compiled_for(path: Path, env, fixed_time) -> Compiled | None:
    """The compiled template for this file (compiled at most once per process and file version);
    None when the fast path cannot mirror it."""
    return _compiled(path, env, fixed_time)[0]


def slow_reason(path: Path, env, fixed_time) -> str | None:
    """Why this template cannot take the fast path (in Vietnamese), or None when it can."""
    compiled, reason = _compiled(path, env, fixed_time)
    return None if compiled is not None else reason
