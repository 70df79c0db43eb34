"""文件 → 数据交换 driven as two clerks would: the village sets up its office and registers
the town's card, sends a package to a folder; the town receives it after the preview and
saves the 数据移交单."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import ExchangeLogEntry, PartyMember
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.offices import card_to_json
from pbc_desktop.services.exchange import offices
from pbc_desktop.services.exchange.offices import OfficeSetup
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.views import cell_text
from pbc_desktop.ui.exchange.actions import ExchangeActions, SendDialog
from pbc_desktop.ui.exchange.office_dialog import OfficeDialog, OfficeSetupDialog
from pbc_desktop.ui.exchange.preview_dialog import PreviewDialog
from tests.factories import make_member, make_org
from tests.qt_helpers import Boxes, stub_boxes
from tests.services.exchange.helpers import office_db


@dataclass
class Host:
    ctx: AppContext
    refreshed: int = 0

    def refresh_all(self) -> None:
        self.refreshed += 1


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = stub_boxes(monkeypatch)
    monkeypatch.setattr(messages, "show_user_error", lambda _p, e: recorder.shown.append(str(e)))
    return recorder


@pytest.fixture
def two_offices(tmp_path: Path) -> tuple[Database, Database]:
    village, town = office_db(tmp_path, "village"), office_db(tmp_path, "town")
    branch = make_org(village, "上底村党支部")
    make_member(village, "陈小明", branch, complete=True)
    offices.create_local_office(
        village, OfficeSetup("上底村党委", OrgLevel.VILLAGE, organization_id=branch)
    )
    offices.create_local_office(town, OfficeSetup("和平镇党委", OrgLevel.TOWN, town="和平镇"))
    yield village, town  # type: ignore[misc]
    village.dispose()
    town.dispose()


def test_an_administrator_sets_up_the_office_in_the_dialog(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    make_org(db, "司马浦镇大布村党委", town="司马浦镇")
    dialog = OfficeDialog(AppContext(db))
    qtbot.addWidget(dialog)
    assert dialog.setup_button.isVisible() is False or dialog.setup_button.isEnabled()
    assert not dialog.card_button.isEnabled()
    setup = OfficeSetupDialog(db, dialog)
    qtbot.addWidget(setup)
    setup.accept()  # nothing chosen: the level and the name, at once
    assert setup.result() != QDialog.DialogCode.Accepted
    assert setup.error.text().splitlines()[1] == "请填写单位名称（不超过120字）。"
    assert [k for k, w in setup.field_widgets.items() if w.styleSheet()] == ["level", "name"]
    setup.level_combo.setCurrentIndex(setup.level_combo.findData(OrgLevel.TOWN.value))
    assert setup.town_combo.isEnabled() and not setup.org_combo.isEnabled()
    setup.town_combo.setCurrentText("司马浦镇")  # a town the registry names
    assert setup.name_edit.text() == "司马浦镇 Party committee"  # follows the town (untranslated)
    setup.name_edit.setText("中共司马浦镇委员会")
    setup.town_combo.setCurrentText("司马浦")
    assert setup.name_edit.text() == "中共司马浦镇委员会"  # typed: kept
    setup.accept()
    assert setup.result() == QDialog.DialogCode.Accepted
    dialog.reload()
    assert "中共司马浦镇委员会" in dialog.summary.text()
    assert dialog.fingerprint.text().replace("\n", " ") == offices.local_card(db).fingerprint  # type: ignore[union-attr]
    assert dialog.card_button.isEnabled()
    assert offices.local_card(db).town == "司马浦"  # type: ignore[union-attr]


def test_a_village_names_its_organization_once_the_registry_has_arrived(
    qtbot: QtBot, db: Database, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    offices.create_local_office(db, OfficeSetup("上底村党委", OrgLevel.VILLAGE))  # no registry yet
    before = offices.local_card(db)
    branch = make_org(db, "上底村党支部")  # the registry arrived in a package
    dialog = OfficeDialog(AppContext(db))
    qtbot.addWidget(dialog)
    assert dialog.setup_button.isVisibleTo(dialog) and dialog.setup_button.isEnabled()
    assert dialog.setup_button.text() == "C&hange this office..."  # untranslated in tests

    def choose_the_branch(setup: OfficeSetupDialog) -> QDialog.DialogCode:
        assert setup.name_edit.text() == "上底村党委"  # the office as it is
        assert setup.level_combo.currentData() == OrgLevel.VILLAGE.value
        setup.org_combo.setCurrentIndex(setup.org_combo.findData(branch))
        assert setup.name_edit.text() == "上底村党委"  # its own name is kept
        setup.accept()
        return QDialog.DialogCode(setup.result())

    monkeypatch.setattr(OfficeSetupDialog, "exec", choose_the_branch)
    dialog.set_up()
    after = offices.local_card(db)
    assert after is not None and before is not None
    assert after.organization_uuid is not None
    assert (after.name, after.fingerprint) == (before.name, before.fingerprint)  # keys stay
    assert "new card" in boxes.shown[-1]  # the other offices register it again


def test_a_change_of_this_office_over_another_pcs_change_is_refused_in_the_dialog(
    qtbot: QtBot, db: Database
) -> None:
    offices.create_local_office(db, OfficeSetup("和平镇党委", OrgLevel.TOWN, town="和平镇"))
    current = offices.local_setup(db)
    setup = OfficeSetupDialog(db, current=current)
    qtbot.addWidget(setup)
    assert current is not None
    offices.update_local_office(db, replace(current, code="440514"))  # another PC, meanwhile
    setup.name_edit.setText("和平镇党委(新)")
    setup.accept()
    assert setup.result() != QDialog.DialogCode.Accepted  # open, the input kept
    assert "请关闭后重新打开再保存" in setup.error.text()
    assert setup.name_edit.text() == "和平镇党委(新)"
    card = offices.local_card(db)
    assert card is not None and (card.name, card.code) == ("和平镇党委", "440514")


def test_keys_exported_and_imported_in_the_dialog_with_a_passphrase(
    qtbot: QtBot, db: Database, boxes: Boxes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offices.create_local_office(db, OfficeSetup("潮南区委组织部", OrgLevel.DISTRICT))
    dialog = OfficeDialog(AppContext(db))
    qtbot.addWidget(dialog)
    assert dialog.export_keys_button.isVisibleTo(dialog)
    target = tmp_path / "usb" / "keys.pbckey"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    answers = iter(["a long passphrase", "another one", "a long passphrase", "a long passphrase"])
    monkeypatch.setattr(prompts, "ask_secret", lambda *_a: next(answers))
    dialog.export_keys()  # typed differently twice: nothing written
    assert not target.exists() and "differ" in boxes.shown[-1]
    dialog.export_keys()
    assert target.exists() and "ENCRYPTED" in target.read_text()
    offices.key_file(db).unlink()  # the database moved to a PC without its key file
    dialog.reload()
    assert "导入密钥" in dialog.summary.text() and not dialog.export_keys_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(prompts, "ask_secret", lambda *_a: "a wrong passphrase")
    dialog.import_keys()
    assert offices.local_office(db).keys is None and "口令" in boxes.shown[-1]
    monkeypatch.setattr(prompts, "ask_secret", lambda *_a: "a long passphrase")
    dialog.import_keys()
    assert offices.local_office(db).keys is not None
    assert dialog.export_keys_button.isEnabled()


def test_only_administrators_see_the_keys(qtbot: QtBot, db: Database) -> None:
    from tests.scope_factories import town_actor

    offices.create_local_office(db, OfficeSetup("甲镇党委", OrgLevel.TOWN, town="甲镇"))
    db.user = town_actor(db)
    dialog = OfficeDialog(AppContext(db))
    qtbot.addWidget(dialog)
    assert not dialog.export_keys_button.isVisibleTo(dialog)
    assert not dialog.import_keys_button.isVisibleTo(dialog)
    assert dialog.register_button.isEnabled()  # a town clerk registers cards (its town's)
    db.user = town_actor(db, "乙镇")  # not on another town's database
    dialog.writes.update()
    assert not dialog.register_button.isEnabled()
    assert "负责本单位的账号" in dialog.register_button.toolTip()


def test_a_card_is_registered_after_the_fingerprint_is_confirmed(
    qtbot: QtBot,
    two_offices: tuple[Database, Database],
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    village, town = two_offices
    card_file = tmp_path / "town.pbccard"
    card_file.write_text(card_to_json(offices.local_card(town)), encoding="utf-8")  # type: ignore[arg-type]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(card_file), ""))
    dialog = OfficeDialog(AppContext(village))
    qtbot.addWidget(dialog)
    boxes.confirm_answer = False
    dialog.register()
    assert dialog.table.rowCount() == 1  # not confirmed: not registered
    boxes.confirm_answer = True
    dialog.register()
    assert [cell_text(dialog.table, r, 0) for r in range(2)] == ["上底村党委", "和平镇党委"]
    assert offices.local_card(town).fingerprint in boxes.shown[-1]  # type: ignore[union-attr]


def test_send_then_receive_with_the_preview_and_the_handover_sheet(
    qtbot: QtBot,
    two_offices: tuple[Database, Database],
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    village, town = two_offices
    offices.register_card(village, offices.local_card(town))  # type: ignore[arg-type]
    offices.register_card(town, offices.local_card(village))  # type: ignore[arg-type]
    package = tmp_path / "usb" / "上底村"
    package.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(package), ""))
    monkeypatch.setattr(SendDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    boxes.confirm_answer = False  # no handover sheet for the sender this time
    parent = QDialog()
    qtbot.addWidget(parent)
    sender = ExchangeActions(Host(AppContext(village)), parent)
    sender.action_send.trigger()
    sent = package.with_suffix(".pbcx")
    assert sent.exists()
    assert "和平镇党委" in boxes.shown[-1]

    previews: list[PreviewDialog] = []

    def accept(dialog: PreviewDialog) -> int:
        previews.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(sent), ""))
    monkeypatch.setattr(PreviewDialog, "exec", accept)
    sheet = tmp_path / "移交单.pdf"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a, **_k: sheet)
    boxes.confirm_answer = True
    host = Host(AppContext(town))
    receiver = ExchangeActions(host, parent)
    receiver.action_receive.trigger()
    assert len(previews) == 1 and previews[0].counts.rowCount() > 0
    with town.read() as s:
        assert s.scalars(select(PartyMember.name)).all() == ["陈小明"]
        assert s.scalars(select(ExchangeLogEntry.direction)).all() == ["received"]
    assert host.refreshed == 1
    assert sheet.exists()


def test_a_package_replaced_while_its_preview_is_read_is_not_received(
    qtbot: QtBot,
    two_offices: tuple[Database, Database],
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file is replaced by the sender's next package while the clerk reads the preview:
    what was accepted is not what would be merged."""
    village, town = two_offices
    offices.register_card(village, offices.local_card(town))  # type: ignore[arg-type]
    offices.register_card(town, offices.local_card(village))  # type: ignore[arg-type]
    usb = tmp_path / "usb"
    usb.mkdir()
    parent = QDialog()
    qtbot.addWidget(parent)
    sender = ExchangeActions(Host(AppContext(village)), parent)
    monkeypatch.setattr(SendDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    boxes.confirm_answer = False
    for name in ("first", "next"):
        target = usb / name
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *_a, t=target, **_k: (str(t), "")
        )
        sender.action_send.trigger()
        make_member(village, f"新党员{name}", make_org(village, f"{name}党支部"), complete=True)
    first, following = usb / "first.pbcx", usb / "next.pbcx"

    def read_while_replaced(_dialog: PreviewDialog) -> int:
        following.replace(first)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(first), ""))
    monkeypatch.setattr(PreviewDialog, "exec", read_while_replaced)
    host = Host(AppContext(town))
    ExchangeActions(host, parent).action_receive.trigger()
    assert "预览之后被换成了另一个数据包" in boxes.shown[-1]
    with town.read() as s:
        assert s.scalars(select(PartyMember.name)).all() == []
        assert s.scalars(select(ExchangeLogEntry.direction)).all() == []
    assert host.refreshed == 0


