"""The 活动 tab: month view filtering, editing, deleting, venues and printing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QListWidget
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import AbsenceReason, ActivityKind, ActivityStatus, AttendanceStatus
from pbc_desktop.services import venues
from pbc_desktop.services.activities import editing as svc
from pbc_desktop.services.activities import listing
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.activities.dialog import ActivityDialog
from pbc_desktop.ui.activities.tab import SIGNIN, ActivitiesTab
from pbc_desktop.ui.activities.venues_dialog import VenuesDialog
from pbc_desktop.ui.common import prompts, worker
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.listing_tab import SEARCH_DELAY_MS
from tests.factories import make_community, make_member, make_orgs
from tests.qt_helpers import Boxes, DiscardQuestion, stub_boxes, type_text


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    cid = make_community(db, "甲乙党建共同体", [a, b])
    m1, m2 = make_member(db, "陈伟", a), make_member(db, "黄强", b)

    def add(title: str, when: datetime, kind: ActivityKind = ActivityKind.JOINT_MEETING) -> int:
        return svc.create_activity(
            db,
            svc.ActivityInput(
                community_id=cid,
                kind=kind,
                title=title,
                starts_at=when,
                chair="陈伟",
                recorder="黄强",
                attendance=(
                    svc.AttendanceInput("陈伟", AttendanceStatus.PRESENT, m1),
                    svc.AttendanceInput("黄强", AttendanceStatus.ABSENT, m2, AbsenceReason.SICK),
                ),
                agenda=(svc.AgendaInput("审议项目清单", "讨论", "同意"),),
            ),
        )

    return {
        "community": cid,
        "march": add("三月联席会议", datetime(2026, 3, 10, 9)),
        "march2": add("三月主题党日", datetime(2026, 3, 10, 15), ActivityKind.THEME_PARTY_DAY),
        "april": add("四月联席会议", datetime(2026, 4, 2, 9)),
    }


@pytest.fixture
def tab(qtbot: QtBot, db: Database, ids: dict[str, int], boxes: Boxes) -> Iterator[ActivitiesTab]:
    widget = ActivitiesTab(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    yield widget
    if widget.active_dialog is not None:
        widget.active_dialog.reject()


def titles(tab: ActivitiesTab) -> list[str]:
    return [r.title for r in tab.model.rows()]


def test_month_view_counts_and_filters_by_day(qtbot: QtBot, tab: ActivitiesTab) -> None:
    qtbot.mouseClick(tab.month_button, Qt.MouseButton.LeftButton)
    assert tab.month_view.isVisible()
    tab.month_view.setCurrentPage(2026, 3)
    assert tab.month_view.counts == {datetime(2026, 3, 10).date(): 2}
    tab.month_view.clicked.emit(QDate(2026, 3, 10))
    assert titles(tab) == ["三月主题党日", "三月联席会议"]
    assert "2026-03-10" in tab.extra_label.text()
    # Filters still apply inside the day, and to the counts.
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("联席会议"))
    assert titles(tab) == ["三月联席会议"]
    qtbot.mouseClick(tab.clear_extra_button, Qt.MouseButton.LeftButton)
    assert titles(tab) == ["四月联席会议", "三月联席会议"]
    assert tab.month_view.counts == {datetime(2026, 3, 10).date(): 1}


def test_typing_runs_one_search_once_the_typing_pauses(
    qtbot: QtBot, tab: ActivitiesTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keystrokes in quick succession make one search, of the whole text typed, when the
    typing pauses; a page that holds every match asks no count."""
    searched: list[str] = []
    counted: list[str] = []
    fetch, count = listing.list_activities, listing.count_activities

    def fetched(db: Database, query: listing.ActivityQuery, page: PageRequest) -> Any:
        searched.append(query.text)
        return fetch(db, query, page)

    def counting(db: Database, query: listing.ActivityQuery) -> int:
        counted.append(query.text)
        return count(db, query)

    monkeypatch.setattr(listing, "list_activities", fetched)
    monkeypatch.setattr(listing, "count_activities", counting)
    with qtbot.waitSignal(tab.model.modelReset, timeout=SEARCH_DELAY_MS * 10):
        for char in "三月主题":  # one keystroke each, as an input method commits them
            type_text(qtbot, tab.search_edit, char)
        assert searched == []  # nothing yet while typing
    assert searched == ["三月主题"] and counted == []
    assert titles(tab) == ["三月主题党日"] and tab.model.total() == 1
    qtbot.wait(SEARCH_DELAY_MS * 2)
    assert searched == ["三月主题"]  # and nothing after


