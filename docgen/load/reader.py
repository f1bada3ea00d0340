"""Read a YAML file safely into plain data, remembering the line and column of every value."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from docgen.errors import InputError, Issue
from docgen.load import limits, slips
from docgen.load.limits import MAX_BYTES, MAX_DEPTH, MAX_NODES


# YAML 1.2 core schema, not PyYAML's YAML 1.1 default: "no", "yes", "on" stay text, "0123"
# stays text (a code, not octal 83), "12:30" stays text (not 750), dates stay text.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")


_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


_PLAIN = "docgen:plain"


_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


Path_ = tuple  # a JSON path: keys and list indexes from the root


@dataclass
class Loaded:
    """A parsed YAML file: its data and where each value and key stands in the text."""

    path: Path
    data: dict
    positions: dict = field(default_factory=dict)  # path tuple -> (line, col) of the value
    key_positions: dict = field(default_factory=dict)  # path tuple -> (line, col) of the key
    plain_text: dict = field(default_factory=dict)  # path tuple -> source text of an unquoted number/bool
    glued: dict = field(default_factory=dict)  # list path -> ["9,5"]: numbers split by a comma with no space

    @property
    def source(self) -> str:
        return str(self.path)

    def where(self, path: tuple) -> tuple[int | None, int | None]:
        """Line and column of the value at `path`, or of its nearest parent that is known."""
        path = tuple(path)
        while True:
            if path in self.positions:
                return self.positions[path]
            if not path:
                return (None, None)
            path = path[:-1]

    def issue(self, path: tuple, message: str, level: str = "error") -> Issue:
        line, col = self.where(path)
        return Issue(message, self.source, line, col, pointer_of(path), level)


def pointer_of(path: tuple) -> str:
    """A readable path like `don_vi[2].diem.thong_nhat[1]`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Resolver(yaml.resolver.BaseResolver):
    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0]:
            return _PLAIN
        return super().resolve(kind, value, implicit)


class _TooDeep(yaml.MarkedYAMLError):
    """Raised while composing when collections nest deeper than MAX_DEPTH."""