def test_a_viewer_cannot_send_or_receive(qtbot: QtBot, db: Database) -> None:
    from tests.scope_factories import viewer_actor

    db.user = viewer_actor(db)
    parent = QDialog()
    qtbot.addWidget(parent)
    menu = ExchangeActions(Host(AppContext(db)), parent)
    assert not menu.action_send.isEnabled()
    assert not menu.action_receive.isEnabled()
    assert menu.action_offices.isEnabled()
    assert menu.action_send.toolTip()


def test_a_village_account_on_a_towns_database_sends_but_does_not_receive(
    qtbot: QtBot, db: Database
) -> None:
    """It sends its own organizations' records; receiving changes the whole town's."""
    from tests.scope_factories import village_actor

    offices.create_local_office(db, OfficeSetup("成田镇党委", OrgLevel.TOWN, town="成田镇"))
    db.user = village_actor(db, make_org(db, "甲村党支部", town="成田镇"))
    parent = QDialog()
    qtbot.addWidget(parent)
    menu = ExchangeActions(Host(AppContext(db)), parent)
    assert menu.action_send.isEnabled()
    assert not menu.action_receive.isEnabled()
    assert "负责本单位的账号" in menu.action_receive.toolTip()


def test_two_offices_of_one_name_are_told_apart_in_the_send_dialog(qtbot: QtBot) -> None:
    def view(uuid: str, key: bytes) -> offices.OfficeView:
        return offices.OfficeView(uuid, "和平镇党委", OrgLevel.TOWN, "", key, key, local=False)

    one, other = view("u1", b"\x01" * 32), view("u2", b"\x02" * 32)
    assert one.fingerprint[:9] != other.fingerprint[:9]
    dialog = SendDialog([one, other])
    qtbot.addWidget(dialog)
    shown = [dialog.to_combo.itemText(i) for i in range(dialog.to_combo.count())]
    assert shown == [
        f"和平镇党委（{one.fingerprint[:9]}…）",
        f"和平镇党委（{other.fingerprint[:9]}…）",
    ]
