"""The 概览 tab on an empty database: the first steps in order, a button each, each ticked
when done (``services.first_steps``). The buttons open the dialogs the menus and tabs
open; when one closes, ``progressed`` asks the tab to look again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.services import communities, first_steps
from pbc_desktop.services.activities import editing
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dialog_host import DialogHost
from pbc_desktop.ui.common.write_guard import Rule, WriteGuard

DONE_MARK = "✓"
DONE_COLOR = "#1e8449"


class FirstRunPanel(DialogHost, QWidget):
    progressed = Signal()
    # This office was set up or changed in its step's dialog.
    office_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("overviewFirstRun")
        self.steps: first_steps.FirstSteps | None = None
        title = QLabel(self.tr("Getting started"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Take these steps in order; each is ticked once done. Once the database "
                "holds communities and activities, this page shows the overview's figures."
            ),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(14)
        grid.setColumnStretch(2, 1)
        self.marks: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.writes = WriteGuard(ctx, self)
        for row, (step, heading, text, button_text, rule) in enumerate(self._specs()):
            mark = QLabel(self)
            mark.setObjectName(f"overviewStep{step.title()}Mark")
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            mark.setFixedWidth(36)
            mark_font = mark.font()
            mark_font.setPointSizeF(mark_font.pointSizeF() * 1.5)
            mark_font.setBold(True)
            mark.setFont(mark_font)
            name = QLabel(heading, self)
            name_font = name.font()
            name_font.setBold(True)
            name.setFont(name_font)
            explain = QLabel(text, self)
            explain.setWordWrap(True)
            button = QPushButton(button_text, self)
            button.setObjectName(f"overviewStep{step.title()}Button")
            button.clicked.connect(lambda _checked=False, s=step: self.open_step(s))
            if rule is not None:  # the office dialog guards its own set-up button
                self.writes.add(button, rule)
            grid.addWidget(mark, row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(explain, row, 2)
            grid.addWidget(button, row, 3)
            self.marks[step] = mark
            self.buttons[step] = button
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setLayout(grid)
        box.setMaximumWidth(900)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(box)
        layout.addStretch(1)
        self.writes.update()

    def _specs(self) -> list[tuple[str, str, str, str, Rule | None]]:
        """(step, heading, explanation, button, rule or None for anyone) in order."""
        db = self.ctx.db
        return [
            (
                "office",
                self.tr("This office"),
                self.tr(
                    "The office's name and level, for packages exchanged with the town or the "
                    "district (File → Data exchange → Offices)."
                ),
                self.tr("This office..."),
                None,
            ),
            (
                "organizations",
                self.tr("Import the Party organizations"),
                self.tr(
                    "The organizations and their parents from an Excel list; the dialog saves "
                    "an empty template to fill in."
                ),
                self.tr("Import organizations..."),
                Permission.WRITE,
            ),
            (
                "members",
                self.tr("Import the Party members"),
                self.tr(
                    "The members' roster from Excel, each with the organization they belong to."
                ),
                self.tr("Import members..."),
                Permission.WRITE,
            ),
            (
                "communities",
                self.tr("Set up a Party-building community"),
                self.tr("Its lead and member organizations, co-building types and team."),
                self.tr("New community..."),
                lambda: communities.change_refusal(db),
            ),
            (
                "activities",
                self.tr("Record an activity"),
                self.tr("A themed Party day, a lecture, volunteer service or a meeting."),
                self.tr("New activity..."),
                lambda: editing.change_refusal(db),
            ),
        ]

    # -- state -------------------------------------------------------------------------
    def set_steps(self, steps: first_steps.FirstSteps) -> None:
        self.steps = steps
        following = steps.next_step
        for number, step in enumerate(first_steps.STEPS, start=1):
            done = steps.done(step)
            mark = self.marks[step]
            mark.setText(DONE_MARK if done else str(number))
            mark.setStyleSheet(f"color: {DONE_COLOR};" if done else "")
            mark.setToolTip(self.tr("Done") if done else "")
            self.buttons[step].setDefault(step == following)
        self.writes.update()

    def is_done(self, step: str) -> bool:
        return self.steps is not None and self.steps.done(step)

    # -- the dialogs ---------------------------------------------------------------------
    def open_step(self, step: str) -> QDialog | None:
        if self.raise_active_dialog():
            return None
        makers: dict[str, Callable[[], QDialog]] = {
            "office": self._office,
            "organizations": self._organizations,
            "members": self._members,
            "communities": self._community,
            "activities": self._activity,
        }
        dialog = self.open_made(makers[step])
        if dialog is not None:
            dialog.finished.connect(lambda _result: self.progressed.emit())
        return dialog

    def _office(self) -> QDialog:
        from pbc_desktop.ui.exchange.office_dialog import OfficeDialog

        dialog = OfficeDialog(self.ctx, self)
        dialog.office_changed.connect(self.office_changed)
        return dialog

    def _organizations(self) -> QDialog:
        from pbc_desktop.ui.organizations.import_dialog import OrganizationImportDialog

        return OrganizationImportDialog(self.ctx, self)

    def _members(self) -> QDialog:
        from pbc_desktop.ui.members.import_dialog import MemberImportDialog

        return MemberImportDialog(self.ctx, self)

    def _community(self) -> QDialog:
        from pbc_desktop.ui.communities.dialog import CommunityDialog

        return CommunityDialog(self.ctx, None, self)

    def _activity(self) -> QDialog:
        from pbc_desktop.ui.activities.dialog import ActivityDialog

        return ActivityDialog(self.ctx, None, parent=self)
