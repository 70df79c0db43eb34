"""Record one dated step of a community's procedure (申请/审核/批准/运行/整顿/撤销)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from pbc_desktop.domain import lifecycle
from pbc_desktop.domain.enums import LifecycleAction
from pbc_desktop.errors import UserError, ValidationError
from pbc_desktop.services import communities as svc
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import to_date, to_qdate
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.forms.ui_lifecycle_dialog import Ui_LifecycleDialog


class LifecycleDialog(QDialog):
    """Steps the procedure allows come first; the others are greyed and say why not."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, community_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.community_id = community_id
        self.ui = Ui_LifecycleDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.detail = svc.get_community(ctx.db, community_id)
        self.ui.communityLabel.setText(self.detail.name)
        self.ui.statusLabel.setText(label(self.detail.status))
        self.ui.errorLabel.hide()
        self._fill_actions()
        today = date.today()
        self.ui.dateEdit.setMaximumDate(to_qdate(today))
        if self.detail.last_step_on is not None:
            self.ui.dateEdit.setMinimumDate(to_qdate(min(self.detail.last_step_on, today)))
        self.ui.dateEdit.setDate(to_qdate(today))
        self.ui.actionCombo.currentIndexChanged.connect(self._on_action_changed)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._on_action_changed()

    def _fill_actions(self) -> None:
        combo = self.ui.actionCombo
        allowed = list(self.detail.allowed_actions)
        for action in allowed:
            combo.addItem(label(action), action.value)
        others = [a for a in LifecycleAction if a not in allowed]
        if allowed and others:
            combo.insertSeparator(combo.count())
        model = combo.model()
        for action in others:
            combo.addItem(label(action), action.value)
            if isinstance(model, QStandardItemModel):
                item = model.item(combo.count() - 1)
                item.setForeground(QBrush(QColor("#888888")))
        combo.setCurrentIndex(0)

    def selected_action(self) -> LifecycleAction | None:
        code = self.ui.actionCombo.currentData()
        return LifecycleAction.from_label(code) if isinstance(code, str) else None

    def select_action(self, action: LifecycleAction) -> None:
        self.ui.actionCombo.setCurrentIndex(self.ui.actionCombo.findData(action.value))

    def _refusal(self) -> str | None:
        action = self.selected_action()
        if action is None:
            return self.tr("Choose a step.")
        try:
            lifecycle.next_status(self.detail.status, action)
        except ValidationError as exc:
            return exc.message
        return None

    def _on_action_changed(self) -> None:
        refusal = self._refusal()
        self._show_error(refusal)
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(refusal is None)
        messages.mark_fields(
            {"action": self.ui.actionCombo},
            ValidationError.single("action", refusal) if refusal else None,
        )

    def _show_error(self, text: str | None) -> None:
        self.ui.errorLabel.setText(text or "")
        self.ui.errorLabel.setVisible(bool(text))

    def accept(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        try:
            svc.apply_lifecycle(
                self.ctx.db,
                self.community_id,
                action,
                to_date(self.ui.dateEdit.date()),
                self.ui.remarkEdit.toPlainText(),
            )
        except ValidationError as exc:
            self._show_error(exc.message)
            messages.mark_fields({"action": self.ui.actionCombo, "on": self.ui.dateEdit}, exc)
            return
        except UserError as exc:
            self._show_error(exc.message)
            return
        super().accept()
        self.saved.emit(self.community_id)
