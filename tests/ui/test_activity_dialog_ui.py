"""The activity editor, driven through qtbot: attendance, agenda, errors, files."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select, update

from pbc_desktop import paths
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, Attachment, AttachmentContent
from pbc_desktop.domain.enums import (
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    AttendanceStatus,
)
from pbc_desktop.services import attachments, venues
from pbc_desktop.services.activities import editing as svc
from pbc_desktop.services.activities.detail import get_activity_detail
from pbc_desktop.ui.activities.dialog import COL_REASON, COL_STATUS, ActivityDialog
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from tests.factories import make_community, make_member, make_orgs
from tests.qt_helpers import type_text


@pytest.fixture
def world(db: Database) -> dict[str, int]:
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    return {
        "a": a,
        "b": b,
        "community": make_community(db, "甲乙党建共同体", [a, b]),
        "m1": make_member(db, "陈伟", a),
        "m2": make_member(db, "陈丽", a),
        "m3": make_member(db, "黄强", b),
        "venue": venues.create_venue(db, venues.VenueInput("甲村党群服务中心")),
    }


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, world: dict[str, int]) -> ActivityDialog:
    widget = ActivityDialog(AppContext(db), community_id=world["community"])
    qtbot.addWidget(widget)
    widget.show()
    return widget


def pick(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def find_and_add(qtbot: QtBot, dialog: ActivityDialog, name: str) -> None:
    dialog.ui.memberSearchEdit.clear()
    type_text(qtbot, dialog.ui.memberSearchEdit, name)
    qtbot.waitUntil(
        lambda: (
            dialog.ui.memberResults.count() > 0
            and dialog.ui.memberResults.item(0).text().startswith(name)
        )
    )
    dialog.ui.memberResults.setCurrentRow(0)
    qtbot.mouseClick(dialog.ui.addMemberButton, Qt.MouseButton.LeftButton)


def set_status(dialog: ActivityDialog, row: int, status: AttendanceStatus) -> None:
    combo = dialog.ui.attendanceTable.cellWidget(row, COL_STATUS)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(status.value))


def click_ok(qtbot: QtBot, dialog: ActivityDialog) -> None:
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_create_meeting_with_agenda_and_attendance(
    qtbot: QtBot, db: Database, world: dict[str, int], dialog: ActivityDialog
) -> None:
    ui = dialog.ui
    # The host is proposed from the convener rotation: the first member with no turns yet.
    assert ui.hostCombo.currentData() == world["a"]
    pick(ui.kindCombo, "联席会议")
    type_text(qtbot, ui.titleEdit, "2026年第1次联席会议")
    ui.startEdit.setDateTime(QDateTime(QDate(2026, 3, 10), QTime(9, 0)))
    ui.endCheck.setChecked(True)
    ui.endEdit.setDateTime(QDateTime(QDate(2026, 3, 10), QTime(11, 30)))
    pick(ui.placeCombo, "甲村党群服务中心")
    type_text(qtbot, ui.chairEdit, "陈伟")
    type_text(qtbot, ui.recorderEdit, "陈丽")

    ui.tabs.setCurrentWidget(ui.peoplePage)
    # Typing "陈" finds both 陈 members only; never the whole roll.
    type_text(qtbot, ui.memberSearchEdit, "陈")
    qtbot.waitUntil(lambda: ui.memberResults.count() == 2)
    ui.memberResults.selectAll()
    qtbot.mouseClick(ui.addMemberButton, Qt.MouseButton.LeftButton)
    find_and_add(qtbot, dialog, "黄强")
    find_and_add(qtbot, dialog, "陈伟")  # already listed: not added twice
    assert ui.attendanceTable.rowCount() == 3
    ui.memberSearchEdit.clear()
    type_text(qtbot, ui.memberSearchEdit, "街道干部王五")
    qtbot.mouseClick(ui.addPersonButton, Qt.MouseButton.LeftButton)
    set_status(dialog, 3, AttendanceStatus.NON_VOTING)
    set_status(dialog, 2, AttendanceStatus.ABSENT)
    assert "Expected 3, present 2" in ui.countsLabel.text()

    ui.tabs.setCurrentWidget(ui.agendaPage)
    qtbot.mouseClick(ui.addAgendaButton, Qt.MouseButton.LeftButton)
    type_text(qtbot, ui.agendaTitleEdit, "审议项目清单")
    type_text(qtbot, ui.discussionEdit, "逐项讨论")
    type_text(qtbot, ui.resolutionEdit, "同意签订")
    ui.votedCheck.setChecked(True)
    ui.forSpin.setValue(3)
    assert ui.agendaList.item(0).text() == "1. 审议项目清单"

    # Two refusals at once: the absentee has no reason, 3 votes but 2 present.
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "缺席原因" in ui.errorLabel.text() and "超过实到人数" in ui.errorLabel.text()
    assert ui.tabs.currentWidget() is ui.peoplePage
    assert ui.attendanceTable.styleSheet() != ""
    with db.read() as s:
        assert s.scalars(select(Activity)).first() is None

    reason = ui.attendanceTable.cellWidget(2, COL_REASON)
    assert isinstance(reason, QComboBox) and reason.isEnabled()
    reason.setCurrentIndex(reason.findData(AbsenceReason.BUSINESS.value))
    ui.agendaList.setCurrentRow(0)
    ui.forSpin.setValue(2)
    with qtbot.waitSignal(dialog.saved) as saved:
        click_ok(qtbot, dialog)
    detail = get_activity_detail(db, saved.args[0])
    assert detail.title == "2026年第1次联席会议"
    assert detail.starts_at == datetime(2026, 3, 10, 9, 0)
    assert detail.ends_at == datetime(2026, 3, 10, 11, 30)
    assert detail.place == "甲村党群服务中心"
    assert detail.host_org_name == "甲村党支部"
    assert (detail.expected, detail.present) == (3, 2)
    assert [(a.person_name, a.absence_reason) for a in detail.absent] == [
        ("黄强", AbsenceReason.BUSINESS)
    ]
    assert detail.agenda[0].votes_for == 2 and detail.agenda[0].resolution == "同意签订"
    assert set(detail.organizations) == {"甲村党支部", "乙村党支部"}
    assert not ui.errorLabel.isVisible()


def test_edit_keeps_everything_and_handles_files(
    qtbot: QtBot,
    db: Database,
    world: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    aid = svc.create_activity(
        db,
        svc.ActivityInput(
            community_id=world["community"],
            kind=ActivityKind.TRAINING,
            title="党务培训",
            starts_at=datetime(2026, 4, 1, 9),
            place="村委会议室",
            lecturer="李老师",
            trainee_count=45,
            attendance=(svc.AttendanceInput("陈伟", AttendanceStatus.PRESENT, world["m1"]),),
            agenda=(svc.AgendaInput("学习党章"),),
        ),
    )
    photo = tmp_path / "合影.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(photo))
    dialog = ActivityDialog(AppContext(db), aid)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert ui.placeCombo.currentText() == "村委会议室"
    assert ui.lecturerEdit.isVisible() and ui.traineeSpin.value() == 45
    monkeypatch.setattr(dialog, "choose_files", lambda: [str(photo)])
    ui.tabs.setCurrentWidget(ui.filesPage)
    qtbot.mouseClick(ui.addFilesButton, Qt.MouseButton.LeftButton)
    assert ui.filesList.count() == 1 and not ui.filesList.item(0).icon().isNull()
    with qtbot.waitSignal(dialog.saved):
        click_ok(qtbot, dialog)
    edit = svc.get_activity_edit(db, aid)
    assert edit.lecturer == "李老师" and edit.trainee_count == 45
    assert len(edit.attendance) == 1 and edit.agenda[0].title == "学习党章"
    assert [a.filename for a in edit.attachments] == ["合影.png"]
    stored = edit.attachments[0]
    assert attachments.content(db, stored.id)[1] == photo.read_bytes()

    # Opened again: the thumbnail comes from the database, the file opens from a private
    # temporary copy, and "save as" writes a copy where the user chooses.
    photo.unlink()
    again = ActivityDialog(AppContext(db), aid)
    qtbot.addWidget(again)
    again.show()
    files = again.ui.filesList
    assert files.count() == 1 and files.item(0).text() == "合影.png"
    assert again.ui.filesList.item(0).icon().pixmap(32, 32).toImage().pixelColor(16, 16).red() > 200
    assert not again.ui.saveFileButton.isEnabled()
    files.item(0).setSelected(True)
    assert again.ui.saveFileButton.isEnabled()
    opened: list[Path] = []
    monkeypatch.setattr(again, "open_url", opened.append)
    qtbot.mouseClick(again.ui.openFileButton, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].name == "合影.png"
    assert opened[0].read_bytes() == attachments.content(db, stored.id)[1]
    assert not opened[0].is_relative_to(paths.data_dir())
    target = tmp_path / "U盘" / "合影副本.png"
    target.parent.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(again, "choose_save_path", lambda name: asked.append(name) or str(target))
    qtbot.mouseClick(again.ui.saveFileButton, Qt.MouseButton.LeftButton)
    assert asked == ["合影.png"]
    assert target.read_bytes() == opened[0].read_bytes()

    # Remove it in this second edit: its rows go, and no file anywhere is deleted.
    qtbot.mouseClick(again.ui.removeFileButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(again.saved):
        click_ok(qtbot, again)
    assert svc.get_activity_edit(db, aid).attachments == ()
    assert target.exists()


def test_an_attachment_missing_since_the_upgrade_is_shown_and_explained(
    qtbot: QtBot,
    db: Database,
    world: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = tmp_path / "签到表.pdf"
    doc.write_bytes(b"%PDF-1.4")
    aid = svc.create_activity(
        db,
        svc.ActivityInput(
            community_id=world["community"],
            kind=ActivityKind.THEME_PARTY_DAY,
            title="主题党日",
            starts_at=datetime(2026, 4, 1, 9),
            new_files=(doc,),
        ),
    )
    with db.write() as s:  # as the 0002 upgrade leaves a file it could not find
        s.execute(delete(AttachmentContent))
        s.execute(update(Attachment).values(sha256=None, size=None))
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: shown.append(text))
    opened: list[Path] = []
    dialog = ActivityDialog(AppContext(db), aid)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(dialog, "open_url", opened.append)
    item = dialog.ui.filesList.item(0)
    assert item.text() == "签到表.pdf (missing)"  # tests run without the translator
    item.setSelected(True)
    qtbot.mouseClick(dialog.ui.openFileButton, Qt.MouseButton.LeftButton)
    assert opened == []
    assert len(shown) == 1 and "附件「签到表.pdf」的内容不在数据库中" in shown[0]


def test_empty_title_is_refused_in_the_dialog(
    qtbot: QtBot, db: Database, dialog: ActivityDialog
) -> None:
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "请填写活动名称" in dialog.ui.errorLabel.text()
    assert dialog.ui.titleEdit.hasFocus() or dialog.ui.titleEdit.styleSheet()
    with db.read() as s:
        assert s.scalars(select(Activity)).first() is None


def test_the_missing_attachment_cannot_be_saved_as(
    qtbot: QtBot,
    db: Database,
    world: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nothing to save: "save as" is not offered, rather than asking where to save
    "签到表.pdf (missing)" and then refusing."""
    doc = tmp_path / "签到表.pdf"
    doc.write_bytes(b"%PDF-1.4")
    aid = svc.create_activity(
        db,
        svc.ActivityInput(
            community_id=world["community"],
            kind=ActivityKind.THEME_PARTY_DAY,
            title="主题党日",
            starts_at=datetime(2026, 4, 1, 9),
            new_files=(doc,),
        ),
    )
    with db.write() as s:
        s.execute(delete(AttachmentContent))
        s.execute(update(Attachment).values(sha256=None, size=None))
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: shown.append(text))
    dialog = ActivityDialog(AppContext(db), aid)
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []
    monkeypatch.setattr(dialog, "choose_save_path", lambda name: asked.append(name) or "")
    dialog.ui.filesList.item(0).setSelected(True)
    assert dialog.ui.openFileButton.isEnabled()  # opening it explains why it is missing
    assert not dialog.ui.saveFileButton.isEnabled()
    dialog.save_file()
    assert asked == [] and shown == []


