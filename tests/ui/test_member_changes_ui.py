"""The members tab's 增减 actions through their dialogs: a member leaves and drops off the
listing (still found among those who left and at an earlier date), a letter of transfer
is issued, listed, printed and received by the other organization."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.member_changes import LeavingKind, MemberChangeKind, MemberRoll
from pbc_desktop.services import member_view, members
from pbc_desktop.services.member_changes import mobile
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common.combos import select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.leave_dialog import LeaveDialog
from pbc_desktop.ui.members.tab import MembersTab
from pbc_desktop.ui.members.transfer_dialogs import (
    MobileMemberDialog,
    TransferOutDialog,
    TransferReceiveDialog,
)
from tests.factories import make_id, make_member, make_org
from tests.pdf_helpers import page_texts
from tests.qt_helpers import Boxes, stub_boxes
from tests.scope_factories import village_actor

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard"
)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def orgs(db: Database) -> tuple[int, int]:
    home = make_org(db, "文光村党支部", town="陈店镇")
    other = make_org(db, "东山社区党支部", town="峡山街道")
    make_member(db, "陈伟", home, joined_on=date(2001, 7, 1))
    make_member(db, "林丽", home, joined_on=date(2010, 7, 1))
    return home, other


def open_tab(qtbot: QtBot, db: Database) -> MembersTab:
    tab = MembersTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture
def tab(qtbot: QtBot, db: Database, orgs: tuple[int, int], boxes: Boxes) -> Iterator[MembersTab]:
    widget = open_tab(qtbot, db)
    yield widget
    if widget.active_dialog is not None:
        widget.active_dialog.reject()


def members_of(db: Database, org: int) -> list[members.MemberRow]:
    return members.list_members(db, members.MemberQuery(organization_id=org), PageRequest())


def names(tab: MembersTab) -> set[str]:
    return {row.name for row in tab.model.rows()}


def choose(tab: MembersTab, name: str) -> None:
    row = next(r for r in tab.model.rows() if r.name == name)
    assert tab.select_id(row.id)


def test_a_member_leaves_through_the_dialog(qtbot: QtBot, tab: MembersTab) -> None:
    assert names(tab) == {"陈伟", "林丽"}
    choose(tab, "陈伟")
    assert tab.changes.leave_button.isEnabled()
    assert tab.delete_button.isEnabled()  # the district's administrator, a record of today
    dialog = tab.changes.leave_current()
    assert isinstance(dialog, LeaveDialog)
    ui = dialog.ui
    assert ui.memberLabel.text() == "陈伟"
    assert dialog.read_version is not None  # checked against edits of the member since
    select_data(ui.kindCombo, MemberChangeKind.LEFT_PARTY)
    assert ui.leavingKindCombo.isVisibleTo(dialog) and not ui.otherUnitEdit.isVisibleTo(dialog)
    ui.occurredEdit.setDate(QDate(2026, 2, 3))
    dialog.accept()
    assert "出党方式" in dialog.error_text()  # the kind of leaving is asked for
    select_data(ui.leavingKindCombo, LeavingKind.REMOVED)
    dialog.accept()
    assert dialog.result() == LeaveDialog.DialogCode.Accepted
    assert names(tab) == {"林丽"}
    select_data(tab.roll_combo, MemberRoll.LEFT)
    assert names(tab) == {"陈伟"}
    select_data(tab.roll_combo, MemberRoll.CURRENT)
    tab.as_of_edit.setDate(QDate(2026, 2, 2))
    tab.as_of_check.setChecked(True)
    assert names(tab) == {"陈伟", "林丽"}  # the roll the day before
    choose(tab, "陈伟")
    assert "出党（除名）" in tab.detail_html(tab.current_row())  # type: ignore[arg-type]


def history(tab: MembersTab, member_id: int) -> str:
    """The member's changes, a letter out, a stay away, as the detail shows them."""
    view = member_view.member_view(tab.ctx.db, member_id)
    assert view.shown is not None
    return tab.changes.history_html(view.shown)


def test_the_history_names_the_changes_in_english_in_an_english_window(
    db: Database, tab: MembersTab
) -> None:
    """The kinds of change (出党, 除名…) stayed Chinese in English."""
    from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member

    row = next(r for r in tab.model.rows() if r.name == "陈伟")
    leave_member(
        db,
        row.id,
        LeavingInput(MemberChangeKind.LEFT_PARTY, date(2026, 2, 3), LeavingKind.REMOVED),
    )
    lang.set_language("en")
    shown = history(tab, row.id)
    assert "Left the Party (Removed from the roll): 文光村党支部" in shown
    assert "出党" not in shown and "除名" not in shown
    lang.set_language("zh")
    assert "出党（除名）：文光村党支部" in history(tab, row.id)


