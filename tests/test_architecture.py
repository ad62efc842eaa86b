"""The dependency rules of docs/architecture.md, checked on the source.

Apps import only downward: membership ← meetings ← workshops ← baliprocess
(the project layer); `baliprocess.lib` holds framework helpers any app may
use and imports none of them. Inside an app, layers import only downward:
models ← selectors/services ← forms/filters/exporters/importers ← views/admin.

The view layer (views, URLs, admin) composes pages from several apps — a
participant's page shows the meetings it attended and the outcomes it
pledged — so it may import the selectors and models of any app. Nothing
below it may import an app above its own.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_RANK = {"baliprocess.lib": 0, "membership": 1, "meetings": 2, "workshops": 3, "baliprocess": 4}
LAYER_RANK = {
    "models": 0,
    "selectors": 1,
    "services": 1,
    "forms": 2,
    "filters": 2,
    "exporters": 2,
    "importers": 2,
}
OUR_PACKAGES = ("baliprocess", "membership", "meetings", "workshops")


def app_of(module: str) -> str | None:
    if module.startswith("baliprocess.lib"):
        return "baliprocess.lib"
    top = module.split(".")[0]
    return top if top in OUR_PACKAGES else None


def is_view_layer(module: str) -> bool:
    name = module.split(".")[1] if "." in module else ""
    return name == "urls" or name.startswith(("views", "admin"))


def layer_of(module: str) -> int:
    if module.startswith("baliprocess.lib"):
        return 0  # framework helpers sit below every layer
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else ""
    return LAYER_RANK.get(name, 3)


def source_modules():
    for package in OUR_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts or "settings" in path.parts:
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            yield module.removesuffix(".__init__"), path


def imports_of(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


MODULES = list(source_modules())


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_imports_go_only_downward(module, path):
    own_app = app_of(module)
    wrong = []
    for imported in imports_of(path):
        other_app = app_of(imported)
        if other_app is None:
            continue
        if APP_RANK[other_app] > APP_RANK[own_app]:
            if is_view_layer(module) and other_app != "baliprocess":
                continue
            wrong.append(f"{imported} (app {other_app} is above {own_app})")
        elif other_app == own_app and own_app not in ("baliprocess", "baliprocess.lib"):
            if layer_of(imported) > layer_of(module):
                wrong.append(f"{imported} (a higher layer of the same app)")
        elif other_app != own_app and layer_of(imported) > layer_of(module):
            wrong.append(f"{imported} (a higher layer of a lower app)")

    assert wrong == []
