"""The base of the dialogs recording a change of one member (党员减少, a letter of
transfer, a stay away): the member's name on the form, the member's version kept."""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from pbc_desktop.services.member_editing import get_member_input
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import FormDialog, GeneratedForm


class MemberForm(GeneratedForm, Protocol):
    memberLabel: QLabel  # noqa: N815 (the name Qt Designer gives)


M = TypeVar("M", bound=MemberForm)


class MemberChangeDialog(FormDialog, Generic[M]):
    """Builds ``form`` (:meth:`FormDialog.use_form`) as ``self.ui`` and names the member
    in it; ``versioned``: the change is checked against the member as read now (a save
    over someone else's edit of the member since then is refused)."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        name: str,
        form: type[M],
        parent: QWidget | None = None,
        *,
        versioned: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.ui: M = self.use_form(form)
        self.ui.memberLabel.setText(name)
        if versioned:
            self.read_version = get_member_input(ctx.db, member_id).version
