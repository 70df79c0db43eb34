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
sheet, reading its rows), ``checking`` (checking every row; organizations close to a stored
one are suggested, and mapped only as the user confirmed), ``writing`` and ``preview``
(the DTOs), ``applicants`` (the rows of people in the 发展党员 pipeline: 入党申请人,
积极分子 and 发展对象, set aside or entered as 发展党员 records when asked).
"""

from __future__ import annotations

from pbc_desktop.services.member_import.checking import read_members
from pbc_desktop.services.member_import.preview import (
    ON_DUPLICATE_CHOICES,
    ImportCancelledError,
    ImportCounts,
    ImportPreview,
    ImportResult,
    ImportRow,
    OnDuplicate,
    RowProblem,
    applicants_offer,
)
from pbc_desktop.services.member_import.writing import apply_import, new_org_values

__all__ = [
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
    "new_org_values",
    "read_members",
]