def test_a_stay_away_is_registered_through_the_dialog(qtbot: QtBot, tab: MembersTab) -> None:
    choose(tab, "林丽")
    dialog = tab.changes.mobile_current()
    assert isinstance(dialog, MobileMemberDialog)
    ui = dialog.ui
    assert ui.memberLabel.text() == "林丽"
    assert "林丽" in dialog.windowTitle()
    assert dialog.read_version is None  # a stay is not checked against the member's edits
    dialog.accept()
    assert dialog.error_text()  # where the member went is asked for
    ui.whereaboutsEdit.setText("广州市天河区")
    ui.leftEdit.setDate(QDate(2026, 3, 1))
    dialog.accept()
    assert dialog.result() == MobileMemberDialog.DialogCode.Accepted
    stays = mobile.list_stays(tab.ctx.db, member_id=dialog.member_id)
    assert [(s.whereabouts, s.left_on) for s in stays] == [("广州市天河区", date(2026, 3, 1))]


def test_a_stay_away_is_corrected_from_the_list_of_members_away(
    qtbot: QtBot, tab: MembersTab, orgs: tuple[int, int]
) -> None:
    _home, other = orgs
    choose(tab, "林丽")
    member_id = tab.current_row().id  # type: ignore[union-attr]
    mobile.start_stay(
        tab.ctx.db,
        member_id,
        mobile.StayInput(date(2026, 3, 1), "广州", contact_phone="13912345678"),
    )
    listing = tab.changes.open_transfers()
    assert listing is not None
    listing.tabs.setCurrentIndex(1)
    assert not listing.change_stay_button.isEnabled()  # nothing chosen
    listing.stays_table.selectRow(0)
    assert listing.change_stay_button.isEnabled()
    dialog = listing.change_current_stay()
    assert isinstance(dialog, MobileMemberDialog)
    ui = dialog.ui
    assert "林丽" in dialog.windowTitle() and ui.whereaboutsEdit.text() == "广州"
    assert ui.leftEdit.date() == QDate(2026, 3, 1)
    # the phone masked until asked for, as in the member editor
    assert ui.contactPhoneEdit.text() == "139****5678" and ui.contactPhoneEdit.isReadOnly()
    assert dialog.masking.button.isVisible()
    ui.whereaboutsEdit.setText("")
    dialog.accept()
    assert "外出地点" in dialog.error_text()  # refused, the input kept
    ui.whereaboutsEdit.setText("广州市天河区")
    ui.leftEdit.setDate(QDate(2026, 2, 20))
    select_data(ui.managingOrganizationCombo, other)
    dialog.accept()
    assert dialog.result() == MobileMemberDialog.DialogCode.Accepted
    [stay] = mobile.list_stays(tab.ctx.db, member_id=member_id, unmasked=True)
    assert (stay.whereabouts, stay.left_on, stay.manager, stay.contact_phone) == (
        "广州市天河区",
        date(2026, 2, 20),
        "东山社区党支部",
        "13912345678",  # saved masked: the stored phone kept
    )
    again = listing.change_current_stay()
    assert again is not None
    again.masking.button.click()
    assert again.ui.contactPhoneEdit.text() == "13912345678"
    again.ui.contactPhoneEdit.setText("13800001111")
    again.accept()
    assert mobile.get_stay(tab.ctx.db, stay.id)[0].contact_phone == "13800001111"
    assert listing.stays_table.item(0, 3).text() == "广州市天河区"  # the list read anew
    listing.reject()


