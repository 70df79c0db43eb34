"""Generate the demo district as plain rows, then bulk-insert them in one transaction.

The generator steps through the areas in order (one module each, all adding to one
:class:`~pbc_desktop.services.demo.district.District`); the catalogues and the
administrator are made here.

Everything comes from one ``random.Random(seed)``; ``today`` fixes the calendar. Rows are
dictionaries keyed by column name with explicit ids, so the whole district is written
with a few ``executemany`` calls per table instead of one ORM object at a time.
"""

from __future__ import annotations

from collections.abc import Callable

from pbc_desktop.db.models import Post, ReminderRule, User
from pbc_desktop.domain.enums import ActivityKind, OrgLevel, UserRole
from pbc_desktop.services.accounts.passwords import hash_password
from pbc_desktop.services.demo import (
    activities,
    appraisals,
    assessment,
    branch_life,
    communities,
    data,
    development,
    fees,
    funds,
    lists,
    member_changes,
    members,
    organizations,
)
from pbc_desktop.services.demo.district import SCALES, District, Scale


class DistrictGenerator(District):
    """Builds every row of the district in memory, area by area."""

    def generate(self) -> None:
        steps: tuple[Callable[[District], None], ...] = (
            _catalogues,
            organizations.add_organizations,
            members.add_members,
            organizations.add_venues,
            communities.add_communities,
            _demo_accounts,
            members.add_post_reports,
            activities.add_activities,
            lists.add_lists,
            funds.add_funds,
            assessment.add_assessments,
            branch_life.add_branch_life,
            member_changes.add_member_changes,
            development.add_development,
            appraisals.add_appraisals,
            fees.add_fees,
        )
        for step in steps:
            self.tick()
            step(self)


def _catalogues(gen: District) -> None:
    for seq, (name, description) in enumerate(data.POSTS, start=1):
        post_id = gen.existing_posts.get(name)
        if post_id is None and name not in gen.skip.get("post", set()):
            post_id = gen.add(Post, name=name, description=description, active=True, seq=seq)
        if post_id is not None:
            gen.posts.append((post_id, name))
    rules = (
        (ActivityKind.REGULAR_MEETING, 1),
        (ActivityKind.JOINT_MEETING, 3),
        (ActivityKind.THEME_PARTY_DAY, 1),
    )
    for kind, months in rules:
        if kind.value not in gen.skip.get("reminder_rule", set()):
            gen.add(ReminderRule, kind=kind, interval_months=months, enabled=True)


#: The demo's accounts, one per role, all with :data:`DEMO_PASSWORD` (the README and the
#: sign-in dialog's hint give it): user name, name, 单位/职务, role.
DEMO_PASSWORD = "demo1234"
DEMO_ACCOUNTS: tuple[tuple[str, str, str, UserRole], ...] = (
    ("admin", "系统管理员", "区委组织部", UserRole.DISTRICT),
    ("zhen", "镇组织委员", "镇党委", UserRole.TOWN),
    ("cun", "村党支部书记", "村党组织", UserRole.VILLAGE),
    ("ducha", "督查员", "区委组织部督查室", UserRole.VIEWER),
)


def _demo_accounts(gen: District) -> None:
    """One account per role: the village account gets the first village organization with
    members that takes part in a running community with other organizations (so that
    signing in as it shows its own records beside others' it may only look at, not empty
    tabs), the town account its town."""
    district = gen.district
    assert district is not None, "the organizations come first"
    shared = [c for c in gen.communities if c.running and len(c.orgs) > 1]
    village = next(
        (o for c in shared for o in c.orgs if o.level is OrgLevel.VILLAGE and o.town and o.members),
        next(o for o in gen.orgs if o.level is OrgLevel.VILLAGE and o.town),
    )
    scope: dict[UserRole, dict[str, object]] = {
        UserRole.DISTRICT: {},
        UserRole.TOWN: {"town": village.town},
        UserRole.VILLAGE: {"organization_id": village.id},
        UserRole.VIEWER: {},
    }
    password_hash = hash_password(DEMO_PASSWORD)
    for username, name, unit, role in DEMO_ACCOUNTS:
        if username in gen.skip.get("app_user", set()):
            continue
        unit_text = f"{village.town}{unit}" if role is UserRole.TOWN else unit
        if role is UserRole.VILLAGE:
            unit_text = village.name
        gen.add(
            User,
            username=username,
            display_name=name,
            unit=unit_text,
            role=role,
            active=True,
            organization_id=scope[role].get("organization_id"),
            town=scope[role].get("town"),
            password_hash=password_hash,
            must_change_password=False,
            failed_sign_ins=0,
        )


__all__ = ["SCALES", "DistrictGenerator", "Scale"]