class _Composer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                yaml.composer.Composer, _Resolver):
    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent, index):
        # PyYAML composes recursively: without this guard 5000 nested '[' end in a RecursionError.
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH + 1:
                raise _TooDeep(problem="too deep", problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml
    _CParser = None


if _CParser is not None:
    class _FastComposer(_CParser, _Resolver):
        """libyaml's parser: the same nodes and marks as _Composer, about ten times faster (a city
        has hundreds of cluster files). Its error messages are worded differently, so a file it
        rejects is parsed again by _Composer, whose errors the messages below translate."""

        def __init__(self, stream):
            _CParser.__init__(self, stream)
            _Resolver.__init__(self)


def _compose(text: str):
    if _CParser is not None:
        composer = _FastComposer(text)
        try:
            return composer.get_single_node()
        except (yaml.YAMLError, RecursionError):
            pass  # parsed again below, for the messages and the nesting guard of _Composer
        finally:
            composer.dispose()
    composer = _Composer(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


def read_text(path: Path) -> str:
    """The file's text as NFC Unicode, or an InputError saying why it cannot be read."""
    src = str(path)

    def fail(message, line=None, col=None):
        return InputError("Không đọc được tệp.", [Issue(message, src, line, col)])

    if not path.exists():
        raise fail("không tìm thấy tệp. Kiểm tra lại đường dẫn.")
    if path.is_dir():
        raise fail("đây là một thư mục, không phải tệp YAML. Hãy chỉ tên tệp .yaml.")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(f"tệp quá lớn ({size // 1024} KB, tối đa {MAX_BYTES // 1024} KB). Tệp của một Cụm "
                       "chỉ vài KB; hãy kiểm tra lại có chọn đúng tệp không.")
        with path.open("rb") as f:  # never more than the bound: /dev/zero or a pipe has no size
            raw = f.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise fail(f"tệp quá lớn (hơn {MAX_BYTES // 1024} KB). Tệp của một Cụm chỉ vài KB; hãy kiểm tra "
                       "lại có chọn đúng tệp không.")
    except OSError as e:
        raise fail(f"không đọc được tệp ({e.strerror}). Kiểm tra quyền đọc tệp.") from e
    if raw.startswith(b"PK\x03\x04"):
        raise fail("đây là tệp nén (Word .docx, Excel .xlsx hoặc .zip), không phải tệp YAML. "
                   "Hãy chỉ tệp .yaml của Cụm.")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("tệp được lưu bằng bảng mã UTF-16 (\"Unicode\" của Notepad). Hãy lưu lại tệp với "
                   "bảng mã UTF-8 (Save As → Encoding → UTF-8).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise fail("tệp không phải mã UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 (trong trình soạn "
                   "thảo: Save with Encoding → UTF-8).", line, col) from e
    if not text.strip():
        raise fail("tệp rỗng. Hãy điền nội dung theo mẫu trong thư mục inputs/.")
    return unicodedata.normalize("NFC", text)


def load_file(path: str | Path) -> Loaded:
    """Read and parse one YAML file into plain data (dict, list, str, int, Decimal, bool, None)."""
    path = Path(path)
    return load_text(read_text(path), path)


def load_text(text: str, path: Path | str = "<yaml>") -> Loaded:
    path = Path(path)
    src = str(path)
    try:
        root = _compose(text)
    except _TooDeep as e:
        mark = e.problem_mark
        raise InputError("Tệp YAML có lỗi.", [Issue(
            f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp). Kiểm tra lại thụt lề và các dấu '[', '{{'.",
            src, mark.line + 1, mark.column + 1)]) from None
    except yaml.reader.ReaderError as e:
        line, col = _line_col(text, e.position)
        raise InputError("Tệp YAML sai cú pháp.", [Issue(
            f"có ký tự điều khiển không in được (mã U+{e.character:04X}) ở đây; hãy xóa ký tự đó "
            "(thường do sao chép từ Word hoặc Excel).", src, line, col)]) from e
    except yaml.MarkedYAMLError as e:
        message, use_context = _yaml_message(e)
        mark = (e.context_mark if use_context and e.context_mark else None) or e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        opened = _open_quote(text, line) if line else None
        slip = None if opened else slips.near(text, line)
        if opened:  # a quote left open pairs with the next one: the real fault is where it opened
            message, (line, col) = _UNCLOSED, opened
        elif slip:  # `ho_ten:Trần`, a full-width colon...: YAML notices a line or more below
            line, col, message = slip
        raise InputError("Tệp YAML sai cú pháp.", [Issue(message, src, line, col)]) from e
    except yaml.YAMLError as e:
        raise InputError("Tệp YAML sai cú pháp.", [Issue(_yaml_message(e)[0], src)]) from e
    if root is None:
        raise InputError("Không đọc được tệp.", [Issue("tệp không có dữ liệu YAML (chỉ có chú thích?).", src)])
    loaded = Loaded(path, {})
    builder = _Builder(loaded, text)
    data = builder.build(root, (), 0)
    if builder.issues:
        raise InputError("Tệp YAML có lỗi.", builder.issues)
    if not isinstance(data, dict):
        raise InputError("Tệp YAML có lỗi.", [Issue(
            "cấp ngoài cùng của tệp phải là các cặp 'khóa: giá trị' (ví dụ `loai_tep: cum`), "
            "không phải một danh sách hay một giá trị đơn.", src, root.start_mark.line + 1,
            root.start_mark.column + 1)])
    loaded.data = data
    return loaded


_TAB = "có ký tự Tab. YAML chỉ cho thụt lề bằng dấu cách: thay Tab bằng 2 dấu cách."


_UNCLOSED = ("dấu ngoặc kép mở ở đây chưa được đóng. Thêm dấu ngoặc đóng ở cuối giá trị "
             "(một giá trị có dấu ngoặc kép bên trong thì đặt trong ngoặc đơn ').")


# (text in PyYAML's message, Vietnamese message, point at the context mark rather than the problem mark)
_YAML_PROBLEMS = [
    ("found character '\\t' that cannot start any token", _TAB, False),
    ("found a tab character", _TAB, False),
    ("while scanning a quoted scalar", _UNCLOSED, True),
    ("while scanning a double-quoted scalar",
     "trong ngoặc kép, dấu '\\' bắt đầu một mã đặc biệt. Viết '\\\\' thay cho '\\', hoặc đặt giá trị "
     "trong ngoặc đơn ' thay cho ngoặc kép.", False),
    ("mapping values are not allowed here",
     "dấu ':' không đúng chỗ: thụt lề sai, hoặc giá trị có dấu ': ' cần đặt trong ngoặc kép.", False),
    ("could not find expected ':'",
     "thiếu dấu ':' sau tên khóa (viết `khoa: giá trị`), hoặc một giá trị nhiều dòng bị thụt lề sai.", True),
    ("found unexpected end of stream", _UNCLOSED, True),
    ("while parsing a flow sequence",
     "danh sách mở bằng '[' ở đây chưa được đóng bằng ']' (hoặc thiếu dấu ',' giữa các mục).", True),
    ("while parsing a flow mapping",
     "nhóm mở bằng '{' ở đây chưa được đóng bằng '}' (hoặc thiếu dấu ',' giữa các mục).", True),
    ("did not find expected key", "thụt lề sai: dòng này không thẳng hàng với các khóa cùng cấp.", False),
    ("did not find expected '-' indicator",
     "thụt lề sai trong danh sách: các mục phải bắt đầu bằng '-' thẳng hàng.", False),
    ("but found '<scalar>'",
     "có chữ nằm ngoài chỗ của nó: chữ đứng sau dấu ngoặc kép đóng, hoặc thụt lề sai. Hãy đặt cả giá trị "
     "trong một cặp ngoặc kép và kiểm tra thụt lề.", False),
    ("expected <block end>, but found", "thụt lề sai: dòng này không thẳng hàng với các dòng cùng cấp.", False),
    ("found undefined alias", "dùng bí danh (*tên) chưa được định nghĩa bằng &tên.", False),
    ("found duplicate anchor", "tên bí danh (&tên) bị đặt hai lần; mỗi bí danh một tên riêng.", False),
    ("but found another document",
     "tệp chỉ được chứa một tài liệu YAML: xóa dòng '---' (hoặc '...') ở giữa tệp.", False),
    ("expected '<document start>'",
     "tệp chỉ được chứa một tài liệu YAML: xóa dòng '...' (hoặc '---') ở giữa tệp.", False),
    ("that cannot start any token",
     "giá trị không được bắt đầu bằng ký tự này (như @, `, %): hãy đặt giá trị trong ngoặc kép.", False),
    ("while scanning an anchor", "sau '&' hoặc '*' phải là một tên liền (chữ, số, '-'); nếu đây là chữ "
                                 "thường thì đặt giá trị trong ngoặc kép.", True),
    ("while scanning an alias", "sau '&' hoặc '*' phải là một tên liền (chữ, số, '-'); nếu đây là chữ "
                                "thường thì đặt giá trị trong ngoặc kép.", True),
    ("while scanning a block scalar", "sau '|' hoặc '>' chỉ được xuống dòng; nội dung viết ở các dòng "
                                      "dưới, thụt lề thêm.", True),
]


def _yaml_message(e: yaml.YAMLError) -> tuple[str, bool]:
    text = str(e)
    for needle, vi, use_context in _YAML_PROBLEMS:
        if needle in text:
            return vi, use_context
    problem = getattr(e, "problem", None) or text.splitlines()[0]
    return (f"lỗi cú pháp YAML ({problem}). Kiểm tra thụt lề, dấu ':' và dấu ngoặc kép quanh dòng này.",
            False)


def _open_quote(text: str, upto: int) -> tuple[int, int] | None:
    """(line, col) of a double quote still open at line `upto`, pairing quotes line by line."""
    opened = None
    for n, line in enumerate(text.splitlines()[:upto], start=1):
        quotes = [i for i, c in enumerate(line) if c == '"' and (i == 0 or line[i - 1] != "\\")]
        if len(quotes) % 2:
            opened = None if opened else (n, quotes[-1] + 1)
    return opened


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


class _Builder:
    """Turns composed YAML nodes into plain data, recording positions and catching mistakes."""

    def __init__(self, loaded: Loaded, text: str):
        self.loaded = loaded
        self.text = text
        self.issues: list[Issue] = []
        self.count = 0

    def _issue(self, node, message, path=()):
        self.issues.append(Issue(message, self.loaded.source, node.start_mark.line + 1,
                                 node.start_mark.column + 1, pointer_of(path)))

    def build(self, node, path, depth):
        self.count += 1
        if self.count > MAX_NODES:
            self._issue(node, "tệp có quá nhiều phần tử (có thể do bí danh '*' lồng nhau): hơn "
                              f"{limits.number_vi(MAX_NODES)} giá trị. Hãy viết dữ liệu trực tiếp, không dùng bí "
                              "danh.", path)
            raise InputError("Tệp YAML có lỗi.", self.issues)
        if depth > MAX_DEPTH:
            self._issue(node, f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp). Kiểm tra lại thụt lề.", path)
            raise InputError("Tệp YAML có lỗi.", self.issues)
        self.loaded.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _ALLOWED_TAGS and node.tag != _PLAIN:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self._issue(node, f"thẻ YAML '{tag}' không được phép (docgen chỉ đọc dữ liệu thường, không "
                              "chạy lệnh). Xóa thẻ '!…' trước giá trị.", path)
            return None
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            # checked before a single item is built: 190,000 items would otherwise each be walked
            too_many = limits.items_problem(len(node.value), "nhóm" if isinstance(node, yaml.MappingNode)
                                            else "danh sách")
            if too_many:
                self._issue(node, too_many, path)
                raise InputError("Tệp YAML có lỗi.", self.issues)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.flow_style:
                self._glued(node, path)
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        return self._scalar(node, path)

    def _glued(self, node, path):
        """`[5, 14, 9,5, 9]`: two numbers joined by a bare comma in a list that elsewhere puts a space after
        its commas are most likely one decimal written the Vietnamese way (9,5). Only remembered here;
        a message uses it when the list then has the wrong number of items."""
        glued, spaced = [], False
        for a, b in zip(node.value, node.value[1:]):
            if not all(isinstance(n, yaml.ScalarNode) and n.tag == _PLAIN and not n.style
                       and _is_number(n) for n in (a, b)):
                continue
            between = self.text[a.end_mark.index:b.start_mark.index]
            if between == ",":
                glued.append(f"{a.value},{b.value}")
            elif between.strip() == ",":
                spaced = True
        if glued and spaced:
            self.loaded.glued[path] = glued

    def _mapping(self, node, path, depth):
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (key_node.tag == _PLAIN and key_node.value == "<<"):
                self._issue(key_node, "không dùng khóa gộp '<<'. Hãy viết đủ các khóa.", path)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._issue(key_node, "khóa phải là một tên đơn giản (ví dụ `ten_don_vi`).", path)
                continue
            too_long = limits.text_problem(key_node.value, "tên khóa")
            if too_long:
                self._issue(key_node, too_long, path)
                continue
            key = unicodedata.normalize("NFC", key_node.value)
            if key in out:
                first = self.loaded.key_positions.get(path + (key,), (None, None))
                self._issue(key_node, f"khóa '{key}' bị lặp (đã có ở dòng {first[0]}). "
                                      "YAML chỉ giữ một giá trị: hãy xóa hoặc đổi tên một trong hai.", path + (key,))
                continue
            self.loaded.key_positions[path + (key,)] = (key_node.start_mark.line + 1,
                                                        key_node.start_mark.column + 1)
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out

    def _scalar(self, node, path):
        problem = limits.text_problem(node.value)
        if problem is None and _is_number(node):
            problem = limits.number_problem(node.value.strip())  # before int()/Decimal() see the text
        if problem:
            self._issue(node, problem, path)
            return None
        value = _scalar_value(node)
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)  # "\u0301" escapes can undo the file's NFC
        if node.tag == _PLAIN and value is not None:
            self.loaded.plain_text[path] = node.value  # `so: 05` read as text, `so: 5` kept as "5" too
        return value


def _is_number(node) -> bool:
    """Whether the scalar would be read as an int or a Decimal (its text is converted otherwise never)."""
    if node.tag == _PLAIN:
        return bool(_INT.match(node.value) or _FLOAT.match(node.value))
    return node.tag.endswith((":int", ":float"))


def _scalar_value(node):
    """YAML 1.2 core schema: only true/false, null, decimal integers and floats are not text."""
    value = node.value
    tag = node.tag
    if tag == _PLAIN:
        if _NULL.match(value):
            return None
        if _BOOL.match(value):
            return value.lower() == "true"
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value):
            return Decimal(value)  # exact: 0.1 stays 0.1, never a binary float
        return value
    if tag.endswith(":int") and _INT.match(value):
        return int(value)
    if tag.endswith(":float") and _FLOAT.match(value):
        return Decimal(value)
    if tag.endswith(":bool") and _BOOL.match(value):
        return value.lower() == "true"
    if tag.endswith(":null"):
        return None
    return value


def string_leaves(value, path: tuple = ()):
    """(path, text) of every string in a loaded tree, in file order: the one walk the text checks share."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from string_leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from string_leaves(v, path + (i,))
    elif isinstance(value, str):
        yield path, value
