"""The 介绍信 with long names: its three parts stay on one A4 sheet, no text lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pbc_desktop.db.engine import Database
from pbc_desktop.reports.transfer_letter import (
    SCALES,
    TITLE,
    build_transfer_letter,
    write_letter_pdf,
)
from pbc_desktop.services.member_changes.transfers import (
    LetterFacts,
    TransferInput,
    issue_transfer,
)
from tests.factories import make_member, make_org
from tests.pdf_helpers import page_texts, signed_page, text_runs

#: 60 characters, as long as an organization's name may be
SENDER = ("汕头市潮南区成田镇上盐村第一经济合作社联合党建共同体" * 3)[:57] + "党支部"
#: 120 characters (UNIT_MAX)
UNIT = ("广东省深圳市宝安区新安街道某某社区某某股份合作公司联合党委" * 5)[:120]


def _flat(text: str) -> str:
    return "".join(text.split())


def test_long_names_keep_the_letter_on_one_sheet_with_every_word(
    db: Database, tmp_path: Path
) -> None:
    """With a sender of 60 characters and an outside unit of 120 the letter ran onto a
    second page, the 回执's title left alone at the foot of the first, its text on the
    second: the sheet cut apart along its lines no longer gave three parts."""
    org = make_org(db, SENDER)
    member = make_member(db, "欧阳" + "娜" * 18, org, complete=True, joined_on=date(2000, 7, 1))
    letter = issue_transfer(
        db,
        member,
        TransferInput(
            to_unit=UNIT,
            letter_number="N" * 40,
            issued_on=date(2026, 6, 1),
            reason="因" * 200,
            remark="备" * 200,
        ),
    )
    pages = page_texts(build_transfer_letter(db, letter, tmp_path / "介绍信.pdf", invariant=True))
    assert len(pages) == 1
    text = _flat(pages[0])
    assert text.count(f"中共{SENDER}") == 3  # the stub, the seal, the receipt's address
    assert text.count(UNIT) == 2  # the stub and the letter's address
    assert text.count("N" * 40) == 3
    assert f"{TITLE}回执" in text and text.endswith("____年____月____日第1页共1页")


def test_each_seal_stays_with_its_part_when_the_letter_runs_over_a_sheet(tmp_path: Path) -> None:
    """Past what one sheet holds even in the smallest type (an address far longer than a
    unit may be), the parts go onto pages of their own: each seal below its own text, never
    alone, and the type no smaller than the last of SCALES."""
    pages_seen = set()
    for length in (120, 500, 1200):
        unit = (UNIT * 20)[:length]
        facts = LetterFacts(
            letter_number="N" * 40,
            member_name="欧阳" + "娜" * 18,
            gender="女",
            age=30,
            ethnicity="汉族",
            category="正式",
            id_number="4405**********1234",
            member_phone="138****0000",
            from_organization=SENDER,
            from_phone="0754-1234567",
            destination=unit,
            in_district=False,
            issued_on=date(2026, 6, 1),
            valid_days=90,
            unmasked=False,
        )
        path = write_letter_pdf(facts, tmp_path / f"{length}.pdf", invariant=True)
        sent = signed_page(path, f"中共{SENDER}（盖章）")
        assert sent.before.endswith(
            "前往你处，请转接组织关系。该同志党费已交到____年____月。（有效期90天）"
        )
        received = signed_page(path, "接收党组织（盖章）")
        assert received.before.endswith("特此回执。"), length
        pages_seen.add(len(page_texts(path)))
        sizes = {run.size for page in range(len(page_texts(path))) for run in text_runs(path, page)}
        assert min(sizes) >= 10.5 * SCALES[-1] - 0.01  # the phones' small line, at its smallest
    assert pages_seen == {1, 2, 3}


def test_the_letter_says_the_month_the_dues_are_paid_up_to(db: Database, tmp_path: Path) -> None:
    """党费已交到 comes from the fee records; without any it stays blank for the pen."""
    from tests.fee_factories import JAN, member_with_basis, pay_months

    org = make_org(db, "上盐村党支部")
    payer = member_with_basis(db, "陈交费", org)
    other = make_member(db, "林未记", org, complete=True, joined_on=date(2000, 7, 1))
    pay_months(db, org, [payer], JAN, date(2026, 2, 1))
    texts = {}
    for member in (payer, other):
        letter = issue_transfer(
            db,
            member,
            TransferInput(
                to_unit="外区某党支部", letter_number=f"L{member}", issued_on=date(2026, 6, 1)
            ),
        )
        pdf = build_transfer_letter(db, letter, tmp_path / f"{member}.pdf", invariant=True)
        texts[member] = _flat(page_texts(pdf)[0])
    assert "党费已交到2026年2月" in texts[payer]
    assert "党费已交到____年____月" in texts[other]
