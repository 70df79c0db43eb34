"""Importing party members from an Excel roster (党员名册, .xlsx).

Two steps, so that the user sees every problem before anything is written:

- :func:`read_members` reads the whole workbook and checks every row with the rules of the
  member editor (``domain.member_rules``), the organizations and ID numbers already stored
  and the other rows of the file. It writes nothing and returns an :class:`ImportPreview`.
- :func:`apply_import` writes the rows of a preview in one transaction: all of them, or
  with ``valid_only`` only the good ones. A cancel or an error leaves the database as it was.

Both take ``progress(percent, text)`` and ``cancelled()`` callbacks, as ``ui.worker`` passes.

The steps live in their own modules: ``filekind`` (what kind of file it is, and the
sentences refusing one that cannot be read), ``workbook`` (opening the file, finding the
sheet, reading its rows), ``row_checks`` (reading and checking every row without the
database: what the window's child process runs), ``checking`` (the database's side of it;
organizations close to a stored one are suggested, and mapped only as the user confirmed),
``writing`` and ``preview`` (the DTOs), ``applicants`` (the rows of people in the 发展党员
pipeline: 入党申请人, 积极分子 and 发展对象, set aside or entered as 发展党员 records when
asked).

The names below are imported when first asked for: the child process that reads a file
imports ``row_checks`` alone, without SQLAlchemy and the models (a second of its start).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pbc_desktop.services.member_import.checking import read_members
    from pbc_desktop.services.member_import.preview import (
        DEFAULT_MOVE,
        ON_DUPLICATE_CHOICES,
        ImportCancelledError,
        ImportCounts,
        ImportPreview,
        ImportResult,
        ImportRow,
        OnDuplicate,
        RowProblem,
        applicants_offer,
        moves_notice,
    )
    from pbc_desktop.services.member_import.writing import apply_import, new_org_values

__all__ = [
    "DEFAULT_MOVE",
    "ON_DUPLICATE_CHOICES",
    "ImportCancelledError",
    "ImportCounts",
    "ImportPreview",
    "ImportResult",
    "ImportRow",
    "OnDuplicate",
    "RowProblem",
    "applicants_offer",
    "apply_import",
    "moves_notice",
    "new_org_values",
    "read_members",
]

# Where each name lives: the preview's DTOs, but for the two steps and a helper.
_HOMES = dict.fromkeys(__all__, "preview") | {
    "read_members": "checking",
    "apply_import": "writing",
    "new_org_values": "writing",
}


def __getattr__(name: str) -> Any:
    """A name of :data:`__all__` from its module, or one of the package's modules."""
    home = _HOMES.get(name)
    if home is None:
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
