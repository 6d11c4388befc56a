"""The tree tells the architecture: engine (loaders, library) apart from the app (board, views), no import circles."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("loaders", "library", "board", "views")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    found = {module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    found["dashboard"] = ROOT / "dashboard.py"
    return found


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Project modules a file imports, at any depth of the file (imports inside functions count too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {n for n in names if n in known}


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imports_of(path, set(modules)) - {name} for name, path in modules.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle between modules, if any (iterative depth-first search; a package's __init__ importing its
    own submodules is a package re-exporting, not a circle, so parent → child edges are left out)."""
    state: dict[str, int] = {}
    for root in edges:
        if root in state:
            continue
        stack = [(root, iter(sorted(edges[root])))]
        path = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            for child in children:
                if child.startswith(node + "."):
                    continue
                if state.get(child) == 1:
                    return [*path[path.index(child) :], child]
                if child not in state:
                    state[child] = 1
                    stack.append((child, iter(sorted(edges[child]))))
                    path.append(child)
                    break
            else:
                state[node] = 2
                stack.pop()
                path.pop()
    return None


def test_find_cycle_can_fail():
    assert find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert find_cycle({"a": {"a.b"}, "a.b": set()}) is None


def test_no_import_circles():
    assert find_cycle(graph()) is None


def test_the_engine_never_imports_the_app():
    app = ("board", "views", "dashboard", "streamlit")
    for path in [*(ROOT / "loaders").rglob("*.py"), *(ROOT / "library").rglob("*.py")]:
        source = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(source):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not [n for n in names if n.split(".")[0] in app], path


def test_the_root_holds_only_the_entry_point():
    loose = sorted(p.name for p in ROOT.glob("*.py"))
    assert loose == ["dashboard.py"]


def test_data_holds_only_replies():
    """What ships in data/ (the library's own manifest and cache are written there at run time)."""
    written_at_run_time = {"manifest.json"}
    shipped = {p.name for p in (ROOT / "data").iterdir() if not p.name.startswith(".")} - written_at_run_time
    assert shipped == {"seed_reply.txt"}


def test_a_pool_worker_importing_the_entry_point_runs_no_page():
    """Worker processes (forkserver/spawn) re-import the main script as __mp_main__, outside any Streamlit run:
    the dashboard must only define there (its page code raises outside a script run)."""
    import runpy

    defined = runpy.run_path(str(ROOT / "dashboard.py"), run_name="__mp_main__")
    assert callable(defined["main"])
