"""The printed 公示 and 备案表 of the 发展党员 pipeline: their text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.errors import ConflictError, ValidationError
from pbc_desktop.reports import layout
from pbc_desktop.reports.development import write_filing_pdf, write_publicity_pdf
from pbc_desktop.services.development import forms, records
from pbc_desktop.services.development.forms import NoticeKind
from pbc_desktop.services.development.records import StepInput
from tests.development_factories import TODAY, make_record
from tests.factories import make_org
from tests.pdf_helpers import page_texts, past_right_margin, signed_page


def _flat(path: Path) -> str:
    return "".join("".join(page_texts(path)).split())


def test_the_notice_of_candidates_and_of_those_to_be_admitted(db: Database, tmp_path: Path) -> None:
    org = make_org(db, "成田镇甲村党支部")
    make_record(db, "林晓燕", org, Stage.CANDIDATE)
    ready = make_record(db, "郑国强", org, Stage.CANDIDATE)
    for kind in (Step.POLITICAL_CHECK, Step.TRAINING):
        records.record_step(db, ready, StepInput(kind, date(2025, 1, 5)), today=TODAY)
    make_record(db, "黄积极", org, Stage.ACTIVIST)

    notice = forms.publicity_notice(db, org, NoticeKind.CANDIDATES, date(2026, 12, 7))
    assert [p.name for p in notice.people] == ["林晓燕", "郑国强"]
    text = _flat(write_publicity_pdf(notice, tmp_path / "c.pdf", invariant=True))
    assert "关于发展对象的公示" in text
    assert "公示时间为2026年12月7日至2026年12月11日" in text
    assert "林晓燕" in text
    assert "郑国强" in text
    assert "1998.04" in text
    assert "2023.06.01" in text  # 确定积极分子时间
    assert "黄积极" not in text
    assert "13912345678" not in text
    assert "成田镇甲村党支部（盖章）" in text

    admission = forms.publicity_notice(db, org, NoticeKind.ADMISSION, date(2026, 12, 7), 7)
    assert [p.name for p in admission.people] == ["郑国强"]
    text = _flat(write_publicity_pdf(admission, tmp_path / "a.pdf", invariant=True))
    assert "关于拟接收预备党员的公示" in text
    assert "至2026年12月13日" in text
    assert "确定发展对象时间" in text
    assert "林晓燕" not in text

    with pytest.raises(ValidationError, match="公示期不少于"):
        forms.publicity_notice(db, org, NoticeKind.ADMISSION, date(2026, 12, 7), 3)


def test_a_notice_with_nobody_to_announce_is_refused(db: Database) -> None:
    """An organization without 发展对象 printed a 公示 with an empty table, ready to post."""
    org = make_org(db, "成田镇乙村党支部")
    make_record(db, "黄积极", org, Stage.ACTIVIST)
    with pytest.raises(ConflictError, match=r"^成田镇乙村党支部目前没有发展对象，无需公示。$"):
        forms.publicity_notice(db, org, NoticeKind.CANDIDATES, date(2026, 12, 7))
    make_record(db, "林晓燕", org, Stage.CANDIDATE)  # 政审 and 集中培训 not yet done
    assert forms.publicity_notice(db, org, NoticeKind.CANDIDATES, date(2026, 12, 7)).people
    with pytest.raises(ConflictError, match="没有政审、集中培训均已完成的发展对象"):
        forms.publicity_notice(db, org, NoticeKind.ADMISSION, date(2026, 12, 7))


def test_the_filing_form_lists_every_step(db: Database, tmp_path: Path) -> None:
    org = make_org(db, "成田镇乙村党支部")
    record_id = make_record(db, "许文", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    records.record_step(
        db, record_id, StepInput(Step.EXTENSION, date(2026, 3, 1), months=6), today=TODAY
    )
    form = forms.filing_form(db, record_id)
    text = _flat(write_filing_pdf(form, tmp_path / "f.pdf", invariant=True))
    assert "发展党员工作备案表" in text
    assert "许文" in text
    assert "成田镇乙村党支部" in text
    for step in (
        "递交入党申请书",
        "确定入党积极分子",
        "确定发展对象",
        "政治审查",
        "支部大会讨论通过",
    ):
        assert step in text
    assert "延长6个月" in text
    assert "预备期满" in text
    assert "2026年9月1日" in text
    assert form.detail.id_number.startswith("****")
    assert form.detail.id_number[-4:] in text


SIGNED = "党支部书记（签字）"


def test_the_signatures_keep_the_title_and_the_last_steps_on_their_page(
    db: Database, tmp_path: Path
) -> None:
    """However many steps push them over, the signature lines share their page with the
    title (the running head from page 2 on) and the last steps, and the heading of the
    steps never ends a page without them (issue "A clerk's first day", item 5)."""
    org = make_org(db, "成田镇乙村党支部")
    record_id = make_record(db, "许文", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    for i in range(24):
        review = StepInput(
            Step.PROBATION_REVIEW,
            date(2025, 3 + i // 4, 2 + i % 4),
            people="王明、李华" if i % 2 else None,
            remark="表现良好，按时参加组织生活，认真学习党的理论" if i % 3 == 0 else None,
        )
        records.record_step(db, record_id, review, today=TODAY)
    form = forms.filing_form(db, record_id)
    steps = form.detail.steps
    signed_on_page: set[int] = set()
    # From a form that fits one page to one whose steps fill a second page: the
    # signatures cannot fit below the last step for some of these counts.
    for count in range(8, len(steps) + 1):
        shown = replace(form, detail=replace(form.detail, steps=steps[:count]))
        path = write_filing_pdf(shown, tmp_path / f"{count}.pdf", invariant=True)
        signed = signed_page(path, SIGNED)
        last = steps[count - 1]
        assert "发展党员工作备案表" in signed.text, count
        assert f"{count}{last.step.zh}{last.occurred_on:%Y.%m.%d}" in signed.before, count
        signed_on_page.add(signed.number)
        # The steps begin below the facts, their heading with them (neither all moved to
        # a page of their own nor the heading left alone at the foot of the first).
        first = "".join(page_texts(path)[0].split())
        assert "发展程序记录序号步骤日期有关人员备注1递交入党申请书" in first, count
    assert signed_on_page == {1, 2}


def test_the_seal_and_date_of_a_notice_keep_its_last_people_on_their_page(
    db: Database, tmp_path: Path
) -> None:
    """A notice whose people fill the first page: the seal and the date go over with its
    last people (and the running title), never onto a page of their own."""
    org = make_org(db, "成田镇丙村党支部")
    for i in range(24):
        make_record(db, f"对象{i:02d}", org, Stage.CANDIDATE)
    notice = forms.publicity_notice(db, org, NoticeKind.CANDIDATES, date(2026, 12, 7))
    sealed_on_page: set[int] = set()
    # from a notice that fits one page to one whose people fill a second
    for count in range(12, len(notice.people) + 1):
        shown = replace(notice, people=notice.people[:count])
        path = write_publicity_pdf(shown, tmp_path / f"{count}.pdf", invariant=True)
        sealed = signed_page(path, "丙村党支部（盖章）")
        assert "关于发展对象的公示" in sealed.text, count
        assert f"{count}{shown.people[-1].name}" in sealed.before, count
        assert "2026年12月7日" in sealed.after, count
        sealed_on_page.add(sealed.number)
    assert sealed_on_page == {1, 2}


def test_last_steps_too_tall_to_keep_with_the_signatures_still_print(
    db: Database, tmp_path: Path
) -> None:
    """Two last steps whose remarks together fill more than a page cannot go over with
    the signatures: the table splits between rows as it would without them."""
    org = make_org(db, "成田镇丁村党支部")
    record_id = make_record(db, "韩梅", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    form = forms.filing_form(db, record_id)
    steps = list(form.detail.steps)
    long = "按时参加组织生活，认真学习党的理论，积极完成支部交办的各项任务。" * 15  # 450 字
    steps[-2:] = [replace(step, remark=long) for step in steps[-2:]]
    shown = replace(form, detail=replace(form.detail, steps=tuple(steps)))
    path = write_filing_pdf(shown, tmp_path / "f.pdf")
    pages = page_texts(path)
    assert signed_page(path, SIGNED).number == len(pages)
    assert f"{len(steps)}{steps[-1].step.zh}" in "".join("".join(pages).split())


def test_the_filing_form_stays_inside_the_right_margin(db: Database, tmp_path: Path) -> None:
    """The right signer's line ("上级党委经办人（签字）：____") and its date ran into the
    right margin: nothing the page draws, line or text, passes it."""
    org = make_org(db, "成田镇乙村党支部")
    record_id = make_record(db, "许文", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    path = write_filing_pdf(forms.filing_form(db, record_id), tmp_path / "f.pdf", invariant=True)
    assert signed_page(path, "上级党委经办人（签字）").number == 1
    assert past_right_margin(path, layout.PORTRAIT.right) == []
