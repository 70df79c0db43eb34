"""A small district of two towns for scope tests, and an account of each kind.

::

    甲镇党委 (town 甲镇)                乙镇党委 (town 乙镇)
    ├─ 甲一村党总支                     └─ 乙一村党支部
    │   └─ 甲一村第一党支部
    └─ 甲二村党支部

    共同体 甲镇共建   lead 甲镇党委, members 甲一村党总支, 甲二村党支部
    共同体 跨镇共建   lead 乙镇党委, members 乙一村党支部, 甲二村党支部   (across towns)
    共同体 乙镇共建   lead 乙镇党委, members 乙一村党支部

Seen by: 甲镇 → 甲镇共建 + 跨镇共建; 甲一村 → 甲镇共建; 甲二村 → 甲镇共建 + 跨镇共建;
乙镇 → 跨镇共建 + 乙镇共建. One party member in each village organization.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from typing import Any

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import User
from pbc_desktop.domain.accounts import Actor
from pbc_desktop.domain.enums import OrgKind, OrgLevel, UserRole
from pbc_desktop.services import venues
from pbc_desktop.services.accounts.users import actor_of
from tests.factories import make_community, make_member, make_org

_serial = count(1)


@dataclass(frozen=True)
class TwoTowns:
    jia_town: int
    jia_one: int
    jia_one_first: int
    jia_two: int
    yi_town: int
    yi_one: int
    jia_community: int
    cross_community: int
    yi_community: int
    member_jia_one: int
    member_jia_one_first: int
    member_jia_two: int
    member_yi_one: int


def two_towns(db: Database) -> TwoTowns:
    town = {"kind": OrgKind.COMMITTEE, "level": OrgLevel.TOWN}
    jia_town = make_org(db, "甲镇党委", town="甲镇", **town)
    jia_one = make_org(
        db, "甲一村党总支", town="甲镇", kind=OrgKind.GENERAL_BRANCH, parent_id=jia_town
    )
    jia_one_first = make_org(db, "甲一村第一党支部", town="甲镇", parent_id=jia_one)
    jia_two = make_org(db, "甲二村党支部", town="甲镇", parent_id=jia_town)
    yi_town = make_org(db, "乙镇党委", town="乙镇", **town)
    yi_one = make_org(db, "乙一村党支部", town="乙镇", parent_id=yi_town)
    return TwoTowns(
        jia_town=jia_town,
        jia_one=jia_one,
        jia_one_first=jia_one_first,
        jia_two=jia_two,
        yi_town=yi_town,
        yi_one=yi_one,
        jia_community=make_community(db, "甲镇共建", [jia_one, jia_two], lead_org_id=jia_town),
        cross_community=make_community(db, "跨镇共建", [yi_one, jia_two], lead_org_id=yi_town),
        yi_community=make_community(db, "乙镇共建", [yi_one], lead_org_id=yi_town),
        member_jia_one=make_member(db, "甲一党员", jia_one),
        member_jia_one_first=make_member(db, "甲一支部党员", jia_one_first),
        member_jia_two=make_member(db, "甲二党员", jia_two),
        member_yi_one=make_member(db, "乙一党员", yi_one),
    )


def _account(db: Database, role: UserRole, name: str, unit: str, **scope: Any) -> Actor:
    """A stored account (no password: tests act as it directly)."""
    with db.write() as s:
        user = User(
            username=f"{role.value}{next(_serial)}",
            display_name=name,
            unit=unit,
            role=role,
            **scope,
        )
        s.add(user)
        s.flush()
        return actor_of(user)


def district_actor(db: Database) -> Actor:
    return _account(db, UserRole.DISTRICT, "区管理员", "区委组织部")


def town_actor(db: Database, town: str = "甲镇") -> Actor:
    return _account(db, UserRole.TOWN, "镇组织委员", f"{town}党委", town=town)


def village_actor(db: Database, org_id: int, name: str = "村书记") -> Actor:
    return _account(db, UserRole.VILLAGE, name, "村党组织", organization_id=org_id)


def viewer_actor(db: Database, *, town: str | None = None, org_id: int | None = None) -> Actor:
    return _account(db, UserRole.VIEWER, "督查员", "督查室", town=town, organization_id=org_id)


def town_venues(db: Database, world: TwoTowns) -> tuple[int, int]:
    """甲二村党群服务中心 (甲二村's own) and 乙镇党群服务中心 (乙镇党委's, opened to 跨镇共建,
    so 甲二村 sees it but may not change it); made as the acting account (a district's)."""
    own = venues.create_venue(
        db, venues.VenueInput("甲二村党群服务中心", owner_org_id=world.jia_two)
    )
    opened = venues.create_venue(
        db,
        venues.VenueInput(
            "乙镇党群服务中心", owner_org_id=world.yi_town, community_ids=(world.cross_community,)
        ),
    )
    return own, opened


#: The own office of a town's database in :func:`set_up_own_office`, and of a village's.
TOWN_OFFICE = "成田镇党委"
VILLAGE_OFFICE = "上底村党委"


def set_up_own_office(db: Database, level: OrgLevel | None, town: str = "成田镇") -> None:
    """This database's own office: the district's, a town's (of ``town``, named
    :data:`TOWN_OFFICE`) or a village's (:data:`VILLAGE_OFFICE`); None leaves it not set up,
    as a database of a single office."""
    from pbc_desktop.services.exchange import offices

    if level is None:
        return
    name = {OrgLevel.TOWN: TOWN_OFFICE, OrgLevel.VILLAGE: VILLAGE_OFFICE}.get(level, "区委组织部")
    town_of = town if level is not OrgLevel.DISTRICT else None
    offices.create_local_office(db, offices.OfficeSetup(name, level, town=town_of))
