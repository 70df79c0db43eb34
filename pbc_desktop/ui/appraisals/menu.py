"""Where the members tab reaches the appraisal grid and the Party statistics, and the
member's appraisal results in its detail."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from pbc_desktop.services.appraisals.results import MemberAppraisal
from pbc_desktop.ui.common.actions import make_action
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.detail import fields
from pbc_desktop.ui.common.labels import label


class Host(Protocol):
    """A tab that opens dialogs (``DialogHost``) over its context."""

    ctx: AppContext

    def raise_active_dialog(self) -> bool: ...

    def open_dialog(
        self, dialog: QDialog, on_saved: Callable[[int], object] | None = None
    ) -> None: ...


def open_appraisal(host: Host, parent: QWidget, organization_id: int | None) -> QDialog | None:
    from pbc_desktop.ui.appraisals.dialog import AppraisalDialog

    if host.raise_active_dialog():
        return None
    dialog = AppraisalDialog(host.ctx, parent, organization_id=organization_id)
    host.open_dialog(dialog)
    return dialog


def open_statistics(host: Host, parent: QWidget) -> QDialog | None:
    from pbc_desktop.ui.party_stats.dialog import PartyStatsDialog

    if host.raise_active_dialog():
        return None
    dialog = PartyStatsDialog(host.ctx, parent)
    host.open_dialog(dialog)
    return dialog


def party_work_menu(tab: QWidget, current_org: Callable[[], object]) -> QMenu:
    """民主评议党员… and 党内统计… (``tab`` is a ``DialogHost`` with a context)."""
    host: Host = tab  # type: ignore[assignment]
    menu = QMenu(tab)

    def org_id() -> int | None:
        value = current_org()
        return int(value) if isinstance(value, int) else None

    menu.addAction(
        make_action(
            menu,
            "membersAppraisal",
            QCoreApplication.translate("AppraisalMenu", "Democratic appraisal of members..."),
            lambda: open_appraisal(host, tab, org_id()),
        )
    )
    menu.addAction(
        make_action(
            menu,
            "membersPartyStats",
            QCoreApplication.translate("AppraisalMenu", "Party statistics..."),
            lambda: open_statistics(host, tab),
        )
    )
    return menu


def appraisal_lines(appraisals: Iterable[MemberAppraisal]) -> str:
    """The member's grades (``appraisals``, as read with the member), latest year first,
    as detail lines (none: nothing)."""
    shown = [
        (
            QCoreApplication.translate("AppraisalMenu", "Appraisal {0}").format(a.year),
            f"{label(a.grade)}（{a.organization_name}）",
        )
        for a in appraisals
    ]
    return fields(shown) if shown else ""
