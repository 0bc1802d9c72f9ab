"""Issue 11 ("untie the circles in courses/"): no module of the courses app imports, directly or
through others, a module that imports it back — counting imports inside functions, which only
hide a circle. The page models do not import the views that serve them; bulk.py and tasks.py do
not import each other."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = "courses"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                found.add(target)  # (a module importing its own package's __init__ is no circle)
    return found


def graph() -> dict[str, set[str]]:
    files = [p for p in (ROOT / APP).rglob("*.py") if "migrations" not in p.parts]
    modules = {module_name(p) for p in files}
    return {module_name(p): imports_of(p, modules) for p in files}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [])
    return found


def test_the_courses_app_has_no_import_circles():
    edges = graph()
    # Package __init__ files re-export their submodules: that is not a dependency of the package on
    # its users, so only edges out of a package's own code count.
    edges = {m: {t for t in ts if not (edges.get(t) is not None and m.startswith(t + "."))} for m, ts in edges.items()}
    assert cycles(edges) == []


def test_page_models_do_not_import_views_and_bulk_and_tasks_are_one_way():
    edges = graph()
    for model_module in ("courses.models.pages", "courses.models"):
        assert not any(t.startswith("courses.views") for t in edges[model_module])
    assert "courses.tasks" in edges["courses.bulk"]
    assert "courses.bulk" not in edges["courses.tasks"]


def test_courses_never_imports_the_apps_built_on_it():
    """Issue 11/12: `quizzes` and `certificates` import `courses`, never the other way round;
    courses learns of them only through what it owns (courses/activities.py registry, the
    course_completed signal, hook panels). Imports inside functions count too."""
    offenders = []
    for path in (ROOT / APP).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            else:
                continue
            for target in names:
                if target.split(".")[0] in {"quizzes", "certificates", "incubator"}:
                    offenders.append(f"{path.relative_to(ROOT)}: {target}")
        # import_module("quizzes…") or apps.get_model("quizzes", …) would hide the same dependency.
        text = path.read_text(encoding="utf-8")
        for hidden in (
            'import_module("quizzes',
            'import_module("certificates',
            'get_model("quizzes',
            'get_model("certificates',
        ):
            if hidden in text:
                offenders.append(f"{path.relative_to(ROOT)}: {hidden}")
    assert offenders == []
