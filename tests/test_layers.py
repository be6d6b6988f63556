"""The layers stay honest: each package imports only what docs/ARCHITECTURE.md allows."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = {"spiders", "transforms", "pipelines", "dagster_project", "demo_web", "smartharvest"}

ALLOWED = {
    "transforms": {"transforms"},
    "pipelines": {"pipelines", "transforms", "smartharvest.settings", "smartharvest.processes"},
    "spiders": {"spiders", "transforms", "pipelines.raw_store", "pipelines.fetch_log", "pipelines.sources",
                "smartharvest.settings", "smartharvest.processes"},
    "dagster_project": {"dagster_project", "pipelines", "smartharvest.settings"},
    "demo_web": {"demo_web", "smartharvest.settings", "smartharvest.processes"},   # never transforms: its texts must not come from the classifier
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


def test_nothing_imports_the_cli():
    users = [str(p.relative_to(ROOT)) for pkg in PROJECT for p in (ROOT / pkg).rglob("*.py")
             if "smartharvest.cli" in _imports(p) and p.name != "__main__.py"]
    assert not users
