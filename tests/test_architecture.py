"""The layers' import direction: ui → services → domain / store / export; Qt only in ui."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "familyfile"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules() -> list[tuple[str, set[str]]]:
    result = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        result.append((".".join(relative.parts), _imports(path)))
    return result


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else parts[-1]


def _uses(imports: set[str], prefix: str) -> list[str]:
    return sorted(i for i in imports if i == prefix or i.startswith(prefix + "."))


FORBIDDEN = {
    "domain": ["familyfile.store", "familyfile.services", "familyfile.export", "familyfile.ui",
               "familyfile.cli", "sqlcipher3"],
    "store": ["familyfile.services", "familyfile.export", "familyfile.ui", "familyfile.cli"],
    "export": ["familyfile.services", "familyfile.ui", "familyfile.cli", "sqlcipher3"],
    "services": ["familyfile.ui", "familyfile.cli", "sqlcipher3"],
    "ui": ["familyfile.store", "familyfile.cli", "sqlcipher3"],
}


def test_the_scan_sees_every_layer() -> None:
    layers = {_layer(m) for m, _ in _modules()}
    assert {"domain", "store", "services", "export", "ui"} <= layers


def test_no_layer_imports_upwards() -> None:
    offences = []
    for module, imports in _modules():
        for banned in FORBIDDEN.get(_layer(module), []):
            offences += [f"{module} imports {name}" for name in _uses(imports, banned)]
    assert offences == []


def test_qt_only_in_ui_and_app() -> None:
    offences = []
    for module, imports in _modules():
        if _layer(module) in ("ui", "app"):
            continue
        for banned in ("PySide6", "qtawesome", "shiboken6"):
            offences += [f"{module} imports {name}" for name in _uses(imports, banned)]
    assert offences == []


def test_sql_only_in_store() -> None:
    offences = [m for m, imports in _modules()
                if _layer(m) != "store" and (_uses(imports, "sqlcipher3") or _uses(imports, "sqlite3"))]
    assert offences == []


def test_checker_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from familyfile.store import vault\nimport PySide6.QtCore\n")
    imports = _imports(bad)
    assert _uses(imports, "familyfile.store") and _uses(imports, "PySide6")
