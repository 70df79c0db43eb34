"""Record one dated step of a community's procedure (申请/审核/批准/运行/整顿/撤销)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QBrush, QColor, QStandardItemModel
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from pbc_desktop.domain import lifecycle
from pbc_desktop.domain.enums import LifecycleAction
from pbc_desktop.errors import ValidationError
from pbc_desktop.services import communities as svc
from pbc_desktop.ui.common.combos import fill_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import to_date, to_qdate
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.forms.ui_lifecycle_dialog import Ui_LifecycleDialog


class LifecycleDialog(FormDialog):
    """Steps the procedure allows come first; the others are greyed and say why not."""

    def __init__(self, ctx: AppContext, community_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.community_id = community_id
        self.ui = self.use_form(Ui_LifecycleDialog)
        self.detail = svc.get_community(ctx.db, community_id)
        self.ui.communityLabel.setText(self.detail.name)
        self.ui.statusLabel.setText(label(self.detail.status))
        self.field_widgets = {
            "action": self.ui.actionCombo,
            "on": self.ui.dateEdit,
            "remark": self.ui.remarkEdit,
        }
        self._fill_actions()
        today = date.today()
        self.ui.dateEdit.setMaximumDate(to_qdate(today))
        if self.detail.last_step_on is not None:
            self.ui.dateEdit.setMinimumDate(to_qdate(min(self.detail.last_step_on, today)))
        self.ui.dateEdit.setDate(to_qdate(today))
        self.ui.actionCombo.currentIndexChanged.connect(self._on_action_changed)
        self._on_action_changed()

    def _fill_actions(self) -> None:
        combo = self.ui.actionCombo
        allowed = list(self.detail.allowed_actions)
        fill_enum(combo, allowed)
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
        select_data(self.ui.actionCombo, action, otherwise=-1)

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
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(refusal is None)
        self.show_error(ValidationError.single("action", refusal) if refusal else None)

    def save(self) -> int | None:
        action = self.selected_action()
        if action is None:
            return None
        svc.apply_lifecycle(
            self.ctx.db,
            self.community_id,
            action,
            to_date(self.ui.dateEdit.date()),
            self.ui.remarkEdit.toPlainText(),
        )
        return self.community_id
