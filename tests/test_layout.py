"""The package layout's rules (README, Layout), read from the imports of every module.

Every `import` and `from ... import` in src/infocards counts, those inside functions and under
TYPE_CHECKING too: a late import is still an arrow between two concerns.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGES = ("codes", "wallet", "share", "notes", "reader", "reader_site", "content", "ui", "commands", "web", "i18n",
            "sealed")
# The base: what every concern may use. The top-level modules (errors, vocab, records, regions,
# config, terminal, atomicfile, folding, ...) and two base packages: the da/en catalog and the
# sealed-file format. Read from the disk, so a new top-level module is base unless named here.
ABOVE_THE_BASE = ("cli", "__main__")
BASE = (
    *sorted(p.stem for p in (SRC / "infocards").glob("*.py") if p.stem not in ("__init__", *ABOVE_THE_BASE)),
    "i18n",
    "sealed",
)
CORE = ("codes", "wallet", "share", "notes", "reader", "reader_site", "content", "web", *BASE)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            # "from infocards.content import scan" is an arrow to the module infocards.content.scan;
            # "from infocards.content import Library" one to the package's __init__.
            submodules = {f"{module}.{alias.name}" for alias in node.names} & modules
            found.update(submodules)
            if len(submodules) < len(node.names):
                found.add(module)
    return {m for m in found if m != name and (m in modules or m == "flet" or m.startswith(("flet.", "flet_")))}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in (SRC / "infocards").rglob("*.py")}
    return {name: _imports(path, set(paths)) for name, path in paths.items()}


GRAPH = _graph()


def _concern(module: str) -> str:
    """The top-level concern of a module: "infocards.codes.note_code" -> "codes"."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "infocards"


def _arrows(source: str) -> set[tuple[str, str]]:
    return {(m, d) for m, deps in GRAPH.items() if _concern(m) == source for d in deps}


def test_the_graph_is_read():
    # The rules below mean nothing if the reader of imports found no modules or no arrows.
    assert len(GRAPH) > 80
    assert ("infocards.share.issue", "infocards.codes.summary_code") in _arrows("share") or any(
        d.startswith("infocards.codes") for _, d in _arrows("share")
    )
    assert any(d.startswith("flet") for _, d in _arrows("ui"))


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_exists(package):
    assert (SRC / "infocards" / package / "__init__.py").is_file()


def test_the_base_is_read_from_the_disk():
    assert {"errors", "vocab", "records", "regions", "config", "atomicfile", "i18n", "sealed"} <= set(BASE)
    assert not {"codes", "wallet", "share", "ui", "commands", "cli"} & set(BASE)


def test_codes_imports_only_the_base():
    allowed = {"codes", *BASE}
    bad = {(m, d) for m, d in _arrows("codes") if _concern(d) not in allowed}
    assert not bad, sorted(bad)


def test_the_reader_never_imports_the_wallet_or_the_patients_side():
    bad = {(m, d) for m, d in _arrows("reader") if _concern(d) in ("wallet", "share", "notes")}
    assert not bad, sorted(bad)


def test_the_static_reader_imports_only_content_codes_and_the_base():
    # reader_site builds a folder from the packs and the catalog; it never needs the wallet, the
    # patient's side, the reader's Python view or anything that draws a screen.
    allowed = {"reader_site", "content", "codes", *BASE}
    bad = {(m, d) for m, d in _arrows("reader_site") if _concern(d) not in allowed}
    assert not bad, sorted(bad)


def test_wallet_never_imports_the_sharing_side():
    bad = {(m, d) for m, d in _arrows("wallet") if _concern(d) in ("codes", "share", "notes", "reader", "content")}
    assert not bad, sorted(bad)


def test_content_imports_only_the_base():
    allowed = {"content", *BASE}
    bad = {(m, d) for m, d in _arrows("content") if _concern(d) not in allowed}
    assert not bad, sorted(bad)


def test_the_base_imports_no_concern_above_it():
    base_modules = {m for m in GRAPH if _concern(m) in BASE}
    bad = {(m, d) for m in base_modules for d in GRAPH[m] if _concern(d) not in (*BASE, "infocards")}
    assert not bad, sorted(bad)


def test_nothing_in_the_core_imports_the_ui_or_the_commands():
    core = {m for m in GRAPH if _concern(m) in CORE}
    bad = {(m, d) for m in core for d in GRAPH[m] if _concern(d) in ("ui", "commands", "cli", "__main__")}
    assert not bad, sorted(bad)


def test_only_the_ui_imports_flet():
    bad = {(m, d) for m, deps in GRAPH.items() for d in deps if d.startswith("flet") and _concern(m) != "ui"}
    assert not bad, sorted(bad)


def _cycle() -> list[str] | None:
    """One import circle among the modules, or None (depth-first search with colours)."""
    colour: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        colour[node] = 1
        stack.append(node)
        for dep in sorted(GRAPH.get(node, ())):
            if dep not in GRAPH:
                continue
            if colour.get(dep) == 1:
                return [*stack[stack.index(dep):], dep]
            if dep not in colour and (found := visit(dep)):
                return found
        stack.pop()
        colour[node] = 2
        return None

    for node in sorted(GRAPH):
        if node not in colour and (found := visit(node)):
            return found
    return None


def _package_cycle() -> list[str] | None:
    """A circle between concerns (share -> reader -> share), which module-level checks miss."""
    edges: dict[str, set[str]] = {}
    for module, deps in GRAPH.items():
        for dep in deps:
            if dep in GRAPH and _concern(dep) != _concern(module):
                edges.setdefault(_concern(module), set()).add(_concern(dep))
    for start in edges:
        seen, todo = set(), [(start, [start])]
        while todo:
            node, path = todo.pop()
            for nxt in edges.get(node, ()):
                if nxt == start:
                    return [*path, start]
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append((nxt, [*path, nxt]))
    return None


def test_no_import_circles_between_modules():
    assert _cycle() is None, " -> ".join(_cycle() or [])


def test_no_import_circles_between_concerns():
    assert _package_cycle() is None, " -> ".join(_package_cycle() or [])


def test_the_circle_finders_find_a_circle():
    # The finders must see a circle where there is one, or the two tests above could never fail.
    saved = dict(GRAPH)
    try:
        GRAPH["infocards.codes.base45"] = {*GRAPH["infocards.codes.base45"], "infocards.codes.summary_code"}
        assert _cycle() is not None
        GRAPH["infocards.vocab"] = {"infocards.share.issue"}
        assert _package_cycle() is not None
    finally:
        GRAPH.clear()
        GRAPH.update(saved)


@pytest.mark.parametrize("package", [p for p in PACKAGES if p not in ("ui", "commands")])
def test_public_names_are_importable_from_their_package(package):
    # The core's packages name their API; the UI and the commands are reached through cli.main.
    import importlib

    module = importlib.import_module(f"infocards.{package}")
    assert module.__all__, f"infocards.{package} names its public names"
    for name in module.__all__:
        assert hasattr(module, name), f"infocards.{package}.{name}"


# The crypto boundary is thin and in one place: the sealed file's primitives and the codes' signing.
CRYPTO_MODULES = {"infocards.sealed.crypto", "infocards.codes.signing"}


def test_only_the_crypto_boundary_imports_cryptography():
    users = set()
    for path in (SRC / "infocards").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "cryptography" or n.startswith("cryptography.") for n in names):
                users.add(_module_name(path))
    assert users == CRYPTO_MODULES
