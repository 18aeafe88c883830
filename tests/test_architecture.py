"""The folders of ronda import one way (docs/architecture.md): the shared ground, then the
domains, then storage, then the command layer; no module imports another that imports it
back, counting the imports made inside functions. Read from the source with ``ast``."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "ronda"

# The shared ground, in the order its modules may import each other (each only the ones
# before it): the catalogue, the error kinds, what is typed, phones, rupiah, dates, records.
GROUND = ("ronda.i18n", "ronda.errors", "ronda.parsing", "ronda.phones", "ronda.money",
          "ronda.dates", "ronda.record", "ronda.model")
DOMAINS = ("ronda.people", "ronda.neighbourhood", "ronda.schedule", "ronda.incidents",
           "ronda.cash", "ronda.calendars", "ronda.printing", "ronda.area")
STORE = "ronda.store"
TOP = ("ronda.cli", "ronda.board")  # the commands, and the board they open
# ronda.dates, one way: each module imports only those before it
DATES = ("ronda.dates.names", "ronda.dates.days", "ronda.dates.nights", "ronda.dates.format",
         "ronda.dates.words", "ronda.dates.grammar", "ronda.dates.parse", "ronda.dates")


@cache
def modules() -> dict[str, Path]:
    """Every module of ronda and its file (read once, when a test first asks)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _target(name: str) -> str | None:
    """The ronda module ``name`` is (or is in)."""
    while name and name not in modules():
        name = name.rpartition(".")[0]
    return name or None


def imports(path: Path) -> set[str]:
    """The ronda modules a module imports, at its top or inside a function, leaving out
    what only a type checker reads (``if TYPE_CHECKING:``)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and \
                node.test.id == "TYPE_CHECKING":
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(t for a in node.names if (t := _target(a.name)))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                whole = f"{node.module}.{a.name}"
                t = whole if whole in modules() else _target(node.module)
                if t:
                    found.add(t)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text("utf-8")))
    return {t for t in found if t.startswith("ronda")}


@cache
def graph() -> dict[str, set[str]]:
    """What each module imports."""
    return {name: imports(path) - {name} for name, path in modules().items()}


def layer(name: str) -> str:
    for group in (*GROUND, *DOMAINS, STORE, *TOP):
        if name == group or name.startswith(group + "."):
            return group
    return name  # ronda itself, ronda.__main__


def may_import(importer: str, imported: str) -> bool:
    """The rule of docs/architecture.md for a module of ``importer``'s folder."""
    a, b = layer(importer), layer(imported)
    if a == b or b == "ronda":
        return True
    if a in GROUND:
        return b in GROUND and GROUND.index(b) < GROUND.index(a)
    if a in DOMAINS:
        return b in GROUND or b in DOMAINS
    if a == STORE:
        return b in GROUND or b in DOMAINS
    return True  # the command layer and the board, and ronda.__main__ that starts them


def test_each_folder_imports_only_the_folders_below_it() -> None:
    wrong = sorted(f"{a} → {b}" for a, found in graph().items() for b in found
                   if not may_import(a, b))
    assert not wrong, "imports against docs/architecture.md: " + ", ".join(wrong)


def test_the_catalogue_does_not_parse_and_the_parser_reads_no_catalogue() -> None:
    i18n = [m for m in graph() if layer(m) == "ronda.i18n"]
    assert all(layer(b) == "ronda.i18n" for m in i18n for b in graph()[m]), \
        {m: graph()[m] for m in i18n}
    assert graph()["ronda.parsing"] <= {"ronda.errors"}


def test_the_dates_modules_import_one_way() -> None:
    for i, name in enumerate(DATES):
        inside = {b for b in graph()[name] if layer(b) == "ronda.dates"}
        assert inside <= set(DATES[:i]), (name, inside - set(DATES[:i]))


def test_no_module_imports_one_that_imports_it_back() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def strong(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph()[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while (w := stack.pop()) != v:
                part.append(w)
            if part:
                circles.append(sorted([v, *part]))

    for name in sorted(graph()):
        if name not in index:
            strong(name)
    assert not circles, circles


def test_every_folder_is_in_the_picture() -> None:
    picture = (PACKAGE.parent / "docs" / "architecture.md").read_text("utf-8")
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    assert [f for f in folders if f"{f}/" not in picture] == []
