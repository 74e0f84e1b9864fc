"""Every package's public names are exactly its `__all__`, and its docstring names real things.

Checked both ways, for every package under appliance/: each name in `__all__` exists, and
each public name the package's `__init__` binds (other than a submodule) is in `__all__`.
"""

import __future__

import importlib
import importlib.util
import pkgutil
import re
from types import ModuleType

import pytest

import appliance

pytestmark = pytest.mark.unit

PACKAGES = ["appliance"] + sorted(
    info.name for info in pkgutil.walk_packages(appliance.__path__, "appliance.") if info.ispkg)
# Packages that export nothing, and why.
EXPORT_NOTHING = {
    "appliance": "it only tunes OpenMP before any engine loads",
    "appliance.examples": "it holds data files (the example recording and settings)",
    "appliance.apps.kiosk": "it imports nothing, so the CLI lists wake phrases without pipecat",
    "appliance.apps": "each app is its own module, imported by what runs it",
    "appliance.providers": "its modules are imported by the providers that need each",
    "appliance.runtime": "its modules load models: imported only by what runs the appliance",
}


def public_names(module: ModuleType) -> set[str]:
    """Names the package's `__init__` binds for its users: not private, not a module."""
    return {name for name, value in vars(module).items()
            if not name.startswith("_") and not isinstance(value, ModuleType)
            and not isinstance(value, type(__future__.annotations))}


def test_every_package_under_appliance_is_checked():
    assert {"appliance.ops", "appliance.tools", "appliance.benchmark"} <= set(PACKAGES)
    assert set(EXPORT_NOTHING) <= set(PACKAGES), "a package that exports nothing is gone"


@pytest.mark.parametrize("name", PACKAGES)
def test_every_exported_name_exists(name):
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", [])
    if name in EXPORT_NOTHING:
        assert exported == [], f"{name} exports {exported}, though {EXPORT_NOTHING[name]}"
        return
    assert exported, f"{name} has no __all__"
    missing = [n for n in exported if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ lists {missing}, which {name} does not have"
    assert sorted(exported) == sorted(set(exported)), f"{name}.__all__ repeats a name"


@pytest.mark.parametrize("name", PACKAGES)
def test_every_public_name_of_a_package_is_exported(name):
    module = importlib.import_module(name)
    unlisted = public_names(module) - set(getattr(module, "__all__", []))
    assert not unlisted, f"{name} binds {sorted(unlisted)} but leaves them out of __all__"


@pytest.mark.parametrize("name", PACKAGES)
def test_what_a_package_docstring_names_is_exported_or_a_submodule(name):
    """`Name`, `Name(...)` or `submodule.name` in the docstring: each must be real."""
    module = importlib.import_module(name)
    for mentioned in re.findall(r"`([A-Za-z_][\w.]*)[`(]", module.__doc__ or ""):
        head, *rest = mentioned.split(".")
        if head in getattr(module, "__all__", []):
            continue
        assert importlib.util.find_spec(f"{name}.{head}"), \
            f"{name}'s docstring names {mentioned}, which is neither exported nor a submodule"
        if rest:
            submodule = importlib.import_module(f"{name}.{head}")
            assert hasattr(submodule, rest[0]), f"{name}'s docstring names {mentioned}"