def test_a_letter_of_transfer_is_issued_printed_and_received(
    qtbot: QtBot, db: Database, orgs: tuple[int, int], boxes: Boxes, tmp_path: Path
) -> None:
    home, other = orgs
    db.user = village_actor(db, home)
    tab = open_tab(qtbot, db)
    choose(tab, "林丽")
    dialog = tab.changes.transfer_current()
    assert isinstance(dialog, TransferOutDialog)
    select_data(dialog.ui.toOrganizationCombo, other)
    dialog.ui.issuedEdit.setDate(QDate.currentDate().addDays(-3))
    dialog.ui.reasonEdit.setText("工作调动")
    dialog.accept()
    assert dialog.result() == TransferOutDialog.DialogCode.Accepted
    assert names(tab) == {"陈伟", "林丽"}  # on the roll until received
    number = f"{date.today().year}-001"
    assert number in history(tab, dialog.member_id)  # the pending letter
    listing = tab.changes.open_transfers()
    assert listing is not None
    assert listing.table.rowCount() == 1
    valid = QDate.currentDate().addDays(27).toString("yyyy-MM-dd")
    assert listing.table.item(0, 5).text() == valid  # issued 3 days ago, valid 30 days
    listing.table.selectRow(0)
    assert listing.withdraw_button.isEnabled() and not listing.receive_button.isEnabled()
    boxes.confirm_answer = False  # not the folder opened
    out = listing.save_letter(tmp_path / "letter.pdf")
    assert out is not None
    assert boxes.shown[-1].startswith(f"已保存为 {out}")  # it said nothing before
    boxes.confirm_answer = True
    text = "".join(page_texts(out)).replace("\n", "")
    assert "林丽同志系中共正式党员，组织关系由中共文光村党支部转到中共东山社区党支部。" in text
    listing.reject()
    tab.close()

    db.user = village_actor(db, other)  # the receiving side confirms
    receiving = open_tab(qtbot, db)
    assert names(receiving) == set()
    letters = receiving.changes.open_transfers()
    assert letters is not None
    letters.table.selectRow(0)
    assert letters.receive_button.isEnabled()
    receive = letters.receive_current()
    assert isinstance(receive, TransferReceiveDialog)
    until = QDate.currentDate().addDays(27).toString("yyyy-MM-dd")  # issued 3 days ago, 30 days
    assert f"valid until {until}" in receive.ui.transferLabel.text()
    receive.ui.receivedEdit.setDate(QDate.currentDate())
    receive.accept()
    assert receive.result() == TransferReceiveDialog.DialogCode.Accepted
    assert letters.table.rowCount() == 0  # no longer pending: said so, not just gone
    assert letters.letters_note.isVisibleTo(letters)
    assert letters.letters_note.text() == (
        f"The letter {number} of 林丽 is now “已接收”: the filter no longer lists it."
    )
    letters.reject()
    receiving.refresh()
    assert names(receiving) == {"林丽"}


def test_a_member_transferred_in_from_outside(
    qtbot: QtBot, tab: MembersTab, orgs: tuple[int, int]
) -> None:
    from pbc_desktop.ui.members.transfer_dialogs import TransferInDialog
    from tests.factories import make_id

    home, _other = orgs
    dialog = tab.changes.transfer_in()
    assert isinstance(dialog, TransferInDialog)
    ui = dialog.ui
    ui.nameEdit.setText("王芳")
    ui.idEdit.setText(make_id("19880808", "222"))
    select_data(ui.organizationCombo, home)
    dialog.accept()
    assert "转出单位" in dialog.error_text()
    ui.fromUnitEdit.setText("深圳市南山区某社区党委")
    dialog.accept()
    assert dialog.result() == TransferInDialog.DialogCode.Accepted
    assert names(tab) == {"陈伟", "林丽", "王芳"}
    row = tab.current_row()
    assert row is not None and row.name == "王芳"
    assert "深圳市南山区某社区党委" in tab.detail_html(row)


def test_a_transfer_in_under_another_name_of_one_who_left_is_refused_in_the_dialog(
    qtbot: QtBot, tab: MembersTab, db: Database, orgs: tuple[int, int]
) -> None:
    """The ID number of 林丽, transferred out of the district, typed with the name 王芳:
    林丽's record was taken back, the name typed dropped, and nothing said so."""
    from pbc_desktop.services.member_changes.transfers import (
        TransferInput,
        issue_transfer,
        receive_transfer,
    )
    from pbc_desktop.ui.members.transfer_dialogs import TransferInDialog

    home, other = orgs
    number = make_id("19880808", "222")
    lili = make_member(db, "林丽二", home, id_number=number, joined_on=date(2010, 7, 1))
    letter = issue_transfer(
        db, lili, TransferInput(to_unit="外省某党委", issued_on=date(2025, 5, 1))
    )
    receive_transfer(db, letter, date(2025, 5, 5))
    dialog = tab.changes.transfer_in()
    assert isinstance(dialog, TransferInDialog)
    ui = dialog.ui
    ui.nameEdit.setText("王芳")
    ui.idEdit.setText(number)
    select_data(ui.organizationCombo, other)
    ui.fromUnitEdit.setText("外省某党委")
    dialog.accept()
    assert dialog.result() != TransferInDialog.DialogCode.Accepted
    assert dialog.error_text() == (
        "该身份证号登记的是曾转出本区的党员林丽二，与填写的姓名“王芳”不符，请核对身份证号"
    )
    assert number not in dialog.error_text()
    assert "林丽二" not in {r.name for r in members_of(db, other)}
    ui.nameEdit.setText("林丽二")  # the same person after all: back on their record
    dialog.accept()
    assert dialog.result() == TransferInDialog.DialogCode.Accepted
    assert [r.id for r in members_of(db, other)] == [lili]


