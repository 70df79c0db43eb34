"""Record a newly elected committee (换届选举) of an organization, or correct its latest.

The members are a small grid: each row a post and a person, chosen from the
organization's members by name (completed as it is typed) or typed when the person is
not one of them. The service checks everything; refused input keeps the dialog open.
A 届次 other than the one after the last recorded is asked about first: an earlier term
can never be added after a later one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QWidget,
)

from pbc_desktop.domain import terms
from pbc_desktop.domain.terms import CommitteePost
from pbc_desktop.services.terms import committees
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.combos import current_enum, fill, fill_enum, searchable, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date, set_date, set_date_capped, to_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_committee_dialog import Ui_CommitteeDialog

COL_POST, COL_NAME = range(2)
# The posts a new committee's rows start with.
FIRST_POSTS = (CommitteePost.SECRETARY, CommitteePost.ORGANIZATION, CommitteePost.PROPAGANDA)


class CommitteeDialog(FormDialog):
    """``edit``: correct the organization's latest committee; otherwise record the next.

    ``saved`` sends the committee's id."""

    def __init__(
        self,
        ctx: AppContext,
        organization_id: int,
        parent: QWidget | None = None,
        *,
        edit: bool = False,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.form = committees.committee_form(ctx.db, organization_id, self.today)
        self.editing = self.form.latest if edit else None
        listed = {m.id for m in self.form.members}
        #: the members the corrected committee names who are not listed (they have since
        #: left the roll): their seats keep the link, they were on the committee then
        self.kept_members = {
            seat.member_id: seat.person_name
            for seat in (self.editing.seats if self.editing is not None else ())
            if seat.member_id is not None and seat.member_id not in listed
        }
        self.ui = self.use_form(Ui_CommitteeDialog)
        ui = self.ui
        self.field_widgets = {
            "term_no": ui.termNoSpin,
            "elected_on": ui.electedEdit,
            "term_years": ui.yearsCombo,
            "seats": ui.membersTable,
            "remark": ui.remarkEdit,
        }
        ui.organizationName.setText(self.form.organization_name)
        fill(ui.yearsCombo, ((self.tr("{0} years").format(n), n) for n in terms.TERM_YEARS))
        table = ui.membersTable
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(30)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(COL_POST, 160)
        latest = self.form.latest
        set_date_capped(ui.electedEdit, self.today)  # an election held, not one to come
        if self.editing is not None:
            row = self.editing
            self.read_version = row.version
            self.setWindowTitle(self.tr("Correct committee no. {0}").format(row.term_no))
            ui.termNoSpin.setValue(row.term_no)
            set_date(ui.electedEdit, row.elected_on)
            select_data(ui.yearsCombo, row.term_years, otherwise=0)
            ui.remarkEdit.setText(row.remark or "")
            for seat in row.seats:
                self.add_row(seat)
            ui.termNoHint.setText(self.tr("only the latest committee can be corrected"))
        else:
            self.setWindowTitle(self.tr("New committee (election)"))
            ui.termNoSpin.setValue(self.form.next_term_no)
            select_data(ui.yearsCombo, self.form.default_term_years, otherwise=0)
            for post in FIRST_POSTS:
                self.add_row(committees.Seat("", post))
            if latest is not None:
                ui.termNoHint.setText(
                    self.tr("last: no. {0}, elected on {1}").format(
                        latest.term_no, fmt_date(latest.elected_on)
                    )
                )
        ui.yearsCombo.setToolTip(
            self.tr(
                "Usually 5 years for a Party committee and for every organization of a "
                "village or community, 3 years for a general branch or branch"
            )
        )
        ui.electedEdit.dateChanged.connect(self.show_due)
        ui.yearsCombo.currentIndexChanged.connect(self.show_due)
        ui.addButton.clicked.connect(self.add_empty_row)
        ui.removeButton.clicked.connect(self.remove_row)
        table.itemSelectionChanged.connect(self._update_buttons)
        self.show_due()
        self._update_buttons()
        self.resize(660, 540)

    # -- the grid --------------------------------------------------------------------------
    def add_empty_row(self) -> None:
        self.add_row(committees.Seat("", CommitteePost.MEMBER))
        name = self.name_combo(self.ui.membersTable.rowCount() - 1)
        name.setFocus()

    def add_row(self, seat: committees.Seat) -> int:
        table = self.ui.membersTable
        row = table.rowCount()
        table.insertRow(row)
        post = QComboBox(table)
        post.setObjectName(f"committeePost{row}")
        fill_enum(post, CommitteePost)
        select_data(post, seat.post.value, otherwise=0)
        name = QComboBox(table)
        name.setObjectName(f"committeeName{row}")
        name.setEditable(True)
        longest = max((len(m.label) for m in self.form.members), default=0)
        searchable(name, max(committees.NAME_MAX, longest))
        fill(name, ((m.label, m.id) for m in self.form.members))
        if seat.member_id in self.kept_members:
            name.addItem(self._kept_label(seat.person_name), seat.member_id)
        name.setCurrentIndex(-1)
        name.setEditText(seat.person_name)
        if seat.member_id is not None:
            select_data(name, seat.member_id)
        name.setToolTip(self.tr("Choose one of the organization's members, or type a name"))
        table.setCellWidget(row, COL_POST, post)
        table.setCellWidget(row, COL_NAME, name)
        for key_target in (post, name, name.lineEdit()):
            if key_target is not None:
                key_target.installEventFilter(self)
        # Tab goes through the rows in order, before the buttons (the cells' widgets came
        # after 保存 and 取消, the order they were made in)
        before = self.name_combo(row - 1) if row else self.ui.remarkEdit
        QWidget.setTabOrder(before, post)
        QWidget.setTabOrder(post, name)
        QWidget.setTabOrder(name, self.ui.addButton)
        table.selectRow(row)
        self._update_buttons()
        return row

    def _kept_label(self, name: str) -> str:
        """A kept seat's entry: its name, told apart from a listed namesake's."""
        if any(m.label == name for m in self.form.members):
            return self.tr("{0} (as recorded)").format(name)
        return name

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the grid (a name typed, a post chosen) goes on to the next row's name,
        from the last row to the Save button, as in a sheet: it reached the Save button at
        once and recorded the committee half-filled, the rows not yet typed left out."""
        if event.type() == QEvent.Type.FocusIn and (row := self._row_of(watched)) is not None:
            # the row being typed in is the one 删除成员 removes (it removed the row added
            # last, the table's selection not following a click into a cell's combo)
            self.select_row(row, COL_POST if watched is self.post_combo(row) else COL_NAME)
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            row = self._row_of(watched)
            if row is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if row + 1 < self.ui.membersTable.rowCount():
                    self.select_row(row + 1, COL_NAME)
                    self.name_combo(row + 1).setFocus()
                else:
                    self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setFocus()
                return True
        return super().eventFilter(watched, event)

    def select_row(self, row: int, column: int) -> None:
        """Select ``row``, its cell of ``column`` the current one: the table gives the focus
        to the current cell's widget, so it must be the one being typed in (selectRow made
        the post current: the focus went back and forth between a row's name and post
        until the program crashed, at a click into another row's name)."""
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.ui.membersTable.setCurrentCell(row, column, flags)

    def _row_of(self, widget: QObject) -> int | None:
        """The grid row whose post combo or name field ``widget`` is."""
        for row in range(self.ui.membersTable.rowCount()):
            name = self.name_combo(row)
            if widget in (self.post_combo(row), name, name.lineEdit()):
                return row
        return None

    def remove_row(self) -> None:
        table = self.ui.membersTable
        row = table.currentRow()
        if row < 0:
            return
        table.removeRow(row)
        table.selectRow(min(row, table.rowCount() - 1))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ui.removeButton.setEnabled(self.ui.membersTable.currentRow() >= 0)

    def post_combo(self, row: int) -> QComboBox:
        widget = self.ui.membersTable.cellWidget(row, COL_POST)
        assert isinstance(widget, QComboBox)
        return widget

    def name_combo(self, row: int) -> QComboBox:
        widget = self.ui.membersTable.cellWidget(row, COL_NAME)
        assert isinstance(widget, QComboBox)
        return widget

    def seats(self) -> tuple[committees.Seat, ...]:
        """Each row with a name, its person one of the members when the text is one's entry
        (a namesake's tells them apart: the seat keeps the member's own name); and the 书记's
        row left empty, for the service to ask for the name (dropped like the others, it was
        refused as "班子成员中应有书记" beside the 书记 row on the screen)."""
        names = {m.id: m.name for m in self.form.members} | self.kept_members
        found = []
        for row in range(self.ui.membersTable.rowCount()):
            combo = self.name_combo(row)
            name = combo.currentText().strip()
            post = current_enum(self.post_combo(row), CommitteePost) or CommitteePost.MEMBER
            if not name and post is not CommitteePost.SECRETARY:
                continue
            at = combo.findText(name) if name else -1
            member_id = combo.itemData(at) if at >= 0 else None
            if isinstance(member_id, int):
                name = names.get(member_id, name)
            found.append(committees.Seat(name, post, member_id))
        return tuple(found)

    # -- saving ----------------------------------------------------------------------------
    def show_due(self) -> None:
        years = self.ui.yearsCombo.currentData()
        if not isinstance(years, int):
            self.ui.dueHint.clear()
            return
        due_on = terms.term_ends(to_date(self.ui.electedEdit.date()), years)
        self.ui.dueHint.setText(self.tr("term runs out on {0}").format(fmt_date(due_on)))

    def data(self) -> committees.CommitteeInput:
        ui = self.ui
        return committees.CommitteeInput(
            self.form.organization_id,
            ui.termNoSpin.value(),
            to_date(ui.electedEdit.date()),
            int(ui.yearsCombo.currentData()),
            self.seats(),
            ui.remarkEdit.text(),
        )

    def skips_terms(self, term_no: int) -> int | None:
        """The 届次 the committee follows when ``term_no`` is not the one after it (a
        correction keeping its 届次 is not asked about); None when it is, or is the first."""
        if self.editing is not None:
            last = self.form.previous_term_no
            if term_no == self.editing.term_no:
                return None
        else:
            last = self.form.latest.term_no if self.form.latest is not None else None
        return last if last is not None and term_no > last + 1 else None

    def save(self) -> int | None:
        data = self.data()
        last = self.skips_terms(data.term_no)
        if last is not None and not self._skip_agreed(last, data.term_no):
            return None
        gap = last is not None  # asked and agreed to
        try:
            return self._store(data, allow_gap=gap)
        except committees.TermGapError as skipped:
            # another window recorded a committee since this one opened: asked now, with
            # the number stored (it was refused beside the field, with no way to agree)
            if not self._skip_agreed(skipped.last, data.term_no):
                return None
            return self._store(data, allow_gap=True)

    def _skip_agreed(self, last: int, term_no: int) -> bool:
        """Whether the committee ``term_no`` is to skip the terms after ``last``."""
        if messages.confirm(
            self,
            self.windowTitle(),
            self.tr(
                "The last committee recorded is no. {0}, and this one is no. {1}: the terms "
                "between them can never be added later. Record it as no. {1}?"
            ).format(last, term_no),
        ):
            return True
        self.ui.termNoSpin.setFocus()
        return False

    def _store(self, data: committees.CommitteeInput, *, allow_gap: bool) -> int:
        if self.editing is not None:
            committees.correct_committee(
                self.ctx.db,
                self.editing.id,
                data,
                self.read_version,
                today=self.today,
                allow_gap=allow_gap,
            )
            return self.editing.id
        return committees.record_committee(self.ctx.db, data, today=self.today, allow_gap=allow_gap)
