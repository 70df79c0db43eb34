"""Record an activity or meeting: basics, participants and attendance, agenda, photos and files."""

from __future__ import annotations

from dataclasses import astuple, dataclass
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QListWidgetItem,
    QStyle,
    QTableWidgetItem,
    QWidget,
)

from pbc_desktop.domain.attendance import count_attendance
from pbc_desktop.domain.enums import (
    TRAINING_KINDS,
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    AttendanceStatus,
)
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.errors import UserError
from pbc_desktop.services import attachments, scope, venues
from pbc_desktop.services.activities import editing as svc
from pbc_desktop.services.scope import Choice
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.combos import fill_choices, fill_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import to_datetime, to_qdatetime
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.form_values import not_entered
from pbc_desktop.ui.common.views import cell_text, cell_widget
from pbc_desktop.ui.forms.ui_activity_dialog import Ui_ActivityDialog

DATA = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 150
PICKER_LIMIT = 30
COL_NAME, COL_ORG, COL_STATUS, COL_REASON, COL_REASON_TEXT = range(5)
#: Kinds with a lecturer (主讲人): lessons, trainings and Party-spirit education.
LECTURE_KINDS = TRAINING_KINDS
THUMB = QSize(120, 90)


@dataclass
class AgendaDraft:
    title: str = ""
    discussion: str = ""
    resolution: str = ""
    voted: bool = False
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0

    def to_input(self) -> svc.AgendaInput:
        votes = (self.votes_for, self.votes_against, self.votes_abstain)
        v_for, v_against, v_abstain = votes if self.voted else (None, None, None)
        return svc.AgendaInput(
            self.title, self.discussion, self.resolution, v_for, v_against, v_abstain
        )


