"""The shape of docgen's code: no import cycle, no long module, each stage imports only stages below it,
and only the CLI talks to the user (click, print)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "docgen"
MAX_LINES = 500

# Stages from the bottom up: a module may import its own stage and the stages before it, never after.
# levels/ holds checked data (a cluster loaded, validated and scored; a district's, a city's tally), which
# the contexts are made from: it sits right above validate and below context.
ORDER = [{"errors", "vi", "resources", ""}, {"load"}, {"model"}, {"score"}, {"validate"}, {"levels"}, {"context"},
         {"render", "ooxml", "lint"}, {"output"}, {"pipeline"}, {"cli", "__main__"}]
RANK = {stage: n for n, stages in enumerate(ORDER) for stage in stages}
# Beside render, the NĐ 30 checker stands on its own: it may import only these stages.
ONLY = {"ooxml": {"errors", "vi", "ooxml"}, "lint": {"errors", "vi", "ooxml", "lint"}}
GROUP: dict[str, str] = {}  # a module counted as another stage (none today)

# Modules allowed to stay too long for a while, with the reason; each is an xfail(strict=True) below, so
# that the test says so as soon as the file is short enough (none today).
KNOWN_LONG: dict[str, str] = {}

# Imports allowed against the layering for a while, each an xfail(strict=True) below (none today).
KNOWN_BREACHES: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8"), str(path)) for name, path in MODULES.items()}


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def stage(module: str) -> str:
    """The stage of a docgen module: its first name under docgen ('' for the package itself)."""
    first = module.split(".")[1] if "." in module else ""
    return GROUP.get(first, first)


def imports_of(module: str) -> dict[str, int]:
    """Every docgen module `module` imports, anywhere in it (in functions too): {module: line}."""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found: dict[str, int] = {}
    for node in ast.walk(TREES[module]):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, one level up per extra dot
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # `from docgen.x import y` imports the module docgen.x.y when there is one
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:  # `import docgen.x.y` of a name inside a module
                target = target.rpartition(".")[0]
            if target and target != module:
                found.setdefault(target, node.lineno)
    return found


GRAPH = {m: imports_of(m) for m in MODULES}


def cycles(graph: dict[str, dict]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_import_graph_is_read():
    """Guards the checks below against passing on an empty graph."""
    assert len(MODULES) > 50 and sum(map(len, GRAPH.values())) > 150
    assert "docgen.load.reader" in GRAPH["docgen.levels.cluster"]
    assert "docgen.vi" in GRAPH["docgen.pipeline.upper_levels"]  # `from docgen import vi`


def test_no_import_cycle_even_through_imports_inside_functions():
    found = cycles(GRAPH)
    listing = []
    for component in found:
        listing.append("cycle: " + ", ".join(component))
        listing += [f"  {rel(MODULES[a])}:{GRAPH[a][b]} imports {b}"
                    for a in component for b in sorted(GRAPH[a]) if b in component]
    assert not found, "\n" + "\n".join(listing)


def long_modules(paths) -> list[str]:
    counts = {rel(p): len(p.read_text(encoding="utf-8").splitlines()) for p in paths}
    return [f"{name}: {n} lines" for name, n in sorted(counts.items()) if n > MAX_LINES]


def test_no_module_over_500_lines():
    offenders = long_modules(p for p in MODULES.values() if rel(p) not in KNOWN_LONG)
    assert not offenders, f"modules over {MAX_LINES} lines (split them by purpose):\n" + "\n".join(offenders)


@pytest.mark.parametrize("known", [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=why))
                                   for name, why in KNOWN_LONG.items()])
def test_known_long_modules_are_still_too_long(known):
    """Fails (as expected) while the file is too long; passes, and so breaks strict xfail, once it is split
    or gone: then take it out of KNOWN_LONG."""
    assert not long_modules([ROOT / known] if (ROOT / known).is_file() else [])


def layer_breaches(skip=()) -> list[str]:
    wrong = []
    for module, targets in sorted(GRAPH.items()):
        here = stage(module)
        for target, line in sorted(targets.items()):
            there = stage(target)
            allowed = there in ONLY[here] if here in ONLY else RANK[there] <= RANK[here]
            if not allowed and (module, target) not in skip:
                wrong.append(f"{rel(MODULES[module])}:{line}: {here or 'docgen'} imports {target} ({there})")
    return wrong


def test_each_stage_imports_only_the_stages_below_it():
    wrong = layer_breaches(skip=KNOWN_BREACHES)
    order = " → ".join("/".join(sorted(s - {""})) for s in ORDER)
    assert not wrong, f"imports against the layering {order}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("breach", [pytest.param(b, marks=pytest.mark.xfail(strict=True, reason=why))
                                    for b, why in KNOWN_BREACHES.items()], ids=lambda b: "-".join(b))
def test_known_layer_breaches_are_still_there(breach):
    """Fails (as expected) while the import is there; once it is gone, strict xfail breaks: then take it
    out of KNOWN_BREACHES."""
    module, target = breach
    assert module not in GRAPH or target not in GRAPH[module]


def test_every_module_is_in_a_known_stage():
    assert not [m for m in MODULES if stage(m) not in RANK], "add the new stage to ORDER in this test"


def talks_to_the_user(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) of each click import, print() call and click.echo/secho call in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "click" for a in node.names):
            found.append((node.lineno, "import click"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "click":
            found.append((node.lineno, f"from {node.module} import"))
        elif isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id == "print":
                found.append((node.lineno, "print("))
            elif isinstance(f, ast.Attribute) and f.attr in ("echo", "secho") and \
                    isinstance(f.value, ast.Name) and f.value.id == "click":
                found.append((node.lineno, f"click.{f.attr}("))
    return found


def test_only_the_cli_imports_click_and_prints():
    wrong = [f"{rel(MODULES[m])}:{line}: {what}" for m in sorted(MODULES) if stage(m) not in ("cli", "__main__")
             for line, what in talks_to_the_user(TREES[m])]
    assert not wrong, "only docgen/cli/ talks to the user; return the text instead:\n" + "\n".join(wrong)


def test_the_user_check_sees_the_cli():
    """Guards the check above: the CLI itself does import click and print."""
    assert talks_to_the_user(TREES["docgen.cli.main"])