def test_keys_in_the_files_list_open_and_remove_instead_of_closing_the_dialog(
    qtbot: QtBot,
    db: Database,
    world: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = tmp_path / "签到表.pdf"
    doc.write_bytes(b"%PDF-1.4")
    aid = svc.create_activity(
        db,
        svc.ActivityInput(
            community_id=world["community"],
            kind=ActivityKind.THEME_PARTY_DAY,
            title="主题党日",
            starts_at=datetime(2026, 4, 1, 9),
            new_files=(doc,),
        ),
    )
    dialog = ActivityDialog(AppContext(db), aid)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # shortcuts work in the active window
        dialog.show()
        dialog.activateWindow()
    opened: list[Path] = []
    monkeypatch.setattr(dialog, "open_url", opened.append)
    ui = dialog.ui
    ui.tabs.setCurrentWidget(ui.filesPage)
    ui.filesList.setFocus()
    ui.filesList.setCurrentRow(0)
    qtbot.keyClick(ui.filesList, Qt.Key.Key_Return)  # opens the file, the dialog stays
    assert [p.name for p in opened] == ["签到表.pdf"]
    assert dialog.isVisible() and svc.get_activity_edit(db, aid).attachments
    # The buttons have mnemonics on their page (not taken by the hidden pages' labels).
    qtbot.keyClick(ui.filesList, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(opened) == 2)
    asked: list[str] = []
    monkeypatch.setattr(dialog, "choose_save_path", lambda name: asked.append(name) or "")
    qtbot.keyClick(ui.filesList, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: asked == ["签到表.pdf"])
    assert ui.tabs.currentWidget() is ui.filesPage
    qtbot.keyClick(ui.filesList, Qt.Key.Key_Delete)
    assert ui.filesList.count() == 0 and dialog.isVisible()


def test_direction_marks_in_the_summary_and_resolutions_are_refused_with_the_field_named(
    qtbot: QtBot, db: Database, dialog: ActivityDialog
) -> None:
    """The multi-line fields were saved as typed, a right-to-left override and all."""
    ui = dialog.ui
    type_text(qtbot, ui.titleEdit, "第一季度联席会议")
    ui.summaryEdit.setPlainText("学习了党章\n讨论了\u202e清单")  # as pasted from a chat
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    text = ui.errorLabel.text()
    assert "概要的第 10 个字符是不可见的控制字符或排版标记（U+202E" in text
    assert ui.tabs.currentWidget() is ui.basicsPage
    assert "#c0392b" in ui.summaryEdit.styleSheet()

    ui.summaryEdit.setPlainText("学习了党章\n讨论了清单")
    qtbot.mouseClick(ui.addAgendaButton, Qt.MouseButton.LeftButton)
    type_text(qtbot, ui.agendaTitleEdit, "审议清单")
    ui.resolutionEdit.setPlainText("同意\x1b通过")
    ui.tabs.setCurrentWidget(ui.basicsPage)
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "第1项议题的决议的第 3 个字符" in ui.errorLabel.text()
    assert ui.tabs.currentWidget() is ui.agendaPage
    with db.read() as s:
        assert s.scalar(select(Activity.id)) is None

    ui.resolutionEdit.setPlainText("同意通过\n全票")
    with qtbot.waitSignal(dialog.saved):
        click_ok(qtbot, dialog)
    assert dialog.activity_id is not None
    edit = svc.get_activity_edit(db, dialog.activity_id)
    assert edit.summary == "学习了党章\n讨论了清单"
    assert edit.agenda[0].resolution == "同意通过\n全票"


def test_enter_in_the_attendance_grid_goes_to_the_next_person_not_ok(
    qtbot: QtBot, dialog: ActivityDialog
) -> None:
    ui = dialog.ui
    ui.tabs.setCurrentWidget(ui.peoplePage)
    type_text(qtbot, ui.memberSearchEdit, "陈")
    qtbot.waitUntil(lambda: ui.memberResults.count() == 2)
    ui.memberResults.selectAll()
    qtbot.mouseClick(ui.addMemberButton, Qt.MouseButton.LeftButton)
    table = ui.attendanceTable
    table.setFocus()
    table.setCurrentCell(0, COL_STATUS)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not dialog.error_text()  # OK was not pressed (it would name the missing title)
    assert dialog.isVisible() and table.currentRow() == 1
    combo = table.cellWidget(1, COL_STATUS)
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Enter)  # in a row's status box too
    assert not dialog.error_text() and dialog.isVisible()


