"""The layers hold: ui → reports → services → db + domain; the CLI never needs the widgets.

Each rule reads every module's imports (``ast``), lazy ones inside functions included, so a
shortcut taken once fails here instead of being copied.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pbc_desktop"


def _modules(folder: str) -> list[Path]:
    root = PACKAGE / folder if folder else PACKAGE
    return sorted(p for p in root.rglob("*.py") if "forms" not in p.relative_to(PACKAGE).parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _offenders(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in paths:
        bad = sorted(
            name
            for name in _imports(path)
            if any(name == f or name.startswith(f + ".") for f in forbidden)
        )
        if bad:
            where = path.relative_to(PACKAGE) if path.is_relative_to(PACKAGE) else path.name
            found.append(f"{where}: {', '.join(bad)}")
    return found


def test_widgets_never_build_queries() -> None:
    """``ui/`` calls services; it imports neither SQLAlchemy nor the ORM models."""
    assert _offenders(_modules("ui"), ("sqlalchemy", "pbc_desktop.db.models")) == []


@pytest.mark.parametrize("layer", ["reports", "services", "db", "domain", "cli"])
def test_nothing_below_the_window_imports_widgets(layer: str) -> None:
    assert _offenders(_modules(layer), ("PySide6.QtWidgets", "PySide6.QtGui")) == []


@pytest.mark.parametrize("layer", ["reports", "services", "db", "domain", "cli"])
def test_nothing_below_the_window_imports_the_window(layer: str) -> None:
    assert _offenders(_modules(layer), ("pbc_desktop.ui", "pbc_desktop.app")) == []


@pytest.mark.parametrize(
    ("layer", "above"),
    [
        ("services", ("pbc_desktop.reports", "pbc_desktop.cli")),
        ("db", ("pbc_desktop.services", "pbc_desktop.reports", "pbc_desktop.cli")),
        ("domain", ("pbc_desktop.db", "pbc_desktop.services", "pbc_desktop.reports", "sqlalchemy")),
        ("reports", ("pbc_desktop.cli",)),
    ],
)
def test_each_layer_imports_only_those_below_it(layer: str, above: tuple[str, ...]) -> None:
    assert _offenders(_modules(layer), above) == []


def test_reports_take_a_services_data_not_rows() -> None:
    """Every report takes a service's DTO: none imports SQLAlchemy or the ORM models."""
    assert _offenders(_modules("reports"), ("sqlalchemy", "pbc_desktop.db.models")) == []


def test_the_rules_see_a_violation(tmp_path: Path) -> None:
    """The checker itself: a lazy import of a model inside a function is caught."""
    module = tmp_path / "bad.py"
    module.write_text(
        "def f():\n    from pbc_desktop.db.models import PartyMember\n", encoding="utf-8"
    )
    assert _offenders([module], ("pbc_desktop.db.models",)) == [
        "bad.py: pbc_desktop.db.models, pbc_desktop.db.models.PartyMember"
    ]
    assert _offenders([module], ("sqlalchemy",)) == []
