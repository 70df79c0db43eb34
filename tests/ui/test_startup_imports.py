"""What the window loads before it is needed: the sign-in, the main window and every tab's
module load neither the libraries of a few actions (ReportLab for a PDF, openpyxl or the
spreadsheet readers for a workbook, pypdfium2 to print, cryptography for a package) nor the
demo's generator. Each is a fraction of a second and megabytes on an old PC, at every start
(or at the first showing of a tab) for an action the clerk may not take that day."""

from __future__ import annotations

from pbc_desktop.ui.shell.main_window import TABS
from tests.fresh_process import probe

#: Imports the modules named in the arguments, then prints every module loaded.
PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""

#: Loaded by the actions that need them, never at start or by a tab's module.
NOT_AT_START = (
    "reportlab",
    "openpyxl",
    "python_calamine",
    "xlrd",
    "odf",
    "pypdfium2",
    "cryptography",
    "pbc_desktop.services.demo",
    "pbc_desktop.services.exchange.transfer",
    "pypinyin",  # its dictionaries: on the first name, or once the window is idle
)


def loaded_by(modules: list[str]) -> set[str]:
    """The modules a fresh process has loaded after importing ``modules``."""
    return set(probe(PROBE, modules))


def heavy(loaded: set[str]) -> list[str]:
    return sorted(
        name for name in NOT_AT_START if any(m == name or m.startswith(f"{name}.") for m in loaded)
    )


def test_the_sign_in_and_the_window_load_no_library_of_a_few_actions() -> None:
    start = [
        "pbc_desktop.app",
        "pbc_desktop.ui.shell.crash",
        "pbc_desktop.db.migrate",
        "pbc_desktop.ui.accounts.session",
        "pbc_desktop.ui.shell.main_window",
    ]
    assert heavy(loaded_by(start)) == []


def test_no_tab_module_loads_a_library_of_a_few_actions() -> None:
    """Each tab's module alone (a tab is imported when first shown)."""
    for key, _title, _class in TABS:
        assert (key, heavy(loaded_by([f"pbc_desktop.ui.{key}.tab"]))) == (key, [])
