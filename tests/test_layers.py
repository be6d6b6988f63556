"""The layers stay honest: each package imports only what docs/ARCHITECTURE.md allows."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The floors, bottom up. A package imports its own floor's modules listed here and anything on a lower floor;
# never a higher floor. The CLI (smartharvest) is alone on top and nothing imports it.
FLOORS = {
    "transforms": 0,       # pure functions on values
    "core": 0,             # settings and storage primitives
    "spiders": 1,          # acquisition (a child process of the crawl asset)
    "pipelines": 1,        # stages on storage
    "demo_web": 1,         # the fixture web
    "dagster_project": 2,  # assets, checks, schedules over pipelines
    "smartharvest": 3,     # the CLI
}
PROJECT = set(FLOORS)

ALLOWED = {
    "transforms": {"transforms"},
    "core": {"core"},
    "pipelines": {"pipelines", "transforms", "core"},
    "spiders": {"spiders", "transforms", "core"},
    "dagster_project": {"dagster_project", "pipelines", "core"},
    # never transforms (its texts must not come from the classifier) and never the product's settings
    "demo_web": {"demo_web", "core.processes"},
    "smartharvest": {"smartharvest", "dagster_project", "pipelines", "core", "demo_web", "transforms"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return {n for n in names if n.split(".")[0] in PROJECT}


def _allowed(name: str, rules: set[str]) -> bool:
    return any(name == r or name.startswith(r + ".") for r in rules)


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_lower_layers(package):
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            # "from pipelines import extract" shows up as both "pipelines" and "pipelines.extract"
            if name in PROJECT and any(_allowed(n, ALLOWED[package]) for n in _imports(path) if n.startswith(name + ".")):
                continue
            if not _allowed(name, ALLOWED[package]):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not bad, "\n".join(bad)


def test_no_package_imports_from_a_higher_floor():
    for package, allowed in ALLOWED.items():
        higher = [a for a in allowed if FLOORS[a.split(".")[0]] > FLOORS[package]]
        assert not higher, f"{package} (floor {FLOORS[package]}) may not import {higher}"


def test_the_ground_floor_shares_no_package_with_the_cli():
    """Settings and storage live in core/; the CLI package holds only the CLI and what only it uses."""
    assert not (ROOT / "smartharvest" / "settings.py").exists()
    cli_modules = {f"smartharvest.{p.stem}" for p in (ROOT / "smartharvest").glob("*.py")}
    below = [str(p.relative_to(ROOT)) for pkg in PROJECT - {"smartharvest"} for p in (ROOT / pkg).rglob("*.py")
             if any(n.startswith("smartharvest") for n in _imports(p))]
    assert not below, below
    assert cli_modules


def test_nothing_imports_the_cli():
    users = [str(p.relative_to(ROOT)) for pkg in PROJECT for p in (ROOT / pkg).rglob("*.py")
             if "smartharvest.cli" in _imports(p) and p.name != "__main__.py"]
    assert not users


def test_no_package_configures_by_mutating_the_environment():
    """Dagster gets its settings through the harvest resource and run config; children get an env of their own."""
    bad = []
    for pkg in PROJECT:
        for path in (ROOT / pkg).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                target = None
                if isinstance(node, (ast.Assign, ast.AugAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    target = next((t for t in targets if isinstance(t, ast.Subscript)
                                   and ast.unparse(t.value) == "os.environ"), None)
                elif isinstance(node, ast.Call) and ast.unparse(node.func) in {
                        "os.environ.update", "os.environ.setdefault", "os.environ.pop", "os.putenv"}:
                    target = node
                if target is not None:
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad, bad
