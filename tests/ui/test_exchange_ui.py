"""The exchange dialogs driven as a clerk would: the preview of a package before it is
received, the conflict list (keep or take the other version), the exchange log and its
数据移交单."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Office, PartyMember
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.privacy import contains_personal_numbers, mask_id_number
from pbc_desktop.services.exchange.transfer import preview_package, receive_package, send_package
from pbc_desktop.ui.common import prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.views import cell_text
from pbc_desktop.ui.exchange.conflicts_dialog import ConflictsDialog
from pbc_desktop.ui.exchange.log_dialog import ExchangeLogDialog
from pbc_desktop.ui.exchange.preview_dialog import PreviewDialog
from tests.factories import make_id, make_member, make_org
from tests.pdf_helpers import page_texts
from tests.qt_helpers import Boxes, stub_boxes
from tests.scope_factories import town_actor
from tests.services.exchange.helpers import TOWN as TOWN_UUID
from tests.services.exchange.helpers import VILLAGE as VILLAGE_UUID
from tests.services.exchange.helpers import merge_into, office_db, owned_by, send
from tests.services.exchange.package_helpers import registry
from tests.services.exchange.test_conflict_values import item_status_conflict
from tests.services.exchange.test_item_claims import RENAMED, TITLE
from tests.services.exchange.test_preview_arrivals import claim_alone_for
from tests.services.exchange.test_preview_claims import claimed_then_renamed
from tests.services.exchange.test_transfer import TOWN, VILLAGE, _me, _village_data


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    village, town = office_db(tmp_path, "village"), office_db(tmp_path, "town")
    yield village, town
    village.dispose()
    town.dispose()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


def _package(village: Database, tmp_path: Path) -> Path:
    path = tmp_path / "上底村.pbcx"
    send_package(village, path, me=_me(VILLAGE), to=TOWN.card)
    return path


def _column(table: object, column: int) -> list[str]:
    return [cell_text(table, r, column) or "" for r in range(table.rowCount())]  # type: ignore[attr-defined]


def test_the_preview_counts_and_lists_what_would_change(
    qtbot: QtBot, offices: tuple[Database, Database], tmp_path: Path
) -> None:
    village, town = offices
    _village_data(village)
    path = _package(village, tmp_path)
    received = preview_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    dialog = PreviewDialog(received)
    qtbot.addWidget(dialog)
    assert "上底村党委" in dialog.findChild(object, "exchangePreviewHead").text()  # type: ignore[union-attr]
    assert "党员" in _column(dialog.counts, 0)
    member_row = _column(dialog.counts, 0).index("党员")
    assert cell_text(dialog.counts, member_row, 1) == "1"  # one new
    assert "陈小明" in _column(dialog.changes, 1)
    apply = dialog.findChild(QPushButton, "exchangePreviewApply")
    assert apply is not None and apply.isDefault()


def test_a_package_with_nothing_new_only_closes(
    qtbot: QtBot, offices: tuple[Database, Database], tmp_path: Path
) -> None:
    village, town = offices
    _village_data(village)
    path = _package(village, tmp_path)
    receive_package(town, path, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    again = tmp_path / "again.pbcx"
    send_package(village, again, me=_me(VILLAGE), to=TOWN.card, everything=True)
    dialog = PreviewDialog(
        preview_package(town, again, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    )
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPushButton, "exchangePreviewApply") is None
    assert "nothing new" in dialog.notes.text() or "没有新" in dialog.notes.text()


def test_a_conflict_is_decided_in_the_list(
    qtbot: QtBot, offices: tuple[Database, Database], tmp_path: Path, boxes: Boxes
) -> None:
    village, town = offices
    _village_data(village)
    receive_package(
        town, _package(village, tmp_path), me=_me(TOWN), lookup_sender=registry(VILLAGE)
    )
    for db, unit in ((town, "镇上改的"), (village, "村里改的")):
        with db.write() as s:
            s.scalars(select(PartyMember)).one().work_unit = unit
    second = tmp_path / "second.pbcx"
    send_package(village, second, me=_me(VILLAGE), to=TOWN.card)
    receive_package(town, second, me=_me(TOWN), lookup_sender=registry(VILLAGE))
    dialog = ConflictsDialog(AppContext(town))
    qtbot.addWidget(dialog)
    assert _column(dialog.list, 1) == ["陈小明"]
    fields = {cell_text(dialog.fields, r, 0): r for r in range(dialog.fields.rowCount())}
    work = fields["工作单位"] if "工作单位" in fields else next(iter(fields.values()))
    assert cell_text(dialog.fields, work, 1) == "镇上改的"
    assert cell_text(dialog.fields, work, 2) == "村里改的"
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    assert dialog.list.rowCount() == 0
    assert not dialog.take_button.isEnabled()
    with town.read() as s:
        assert s.scalars(select(PartyMember)).one().work_unit == "镇上改的"
    assert boxes.shown == []


def test_the_log_saves_a_handover_sheet(
    qtbot: QtBot,
    offices: tuple[Database, Database],
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    village, town = offices
    _village_data(village)
    receive_package(
        town, _package(village, tmp_path), me=_me(TOWN), lookup_sender=registry(VILLAGE)
    )
    dialog = ExchangeLogDialog(AppContext(town))
    qtbot.addWidget(dialog)
    assert _column(dialog.table, 2) == ["上底村党委"]
    out = tmp_path / "移交单.pdf"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: out)
    qtbot.mouseClick(dialog.sheet_button, Qt.MouseButton.LeftButton)
    assert "和平镇党委" in "".join(page_texts(out))
    assert len(boxes.shown) == 1  # "saved as …"
    close = dialog.findChild(QDialogButtonBox)
    assert close is not None


def test_an_empty_log_says_how_a_package_gets_into_it(
    qtbot: QtBot, offices: tuple[Database, Database]
) -> None:
    """A new office's log was an empty table with a greyed button and nothing else."""
    _village, town = offices
    dialog = ExchangeLogDialog(AppContext(town))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert not dialog.sheet_button.isEnabled()
    assert "Send a package" in dialog.empty_label.text()


