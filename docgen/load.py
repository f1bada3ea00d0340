"""Load stage: read a YAML file safely into plain data, remembering the line and column of every value."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from .errors import InputError, Issue

MAX_BYTES = 2 * 1024 * 1024  # a cluster file is a few KB; anything this big is a mistake
MAX_NODES = 200_000  # stops alias bombs ("billion laughs") long before memory runs out
MAX_DEPTH = 40

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


class _Composer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                yaml.composer.Composer, _Resolver):
    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


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
        except yaml.YAMLError:
            pass
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
        raw = path.read_bytes()
    except OSError as e:
        raise fail(f"không đọc được tệp ({e.strerror}). Kiểm tra quyền đọc tệp.") from e
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
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError("Tệp YAML sai cú pháp.",
                         [Issue(_yaml_message(e), src, line, col)]) from e
    except yaml.YAMLError as e:
        raise InputError("Tệp YAML sai cú pháp.", [Issue(_yaml_message(e), src)]) from e
    if root is None:
        raise InputError("Không đọc được tệp.", [Issue("tệp không có dữ liệu YAML (chỉ có chú thích?).", src)])
    loaded = Loaded(path, {})
    builder = _Builder(loaded)
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


_YAML_PROBLEMS = [
    ("found character '\\t' that cannot start any token",
     "có ký tự Tab. YAML chỉ cho thụt lề bằng dấu cách: thay Tab bằng 2 dấu cách."),
    ("found a tab character", "có ký tự Tab. YAML chỉ cho thụt lề bằng dấu cách: thay Tab bằng 2 dấu cách."),
    ("mapping values are not allowed here",
     "dấu ':' không đúng chỗ: thụt lề sai, hoặc giá trị có dấu ':' cần đặt trong ngoặc kép."),
    ("found unexpected end of stream", "thiếu dấu ngoặc kép đóng: một chuỗi được mở mà không đóng."),
    ("while scanning a quoted scalar", "thiếu dấu ngoặc kép đóng: một chuỗi được mở mà không đóng."),
    ("did not find expected key", "thụt lề sai: dòng này không thẳng hàng với các khóa cùng cấp."),
    ("did not find expected '-' indicator", "thụt lề sai trong danh sách: các mục phải bắt đầu bằng '-' thẳng hàng."),
    ("expected <block end>, but found", "thụt lề sai: dòng này không thẳng hàng với các dòng cùng cấp."),
    ("found undefined alias", "dùng bí danh (*tên) chưa được định nghĩa bằng &tên."),
    ("found unacceptable character", "có ký tự điều khiển không hợp lệ; hãy xóa ký tự đó."),
]


def _yaml_message(e: yaml.YAMLError) -> str:
    text = str(e)
    for needle, vi in _YAML_PROBLEMS:
        if needle in text:
            return vi
    problem = getattr(e, "problem", None) or text.splitlines()[0]
    return f"lỗi cú pháp YAML ({problem}). Kiểm tra thụt lề, dấu ':' và dấu ngoặc kép quanh dòng này."


class _Builder:
    """Turns composed YAML nodes into plain data, recording positions and catching mistakes."""

    def __init__(self, loaded: Loaded):
        self.loaded = loaded
        self.issues: list[Issue] = []
        self.count = 0

    def _issue(self, node, message):
        self.issues.append(Issue(message, self.loaded.source, node.start_mark.line + 1,
                                 node.start_mark.column + 1))

    def build(self, node, path, depth):
        self.count += 1
        if self.count > MAX_NODES:
            self._issue(node, "tệp có quá nhiều phần tử (có thể do bí danh '*' lồng nhau). "
                              "Hãy viết dữ liệu trực tiếp, không dùng bí danh.")
            raise InputError("Tệp YAML có lỗi.", self.issues)
        if depth > MAX_DEPTH:
            self._issue(node, f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp). Kiểm tra lại thụt lề.")
            raise InputError("Tệp YAML có lỗi.", self.issues)
        self.loaded.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _ALLOWED_TAGS and node.tag != _PLAIN:
            self._issue(node, f"thẻ YAML '{node.tag}' không được phép. Chỉ viết dữ liệu thường, "
                              "không dùng thẻ '!!'.")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node, path, depth):
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._issue(key_node, "không dùng khóa gộp '<<'. Hãy viết đủ các khóa.")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._issue(key_node, "khóa phải là một tên đơn giản (ví dụ `ten_don_vi`).")
                continue
            key = key_node.value
            if key in out:
                first = self.loaded.key_positions.get(path + (key,), (None, None))
                self._issue(key_node, f"khóa '{key}' bị lặp (đã có ở dòng {first[0]}). "
                                      "YAML chỉ giữ một giá trị: hãy xóa hoặc đổi tên một trong hai.")
                continue
            self.loaded.key_positions[path + (key,)] = (key_node.start_mark.line + 1,
                                                        key_node.start_mark.column + 1)
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out

    @staticmethod
    def _scalar(node):
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
