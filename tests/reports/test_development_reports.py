"""The printed 公示 and 备案表 of the 发展党员 pipeline: their text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.errors import ValidationError
from pbc_desktop.reports.development import write_filing_pdf, write_publicity_pdf
from pbc_desktop.services.development import forms, records
from pbc_desktop.services.development.forms import NoticeKind
from pbc_desktop.services.development.records import StepInput
from tests.development_factories import TODAY, make_record
from tests.factories import make_org
from tests.pdf_helpers import page_texts


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
