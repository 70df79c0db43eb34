"""The member export functions the 党员 tab calls: file dialogs, progress, messages, printing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry
from pbc_desktop.domain.enums import AuditAction, MemberCategory
from pbc_desktop.domain.excel_cells import CUT_MARKER
from pbc_desktop.domain.member_rules import FIELDS
from pbc_desktop.progress import CancelFn
from pbc_desktop.services.members import MemberQuery
from pbc_desktop.ui.common import prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.worker import Job, JobOutcome
from pbc_desktop.ui.members import exports as member_exports
from tests.factories import make_member
from tests.member_export_factories import Roster, setup_roster
from tests.pdf_helpers import page_texts
from tests.qt_helpers import Boxes, stub_boxes


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = stub_boxes(monkeypatch)
    recorder.confirm_answer = False  # "Open its folder?" — no
    return recorder


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def ctx(db: Database) -> AppContext:
    return AppContext(db)


@pytest.fixture
def roster(db: Database) -> Roster:
    return setup_roster(db)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    folders: list[Path] = []
    monkeypatch.setattr(prompts, "open_folder", folders.append)
    return folders


def save_dialog_answers(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """QFileDialog.getSaveFileName returns ``answers`` in turn; the suggested names are kept."""
    suggested: list[str] = []
    queue = list(answers)

    def fake(_parent: object, _title: str, name: str, _pattern: str) -> tuple[str, str]:
        suggested.append(name)
        return queue.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return suggested


def export_entries(db: Database) -> list[AuditEntry]:
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT)))
        s.expunge_all()
        return entries


def test_save_template(
    parent: QWidget,
    boxes: Boxes,
    opened: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    suggested = save_dialog_answers(monkeypatch, str(tmp_path / "采集表"), "")
    boxes.confirm_answer = True
    path = member_exports.save_template(parent)
    assert path == tmp_path / "采集表.xlsx"  # the extension is added
    assert suggested[0].endswith(".xlsx")
    ws = load_workbook(path).worksheets[0]
    assert [c.value for c in ws[1]] == [f.zh for f in FIELDS]
    assert str(path) in boxes.shown[-1] and opened == [tmp_path]
    # Cancelling the file dialog writes nothing and says nothing.
    shown = len(boxes.shown)
    assert member_exports.save_template(parent) is None
    assert len(boxes.shown) == shown


def test_export_the_current_filter_masked(
    parent: QWidget,
    *,
    ctx: AppContext,
    db: Database,
    roster: Roster,
    boxes: Boxes,
    opened: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "甲村.xlsx"
    save_dialog_answers(monkeypatch, str(target))
    query = MemberQuery(organization_id=roster.village, category=MemberCategory.FULL)
    assert member_exports.export_roster_xlsx(parent, ctx, query, unmasked=False) == target
    ws = load_workbook(target).worksheets[0]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert sorted(str(r[0]) for r in rows) == ["张伟", "张伟强", "李娜"]
    assert all("*" in str(r[4]) for r in rows)
    assert len(boxes.shown) == 1 and "3" in boxes.shown[0] and str(target) in boxes.shown[0]
    assert opened == [] and export_entries(db) == []


def test_the_window_says_which_rows_were_cut(
    parent: QWidget,
    *,
    ctx: AppContext,
    db: Database,
    roster: Roster,
    boxes: Boxes,
    opened: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_member(
        db, "陈长", roster.village, remark="走访记录。" * 7000, complete=True
    )  # > 32,767 characters
    target = tmp_path / "长备注.xlsx"
    save_dialog_answers(monkeypatch, str(target))
    query = MemberQuery(text="陈长")
    assert member_exports.export_roster_xlsx(parent, ctx, query) == target
    [message] = boxes.shown
    assert "第 2 行" in message and "已截断" in message and "32767" in message
    assert str(load_workbook(target).worksheets[0]["P2"].value).endswith(CUT_MARKER)


def test_unmasked_export_asks_first_and_is_audited(
    parent: QWidget,
    *,
    ctx: AppContext,
    db: Database,
    roster: Roster,
    boxes: Boxes,
    opened: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "完整.xlsx"
    suggested = save_dialog_answers(monkeypatch, str(target))
    # Declined: no file dialog, no file.
    assert member_exports.export_roster_xlsx(parent, ctx, MemberQuery(), unmasked=True) is None
    assert suggested == [] and not target.exists()
    boxes.confirm_answer = True
    assert member_exports.export_roster_xlsx(parent, ctx, MemberQuery(), unmasked=True) == target
    ws = load_workbook(target).worksheets[0]
    assert not any("*" in str(r[4]) for r in ws.iter_rows(min_row=2, values_only=True))
    (entry,) = export_entries(db)
    assert entry.actor == "测试员" and "6 名党员" in entry.summary
    assert opened == [tmp_path]


def test_a_cancelled_export_leaves_nothing(
    parent: QWidget,
    *,
    ctx: AppContext,
    roster: Roster,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "取消.xlsx"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: target)

    def cancelling(_parent: object, _title: str, job: Job[object]) -> JobOutcome[object]:
        def progress(_p: int, _t: str) -> None:
            pass

        cancelled: CancelFn = lambda: True  # noqa: E731 - the user pressed Cancel at once
        outcome: JobOutcome[object] = JobOutcome(cancelled=True)
        try:
            job(progress, cancelled)
        except Exception as exc:  # the worker hands errors back the same way
            outcome.error = exc
        return outcome

    monkeypatch.setattr(member_exports, "run_with_progress", cancelling)
    assert member_exports.export_roster_xlsx(parent, ctx, MemberQuery()) is None
    assert not target.exists() and list(tmp_path.glob("*.xlsx")) == []
    assert boxes.shown == []  # the user cancelled; nothing to say


def test_a_refused_export_says_why(
    parent: QWidget,
    *,
    ctx: AppContext,
    roster: Roster,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: tmp_path)  # a folder
    assert member_exports.export_roster_xlsx(parent, ctx, MemberQuery()) is None
    assert len(boxes.shown) == 1 and "文件夹" in boxes.shown[0]


def test_save_roster_pdf_asks_for_the_organization(
    parent: QWidget,
    *,
    ctx: AppContext,
    roster: Roster,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[list[str]] = []

    def pick(_parent: object, names: list[str]) -> str:
        asked.append(names)
        return "甲村党支部"

    monkeypatch.setattr(member_exports, "ask_organization", pick)
    suggested = save_dialog_answers(monkeypatch, str(tmp_path / "花名册.pdf"))
    path = member_exports.save_roster_pdf(parent, ctx, None)
    assert path == tmp_path / "花名册.pdf"
    assert "甲村党支部" in asked[0] and "乙村党支部" in asked[0]
    assert Path(suggested[0]).name.startswith("甲村党支部")
    text = "".join(page_texts(path)[0].split())
    assert "甲村党支部党员花名册" in text and "138****8000" in text
    assert str(path) in boxes.shown[-1]

    monkeypatch.setattr(member_exports, "ask_organization", lambda *_a: "丙村党支部")
    assert member_exports.save_roster_pdf(parent, ctx, None) is None
    assert "丙村党支部" in boxes.shown[-1]

    # Part of a name is enough when it names one organization; else the matches are listed.
    monkeypatch.setattr(member_exports, "ask_organization", lambda *_a: " 乙村 ")
    assert member_exports.choose_organization(parent, ctx) == roster.other_town
    monkeypatch.setattr(member_exports, "ask_organization", lambda *_a: "村党支部")
    assert member_exports.choose_organization(parent, ctx) is None
    assert "甲村党支部" in boxes.shown[-1] and "乙村党支部" in boxes.shown[-1]


def test_print_roster_on_landscape_paper(
    parent: QWidget,
    *,
    ctx: AppContext,
    db: Database,
    roster: Roster,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = tmp_path / "printed.pdf"

    def accept(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintDialog)
        dialog.printer().setOutputFileName(str(printed))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(member_exports, "exec_dialog", accept)
    boxes.confirm_answer = True  # show full numbers: yes
    pages = member_exports.print_roster(parent, ctx, roster.village, unmasked=True)
    reader = PdfReader(str(printed))
    assert pages == len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert len(export_entries(db)) == 1  # printed with full numbers: logged


def test_preview_and_menu(
    parent: QWidget,
    *,
    ctx: AppContext,
    roster: Roster,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    previews: list[int] = []

    def show(dialog: QDialog) -> int:
        assert isinstance(dialog, QPrintPreviewDialog)
        widget = dialog.findChild(QPrintPreviewWidget)
        assert widget is not None
        widget.updatePreview()
        previews.append(widget.pageCount())
        return 0

    monkeypatch.setattr(member_exports, "exec_dialog", show)
    assert member_exports.preview_roster(parent, ctx, roster.village) == 1
    assert previews == [1]

    menu = member_exports.roster_menu(parent, ctx, lambda: roster.village, lambda: False)
    names = [a.objectName() for a in menu.actions()]
    assert names == ["membersRosterSave", "membersRosterPreview", "membersRosterPrint"]
    save_dialog_answers(monkeypatch, str(tmp_path / "菜单.pdf"))
    menu.actions()[0].trigger()
    assert (tmp_path / "菜单.pdf").exists()


@pytest.mark.usefixtures("chinese")
def test_a_roster_with_no_organization_yet_says_how_to_enter_them(
    parent: QWidget, ctx: AppContext, boxes: Boxes
) -> None:
    """A new database: the roster's 保存为 PDF, 打印预览 and 打印 said only that no organization
    was entered, not where to enter them."""
    assert member_exports.choose_organization(parent, ctx) is None
    assert len(boxes.shown) == 1
    assert "请先导入党组织（文件 → 从 Excel 导入党组织），或在“党组织”页逐个新增" in boxes.shown[0]
