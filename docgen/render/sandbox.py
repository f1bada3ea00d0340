"""The template sandbox: Jinja's SandboxedEnvironment plus a budget of work and text per rendered part.

A clerk can pass their own templates (-t DIR). Jinja's sandbox already keeps a template away from
Python internals and caps `range` at 100,000; it does not cap what a template may build or how long it
may loop: `{{ 'x'|center(300000000) }}` took 2.4 GB and three nested `range(100000)` loops never end.
Here every part of a document (body, each header, each file property) is rendered against a budget
kept on its Jinja context:

- steps: each loop iteration is one step, each call (function, method, macro), filter or operator ten;
- text: the characters of every value a call, a filter, an operator, a `~` or an output produces, and
  of the literal text each loop iteration or macro call writes;
- one value may not exceed MAX_VALUE characters, and a number that sets a size (a width, a count, a
  repeat) may not exceed MAX_ARG; where a result's size can be told from its arguments (join, replace,
  indent, wordwrap, expandtabs, `+`, `*`, `%`) it is checked before it is built.

The checks are compiled into the template (a rewrite of its syntax tree, see _Guard), so they hold on
both render paths (plain docxtpl and the compiled fast path), which share this environment class. They
never change what a template within bounds renders. A breach raises TemplateLimit, in Vietnamese;
render.diagnose names the template, its part and the tag.
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg, pass_context
from jinja2.visitor import NodeTransformer

MAX_STEPS = 1_000_000  # the shipped documents take at most ~1,500 (a 146-cluster city summary ~25,000)


CALL = 10  # steps of one call, filter or operator: each costs about ten loop iterations


MAX_TEXT = 20_000_000  # characters produced by one part; the largest shipped body is well under 1 MB


MAX_VALUE = 2_000_000  # characters of one value


MAX_ARG = 100_000  # a width, count or repeat given to a call or a filter (Jinja's own cap on range)


def _vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class TemplateLimit(SecurityError):
    """A template asked for more work or text than any document needs: the message says which, in Vietnamese."""


@dataclass
class _Budget:
    steps: int = 0
    text: int = 0


def _budget(context) -> _Budget:
    budget = getattr(context, "_docgen_budget", None)
    if budget is None:
        budget = context._docgen_budget = _Budget()
    return budget


def _charge(context, steps: int = 0, text: int = 0) -> None:
    budget = _budget(context)
    budget.steps += steps
    budget.text += text
    if budget.steps > MAX_STEPS:
        raise TemplateLimit(f"mẫu làm quá nhiều việc (hơn {_vi(MAX_STEPS)} bước: vòng lặp {{% for %}} lồng nhau "
                            "quá nhiều lần, hoặc macro tự gọi lại chính nó)")
    if budget.text > MAX_TEXT:
        raise TemplateLimit(f"mẫu tạo ra quá nhiều chữ (hơn {_vi(MAX_TEXT)} ký tự cho một phần văn bản)")


def _size(value) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)) else 0


def _check_size(size: int, what: str) -> None:
    if size > MAX_VALUE:
        raise TemplateLimit(f"{what} tạo ra một đoạn chữ hoặc danh sách quá dài ({_vi(size)}, tối đa "
                            f"{_vi(MAX_VALUE)})")


def _check_args(name: str, args, kwargs) -> None:
    """A number that sets a size (width, count, repeat) within MAX_ARG; the value itself is not an argument."""
    for arg in list(args) + list(kwargs.values()):
        if isinstance(arg, (int, float)) and not isinstance(arg, bool) and abs(arg) > MAX_ARG:
            raise TemplateLimit(f"'{name}' được gọi với số {_vi(int(arg))}, quá lớn cho một mẫu văn bản "
                                f"(tối đa {_vi(MAX_ARG)})")


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?")


_FORMAT_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?(\d+)")


def _check_format(name: str, fmt: str, args) -> None:
    """`'%300000000s' % x`, `'{:>300000000}'.format(x)` and a width taken from the arguments (`%*s`, `{:{}}`)."""
    widths = [w for m in _PERCENT_SPEC.finditer(fmt) for w in m.groups() if w] if "%" in fmt else []
    widths += _FORMAT_WIDTH.findall(fmt) if "{" in fmt else []
    for w in widths:
        if w != "*" and (len(w) > 6 or int(w) > MAX_ARG):
            raise TemplateLimit(f"'{name}' dùng độ rộng {w}, quá lớn cho một mẫu văn bản (tối đa {_vi(MAX_ARG)})")
    if "*" in widths or re.search(r"\{[^{}]*:[^{}]*\{", fmt):
        _check_args(name, args if isinstance(args, (tuple, list)) else (args,), {})


def _lines(text) -> int:
    return str(text).count("\n") + 1


def _predict_filter(name: str, value, args, kwargs) -> int:
    """The size a filter's result will have, where its arguments make it grow, before it is built."""
    arg = (list(args) + [None, None, None])
    if name == "join" and isinstance(value, (list, tuple, str)):
        sep = arg[0] if arg[0] is not None else kwargs.get("d", "")
        return sum(_size(v) for v in value) + max(len(value) - 1, 0) * _size(str(sep))
    if name == "replace":
        old, new = str(arg[0] or kwargs.get("old", "")), str(arg[1] or kwargs.get("new", ""))
        hits = str(value).count(old) if old else len(str(value)) + 1
        return len(str(value)) + hits * len(new)
    if name == "indent":
        width = arg[0] if arg[0] is not None else kwargs.get("width", 4)
        return len(str(value)) + _lines(value) * (width if isinstance(width, int) else len(str(width)))
    if name == "wordwrap":
        width = arg[0] if isinstance(arg[0], int) and arg[0] > 0 else 79
        wrap = str(arg[2] if arg[2] is not None else kwargs.get("wrapstring", "\n"))
        return len(str(value)) + (len(str(value)) // width + 1) * len(wrap)
    if name == "format" and isinstance(value, str):
        _check_format(name, value, tuple(args) or tuple(kwargs.values()))
    return 0


def _predict_method(name: str, text: str, args, kwargs) -> int:
    """The same for a method of a string."""
    if name == "expandtabs":
        return len(text) + text.count("\t") * int(args[0] if args else kwargs.get("tabsize", 8))
    if name == "replace" and len(args) >= 2:
        hits = text.count(str(args[0])) if args[0] else len(text) + 1
        return len(text) + hits * len(str(args[1]))
    if name == "join" and args:
        items = args[0]
        if isinstance(items, (list, tuple)):
            return sum(_size(v) for v in items) + max(len(items) - 1, 0) * len(text)
    if name in ("format", "format_map"):
        _check_format(name, text, tuple(args) + tuple(kwargs.values()))
    return 0


def _guard_filter(name: str, func):
    """`func` wrapped so that each call is one step, its size arguments bounded and its result counted.
    The wrapper takes the context, so Jinja never runs it while compiling (constant folding)."""
    pass_arg = _PassArg.from_obj(func)

    @pass_context
    def guarded(context, value, *args, **kwargs):
        _charge(context, steps=CALL)
        _check_args(name, args, kwargs)
        if name == "join" and not isinstance(value, (str, list, tuple)):
            value = list(value)  # a generator (`map`, `select`): its items are counted before joining
        _check_size(_predict_filter(name, value, args, kwargs), f"bộ lọc '{name}'")
        if pass_arg is _PassArg.context:
            result = func(context, value, *args, **kwargs)
        elif pass_arg is _PassArg.eval_context:
            result = func(context.eval_ctx, value, *args, **kwargs)
        elif pass_arg is _PassArg.environment:
            result = func(context.environment, value, *args, **kwargs)
        else:
            result = func(value, *args, **kwargs)
        _check_size(_size(result), f"bộ lọc '{name}'")
        _charge(context, text=_size(result))
        return result

    return guarded


def _weight(body) -> int:
    """Literal characters a block writes each time it runs, outside the loops and macros nested in it."""
    total = 0
    for node in body:
        if isinstance(node, nodes.TemplateData):
            total += len(node.data)
        elif not isinstance(node, (nodes.For, nodes.Macro, nodes.CallBlock)):
            total += _weight(list(node.iter_child_nodes()))
    return total


def _guard(name: str, value, *args) -> nodes.Filter:
    """`value|<name>(*args)`, one of the guard filters below, on the line of the node it guards (so that
    an error still names the template's line and its tag). A filter, not a call: Jinja calls a filter
    directly, where a call goes through the sandbox's checks, several times slower."""
    return nodes.Filter(value, name, list(args), [], None, None).set_lineno(value.lineno or 1)


class _Guard(NodeTransformer):
    """Rewrites a template's syntax tree: each loop iteration and macro call charges its step and its
    literal text; each printed value and each `~` charges its size. The values themselves are untouched."""

    def _charged(self, node):
        if not isinstance(node, nodes.For):  # visit_For has visited it already
            self.generic_visit(node)
        weight = nodes.Const(1 + _weight(node.body), lineno=node.lineno)
        node.body = [nodes.ExprStmt(_guard(_CHARGE, weight), lineno=node.lineno)] + list(node.body)
        return node

    visit_Macro = visit_CallBlock = _charged

    def visit_For(self, node):
        # the iterable is wrapped, not the body: one step per item costs a generator step, not a call
        self.generic_visit(node)
        if node.recursive:  # `loop(children)` passes its items straight in: each iteration charges itself
            return self._charged(node)
        node.iter = _guard(_LOOP, node.iter, nodes.Const(1 + _weight(node.body)))
        return node

    def visit_Output(self, node):
        self.generic_visit(node)
        node.nodes = [n if isinstance(n, nodes.TemplateData) else _guard(_VALUE, n) for n in node.nodes]
        return node

    def visit_Concat(self, node):
        self.generic_visit(node)
        return _guard(_VALUE, node)


_CHARGE, _LOOP, _VALUE = "docgen_charge", "docgen_loop", "docgen_value"


@pass_context
def _charge_filter(context, weight: int) -> None:
    _charge(context, steps=1, text=weight)


@pass_context
def _loop_filter(context, items, weight: int):
    budget = _budget(context)
    for item in items:
        budget.steps += 1
        budget.text += weight
        if budget.steps > MAX_STEPS or budget.text > MAX_TEXT:
            _charge(context)
        yield item


@pass_context
def _value_filter(context, value):
    size = len(value) if isinstance(value, str) else len(str(value))
    _check_size(size, "mẫu")
    _charge(context, text=size)
    return value


class GuardedSandbox(ImmutableSandboxedEnvironment):
    """A template cannot reach Python internals, change the data shared by the documents of a dossier,
    or use more than its budget of steps and text (see the module's docstring)."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = {name: _guard_filter(name, f) for name, f in self.filters.items()}
        self.filters.update({_CHARGE: _charge_filter, _LOOP: _loop_filter, _VALUE: _value_filter})

    def _generate(self, source, name, filename, defer_init=False):
        return super()._generate(_Guard().visit(source), name, filename, defer_init)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        _charge(__context, steps=CALL)
        owner = getattr(inspect.unwrap(__obj), "__self__", None)  # str.format comes wrapped by Jinja
        name = getattr(__obj, "__name__", "hàm")
        if isinstance(owner, str):
            if name not in ("format", "format_map"):  # their numbers are values; widths: _check_format
                _check_args(name, args, kwargs)
            _check_size(_predict_method(name, owner, args, kwargs), f"'{name}'")
        elif not isinstance(__obj, Macro):
            _check_args(name, args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        _check_size(_size(result), f"'{name}'")
        _charge(__context, text=_size(result))
        return result

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 100:
            raise TemplateLimit(f"phép lũy thừa với số mũ {right} quá lớn (tối đa 100)")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_ARG:
                    raise TemplateLimit(f"phép nhân tạo ra chuỗi hoặc danh sách quá dài ({_vi(len(seq) * n)}, "
                                        f"tối đa {_vi(MAX_ARG)})")
        if operator == "+":
            _check_size(_size(left) + _size(right), "phép cộng '+'")
        if operator == "%" and isinstance(left, str):
            _check_format("%", left, right)
        result = super().call_binop(context, operator, left, right)
        _charge(context, steps=CALL, text=_size(result))
        return result
