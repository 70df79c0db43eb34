"""文件 → 数据交换 → 冲突清单: records changed here and at another office; for each, the
two versions field by field, and the choice: keep the record as it is, or take the other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.services.exchange import conflicts
from pbc_desktop.services.exchange.conflicts import ConflictView
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_datetime
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.menu_actions import MenuWindow
from pbc_desktop.ui.common.views import (
    close_buttons,
    fill_table,
    make_item_table,
    make_splitter,
    selected_id,
)


class ConflictsDialog(MenuWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "exchangeConflictsDialog")
        self.setWindowTitle(self.tr("Exchange conflicts"))
        self._views: list[ConflictView] = []
        layout = QVBoxLayout(self)
        self.list = make_item_table(
            self, "exchangeConflictList", [self.tr("Records"), self.tr("Record"), self.tr("Kept")]
        )
        self.fields = make_item_table(
            self,
            "exchangeConflictFields",
            [self.tr("Field"), self.tr("This office's version"), self.tr("Other office's version")],
        )
        layout.addWidget(
            make_splitter(
                self,
                "exchangeConflictSplitter",
                Qt.Orientation.Horizontal,
                [self.list, self.fields],
                [2, 3],
            ),
            1,
        )
        self.note = QLabel(self)
        self.note.setObjectName("exchangeConflictNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("&Keep as it is"), self)
        self.keep_button.setObjectName("exchangeConflictKeep")
        self.take_button = QPushButton(self.tr("&Take the other version"), self)
        self.take_button.setObjectName("exchangeConflictTake")
        row.addWidget(self.keep_button)
        row.addWidget(self.take_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = close_buttons(self)
        layout.addWidget(buttons)
        self.keep_button.clicked.connect(lambda: self._decide(take_other=False))
        self.take_button.clicked.connect(lambda: self._decide(take_other=True))
        self.list.itemSelectionChanged.connect(self._show_selected)
        self.resize(860, 520)
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        self._views = conflicts.open_conflicts(self.ctx.db)
        fill_table(
            self.list,
            [
                (
                    v.id,
                    [
                        v.entity_label,
                        v.label,
                        self.tr("the other office's")
                        if v.kept_theirs
                        else self.tr("this office's"),
                    ],
                )
                for v in self._views
            ],
            keep,
        )
        if keep is None and self._views:
            self.list.selectRow(0)
        self._show_selected()

    def _selected(self) -> ConflictView | None:
        conflict_id = selected_id(self.list)
        return next((v for v in self._views if v.id == conflict_id), None)

    def _show_selected(self) -> None:
        view = self._selected()
        for button in (self.keep_button, self.take_button):
            button.setEnabled(view is not None)
        if view is None:
            fill_table(self.fields, [], None)
            self.note.setText(
                self.tr("No conflicts wait for a decision.") if not self._views else ""
            )
            return
        self.take_button.setEnabled(view.decidable)
        if view.deletion:
            rows = [(0, [self.tr("Deletion"), self.tr("kept"), self.tr("deleted")])]
        else:
            rows = [(i, [f.label, f.ours, f.theirs]) for i, f in enumerate(view.fields)]
        fill_table(self.fields, rows, None)
        held = self.tr("the other office's") if view.kept_theirs else self.tr("this office's")
        text = self.tr("Arrived {at}. The record now holds {whose} version.").format(
            at=fmt_datetime(view.at.astimezone()), whose=held
        )
        if view.same_key:
            text += " " + self.tr(
                "The other office holds this name as another record: agree with it which one "
                "stays, then change the other."
            )
        if view.held_status is not None:  # not a field to decide: the claims here hold it
            text += " " + self.tr(
                "Whichever version is taken, the status stays “{status}” because of claims or "
                "follow-ups on this computer."
            ).format(status=label(view.held_status))
        self.note.setText(text)

    def _decide(self, *, take_other: bool) -> None:
        view = self._selected()
        if view is None:
            return
        messages.guarded(
            self, lambda: conflicts.resolve(self.ctx.db, view.id, take_other=take_other)
        )
        self.reload()