def test_a_meeting_to_come_is_planned_not_held(
    qtbot: QtBot, db: Database, world: dict[str, int]
) -> None:
    """A meeting put in for next week (a day picked in the calendar) was saved as 已举行,
    the dialog's default: the year's figures counted it as held and its minutes printed
    without the draft mark. The day to come now proposes 计划中, and 已举行 in the future
    is refused naming the status."""
    day = date.today() + timedelta(days=7)
    widget = ActivityDialog(AppContext(db), community_id=world["community"], day=day)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.ui.statusCombo.currentData() == ActivityStatus.PLANNED.value
    type_text(qtbot, widget.ui.titleEdit, "下周联席会议")
    widget.ui.statusCombo.setCurrentIndex(widget.ui.statusCombo.findData(ActivityStatus.HELD.value))
    click_ok(qtbot, widget)
    assert widget.isVisible() and "计划中" in widget.ui.errorLabel.text()
    widget.ui.statusCombo.setCurrentIndex(
        widget.ui.statusCombo.findData(ActivityStatus.PLANNED.value)
    )
    click_ok(qtbot, widget)
    assert not widget.isVisible()
    with db.read() as s:
        (held,) = s.scalars(select(Activity)).all()
        assert held.status == ActivityStatus.PLANNED


def test_the_end_time_follows_a_later_start(qtbot: QtBot, dialog: ActivityDialog) -> None:
    """A meeting put in for another day: its end, when then given, is two hours after its
    start (it stayed at 11:00 of the day the dialog opened, before the start)."""
    ui = dialog.ui
    start = QDateTime(QDate(2026, 12, 10), QTime(9, 30))
    ui.startEdit.setDateTime(start)
    ui.endCheck.setChecked(True)
    assert ui.endEdit.dateTime() == start.addSecs(2 * 3600)
    # an end given is kept as the start moves, unless the start passes it
    ui.endEdit.setDateTime(QDateTime(QDate(2026, 12, 10), QTime(12, 0)))
    ui.startEdit.setDateTime(QDateTime(QDate(2026, 12, 10), QTime(10, 0)))
    assert ui.endEdit.time() == QTime(12, 0)
    ui.startEdit.setDateTime(QDateTime(QDate(2026, 12, 11), QTime(10, 0)))
    ui.endCheck.setChecked(False)
    ui.endCheck.setChecked(True)
    assert ui.endEdit.dateTime() == QDateTime(QDate(2026, 12, 11), QTime(12, 0))
