"""Member exports for the 党员 tab: the import template, the roster workbook of the current
filter, and the 党员花名册 PDF of one organization (saved, previewed or printed).

Plain functions taking the parent widget and the :class:`AppContext`; the tab wires them to
its buttons. Long work runs off the UI thread with progress and cancel
(``ui.worker.run_with_progress``). ID numbers and phones stay masked unless the caller
passes ``unmasked=True`` (the user chose to show them); the user then confirms once more,
and the export is recorded in the audit log. The file and print dialogs are module-level
functions, so tests replace them as they do ``ui.messages``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QWidget

from pbc_desktop.errors import UserError
from pbc_desktop.files import safe_file_name
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import organizations
from pbc_desktop.services.members import MemberQuery
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.actions import make_action
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.worker import run_with_progress, succeeded


# -- dialogs (tests replace these) -----------------------------------------------------------
def ask_organization(parent: QWidget | None, names: list[str]) -> str | None:
    """The name of an organization picked (or typed) from ``names``; None when cancelled."""
    name, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("MemberExports", "Member roster"),
        QCoreApplication.translate(
            "MemberExports", "Print the roster of which Party organization?"
        ),
        names,
        0,
        True,
    )
    return name if ok and name else None


def exec_dialog(dialog: QDialog) -> int:
    """Run a modal print or preview dialog."""
    return dialog.exec()


# -- shared steps ----------------------------------------------------------------------------
def _confirm_unmasked(parent: QWidget | None, title: str) -> bool:
    return messages.confirm(
        parent,
        title,
        QCoreApplication.translate(
            "MemberExports",
            "The file will show full ID numbers and phone numbers. Keep it safe and delete "
            "it when it is no longer needed; the export is recorded in the audit log. "
            "Continue?",
        ),
    )


# -- the template ----------------------------------------------------------------------------
def save_template(parent: QWidget | None) -> Path | None:
    """Ask where, then write the import template (党员基本信息采集表)."""
    from pbc_desktop.services.member_export import write_template

    title = QCoreApplication.translate("MemberExports", "Save the import template")
    name = QCoreApplication.translate("MemberExports", "Party member information form") + ".xlsx"
    path = prompts.ask_save_path(parent, title, prompts.documents_dir() / name, "xlsx")
    if path is None:
        return None
    try:
        write_template(path)
    except UserError as error:
        messages.warning(parent, title, error.message)
        return None
    said = QCoreApplication.translate(
        "MemberExports", "The template was saved as {0}. Fill in one member a row and import it."
    )
    prompts.offer_folder(parent, title, path, said.format(str(path)))
    return path


# -- the roster workbook ---------------------------------------------------------------------
def export_roster_xlsx(
    parent: QWidget | None, ctx: AppContext, query: MemberQuery, unmasked: bool = False
) -> Path | None:
    """The members of ``query`` (the tab's current filter) as an Excel workbook."""
    from pbc_desktop.services.member_export import ExportResult, cut_sentence, export_members

    title = QCoreApplication.translate("MemberExports", "Export members to Excel")
    if unmasked and not _confirm_unmasked(parent, title):
        return None
    name = QCoreApplication.translate("MemberExports", "Party members {0}").format(
        date.today().isoformat()
    )
    path = prompts.ask_save_path(parent, title, prompts.suggested_file(f"{name}.xlsx"), "xlsx")
    if path is None:
        return None
    db = ctx.db

    def job(progress: ProgressFn, cancelled: CancelFn) -> ExportResult:
        return export_members(
            db,
            query,
            path,
            unmasked=unmasked,
            progress=progress,
            cancelled=cancelled,
        )

    outcome = run_with_progress(parent, title, job)
    if not succeeded(parent, outcome, title=title, refused=(UserError, OSError)):
        return None
    result = outcome.result
    count = result.count if result is not None else 0
    if unmasked:
        text = QCoreApplication.translate(
            "MemberExports", "{0} members were saved to {1} with full ID numbers and phones."
        )
    else:
        text = QCoreApplication.translate(
            "MemberExports",
            "{0} members were saved to {1}; ID numbers and phones are partly hidden.",
        )
    shown = text.format(count, str(path))
    if result is not None and result.cut_rows:
        shown += "\n\n" + cut_sentence(result.cut_rows)
    prompts.offer_folder(parent, title, path, shown)
    return path


# -- the 花名册 PDF ---------------------------------------------------------------------------
def choose_organization(parent: QWidget | None, ctx: AppContext) -> int | None:
    """Ask which organization; its id, or None when cancelled or not found."""
    choices = organizations.choices(ctx.db)
    if not choices:
        messages.warning(
            parent,
            QCoreApplication.translate("MemberExports", "Member roster"),
            QCoreApplication.translate(
                "MemberExports",
                "No Party organization has been entered yet, and the roster is printed for "
                "one. Import them first (File → Import Party organizations from Excel...) or "
                "add them one by one on the Organizations tab.",
            ),
        )
        return None
    name = ask_organization(parent, [c.name for c in choices])
    if name is None:
        return None
    needle = name.strip()
    by_name = {c.name: c.id for c in choices}
    found = by_name.get(needle)
    if found is not None:
        return found
    # Part of a name, as typed into the picker: enough when it names one organization.
    close = [c for c in choices if needle and needle in c.name]
    if len(close) == 1:
        return close[0].id
    if close:
        text = QCoreApplication.translate(
            "MemberExports", "{0} Party organizations have “{1}” in their names: {2}. Choose one."
        ).format(
            len(close),
            needle,
            "、".join(c.name for c in close[:5]) + ("…" if len(close) > 5 else ""),
        )
    else:
        text = QCoreApplication.translate(
            "MemberExports", "No Party organization is named {0}."
        ).format(name)
    messages.warning(parent, QCoreApplication.translate("MemberExports", "Member roster"), text)
    return None


def _roster_name(ctx: AppContext, organization_id: int) -> str:
    from pbc_desktop.services.scope import organization_name

    org = organization_name(ctx.db, organization_id) or str(organization_id)
    return QCoreApplication.translate("MemberExports", "{0} member roster").format(org)


def _write_roster(
    parent: QWidget | None,
    ctx: AppContext,
    organization_id: int,
    out: Path,
    *,
    unmasked: bool,
    title: str,
    as_of: date | None = None,
) -> Path | None:
    """Build the PDF off the UI thread (the roll now, or at ``as_of``); the path, or None
    after a message."""
    from pbc_desktop.reports.roster import build_roster

    db = ctx.db
    notes: list[str] = []  # words with characters no font has (filled on the worker)

    def job(progress: ProgressFn, _cancelled: CancelFn) -> Path:
        progress(10, "")
        return build_roster(
            db, organization_id, out, unmasked=unmasked, warn=notes.append, as_of=as_of
        )

    outcome = run_with_progress(parent, title, job)
    if not succeeded(parent, outcome, title=title, refused=(UserError, OSError)):
        return None
    from pbc_desktop.ui.common.printing import warn_unprintable

    warn_unprintable(parent, notes)
    return outcome.result


def _organization(
    parent: QWidget | None, ctx: AppContext, organization_id: int | None
) -> int | None:
    return organization_id if organization_id is not None else choose_organization(parent, ctx)


def save_roster_pdf(
    parent: QWidget | None,
    ctx: AppContext,
    organization_id: int | None,
    unmasked: bool = False,
    as_of: date | None = None,
) -> Path | None:
    """Save the 党员花名册 of the organization (asked for when None) as a PDF: its roll
    now, or at ``as_of``."""
    title = QCoreApplication.translate("MemberExports", "Save the member roster as PDF")
    org_id = _organization(parent, ctx, organization_id)
    if org_id is None or (unmasked and not _confirm_unmasked(parent, title)):
        return None
    path = prompts.ask_save_path(
        parent, title, prompts.suggested_file(f"{_roster_name(ctx, org_id)}.pdf"), "pdf"
    )
    if path is None:
        return None
    written = _write_roster(parent, ctx, org_id, path, unmasked=unmasked, title=title, as_of=as_of)
    if written is not None:
        said = QCoreApplication.translate("MemberExports", "The roster was saved as {0}.")
        prompts.offer_folder(parent, title, written, said.format(str(written)))
    return written


def landscape_printer() -> QPrinter:
    from pbc_desktop.ui.common import printing  # pypdfium2: loaded when a roster is printed

    printer = printing.new_printer()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def _with_roster_pdf(
    parent: QWidget | None,
    ctx: AppContext,
    organization_id: int | None,
    *,
    unmasked: bool,
    title: str,
    use: Callable[[Path], int],
    as_of: date | None = None,
) -> int:
    org_id = _organization(parent, ctx, organization_id)
    if org_id is None or (unmasked and not _confirm_unmasked(parent, title)):
        return 0
    with tempfile.TemporaryDirectory(prefix="pbc-print-") as folder:
        out = Path(folder) / safe_file_name(f"{_roster_name(ctx, org_id)}.pdf")
        pdf = _write_roster(parent, ctx, org_id, out, unmasked=unmasked, title=title, as_of=as_of)
        return use(pdf) if pdf is not None else 0


def preview_roster(
    parent: QWidget | None,
    ctx: AppContext,
    organization_id: int | None,
    unmasked: bool = False,
    as_of: date | None = None,
) -> int:
    """Show the roster in a print preview (from which it can be printed); pages painted."""
    title = QCoreApplication.translate("MemberExports", "Print preview")

    def show(pdf: Path) -> int:
        from pbc_desktop.ui.common import printing

        printer = landscape_printer()  # held here: the dialog does not own it
        pages = printing.preview_pdf(
            parent, pdf, printer, title=title, size=(1100, 800), run=exec_dialog
        )
        return pages or 0

    return _with_roster_pdf(
        parent, ctx, organization_id, unmasked=unmasked, title=title, use=show, as_of=as_of
    )


def print_roster(
    parent: QWidget | None,
    ctx: AppContext,
    organization_id: int | None,
    unmasked: bool = False,
    as_of: date | None = None,
) -> int:
    """Print the roster on A4 landscape after the print dialog; pages printed (0: none)."""
    title = QCoreApplication.translate("MemberExports", "Print the member roster")

    def send(pdf: Path) -> int:
        from pbc_desktop.ui.common import printing

        return printing.print_pdf(parent, pdf, landscape_printer(), exec_dialog) or 0

    return _with_roster_pdf(
        parent, ctx, organization_id, unmasked=unmasked, title=title, use=send, as_of=as_of
    )


def roster_menu(
    parent: QWidget,
    ctx: AppContext,
    organization_id: Callable[[], int | None],
    unmasked: Callable[[], bool],
    as_of: Callable[[], date | None] = lambda: None,
) -> QMenu:
    """A menu "Save as PDF… / Print preview… / Print…" for a 花名册 button.

    ``organization_id()`` gives the organization of the tab's filter (None: ask),
    ``unmasked()`` whether the user chose to show full numbers and ``as_of()`` the date of
    the roll (None: now), when an entry is chosen.
    """
    menu = QMenu(parent)
    menu.setObjectName("membersRosterMenu")
    entries: list[tuple[str, str, Callable[..., object]]] = [
        (
            "membersRosterSave",
            QCoreApplication.translate("MemberExports", "Save as PDF..."),
            save_roster_pdf,
        ),
        (
            "membersRosterPreview",
            QCoreApplication.translate("MemberExports", "Print preview..."),
            preview_roster,
        ),
        (
            "membersRosterPrint",
            QCoreApplication.translate("MemberExports", "Print..."),
            print_roster,
        ),
    ]

    def chosen(run: Callable[..., object]) -> Callable[[], object]:
        return lambda: run(parent, ctx, organization_id(), unmasked(), as_of())

    for object_name, text, run in entries:
        menu.addAction(make_action(menu, object_name, text, chosen(run)))
    return menu