@pytest.mark.parametrize("filtered", ["organization", "reported"])
def test_a_member_transferred_in_behind_a_filter_is_shown(
    qtbot: QtBot, tab: MembersTab, orgs: tuple[int, int], filtered: str
) -> None:
    """The organization and 已报到 filters hid the member just transferred in, and
    nothing said so (the clerk entered them a second time)."""
    from pbc_desktop.ui.members.transfer_dialogs import TransferInDialog
    from tests.factories import make_id

    home, other = orgs
    if filtered == "organization":
        tab.set_filters("", [(tab.organization_combo, home)])
        tab.reload()
    else:
        select_data(tab.reported_combo, True)
    assert "王芳" not in names(tab)
    dialog = tab.changes.transfer_in()
    assert isinstance(dialog, TransferInDialog)
    dialog.ui.nameEdit.setText("王芳")
    dialog.ui.idEdit.setText(make_id("19880808", "222"))
    select_data(dialog.ui.organizationCombo, other)
    dialog.ui.fromUnitEdit.setText("深圳市南山区某社区党委")
    dialog.accept()
    assert dialog.result() == TransferInDialog.DialogCode.Accepted
    row = tab.current_row()
    assert row is not None and row.name == "王芳"
    assert tab.extra_label.isVisible()
    assert "清除" in tab.extra_label.text() or "cleared" in tab.extra_label.text()


