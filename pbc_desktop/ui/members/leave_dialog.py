"""党员减少: a member leaves the roll by 死亡, 出党 (with its kind), 停止党籍 or 转出 to an
outside unit without a letter of this program; and 恢复党籍 of a suspended member."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.member_changes import LEAVING_BY_DIALOG, LeavingKind, MemberChangeKind
from pbc_desktop.services.member_changes import leaving
from pbc_desktop.ui.common.combos import current_enum, fill_enum
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import set_date_capped, to_date
from pbc_desktop.ui.forms.ui_leave_dialog import Ui_LeaveDialog
from pbc_desktop.ui.members.change_dialog import MemberChangeDialog


class LeaveDialog(MemberChangeDialog[Ui_LeaveDialog]):
    """The kind of leaving, its date (today at most) and, by kind, how the member left the
    Party or the unit they went to."""

    def __init__(
        self, ctx: AppContext, member_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, member_id, name, Ui_LeaveDialog, parent)
        ui = self.ui
        self.setWindowTitle(self.tr("Member leaves: {0}").format(name))
        fill_enum(ui.kindCombo, LEAVING_BY_DIALOG)
        fill_enum(ui.leavingKindCombo, LeavingKind, self.tr("(choose)"))
        set_date_capped(ui.occurredEdit, date.today())
        ui.kindCombo.currentIndexChanged.connect(self._kind_chosen)
        ui.hintLabel.setText(
            self.tr(
                "The member is not deleted: they leave the current roll and stay in the "
                "history and the year's counts. A transfer to another organization goes "
                "through a letter of transfer."
            )
        )
        self.field_widgets = {
            "kind": ui.kindCombo,
            "occurred_on": ui.occurredEdit,
            "leaving_kind": ui.leavingKindCombo,
            "other_unit": ui.otherUnitEdit,
            "remark": ui.remarkEdit,
        }
        self._kind_chosen()
        ui.kindCombo.setFocus()

    def kind(self) -> MemberChangeKind:
        return current_enum(self.ui.kindCombo, MemberChangeKind) or MemberChangeKind.DECEASED

    def _kind_chosen(self) -> None:
        kind = self.kind()
        ui = self.ui
        for label, widget, shown in (
            (ui.leavingKindComboLabel, ui.leavingKindCombo, kind is MemberChangeKind.LEFT_PARTY),
            (ui.otherUnitEditLabel, ui.otherUnitEdit, kind is MemberChangeKind.TRANSFERRED_OUT),
        ):
            label.setVisible(shown)
            widget.setVisible(shown)

    def save(self) -> int:
        ui = self.ui
        kind = self.kind()
        return leaving.leave_member(
            self.ctx.db,
            self.member_id,
            leaving.LeavingInput(
                kind,
                to_date(ui.occurredEdit.date()),
                current_enum(ui.leavingKindCombo, LeavingKind)
                if kind is MemberChangeKind.LEFT_PARTY
                else None,
                ui.otherUnitEdit.text() if kind is MemberChangeKind.TRANSFERRED_OUT else None,
                ui.remarkEdit.toPlainText(),
                self.read_version,
            ),
        )