class ActivityDialog(FormDialog):
    """Widgets only: everything is checked and saved by ``services.activities``."""

    def __init__(
        self,
        ctx: AppContext,
        activity_id: int | None = None,
        *,
        community_id: int | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity_id = activity_id
        self.ui = Ui_ActivityDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.init_form(self.ui.errorLabel, self.ui.tabs, buttons=self.ui.buttonBox)
        self.agenda: list[AgendaDraft] = []
        self._agenda_row = -1
        self._loading = False
        self._host_chosen = False
        self._filenames: dict[int, str] = {}  # stored attachments' names, by id
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._setup_widgets()
        self.field_widgets = {
            "community": self.ui.communityCombo,
            "title": self.ui.titleEdit,
            "status": self.ui.statusCombo,
            "ends_at": self.ui.endEdit,
            "place": self.ui.placeCombo,
            "host_org": self.ui.hostCombo,
            "chair": self.ui.chairEdit,
            "recorder": self.ui.recorderEdit,
            "lecturer": self.ui.lecturerEdit,
            "trainee_count": self.ui.traineeSpin,
            "summary": self.ui.summaryEdit,
            "organizations": self.ui.orgsList,
            "attendance": self.ui.attendanceTable,
            "agenda": self.ui.agendaList,
            "attachments": self.ui.filesList,
        }
        self._connect()
        if activity_id is None:
            self.setWindowTitle(self.tr("New activity"))
            start = datetime.combine(day or date.today(), time(9, 0))
            self.ui.startEdit.setDateTime(to_qdatetime(start))
            if start.date() > date.today():  # one to come is planned, not held
                select_data(self.ui.statusCombo, ActivityStatus.PLANNED, otherwise=-1)
            self.ui.endEdit.setDateTime(to_qdatetime(start.replace(hour=11)))
            select_data(self.ui.communityCombo, community_id)
            self._community_changed()
        else:
            self.setWindowTitle(self.tr("Edit activity"))
            self._load(svc.get_activity_edit(ctx.db, activity_id))
        self._kind_changed()
        self._end_toggled()
        self._update_counts()
        self._update_buttons()
        self.ui.titleEdit.setFocus()

    # -- set-up ------------------------------------------------------------------------------
    def _setup_widgets(self) -> None:
        ui = self.ui
        fill_choices(
            ui.communityCombo,
            scope.community_choices(self.ctx.db),
            self.tr("(none: a branch's own activity)"),
        )
        fill_enum(ui.kindCombo, ActivityKind)
        fill_enum(ui.statusCombo, ActivityStatus)
        select_data(ui.statusCombo, ActivityStatus.HELD, otherwise=-1)
        ui.placeCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = ui.placeCombo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("A venue, or type another place"))
        table = ui.attendanceTable
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        table.setColumnWidth(COL_NAME, 120)
        table.setColumnWidth(COL_ORG, 200)
        table.setColumnWidth(COL_STATUS, 90)
        table.setColumnWidth(COL_REASON, 90)
        ui.memberResults.setMaximumHeight(140)
        ui.memberResults.setSelectionMode(ui.memberResults.SelectionMode.ExtendedSelection)
        table.setSelectionBehavior(table.SelectionBehavior.SelectRows)
        ui.orgsList.setMaximumHeight(140)
        ui.filesList.setIconSize(THUMB)
        ui.filesList.setGridSize(QSize(THUMB.width() + 30, THUMB.height() + 44))
        ui.agendaItemBox.setEnabled(False)
        # a search and its results; the agenda item's editors show one draft at a time
        # (the drafts themselves are compared, see entered())
        not_entered(ui.memberSearchEdit, ui.memberResults, ui.agendaItemBox)

    def _connect(self) -> None:
        ui = self.ui
        ui.communityCombo.currentIndexChanged.connect(self._community_changed)
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        ui.endCheck.toggled.connect(self._end_toggled)
        ui.startEdit.dateTimeChanged.connect(self._end_follows_start)
        ui.hostCombo.activated.connect(self._host_picked)
        ui.proposeHostButton.clicked.connect(self.propose_host)
        ui.callMembersButton.clicked.connect(self.call_members)
        ui.orgsList.itemChanged.connect(lambda _i: self._update_buttons())
        ui.memberSearchEdit.textChanged.connect(self._search_timer.start)
        ui.memberSearchEdit.returnPressed.connect(self._search_now)
        self._search_timer.timeout.connect(self.search_members)
        self.finished.connect(self._search_timer.stop)  # no search once the dialog is closed
        ui.memberResults.itemDoubleClicked.connect(lambda _i: self.add_selected_members())
        ui.memberResults.itemSelectionChanged.connect(self._update_buttons)
        ui.addMemberButton.clicked.connect(self.add_selected_members)
        ui.addPersonButton.clicked.connect(self.add_free_person)
        ui.removePersonButton.clicked.connect(self.remove_person)
        ui.attendanceTable.itemSelectionChanged.connect(self._update_buttons)
        ui.addAgendaButton.clicked.connect(self.add_agenda_item)
        ui.removeAgendaButton.clicked.connect(self.remove_agenda_item)
        ui.agendaUpButton.clicked.connect(lambda: self._move_agenda(-1))
        ui.agendaDownButton.clicked.connect(lambda: self._move_agenda(1))
        ui.agendaList.currentRowChanged.connect(self._agenda_selected)
        ui.agendaTitleEdit.textEdited.connect(self._store_agenda)
        ui.discussionEdit.textChanged.connect(self._store_agenda)
        ui.resolutionEdit.textChanged.connect(self._store_agenda)
        ui.votedCheck.toggled.connect(self._store_agenda)
        for spin in (ui.forSpin, ui.againstSpin, ui.abstainSpin):
            spin.valueChanged.connect(self._store_agenda)
        ui.addFilesButton.clicked.connect(self.add_files)
        ui.removeFileButton.clicked.connect(self.remove_files)
        ui.openFileButton.clicked.connect(self.open_file)
        ui.saveFileButton.clicked.connect(self.save_file)
        ui.filesList.itemSelectionChanged.connect(self._update_buttons)
        ui.filesList.itemDoubleClicked.connect(lambda _i: self.open_file())
        ui.filesList.installEventFilter(self)
        ui.attendanceTable.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the files list Enter opens the selected file and Delete removes it; in the
        attendance grid Enter goes to the next person, as in a spreadsheet (Enter would
        otherwise reach the OK button and close the dialog half-filled)."""
        if self._in_attendance(watched) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._next_attendance_row()
                return True
        if (
            watched is self.ui.filesList
            and event.type() == QEvent.Type.KeyPress
            and self.ui.filesList.selectedItems()
        ):
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_file()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_files()
                return True
        return super().eventFilter(watched, event)

    # -- loading -----------------------------------------------------------------------------
    def _load(self, a: svc.ActivityEdit) -> None:
        ui = self.ui
        self.read_version = a.version
        self._loading = True
        if a.community_id is not None and not select_data(ui.communityCombo, a.community_id):
            ui.communityCombo.addItem(a.community_name or "", a.community_id)
            select_data(ui.communityCombo, a.community_id)
        self._fill_community_lists(a.community_id, [c.id for c in a.organizations])
        for org in a.organizations:
            self._ensure_org_item(org, checked=True)
        select_data(ui.kindCombo, a.kind.value)
        ui.titleEdit.setText(a.title)
        select_data(ui.statusCombo, a.status.value)
        ui.startEdit.setDateTime(to_qdatetime(a.starts_at))
        ui.endCheck.setChecked(a.ends_at is not None)
        ui.endEdit.setDateTime(to_qdatetime(a.ends_at or a.starts_at))
        if a.venue_id is not None:
            select_data(ui.placeCombo, a.venue_id)
        else:
            ui.placeCombo.setEditText(a.place or "")
        if a.host_org_id is not None:
            self._set_host(Choice(a.host_org_id, a.host_org_name or ""))
        self._host_chosen = True
        ui.chairEdit.setText(a.chair or "")
        ui.recorderEdit.setText(a.recorder or "")
        ui.lecturerEdit.setText(a.lecturer or "")
        ui.traineeSpin.setValue(a.trainee_count)
        ui.guestsEdit.setText(a.guests or "")
        ui.summaryEdit.setPlainText(a.summary or "")
        for person in a.attendance:
            self.add_attendance_row(
                person.person_name,
                person.member_id,
                person.organization_name,
                person.status,
                person.absence_reason,
                person.reason_text,
            )
        for item in a.agenda:
            draft = AgendaDraft(
                item.title,
                item.discussion or "",
                item.resolution or "",
                item.voted,
                item.votes_for or 0,
                item.votes_against or 0,
                item.votes_abstain or 0,
            )
            self.agenda.append(draft)
            ui.agendaList.addItem(self._agenda_text(len(self.agenda), draft))
        for attachment in a.attachments:
            self._add_saved_item(attachment)
        self._loading = False
        if self.agenda:
            ui.agendaList.setCurrentRow(0)

    def community_id(self) -> int | None:
        value = self.ui.communityCombo.currentData()
        return value if isinstance(value, int) else None

    def _community_changed(self) -> None:
        if self._loading:
            return
        self._fill_community_lists(self.community_id(), [])
        if not self._host_chosen:
            self.propose_host()
        self._update_buttons()

    def _fill_community_lists(self, community_id: int | None, saved_orgs: list[int]) -> None:
        """Member organizations (checked for a new activity), hosts and venues."""
        ui = self.ui
        members = svc.community_org_choices(self.ctx.db, community_id) if community_id else []
        ui.orgsList.clear()
        for org in members:
            checked = org.id in saved_orgs if self.activity_id else True
            self._ensure_org_item(org, checked=checked)
        host = self.host_id()
        host_name = ui.hostCombo.currentText()
        fill_choices(ui.hostCombo, members, "")
        if host is not None:
            self._set_host(Choice(host, host_name))
        place = ui.placeCombo.currentText()
        fill_choices(ui.placeCombo, venues.venue_choices(self.ctx.db, community_id))
        ui.placeCombo.setEditText(place)

    def _ensure_org_item(self, org: Choice, *, checked: bool) -> None:
        listing = self.ui.orgsList
        for i in range(listing.count()):
            if listing.item(i).data(DATA) == org.id:
                if checked:
                    listing.item(i).setCheckState(Qt.CheckState.Checked)
                return
        item = QListWidgetItem(org.name)
        item.setData(DATA, org.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        listing.addItem(item)

    def kind(self) -> ActivityKind:
        return ActivityKind.from_label(str(self.ui.kindCombo.currentData()))

    def _kind_changed(self) -> None:
        kind = self.kind()
        form = self.ui.basicsForm
        form.setRowVisible(self.ui.lecturerEdit, kind in LECTURE_KINDS)
        form.setRowVisible(self.ui.traineeSpin, kind.is_training)

    def _end_toggled(self) -> None:
        self.ui.endEdit.setEnabled(self.ui.endCheck.isChecked())
        self._end_follows_start()

    def _end_follows_start(self) -> None:
        """An end not given, or given before the start, is two hours after the start: the
        end a later start's meeting is given is of its own day, not of today's."""
        ui = self.ui
        start = ui.startEdit.dateTime()
        if not ui.endCheck.isChecked() or ui.endEdit.dateTime() <= start:
            ui.endEdit.setDateTime(start.addSecs(2 * 3600))

    # -- host --------------------------------------------------------------------------------
    def host_id(self) -> int | None:
        value = self.ui.hostCombo.currentData()
        return value if isinstance(value, int) else None

    def _set_host(self, org: Choice) -> None:
        combo = self.ui.hostCombo
        if not select_data(combo, org.id):
            combo.addItem(org.name, org.id)
            select_data(combo, org.id)

    def _host_picked(self) -> None:
        self._host_chosen = self.host_id() is not None

    def propose_host(self) -> None:
        """The convener in turn for the activity's date (轮流主导)."""
        community = self.community_id()
        if community is None:
            return
        day = to_datetime(self.ui.startEdit.dateTime()).date()
        proposal = svc.propose_host(self.ctx.db, community, day)
        if proposal is not None:
            self._set_host(proposal)

    # -- attendance --------------------------------------------------------------------------
    def _search_now(self) -> None:
        self._search_timer.stop()
        self.search_members()
        if self.ui.memberResults.count():
            self.ui.memberResults.setCurrentRow(0)
            self.ui.memberResults.setFocus()

    def search_members(self) -> None:
        """At most PICKER_LIMIT members whose name matches what was typed."""
        results = self.ui.memberResults
        results.clear()
        found = svc.member_choices(self.ctx.db, self.ui.memberSearchEdit.text(), limit=PICKER_LIMIT)
        for person in found:
            item = QListWidgetItem(with_note(person.name, person.organization_name))
            item.setData(DATA, person)
            results.addItem(item)
        if len(found) >= PICKER_LIMIT:
            more = QListWidgetItem(self.tr("More members: type more of the name"))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            results.addItem(more)
        self._update_buttons()

    def _member_ids(self) -> set[int]:
        table = self.ui.attendanceTable
        ids: set[int] = set()
        for row in range(table.rowCount()):
            item = table.item(row, COL_NAME)
            if item is not None and isinstance(item.data(DATA), int):
                ids.add(int(item.data(DATA)))
        return ids

    def add_selected_members(self) -> None:
        chosen = [i.data(DATA) for i in self.ui.memberResults.selectedItems()]
        people = [p for p in chosen if isinstance(p, svc.PersonChoice)]
        self._add_people(people)

    def _add_people(self, people: list[svc.PersonChoice]) -> None:
        have = self._member_ids()
        for person in people:
            if person.id not in have:
                self.add_attendance_row(person.name, person.id, person.organization_name)
                have.add(person.id)
        self._update_counts()
        self._update_buttons()

    def call_members(self) -> None:
        """Add every member in good standing of the checked organizations."""
        listing = self.ui.orgsList
        orgs = [
            int(listing.item(i).data(DATA))
            for i in range(listing.count())
            if listing.item(i).checkState() == Qt.CheckState.Checked
        ]
        self._add_people(svc.members_of(self.ctx.db, orgs))

    def add_free_person(self) -> None:
        """A guest or anyone not on the member roll, by name."""
        name = self.ui.memberSearchEdit.text().strip()
        row = self.add_attendance_row(name, None, None)
        table = self.ui.attendanceTable
        item = table.item(row, COL_NAME)
        if not name and item is not None:
            table.setCurrentItem(item)
            table.editItem(item)
        self._update_counts()
        self._update_buttons()

    def _in_attendance(self, watched: QObject) -> bool:
        table = self.ui.attendanceTable
        return watched is table or (
            isinstance(watched, QComboBox) and watched.parent() is table.viewport()
        )

    def _next_attendance_row(self) -> None:
        table = self.ui.attendanceTable
        row = table.currentRow()
        column = max(table.currentColumn(), 0)
        if row + 1 < table.rowCount():
            table.setCurrentCell(row + 1, column)
        table.setFocus()

    def add_attendance_row(  # noqa: PLR0917
        self,
        name: str,
        member_id: int | None,
        organization: str | None,
        status: AttendanceStatus = AttendanceStatus.PRESENT,
        reason: AbsenceReason | None = None,
        reason_text: str | None = None,
    ) -> int:
        table = self.ui.attendanceTable
        row = table.rowCount()
        table.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setData(DATA, member_id)
        if member_id is not None:  # a member's name comes from the roll
            name_item.setFlags(name_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        table.setItem(row, COL_NAME, name_item)
        org_item = QTableWidgetItem(organization or "")
        org_item.setFlags(org_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        table.setItem(row, COL_ORG, org_item)
        status_combo = QComboBox(table)
        fill_enum(status_combo, AttendanceStatus)
        select_data(status_combo, status.value)
        table.setCellWidget(row, COL_STATUS, status_combo)
        reason_combo = QComboBox(table)
        fill_enum(reason_combo, AbsenceReason, "")
        select_data(reason_combo, reason.value if reason else None)
        table.setCellWidget(row, COL_REASON, reason_combo)
        for combo in (status_combo, reason_combo):
            combo.installEventFilter(self)
        table.setItem(row, COL_REASON_TEXT, QTableWidgetItem(reason_text or ""))
        status_combo.currentIndexChanged.connect(lambda _i: self._status_changed(reason_combo))
        status_combo.currentIndexChanged.connect(self._update_counts)
        self._status_changed(reason_combo, status_combo)
        return row

    def _status_changed(self, reason: QComboBox, status: QComboBox | None = None) -> None:
        table = self.ui.attendanceTable
        if status is None:
            for row in range(table.rowCount()):
                if table.cellWidget(row, COL_REASON) is reason:
                    widget = table.cellWidget(row, COL_STATUS)
                    status = widget if isinstance(widget, QComboBox) else None
        absent = status is not None and status.currentData() == AttendanceStatus.ABSENT.value
        reason.setEnabled(absent)

    def remove_person(self) -> None:
        table = self.ui.attendanceTable
        rows = sorted({i.row() for i in table.selectedIndexes()}, reverse=True)
        if not rows and table.currentRow() >= 0:
            rows = [table.currentRow()]
        for row in rows:
            table.removeRow(row)
        self._update_counts()
        self._update_buttons()

    def attendance_inputs(self) -> tuple[svc.AttendanceInput, ...]:
        table = self.ui.attendanceTable
        people: list[svc.AttendanceInput] = []
        for row in range(table.rowCount()):
            name = table.item(row, COL_NAME)
            status = cell_widget(table, row, COL_STATUS, QComboBox)
            reason = cell_widget(table, row, COL_REASON, QComboBox)
            member = name.data(DATA) if name else None
            code = reason.currentData()
            people.append(
                svc.AttendanceInput(
                    person_name=name.text() if name else "",
                    status=AttendanceStatus.from_label(str(status.currentData())),
                    member_id=member if isinstance(member, int) else None,
                    absence_reason=AbsenceReason.from_label(str(code)) if code else None,
                    reason_text=cell_text(table, row, COL_REASON_TEXT),
                )
            )
        return tuple(people)

    def counts(self) -> tuple[int, int]:
        return count_attendance([p.status for p in self.attendance_inputs()])

    def _update_counts(self) -> None:
        statuses = [p.status for p in self.attendance_inputs()]
        expected, present = count_attendance(statuses)
        absent = statuses.count(AttendanceStatus.ABSENT)
        listening = statuses.count(AttendanceStatus.NON_VOTING)
        self.ui.countsLabel.setText(
            self.tr("Expected {0}, present {1}, absent {2}, attending without vote {3}").format(
                expected, present, absent, listening
            )
        )

    # -- agenda ------------------------------------------------------------------------------
    def _agenda_text(self, number: int, draft: AgendaDraft) -> str:
        return f"{number}. {draft.title or self.tr('(untitled)')}"

    def add_agenda_item(self) -> None:
        self.agenda.append(AgendaDraft())
        number = len(self.agenda)
        self.ui.agendaList.addItem(self._agenda_text(number, self.agenda[-1]))
        self.ui.agendaList.setCurrentRow(number - 1)
        self.ui.agendaTitleEdit.setFocus()
        self._update_buttons()

    def remove_agenda_item(self) -> None:
        row = self.ui.agendaList.currentRow()
        if row < 0:
            return
        self._agenda_row = -1
        del self.agenda[row]
        self.ui.agendaList.takeItem(row)
        self._renumber_agenda()
        self._agenda_selected(self.ui.agendaList.currentRow())

    def _move_agenda(self, step: int) -> None:
        row = self.ui.agendaList.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self.agenda):
            return
        self.agenda[row], self.agenda[target] = self.agenda[target], self.agenda[row]
        self._renumber_agenda()
        self.ui.agendaList.setCurrentRow(target)

    def _renumber_agenda(self) -> None:
        for i, draft in enumerate(self.agenda):
            self.ui.agendaList.item(i).setText(self._agenda_text(i + 1, draft))
        self._update_buttons()

    def _agenda_selected(self, row: int) -> None:
        ui = self.ui
        self._agenda_row = -1  # no storing while the editors are filled
        draft = self.agenda[row] if 0 <= row < len(self.agenda) else AgendaDraft()
        ui.agendaItemBox.setEnabled(0 <= row < len(self.agenda))
        ui.agendaTitleEdit.setText(draft.title)
        ui.discussionEdit.setPlainText(draft.discussion)
        ui.resolutionEdit.setPlainText(draft.resolution)
        ui.votedCheck.setChecked(draft.voted)
        ui.forSpin.setValue(draft.votes_for)
        ui.againstSpin.setValue(draft.votes_against)
        ui.abstainSpin.setValue(draft.votes_abstain)
        self._agenda_row = row
        self._votes_enabled()
        self._update_buttons()

    def _votes_enabled(self) -> None:
        on = self.ui.votedCheck.isChecked()
        for widget in (self.ui.forSpin, self.ui.againstSpin, self.ui.abstainSpin):
            widget.setEnabled(on)

    def _store_agenda(self) -> None:
        self._votes_enabled()
        row = self._agenda_row
        if not 0 <= row < len(self.agenda):
            return
        ui = self.ui
        draft = self.agenda[row]
        draft.title = ui.agendaTitleEdit.text()
        draft.discussion = ui.discussionEdit.toPlainText()
        draft.resolution = ui.resolutionEdit.toPlainText()
        draft.voted = ui.votedCheck.isChecked()
        draft.votes_for = ui.forSpin.value()
        draft.votes_against = ui.againstSpin.value()
        draft.votes_abstain = ui.abstainSpin.value()
        ui.agendaList.item(row).setText(self._agenda_text(row + 1, draft))

    # -- files -------------------------------------------------------------------------------
    def choose_files(self) -> list[str]:
        """Ask for files (tests replace this)."""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos or files"),
            str(Path.home()),
            self.tr("Photos (*.jpg *.jpeg *.png *.gif *.bmp *.webp);;All files (*)"),
        )
        return names

    def add_files(self) -> None:
        for name in self.choose_files():
            path = Path(name)
            item = self._add_file_item(path.name, str(path), str(path))
            if attachments.is_photo(path.name):
                self._set_thumbnail(item, QPixmap(str(path)))
        self._update_buttons()

    def _add_saved_item(self, attachment: svc.AttachmentView) -> None:
        """A stored attachment: its thumbnail is read from the database."""
        if attachment.missing:
            self._add_file_item(
                self.tr("%1 (missing)").replace("%1", attachment.filename),
                attachment.id,
                self.tr("The content of this file was not found when the database was upgraded."),
            )
            return
        self._filenames[attachment.id] = attachment.filename
        item = self._add_file_item(attachment.filename, attachment.id, attachment.filename)
        if attachment.is_photo:
            try:
                _name, data = attachments.content(self.ctx.db, attachment.id)
            except UserError:
                return
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self._set_thumbnail(item, pixmap)

    def _add_file_item(self, filename: str, value: int | str, tooltip: str) -> QListWidgetItem:
        """An entry of the list: ``value`` is a stored attachment's id or a new file's path."""
        item = QListWidgetItem(filename)
        item.setData(DATA, value)
        item.setData(Qt.ItemDataRole.ToolTipRole, tooltip)
        item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.ui.filesList.addItem(item)
        return item

    @staticmethod
    def _set_thumbnail(item: QListWidgetItem, pixmap: QPixmap) -> None:
        if not pixmap.isNull():
            item.setIcon(
                QIcon(
                    pixmap.scaled(
                        THUMB,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            )

    def remove_files(self) -> None:
        for item in self.ui.filesList.selectedItems():
            self.ui.filesList.takeItem(self.ui.filesList.row(item))
        self._update_buttons()

    def open_url(self, path: Path) -> None:
        """Open a file with its program (tests replace this)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_file(self) -> None:
        """Open the current file: a stored one through a private temporary copy."""
        items = self.ui.filesList.selectedItems()
        if not items:
            return
        value = items[0].data(DATA)
        if not isinstance(value, int):
            self.open_url(Path(str(value)))
            return
        try:
            path = attachments.open_copy(self.ctx.db, value)
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        self.open_url(path)

    def choose_save_path(self, filename: str) -> str:
        """Ask where to save a copy of an attachment (tests replace this)."""
        suffix = Path(filename).suffix
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save attachment as"),
            str(prompts.suggested_file(filename)),
            self.tr("This kind of file (*%1);;All files (*)").replace("%1", suffix)
            if suffix
            else self.tr("All files (*)"),
        )
        return name

    def save_file(self) -> None:
        """Save a copy of the current stored attachment where the user chooses."""
        items = self.ui.filesList.selectedItems()
        value = items[0].data(DATA) if len(items) == 1 else None
        if not isinstance(value, int) or value not in self._filenames:
            return  # a new file, or one missing since the upgrade: nothing stored to save
        chosen = self.choose_save_path(self._filenames[value])
        if not chosen:
            return
        messages.guarded(self, lambda: attachments.save_copy(self.ctx.db, value, Path(chosen)))

    def _file_data(self) -> tuple[tuple[int, ...], tuple[Path, ...]]:
        keep: list[int] = []
        new: list[Path] = []
        for i in range(self.ui.filesList.count()):
            value = self.ui.filesList.item(i).data(DATA)
            if isinstance(value, int):
                keep.append(value)
            else:
                new.append(Path(str(value)))
        return tuple(keep), tuple(new)

    # -- saving ------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        ui = self.ui
        ui.proposeHostButton.setEnabled(self.community_id() is not None)
        ui.callMembersButton.setEnabled(
            any(
                ui.orgsList.item(i).checkState() == Qt.CheckState.Checked
                for i in range(ui.orgsList.count())
            )
        )
        ui.addMemberButton.setEnabled(
            any(
                isinstance(i.data(DATA), svc.PersonChoice) for i in ui.memberResults.selectedItems()
            )
        )
        ui.removePersonButton.setEnabled(ui.attendanceTable.currentRow() >= 0)
        row = ui.agendaList.currentRow()
        ui.removeAgendaButton.setEnabled(row >= 0)
        ui.agendaUpButton.setEnabled(row > 0)
        ui.agendaDownButton.setEnabled(0 <= row < len(self.agenda) - 1)
        selected = ui.filesList.selectedItems()
        ui.removeFileButton.setEnabled(bool(selected))
        ui.openFileButton.setEnabled(bool(selected))
        # Only a stored file can be saved elsewhere (a new one is still where it was chosen;
        # one missing since the upgrade has no content).
        ui.saveFileButton.setEnabled(
            len(selected) == 1 and selected[0].data(DATA) in self._filenames
        )

    def _place(self) -> tuple[int | None, str | None]:
        combo = self.ui.placeCombo
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchExactly)
        if text and index >= 0:
            venue = combo.itemData(index)
            return (venue if isinstance(venue, int) else None), None
        return None, text or None

    def collect(self) -> svc.ActivityInput:
        ui = self.ui
        self._store_agenda()
        venue_id, place = self._place()
        kind = self.kind()
        listing = ui.orgsList
        keep, new = self._file_data()
        return svc.ActivityInput(
            community_id=self.community_id(),
            kind=kind,
            title=ui.titleEdit.text(),
            starts_at=to_datetime(ui.startEdit.dateTime()),
            ends_at=to_datetime(ui.endEdit.dateTime()) if ui.endCheck.isChecked() else None,
            status=ActivityStatus.from_label(str(ui.statusCombo.currentData())),
            venue_id=venue_id,
            place=place,
            host_org_id=self.host_id(),
            chair=ui.chairEdit.text(),
            recorder=ui.recorderEdit.text(),
            lecturer=ui.lecturerEdit.text() if kind in LECTURE_KINDS else None,
            guests=ui.guestsEdit.text(),
            trainee_count=ui.traineeSpin.value() if kind.is_training else 0,
            summary=ui.summaryEdit.toPlainText(),
            organization_ids=tuple(
                int(listing.item(i).data(DATA))
                for i in range(listing.count())
                if listing.item(i).checkState() == Qt.CheckState.Checked
            ),
            attendance=self.attendance_inputs(),
            agenda=tuple(d.to_input() for d in self.agenda),
            keep_attachment_ids=keep if self.activity_id is not None else None,
            new_files=new,
            version=self.read_version,
        )

    def entered(self) -> dict[object, object]:
        return {**super().entered(), "agenda": [astuple(draft) for draft in self.agenda]}

    def save(self) -> int:
        data = self.collect()
        if self.activity_id is None:
            self.activity_id = svc.create_activity(self.ctx.db, data)
        else:
            svc.update_activity(self.ctx.db, self.activity_id, data)
        return self.activity_id
