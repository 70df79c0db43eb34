"""岗位目录: the posts members can take when they report (政策宣传, 志愿服务 …)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.errors import UserError
from pbc_desktop.services.post_reports import catalogue
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.views import close_without_enter
from pbc_desktop.ui.common.write_guard import WriteGuard
from pbc_desktop.ui.forms.ui_post_catalogue_dialog import Ui_PostCatalogueDialog

ID_ROLE = Qt.ItemDataRole.UserRole
INACTIVE_COLOR = "#888888"


class PostCatalogueDialog(QDialog):
    """Pick a post on the left, edit it on the right. ``changed`` follows every write.

    A post in use cannot be deleted, only deactivated: it is then no longer offered, and
    the reports on it keep it.
    """

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_PostCatalogueDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        ui.errorLabel.hide()
        ui.introLabel.setText(
            self.tr(
                "The posts a member can take when reporting to a co-building organization. "
                "A post in use cannot be deleted; deactivate it and it is no longer offered."
            )
        )
        self.current_id: int | None = None
        self._rows: dict[int, catalogue.PostRow] = {}
        self.field_widgets: dict[str, QWidget] = {
            "name": ui.nameEdit,
            "description": ui.descriptionEdit,
        }
        ui.postList.currentRowChanged.connect(self._selected)
        ui.newButton.clicked.connect(self.new_post)
        ui.saveButton.clicked.connect(self.save)
        ui.activeButton.clicked.connect(self.toggle_active)
        ui.deleteButton.clicked.connect(self.delete_current)
        ui.upButton.clicked.connect(lambda: self.move_current(-1))
        ui.downButton.clicked.connect(lambda: self.move_current(+1))
        ui.buttonBox.rejected.connect(self.reject)
        close_without_enter(ui.buttonBox)
        for button in (ui.newButton, ui.activeButton, ui.deleteButton, ui.upButton, ui.downButton):
            button.setAutoDefault(False)
        ui.saveButton.setDefault(True)
        self._guard_writes()
        window = Qt.ShortcutContext.WindowShortcut
        for keys, button in (
            ("Ctrl+Up", ui.upButton),
            ("Ctrl+Down", ui.downButton),
            ("Ctrl+N", ui.newButton),
            ("Ctrl+S", ui.saveButton),
        ):
            self.writes.shortcut(keys, self, button, window)
        delete = QKeySequence(QKeySequence.StandardKey.Delete)
        on_list = Qt.ShortcutContext.WidgetShortcut
        self.writes.shortcut(delete, ui.postList, ui.deleteButton, on_list)
        self.reload()
        if ui.postList.count():
            ui.postList.setCurrentRow(0)
        else:
            self.new_post()

    def _guard_writes(self) -> None:
        """The catalogue is the district's: anyone else reads it and changes nothing."""
        ui = self.ui
        self.writes = WriteGuard(self.ctx, self)
        chosen = self._current_row

        def position() -> int:
            return ui.postList.currentRow()

        for widget, when in (
            (ui.newButton, None),
            (ui.saveButton, None),
            (ui.nameEdit, None),
            (ui.descriptionEdit, None),
            (ui.upButton, lambda: chosen() is not None and position() > 0),
            (
                ui.downButton,
                lambda: chosen() is not None and 0 <= position() < ui.postList.count() - 1,
            ),
            (ui.activeButton, lambda: chosen() is not None),
            (ui.deleteButton, lambda: (row := chosen()) is not None and not row.in_use),
        ):
            self.writes.add(widget, Permission.DISTRICT_RULES, when=when)

    # -- the list ----------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        ui = self.ui
        keep = select if select is not None else self.current_id
        rows = catalogue.list_posts(self.ctx.db)
        self._rows = {r.id: r for r in rows}
        ui.postList.blockSignals(True)
        ui.postList.clear()
        for row in rows:
            text = row.name if row.active else self.tr("{0} (inactive)").format(row.name)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row.id)
            item.setToolTip(row.description or "")
            if not row.active:
                item.setForeground(QBrush(QColor(INACTIVE_COLOR)))
            ui.postList.addItem(item)
            if row.id == keep:
                ui.postList.setCurrentItem(item)
        ui.postList.blockSignals(False)
        if keep is not None and keep not in self._rows:
            self.current_id = None
        self._update_buttons()

    def post_names(self) -> list[str]:
        """The names in the list's order (tests and screen readers)."""
        return [
            self._rows[int(self.ui.postList.item(i).data(ID_ROLE))].name
            for i in range(self.ui.postList.count())
        ]

    def _current_row(self) -> catalogue.PostRow | None:
        return self._rows.get(self.current_id) if self.current_id is not None else None

    def _position(self, post_id: int | None) -> int:
        """The list row showing ``post_id``; -1 when none does."""
        post_list = self.ui.postList
        return next(
            (i for i in range(post_list.count()) if post_list.item(i).data(ID_ROLE) == post_id),
            -1,
        )

    def select_post(self, post_id: int) -> bool:
        position = self._position(post_id)
        if position < 0:
            return False
        self.ui.postList.setCurrentRow(position)
        return True

    def _selected(self, index: int) -> None:
        item = self.ui.postList.item(index) if index >= 0 else None
        row = self._rows.get(int(item.data(ID_ROLE))) if item is not None else None
        if row is None:
            return
        if row.id != self.current_id:
            if not self._settle_edits():  # the edits could not be saved: stay on them
                self._select_quietly(self.current_id)
                return
            row = self._rows.get(row.id)  # saving read the list again
            self._select_quietly(row.id if row else None)
        if row is not None:
            self._show(row)

    def _select_quietly(self, post_id: int | None) -> None:
        post_list = self.ui.postList
        post_list.blockSignals(True)
        post_list.setCurrentRow(self._position(post_id))
        post_list.blockSignals(False)
        self._update_buttons()

    def has_unsaved_edits(self) -> bool:
        """The name or duties typed differ from the shown post's (or a new one was begun)."""
        name = self.ui.nameEdit.text().strip()
        duties = self.ui.descriptionEdit.toPlainText().strip()
        row = self._current_row()
        if row is None:
            return bool(name or duties)
        return name != row.name.strip() or duties != (row.description or "").strip()

    def _settle_edits(self) -> bool:
        """Before leaving the shown post: its unsaved edits are saved if the user says so.

        False when they were to be saved but could not be (the error is shown).
        """
        if not self.has_unsaved_edits():
            return True
        row = self._current_row()
        name = row.name if row is not None else self.ui.nameEdit.text().strip()
        question = self.tr("The post “{0}” has changes that are not saved. Save them?").format(name)
        if not messages.confirm(self, self.tr("Unsaved changes"), question):
            return True
        return self.save() is not None

    def reject(self) -> None:
        """Close, after asking about unsaved edits."""
        if self._settle_edits():
            super().reject()

    def _show(self, row: catalogue.PostRow | None) -> None:
        ui = self.ui
        self.current_id = row.id if row else None
        self.show_error(None)
        ui.postBox.setTitle(row.name if row else self.tr("New post"))
        ui.nameEdit.setText(row.name if row else "")
        ui.descriptionEdit.setPlainText((row.description if row else None) or "")
        if row is None:
            usage = self.tr("Type the name and the duties, then click Save.")
        elif row.in_use:
            usage = self.tr("Named by {0} reports; {1} members are on this post now.").format(
                row.report_count, row.active_count
            )
        else:
            usage = self.tr("No report names this post yet.")
        if row is not None and not row.active:
            usage += " " + self.tr("Inactive: not offered when a member reports.")
        ui.usageLabel.setText(usage)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui = self.ui
        row = self._current_row()
        ui.activeButton.setText(
            self.tr("Reac&tivate") if row is not None and not row.active else self.tr("Deac&tivate")
        )
        ui.deleteButton.setToolTip(
            self.tr("In use: deactivate it instead") if row is not None and row.in_use else ""
        )
        self.writes.update()

    # -- actions -----------------------------------------------------------------------------
    def new_post(self) -> None:
        if not self._settle_edits():
            return
        self.ui.postList.clearSelection()
        self.ui.postList.setCurrentRow(-1)
        self._show(None)
        self.ui.nameEdit.setFocus()

    def show_error(self, error: UserError | None) -> None:
        messages.show_form_error(self.ui.errorLabel, self.field_widgets, error)

    def _done(self, post_id: int | None) -> None:
        self.show_error(None)
        self.reload(post_id)
        self._selected(self.ui.postList.currentRow())
        self.changed.emit()

    def save(self) -> int | None:
        ui = self.ui
        shown = self._current_row()
        data = catalogue.PostInput(
            ui.nameEdit.text(),
            ui.descriptionEdit.toPlainText(),
            version=shown.version if shown is not None else None,
        )
        try:
            if self.current_id is None:
                self.current_id = catalogue.add_post(self.ctx.db, data)
            else:
                catalogue.update_post(self.ctx.db, self.current_id, data)
        except UserError as exc:
            self.show_error(exc)
            return None
        self._done(self.current_id)
        return self.current_id

    def toggle_active(self) -> None:
        if not self._settle_edits():
            return
        row = self._current_row()
        if row is None:
            return
        try:
            catalogue.set_post_active(self.ctx.db, row.id, not row.active)
        except UserError as exc:
            self.show_error(exc)
            return
        self._done(row.id)

    def move_current(self, step: int) -> None:
        if self.current_id is None or not self._settle_edits():
            return
        try:
            moved = catalogue.move_post(self.ctx.db, self.current_id, step)
        except UserError as exc:
            self.show_error(exc)
            return
        if moved:
            self._done(self.current_id)
        self.ui.postList.setFocus()

    def delete_current(self) -> None:
        row = self._current_row()
        if row is None:
            return
        question = self.tr("Delete the post \u201c{0}\u201d from the catalogue?").format(row.name)
        if not messages.confirm(self, self.tr("Delete post"), question):
            return
        try:
            catalogue.delete_post(self.ctx.db, row.id)
        except UserError as exc:
            self.show_error(exc)
            return
        self._show(None)  # nothing left unsaved
        self._done(None)
        if self.ui.postList.count():
            self.ui.postList.setCurrentRow(0)
        else:
            self.new_post()