@pytest.mark.usefixtures("boxes")
def test_a_letter_numbered_with_a_slash_is_proposed_as_one_file(
    qtbot: QtBot,
    db: Database,
    orgs: tuple[int, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``2026/007`` in the proposed name made a folder ``…2026`` the save dialog opened in
    (one that does not exist), and ``:`` or ``?`` a name Windows refuses."""
    from pbc_desktop.services.member_changes.transfers import TransferInput, issue_transfer
    from pbc_desktop.ui.common import prompts

    home, _other = orgs
    member = make_member(db, "王芳", home, joined_on=date(2000, 7, 1))
    issue_transfer(
        db,
        member,
        TransferInput(to_unit="外区单位", letter_number='潮南/2026:007?"', issued_on=date.today()),
    )
    monkeypatch.setattr(prompts, "documents_dir", lambda: tmp_path)
    proposed: list[Path] = []

    def ask(_parent: object, _title: str, suggested: Path, _kind: str = "pdf") -> Path:
        proposed.append(suggested)
        return suggested

    monkeypatch.setattr(prompts, "ask_save_path", ask)
    monkeypatch.setattr(prompts, "offer_folder", lambda *_a: None)
    tab = open_tab(qtbot, db)
    listing = tab.changes.open_transfers()
    assert listing is not None
    listing.table.selectRow(0)
    out = listing.save_letter()
    assert out is not None and out.parent == tmp_path and out.is_file()
    assert proposed[0].parent == tmp_path and "潮南_2026_007__" in proposed[0].name
    listing.reject()
    tab.close()


def test_a_restoring_over_an_edit_made_while_asking_the_date_is_refused(
    qtbot: QtBot,
    db: Database,
    tab: MembersTab,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """恢复党籍 read nothing: a member changed by another window while the clerk typed the
    date was restored over that change without a word."""
    from dataclasses import replace

    from pbc_desktop.domain.enums import MembershipStatus
    from pbc_desktop.services import member_editing
    from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member
    from pbc_desktop.ui.common import prompts

    chen = next(r.id for r in tab.model.rows() if r.name == "陈伟")
    leave_member(db, chen, LeavingInput(MemberChangeKind.SUSPENDED, date(2025, 6, 1)))
    select_data(tab.roll_combo, MemberRoll.LEFT)
    choose(tab, "陈伟")
    assert tab.changes.restore_action.isEnabled()

    def edited_meanwhile(*_args: object) -> date:
        data = member_editing.get_member_input(db, chen)
        member_editing.update_member(db, chen, replace(data, id_number=make_id(seq=301)))
        return date(2026, 6, 1)

    monkeypatch.setattr(prompts, "ask_date", edited_meanwhile)
    tab.changes.restore_current()
    assert len(boxes.shown) == 1 and "请关闭后重新打开再保存" in boxes.shown[0]
    assert member_editing.get_member_input(db, chen).status is MembershipStatus.SUSPENDED
    monkeypatch.setattr(prompts, "ask_date", lambda *_args: date(2026, 6, 1))
    tab.changes.restore_current()
    assert member_editing.get_member_input(db, chen).status is MembershipStatus.NORMAL


def test_a_member_moved_away_since_opens_read_only_from_a_past_roll(
    qtbot: QtBot, db: Database, orgs: tuple[int, int], boxes: Boxes
) -> None:
    """The roll at a date lists a member the village held then; their detail said
    “not found” once they had moved to an organization the village does not see."""
    from pbc_desktop.services.member_changes.transfers import (
        TransferInput,
        issue_transfer,
        receive_transfer,
    )

    home, other = orgs
    chen = next(r.id for r in members_of(db, home) if r.name == "陈伟")
    letter = issue_transfer(
        db, chen, TransferInput(to_organization_id=other, issued_on=date(2026, 3, 2))
    )
    receive_transfer(db, letter, date(2026, 3, 9))
    db.user = village_actor(db, home)
    tab = open_tab(qtbot, db)
    assert names(tab) == {"林丽"}
    tab.as_of_edit.setDate(QDate(2026, 3, 1))
    tab.as_of_check.setChecked(True)
    assert names(tab) == {"陈伟", "林丽"}
    choose(tab, "陈伟")
    shown = tab.detail.toPlainText()
    assert "陈伟" in shown and "not found" not in shown and "东山社区党支部" in shown
    assert not tab.edit_button.isEnabled()
    assert tab.edit_button.toolTip() == "这条记录属于其他党组织，当前账号只能查看，不能修改。"
    posts = tab.posts_panel  # its posts too, read-only
    assert posts.title_label.text().startswith("陈伟 (东山社区党支部)")
    tab.as_of_check.setChecked(False)  # today's roll: not listed, not to be opened
    assert names(tab) == {"林丽"}


def test_an_expired_letter_is_marked_in_the_list(
    qtbot: QtBot, db: Database, orgs: tuple[int, int], tab: MembersTab
) -> None:
    from datetime import timedelta

    from pbc_desktop.services.member_changes.transfers import TransferInput, issue_transfer

    home, other = orgs
    chen = next(r.id for r in members_of(db, home) if r.name == "陈伟")
    issued = date.today() - timedelta(days=40)
    data = TransferInput(to_organization_id=other, issued_on=issued, valid_days=30)
    issue_transfer(db, chen, data)
    listing = tab.changes.open_transfers()
    assert listing is not None
    until = (issued + timedelta(days=30)).isoformat()
    assert listing.table.item(0, 5).text() == f"{until} (expired)"
    listing.reject()


def test_a_letter_of_a_member_off_the_roll_cannot_be_received(
    qtbot: QtBot, db: Database, orgs: tuple[int, int], tab: MembersTab
) -> None:
    """The button stayed enabled and the refusal came only on saving the receipt."""
    from pbc_desktop.db.models import PartyMember
    from pbc_desktop.domain.enums import MembershipStatus
    from pbc_desktop.services.member_changes.transfers import TransferInput, issue_transfer

    home, other = orgs
    chen = next(r.id for r in members_of(db, home) if r.name == "陈伟")
    issue_transfer(db, chen, TransferInput(to_organization_id=other, issued_on=date.today()))
    with db.write() as s:  # died meanwhile (an imported roster, say)
        member = s.get(PartyMember, chen)
        assert member is not None
        member.status = MembershipStatus.DECEASED
    listing = tab.changes.open_transfers()
    assert listing is not None
    listing.table.selectRow(0)
    assert not listing.receive_button.isEnabled()
    assert "已不在册（已故）" in listing.receive_button.toolTip()
    assert listing.receive_note.isVisibleTo(listing)
    assert listing.receive_note.text() == listing.receive_button.toolTip()
    listing.reject()
