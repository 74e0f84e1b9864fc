"""The floors README "Where things live" draws: no package imports one on a floor above it,
and every package is on a floor (a new one must be placed before it can land)."""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1] / "appliance"
FLOORS = [
    ["config", "providers"],
    ["audio", "turns", "stt", "llm", "tts", "modelstore"],
    ["routing", "governance", "tools", "intents"],
    ["agents", "runtime"],
    ["pipeline"],
    ["apps", "benchmark"],
    ["service", "wyoming", "ops"],
    ["cli"],
]
FLOOR = {name: level for level, names in enumerate(FLOORS) for name in names}


def _imports(path: Path) -> list[str]:
    """The appliance modules `path` imports, at the top or inside a function."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("appliance."):
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("appliance.")]
    return found


def test_every_package_and_top_level_module_is_on_a_floor():
    units = {p.stem if p.is_file() else p.name for p in ROOT.iterdir()
             if (p.suffix == ".py" and p.stem != "__init__")
             or (p.is_dir() and (p / "__init__.py").exists())}
    assert units - {"examples"} == set(FLOOR), "place it in FLOORS and README, or remove it"


def test_no_import_goes_up_a_floor():
    upward = []
    for path in ROOT.rglob("*.py"):
        unit = path.relative_to(ROOT).parts[0].removesuffix(".py")
        if unit in FLOOR:
            upward += [f"{path.relative_to(ROOT)} imports {module}" for module in _imports(path)
                       if FLOOR.get(module.split(".")[1], -1) > FLOOR[unit]]
    assert not upward, "\n".join(upward)