def test_the_preview_and_the_conflict_list_say_the_status_the_claims_here_keep(
    qtbot: QtBot, tmp_path: Path, boxes: Boxes, chinese: object
) -> None:
    """The village claimed the town's item while the town renamed it: the town's version
    (its 待认领) is applied, yet the item stays 已认领; the preview lists the title alone
    and says so, and so does the conflict the version leaves."""
    ex, path = claimed_then_renamed(VILLAGE, tmp_path)
    preview = PreviewDialog(ex.preview(path, TOWN, VILLAGE))
    qtbot.addWidget(preview)
    row = _column(preview.changes, 1).index(RENAMED)
    assert cell_text(preview.changes, row, 2) == "冲突"
    kept = "状态仍为“已认领”，因本机已有认领或督办记录"
    assert cell_text(preview.changes, row, 3) == f"标题；{kept}"
    ex.receive(path, TOWN, VILLAGE)
    dialog = ConflictsDialog(AppContext(ex.db[VILLAGE]))
    qtbot.addWidget(dialog)
    assert _column(dialog.fields, 0) == ["标题"]
    assert "无论采用哪个版本，状态都仍为“已认领”，因本机已有认领或督办记录。" in dialog.note.text()
    assert boxes.shown == []
    ex.dispose()


def test_the_preview_says_a_claim_alone_moves_its_item_on(
    qtbot: QtBot, offices: tuple[Database, Database], tmp_path: Path, chinese: object
) -> None:
    """A package bringing only a claim for an item of ours that is 待认领: the item is
    listed with the status receiving gives it, though the package leaves it as it is."""
    village, town = offices
    ex, path = claim_alone_for(tmp_path, village, town)
    preview = PreviewDialog(ex.preview(path, VILLAGE, TOWN))
    qtbot.addWidget(preview)
    row = _column(preview.changes, 1).index(TITLE)
    assert cell_text(preview.changes, row, 2) == "修改"
    assert cell_text(preview.changes, row, 3) == "状态改为“已认领”，因收到认领或督办记录"


def _cells(table: object) -> list[list[str]]:
    return [
        [cell_text(table, r, c) or "" for c in range(table.columnCount())]  # type: ignore[attr-defined]
        for r in range(table.rowCount())  # type: ignore[attr-defined]
    ]


def test_the_conflict_list_shows_labels_not_codes_in_both_languages(
    qtbot: QtBot, offices: tuple[Database, Database], boxes: Boxes
) -> None:
    """A list item's 状态 read ``claimed`` / ``open`` and its 满意度 ``satisfied``: a
    clerk reads 已认领 / 待认领, and in English Claimed / Awaiting claim."""
    village, town = offices
    item_status_conflict(village, town)
    dialog = ConflictsDialog(AppContext(village))
    qtbot.addWidget(dialog)
    assert _cells(dialog.fields) == [
        ["状态", "已认领", "待认领"],
        ["完成时限", "2026-06-30", "2026-05-31"],
        ["满意度", "满意", "基本满意"],
    ]
    lang.set_language("en")
    dialog.reload()
    assert _cells(dialog.fields) == [
        ["Status", "Claimed", "Awaiting claim"],
        ["Deadline", "2026-06-30", "2026-05-31"],
        ["Satisfaction", "Satisfied", "Fairly satisfied"],
    ]
    assert boxes.shown == []


def test_the_conflict_list_keeps_phones_and_id_numbers_masked(
    qtbot: QtBot, offices: tuple[Database, Database]
) -> None:
    """An account without the permission to see personal data reads phones, ID numbers
    and numbers written in a remark masked, as everywhere else."""
    village, town = offices
    branch = make_org(village, "上底村党支部")
    make_member(village, "陈小明", branch, complete=True)
    merge_into(town, send(village, TOWN_UUID), owned_by(VILLAGE_UUID))
    town_id, village_id = make_id("19850302", "416"), make_id("19850412", "416")
    for db, phone, number in ((town, "13900000001", town_id), (village, "13900000002", village_id)):
        with db.write() as s:
            member = s.scalars(select(PartyMember)).one()
            member.phone, member.id_number = phone, number
            member.remark = f"家属电话{phone}"
    assert merge_into(town, send(village, TOWN_UUID), owned_by(VILLAGE_UUID)).conflicts == 1
    with town.write() as s:
        s.add(
            Office(
                uuid=TOWN_UUID, name="成田镇党委", level=OrgLevel.TOWN, town="成田镇",
                sign_key=b"s" * 32, box_key=b"b" * 32, local=True,
            )
        )  # fmt: skip
    town.user = town_actor(town, "成田镇")
    dialog = ConflictsDialog(AppContext(town))
    qtbot.addWidget(dialog)
    shown = {row[0]: row[1:] for row in _cells(dialog.fields)}
    assert shown["联系电话"] == ["139****0001", "139****0002"]
    assert shown["身份证号"] == [mask_id_number(town_id), mask_id_number(village_id)]
    assert shown["备注"] == ["家属电话139****0001", "家属电话139****0002"]
    text = repr(shown)
    assert not contains_personal_numbers(text)
    for secret in (town_id, village_id, "13900000001", "13900000002"):
        assert secret not in text
