"""Every deletion leaves a tombstone, once, wherever the ORM deletes a travelling row: a
record deleted by its service, and the children deleted with it or dropped from a list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    AgendaItem,
    CommunityRole,
    PartyMember,
    Tombstone,
)
from pbc_desktop.domain.enums import CoBuildType, LeadershipRole
from pbc_desktop.services.activities.editing import delete_activity
from pbc_desktop.services.communities import CommunityInput, RoleInput, update_community
from pbc_desktop.services.member_editing import delete_member
from tests.factories import make_activity, make_community, make_member, make_org
from tests.scope_factories import district_actor
from tests.services.exchange.helpers import (
    TOWN,
    VILLAGE,
    merge_into,
    office_db,
    owned_by,
    send,
)


def _stones(db: Database) -> dict[str, Tombstone]:
    with db.read() as s:
        return {t.record_uuid: t for t in s.scalars(select(Tombstone))}


def _uuids(db: Database, model: type[PartyMember | CommunityRole | AgendaItem]) -> set[str]:
    with db.read() as s:
        return set(s.scalars(select(model.uuid)))


def test_a_deleted_record_leaves_one_tombstone_naming_who_deleted_it(db: Database) -> None:
    clerk = district_actor(db)
    db.user = clerk
    org = make_org(db, "甲村党支部")
    member = make_member(db, "张三", org)
    (uuid,) = _uuids(db, PartyMember)
    delete_member(db, member)
    stone = _stones(db)[uuid]
    assert (stone.entity, stone.origin_office, stone.deleted_by) == (
        "party_member",
        None,
        clerk.user_id,
    )


def test_children_deleted_with_their_parent_leave_tombstones_too(db: Database) -> None:
    org = make_org(db, "甲村党支部")
    community = make_community(db, "共建", [org])
    activity = make_activity(
        db, community, agenda=[AgendaItem(seq=1, title="议题一"), AgendaItem(seq=2, title="议题二")]
    )
    agenda = _uuids(db, AgendaItem)
    delete_activity(db, activity)
    stones = _stones(db)
    assert agenda <= set(stones)
    assert {stones[u].entity for u in agenda} == {"agenda_item"}


@pytest.fixture
def two_offices(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    village, town = office_db(tmp_path, "village"), office_db(tmp_path, "town")
    yield village, town
    village.dispose()
    town.dispose()


def test_roles_replaced_in_an_edit_are_deleted_at_the_other_office_too(
    two_offices: tuple[Database, Database],
) -> None:
    village, town = two_offices
    a, b = make_org(village, "甲村党支部"), make_org(village, "乙村党支部")
    community = make_community(village, "共建", [a, b])

    def convener(name: str) -> None:
        data = CommunityInput(
            "共建",
            (CoBuildType.CROSS_FIELD,),
            a,
            (a, b),
            roles=(RoleInput(name, LeadershipRole.CONVENER, a),),
        )
        update_community(village, community, data)

    def relay() -> None:
        stones = [
            {"entity": t.entity, "uuid": t.record_uuid, "owner": VILLAGE}
            for t in _stones(village).values()
        ]
        merge_into(town, send(village, TOWN), owned_by(VILLAGE), stones)

    convener("张三")
    relay()
    convener("李四")  # the edit replaces the role rows
    relay()
    with town.read() as s:
        assert s.scalars(select(CommunityRole.person_name)).all() == ["李四"]
    assert _uuids(town, CommunityRole) == _uuids(village, CommunityRole)