@pytest.fixture
def count_gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # a failed test's count ends too


@pytest.mark.usefixtures("loads_in_background")
def test_a_search_shows_its_first_page_before_its_total(
    qtbot: QtBot,
    tab: ActivitiesTab,
    count_gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What a search finds is counted off the UI thread: the first page is shown at once
    (the next keystroke is not kept waiting), the total once counted.

    The count is held by ``count_gate`` until the test lets it go (no wait of its own runs
    out, however loaded the machine): every look before that sees it counting; the
    timeouts only bound a failure."""
    qtbot.waitUntil(lambda: worker.reading_threads() == 0, timeout=30_000)  # the tab's own
    tab.model._page_size = 1  # a district's page of 200 in a test's three activities
    threads: list[threading.Thread] = []
    count = listing.count_activities

    def held_count(db: Database, query: listing.ActivityQuery) -> int:
        threads.append(threading.current_thread())
        assert count_gate.wait(60)
        return count(db, query)

    monkeypatch.setattr(listing, "count_activities", held_count)
    # the view scrolls no further on its own (it fetched the next pages to fill itself
    # whenever the machine let the event loop run long enough): the test scrolls
    monkeypatch.setattr(tab.model, "canFetchMore", lambda _parent: False)
    with qtbot.waitSignal(tab.model.modelReset, timeout=30_000):
        type_text(qtbot, tab.search_edit, "联席")
    qtbot.wait(200)  # the view's own layout, which fetched more, has run
    assert titles(tab) == ["四月联席会议"] and tab.count_label.text().endswith(" 1+")
    tab.model.fetchMore(QModelIndex())  # scrolled down meanwhile
    assert titles(tab) == ["四月联席会议", "三月联席会议"]
    assert tab.count_label.text().endswith(" 2+") and tab.model.counting()
    with qtbot.waitSignal(tab.model.counted, timeout=30_000):
        count_gate.set()
    assert tab.count_label.text().endswith(" 2") and tab.model.total() == 2
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    # a filter chosen counts at once, as before
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findText("主题党日"))
    assert tab.count_label.text().endswith(" 0") and len(threads) == 1


def test_the_detail_phrases_an_absence_as_the_minutes_do(
    db: Database, tab: ActivitiesTab, ids: dict[str, int]
) -> None:
    people = [
        svc.AttendanceInput("陈伟", AttendanceStatus.ABSENT, None, AbsenceReason.OTHER, "在外务工"),
        svc.AttendanceInput("黄强", AttendanceStatus.ABSENT, None, AbsenceReason.BUSINESS, "培训"),
    ]
    aid = svc.create_activity(
        db,
        svc.ActivityInput(
            community_id=ids["community"],
            kind=ActivityKind.JOINT_MEETING,
            title="五月联席会议",
            starts_at=datetime(2026, 5, 6, 9),
            attendance=tuple(people),
        ),
    )
    tab.reload()
    assert tab.select_id(aid)
    text = tab.detail.toPlainText()
    assert "陈伟（在外务工），黄强（公出：培训）" in text  # the absent, with why
    assert "公出：培训" in text.split("黄强")[-1]  # the attendance table's reason


def test_new_edit_and_delete(
    qtbot: QtBot, db: Database, tab: ActivitiesTab, ids: dict[str, int], boxes: Boxes
) -> None:
    assert not tab.edit_button.isEnabled()
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, ActivityDialog)
    type_text(qtbot, dialog.ui.titleEdit, "五月例会")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findText("日常例会"))
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "五月例会" in titles(tab)
    assert tab.current_row() is not None and tab.current_row().title == "五月例会"  # type: ignore[union-attr]

    assert tab.select_id(ids["april"])
    edit = tab.edit_current()
    assert edit is not None and edit.ui.titleEdit.text() == "四月联席会议"
    edit.reject()

    boxes.confirm_answer = False
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert "四月联席会议" in titles(tab)
    boxes.confirm_answer = True
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert "四月联席会议" not in titles(tab)
    assert any("四月联席会议" in text for text in boxes.shown)


def test_print_preview_renders_every_page(
    qtbot: QtBot, tab: ActivitiesTab, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    pages: list[int] = []

    def fake_exec(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintPreviewDialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        assert preview is not None
        preview.updatePreview()
        pages.append(preview.pageCount())
        return 0

    monkeypatch.setattr(tab, "exec_dialog", fake_exec)
    tab.select_id(ids["march"])
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    assert pages and pages[0] >= 1
    assert tab.printed_pages == pages[0]


def test_print_and_save_as_pdf(
    qtbot: QtBot,
    tab: ActivitiesTab,
    ids: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boxes = stub_boxes(monkeypatch)
    tab.select_id(ids["march"])
    target = tmp_path / "纪要"
    monkeypatch.setattr(tab, "choose_pdf_path", lambda _s: str(target))
    opened: list[Path] = []
    monkeypatch.setattr(prompts, "open_folder", opened.append)
    saved = tab.save_pdf()
    assert saved == tmp_path / "纪要.pdf"
    assert str(saved) in boxes.shown[-1] and opened == [tmp_path]  # says where; opens it
    text = "".join(p.extract_text() for p in PdfReader(saved).pages)
    assert "审议项目清单" in text and "黄强" in text

    tab.document_combo.setCurrentIndex(tab.document_combo.findData(SIGNIN))
    sheet = tmp_path / "签到表.pdf"
    monkeypatch.setattr(tab, "choose_pdf_path", lambda _s: str(sheet))
    tab.save_pdf()
    assert "签到" in "".join(p.extract_text() for p in PdfReader(sheet).pages)

    # 打印: the print dialog is accepted and the pages go to a PDF "printer".
    printed = tmp_path / "printed.pdf"

    def accept(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintDialog)
        printer = dialog.printer()
        printer.setOutputFileName(str(printed))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(tab, "exec_dialog", accept)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(printed).pages) == tab.printed_pages >= 1


def test_venues_manager(
    qtbot: QtBot,
    db: Database,
    tab: ActivitiesTab,
    boxes: Boxes,
    discard_question: DiscardQuestion,
) -> None:
    qtbot.mouseClick(tab.venues_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, VenuesDialog)
    ui = dialog.ui
    owner = ui.ownerCombo.completer()  # an owner is found by any part of its name
    assert owner is not None and owner.filterMode() == Qt.MatchFlag.MatchContains
    assert owner.completionMode() == QCompleter.CompletionMode.PopupCompletion
    type_text(qtbot, ui.nameEdit, "甲村党群服务中心")
    type_text(qtbot, ui.addressEdit, "甲村大道1号")
    ui.capacitySpin.setValue(80)
    communities: QListWidget = ui.communitiesList
    communities.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    row = venues.list_venues(db)[0]
    assert (row.name, row.address, row.capacity) == ("甲村党群服务中心", "甲村大道1号", 80)
    assert [c.name for c in row.communities] == ["甲乙党建共同体"]
    assert ui.venueList.count() == 1

    # A second venue with the same name is refused in the dialog.
    qtbot.mouseClick(ui.newButton, Qt.MouseButton.LeftButton)
    type_text(qtbot, ui.nameEdit, "甲村党群服务中心")
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    assert "已有名为" in ui.errorLabel.text() and len(venues.list_venues(db)) == 1

    discard_question.answer = True  # the refused new venue is dropped, asked first
    ui.venueList.setCurrentRow(0)
    assert discard_question.asked == [dialog]
    qtbot.mouseClick(ui.deleteButton, Qt.MouseButton.LeftButton)
    assert venues.list_venues(db) == []
    dialog.reject()


def test_a_venue_typed_into_is_not_left_unasked(
    qtbot: QtBot,
    db: Database,
    tab: ActivitiesTab,
    boxes: Boxes,
    discard_question: DiscardQuestion,
) -> None:
    """Turning to another venue, to a new one, or closing dropped what was typed for the
    shown venue without a word."""
    venues.create_venue(db, venues.VenueInput("甲村党群服务中心"))
    venues.create_venue(db, venues.VenueInput("乙村党群服务中心"))
    qtbot.mouseClick(tab.venues_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, VenuesDialog)
    ui = dialog.ui
    ui.venueList.setCurrentRow(1)  # nothing typed: no question
    assert discard_question.asked == []
    shown = ui.nameEdit.text()
    type_text(qtbot, ui.addressEdit, "乙村大道2号")
    discard_question.answer = False  # 继续编辑
    ui.venueList.setCurrentRow(0)
    assert ui.venueList.currentRow() == 1 and ui.nameEdit.text() == shown
    assert ui.addressEdit.text() == "乙村大道2号"
    qtbot.mouseClick(ui.newButton, Qt.MouseButton.LeftButton)
    assert ui.addressEdit.text() == "乙村大道2号"
    qtbot.keyClick(ui.addressEdit, Qt.Key.Key_Escape)
    close = ui.buttonBox.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and discard_question.asked == [dialog] * 4
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)  # saved: nothing to ask
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and len(discard_question.asked) == 4
    assert {v.name: v.address for v in venues.list_venues(db)}[shown] == "乙村大道2号"


def test_save_as_pdf_proposes_a_name_windows_takes(
    tab: ActivitiesTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title with ASCII quotes, a colon or a question mark (学习"两会"精神) was proposed as
    the file name as it stood: Windows refuses such a name; the proposal starts in the
    Documents folder like every other save."""
    asked: list[str] = []

    def fake_dialog(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return "", ""

    monkeypatch.setattr("pbc_desktop.ui.activities.tab.QFileDialog.getSaveFileName", fake_dialog)
    assert tab.choose_pdf_path('20260301 学习"两会"精神: 谁来?<讲>|党课 minutes.pdf') == ""
    proposed = Path(asked[0])
    assert proposed.parent == prompts.documents_dir()
    assert proposed.name == "20260301 学习_两会_精神_ 谁来__讲__党课 minutes.pdf"


def test_a_planned_meeting_has_no_one_present_yet(
    db: Database, tab: ActivitiesTab, ids: dict[str, int]
) -> None:
    """Those called to a planned meeting are stored as 出席 until told otherwise: the
    listing and the detail show 应到 alone, not 实到 7/7 before it met."""
    called = tuple(svc.AttendanceInput(f"党员{i}", AttendanceStatus.PRESENT) for i in range(7))
    aid = svc.create_activity(
        db,
        svc.ActivityInput(
            community_id=ids["community"],
            kind=ActivityKind.JOINT_MEETING,
            title="十二月联席会议",
            starts_at=datetime(2026, 12, 20, 9),
            status=ActivityStatus.PLANNED,
            attendance=called,
        ),
    )
    row = next(
        r
        for r in listing.list_activities(db, listing.ActivityQuery(), PageRequest())
        if r.id == aid
    )
    assert (row.expected, row.present) == (7, None)
    tab.reload()
    assert tab.select_id(aid)
    text = tab.detail.toPlainText()
    assert "7 / 7" not in text and "Expected / present" not in text
    assert "Expected" in text and "Present" not in text  # nor each called one 出席
    shown = [r for r in tab.model.rows() if r.id == aid]
    assert shown and shown[0].present is None
    # held, it counts as before
    held = next(
        r
        for r in listing.list_activities(db, listing.ActivityQuery(), PageRequest())
        if r.id == ids["march"]
    )
    assert (held.expected, held.present) == (2, 1)
