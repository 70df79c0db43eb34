"""A small community for the 报到领岗 tests, made with ``tests.factories``.

Two district agency branches send members to the village organizations of one running
community; a second community is revoked and one village organization has left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import CommunityMember
from pbc_desktop.domain.enums import CommunityStatus, MembershipStatus, OrgField, OrgLevel
from pbc_desktop.services.post_reports import catalogue, reports
from tests.factories import make_community, make_member, make_org

TOWN_A = "陈店镇"
TOWN_B = "峡山街道"
JOINED = date(2010, 7, 1)  # 陈伟 joined the Party then
NEWCOMER_JOINED = date(2023, 7, 1)  # 林丽 joined the Party then


@dataclass(frozen=True)
class PostSetup:
    home: int  # 区教育局机关党支部: 陈伟, 林丽, 黄强 (deceased)
    other_home: int  # 区卫健局机关党支部: 吴芳
    v1: int  # 文光社区党委 (陈店镇), leads the community
    v2: int  # 东泰社区党支部 (峡山街道)
    v3: int  # 华山村党支部 (陈店镇), only in the revoked community
    left: int  # 老街社区党支部, left the community
    community: int  # 文光党建共同体, running: v1, home, v2, other_home (+ left)
    revoked: int  # 旧城党建共同体, revoked: v3, home
    member: int  # 陈伟
    newcomer: int  # 林丽
    deceased: int  # 黄强
    nurse: int  # 吴芳
    villager: int  # 郑敏, of v1
    posts: dict[str, int]


def setup_posts(db: Database) -> PostSetup:
    home = make_org(
        db, "区教育局机关党支部", town=None, field=OrgField.AGENCY, level=OrgLevel.DISTRICT
    )
    other_home = make_org(
        db, "区卫健局机关党支部", town=None, field=OrgField.AGENCY, level=OrgLevel.DISTRICT
    )
    v1 = make_org(db, "文光社区党委", town=TOWN_A)
    v2 = make_org(db, "东泰社区党支部", town=TOWN_B)
    v3 = make_org(db, "华山村党支部", town=TOWN_A)
    left = make_org(db, "老街社区党支部", town=TOWN_A)
    community = make_community(
        db,
        "文光党建共同体",
        [v1, home, v2, other_home],
        status=CommunityStatus.RUNNING,
        founded_on=date(2022, 1, 1),
    )
    with db.write() as s:
        s.add(
            CommunityMember(
                community_id=community,
                organization_id=left,
                seq=9,
                joined_on=date(2022, 1, 1),
                left_on=date(2023, 12, 31),
            )
        )
    revoked = make_community(db, "旧城党建共同体", [v3, home], status=CommunityStatus.REVOKED)
    catalogue.ensure_default_posts(db)
    posts = {p.name: p.id for p in catalogue.list_posts(db)}
    return PostSetup(
        home=home,
        other_home=other_home,
        v1=v1,
        v2=v2,
        v3=v3,
        left=left,
        community=community,
        revoked=revoked,
        member=make_member(db, "陈伟", home, joined_on=JOINED),
        newcomer=make_member(db, "林丽", home, joined_on=NEWCOMER_JOINED),
        deceased=make_member(db, "黄强", home, status=MembershipStatus.DECEASED),
        nurse=make_member(db, "吴芳", other_home),
        villager=make_member(db, "郑敏", v1),
        posts=posts,
    )


def report_input(
    setup: PostSetup,
    *,
    organization: int | None = None,
    post: str | None = "政策宣传",
    reported_on: date = date(2023, 3, 1),
    community: int | None = None,
    remark: str | None = None,
) -> reports.ReportInput:
    return reports.ReportInput(
        community_id=community if community is not None else setup.community,
        organization_id=organization if organization is not None else setup.v1,
        post_id=setup.posts[post] if post else None,
        reported_on=reported_on,
        remark=remark,
    )
