"""Importing Party organizations from a list (党组织信息表: .xlsx, .xls, .ods or .csv, as the
roster).

As the member import, in two steps so that the user sees every problem first:

- :func:`read_organizations` reads the list with the roster's workbook reader
  (``member_import.workbook.read_visible_sheets``), checks every row with the editor's
  rules (``organizations.input_errors``), names repeated in the file, parents (another
  row in any order, or an organization stored), cycles and the account's scope; it writes
  nothing and returns an :class:`OrgImportPreview` (its plan per ``on_duplicate``).
- :func:`apply_org_import` writes the good rows in one transaction, parents first.

The counts, the rows' problems, ``OnDuplicate`` and the cancel are the member import's
(``member_import.preview``). The columns are ``domain.org_columns.COLUMNS``;
:func:`write_org_template` writes them as an empty workbook with the choices as drop-down
lists.
"""

from __future__ import annotations

from pbc_desktop.services.organization_import.preview import OrgImportPreview, OrgImportResult
from pbc_desktop.services.organization_import.reading import read_organizations
from pbc_desktop.services.organization_import.template import write_org_template
from pbc_desktop.services.organization_import.writing import apply_org_import

__all__ = [
    "OrgImportPreview",
    "OrgImportResult",
    "apply_org_import",
    "read_organizations",
    "write_org_template",
]
