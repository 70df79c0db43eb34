"""What a ``pbc`` process loads: the command line never loads the window's toolkit, and
loads ReportLab, openpyxl or the spreadsheet reader only for a command that writes a PDF or
reads or writes a workbook; ``pbc --help`` opens no database, so it loads no database
library (most of its time on an old PC was SQLAlchemy and the models)."""

from __future__ import annotations

import pytest

from pbc_desktop.db.engine import Database
from tests.conftest import db_arg
from tests.fresh_process import probe

#: Runs ``pbc`` with the given arguments, then prints the modules it loaded.
PROBE = """
import contextlib, io, json, sys
from pbc_desktop.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

#: Only the commands that need them load these (the window, PDFs, workbooks).
NEVER_LOADED = ("PySide6", "reportlab", "openpyxl", "python_calamine", "xlrd", "odf")


def loaded(arguments: list[str]) -> tuple[int, set[str]]:
    """The exit code of ``pbc ARGUMENTS`` in a process of its own, and the top-level
    packages it loaded."""
    answer = probe(PROBE, arguments)
    return answer["code"], {name.split(".")[0] for name in answer["modules"]}


@pytest.mark.parametrize("arguments", [["--help"], ["info", "--help"], ["--version"]])
def test_help_loads_no_database_library(arguments: list[str]) -> None:
    code, modules = loaded(arguments)
    assert code == 0
    assert "sqlalchemy" not in modules
    assert "cryptography" not in modules
    assert "argon2" not in modules
    assert "pypinyin" not in modules
    assert not modules & set(NEVER_LOADED)


def test_info_loads_neither_the_window_nor_the_documents_libraries(db: Database) -> None:
    code, modules = loaded(["info", "--db", db_arg(db)])
    assert code == 0
    assert "sqlalchemy" in modules  # it did open the database
    assert not modules & set(NEVER_LOADED)
    assert "cryptography" not in modules  # the office's keys: only for packages
    assert "pypinyin" not in modules  # its dictionaries: for the first name only
