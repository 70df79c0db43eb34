"""到期提醒: running communities whose regular meeting or activity is overdue (for 概览).

Double-clicking a line (or Enter) emits ``navigate("activities", filters)`` so the main
window opens the 活动 tab on that community and kind, as the dashboard cards do.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain import reminders as rules_domain
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.errors import UserError
from pbc_desktop.services import reminders
from pbc_desktop.ui.common.columns import WHOLE, keep_chars, refit_columns
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.screens import FittedDialog
from pbc_desktop.ui.common.views import make_item_table, ok_cancel_buttons
from pbc_desktop.ui.common.write_guard import WriteGuard

ROW_DATA = Qt.ItemDataRole.UserRole
MIN_WIDTH = 310  # room for its four columns, the community's name elided


class RulesDialog(FittedDialog):
    """Months between activities of each kind; 0 = no reminder."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Reminder rules"))
        current = reminders.get_rules(ctx.db)
        form = QFormLayout()
        self.spins: dict[ActivityKind, QSpinBox] = {}
        for kind in ActivityKind:
            spin = QSpinBox(self)
            spin.setObjectName(f"rule_{kind.value}")
            spin.setRange(0, rules_domain.MAX_INTERVAL_MONTHS)
            spin.setSpecialValueText(self.tr("no reminder"))
            spin.setSuffix(self.tr(" months"))
            spin.setValue(current.get(kind, 0))
            self.spins[kind] = spin
            form.addRow(label(kind), spin)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = ok_cancel_buttons(self)
        self.writes = WriteGuard(ctx, self)  # the reminder rules are the district's
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for widget in (ok, *self.spins.values()):
            self.writes.add(widget, Permission.DISTRICT_RULES)
        self.writes.update()
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Remind when a running community has held no activity of a kind for this "
                "many months."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        try:
            reminders.set_rules(self.ctx.db, {k: s.value() for k, s in self.spins.items()})
        except UserError as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return
        super().accept()


class RemindersPanel(QWidget):
    """Overdue communities (community, kind, last held, overdue by N days)."""

    navigate = Signal(str, dict)
    #: Emitted after the rules were changed (the list is already refreshed).
    rules_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._town: str | None = None
        self.rows: list[reminders.ReminderRow] = []
        self.title = QLabel(self)
        self.title.setObjectName("overviewRemindersTitle")
        self.rules_button = QPushButton(self.tr("Edit &rules..."), self)
        self.rules_button.setObjectName("overviewRemindersRules")
        self.rules_button.clicked.connect(self.edit_rules)
        self.writes = WriteGuard(ctx, self)
        self.writes.add(self.rules_button, Permission.DISTRICT_RULES)
        self.writes.update()
        self.table = make_item_table(
            self,
            "overviewRemindersTable",
            [self.tr("Community"), self.tr("Kind"), self.tr("Last held"), self.tr("Overdue")],
        )
        self.table.setToolTip(self.tr("Double-click to see the community's activities"))
        # the overdue days in view beside the whole dates: the community's name gives way
        keep_chars(self.table, {0: 4, 2: WHOLE, 3: WHOLE})
        self.setMinimumWidth(MIN_WIDTH)
        self.table.cellActivated.connect(self.open_row)
        self.table.cellDoubleClicked.connect(self.open_row)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.rules_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh()

    def today(self) -> date:
        return date.today()

    def set_town(self, town: str | None) -> None:
        """Show only communities with a member organization in ``town`` (None: all)."""
        self._town = town
        self.refresh()

    def refresh(self) -> None:
        self.rows = reminders.due_reminders(self.ctx.db, self.today(), self._town)
        self.title.setText(self.tr("Overdue activities: {0}").format(len(self.rows)))
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            last = fmt_date(row.last_held) if row.last_held else self.tr("never")
            cells = [
                row.community_name,
                label(row.kind),
                last,
                self.tr("{0} days").format(row.days_overdue),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROW_DATA, i)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    item.setToolTip(self.tr("Due on {0}").format(fmt_date(row.due_on)))
                self.table.setItem(i, column, item)
        refit_columns(self.table)

    def open_row(self, row: int, _column: int = 0) -> None:
        if 0 <= row < len(self.rows):
            found = self.rows[row]
            self.navigate.emit(
                "activities", {"community_id": found.community_id, "kind": found.kind}
            )

    def rules_dialog(self) -> RulesDialog:
        return RulesDialog(self.ctx, self)

    def edit_rules(self) -> None:
        dialog = self.rules_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.rules_changed.emit()
        dialog.deleteLater()
