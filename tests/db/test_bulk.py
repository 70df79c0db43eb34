"""db/bulk.py: many rows inserted through the driver store what SQLAlchemy would store."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, cast

import pytest
from sqlalchemy import Table, insert, select

from pbc_desktop.db.bulk import insert_rows
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember
from pbc_desktop.domain.enums import Gender, MemberCategory, MembershipStatus
from tests.factories import make_org

_MEMBERS = cast(Table, PartyMember.__table__)
_STAMP = datetime(2026, 3, 1, 8, 30, 15, 123456, tzinfo=UTC)


def _row(name: str, org_id: int, **values: Any) -> dict[str, Any]:
    return {
        "name": name,
        "gender": Gender.FEMALE,
        "ethnicity": None,
        "birth_date": date(1990, 2, 3),
        "joined_on": date(2015, 7, 1),
        "category": MemberCategory.PROBATIONARY,
        "status": MembershipStatus.NORMAL,
        "remark": "第一行\n第二行",
        "organization_id": org_id,
        "uuid": str(uuid.uuid4()),
        "name_sort": "x",
        "name_initials": "x",
        "name_pinyin": "x",
        **values,
    }


def _stored(db: Database, names: list[str]) -> list[tuple[Any, ...]]:
    columns = [c for c in _MEMBERS.columns if c.key not in ("id", "uuid", "name")]
    with db.read() as s:
        return [
            tuple(row)
            for row in s.execute(
                select(*columns).where(_MEMBERS.c.name.in_(names)).order_by(_MEMBERS.c.name)
            )
        ]


def test_rows_through_the_driver_are_stored_as_sqlalchemy_stores_them(db: Database) -> None:
    org_id = make_org(db)
    odd = {"gender": None, "category": MemberCategory.FULL, "birth_date": None, "remark": None}
    with db.write() as s:
        insert_rows(
            s.connection(),
            _MEMBERS,
            [_row("甲1", org_id), _row("甲2", org_id, **odd)],
            same={"created_at": _STAMP, "updated_at": _STAMP},
        )
        s.execute(
            insert(_MEMBERS),
            [
                _row("乙1", org_id, created_at=_STAMP, updated_at=_STAMP),
                _row("乙2", org_id, created_at=_STAMP, updated_at=_STAMP, **odd),
            ],
        )
    ours, theirs = _stored(db, ["甲1", "甲2"]), _stored(db, ["乙1", "乙2"])
    assert ours == theirs
    assert ours[0] != ours[1]  # the rows' own values, not the first row's twice
    with db.read() as s:
        member = s.scalars(select(PartyMember).where(PartyMember.name == "甲2")).one()
        assert member.category is MemberCategory.FULL
        assert member.gender is None
        assert member.created_at == _STAMP
        assert member.version == 1


def test_a_left_out_column_with_a_default_is_refused(db: Database) -> None:
    org_id = make_org(db)
    row = _row("丙", org_id)
    del row["uuid"]  # SQLAlchemy would make one: the helper must not store none
    with db.write() as s, pytest.raises(ValueError, match="uuid"):
        insert_rows(s.connection(), _MEMBERS, [row], same={"created_at": _STAMP})


def test_repeated_values_are_converted_once_and_stored_each_in_its_row(db: Database) -> None:
    org_id = make_org(db)
    days = [date(1990, 2, 3), date(1985, 7, 1)]
    kinds = [MemberCategory.FULL, MemberCategory.PROBATIONARY]
    rows = [
        _row(f"丁{i}", org_id, birth_date=days[i % 2], category=kinds[i // 2 % 2], gender=None)
        for i in range(6)
    ]
    with db.write() as s:
        insert_rows(
            s.connection(), _MEMBERS, rows, same={"created_at": _STAMP, "updated_at": _STAMP}
        )
    with db.read() as s:
        stored = s.execute(
            select(PartyMember.birth_date, PartyMember.category)
            .where(PartyMember.name.like("丁%"))
            .order_by(PartyMember.name)
        ).all()
    assert [tuple(r) for r in stored] == [(r["birth_date"], r["category"]) for r in rows]
