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
from pbc_desktop.domain.enums import ActivityKind, UserRole
from pbc_desktop.services.demo import (
    activities,
    assessment,
    communities,
    data,
    funds,
    lists,
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
            _admin_user,
            organizations.add_venues,
            communities.add_communities,
            members.add_post_reports,
            activities.add_activities,
            lists.add_lists,
            funds.add_funds,
            assessment.add_assessments,
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


def _admin_user(gen: District) -> None:
    district = gen.district
    assert district is not None, "the organizations come first"
    if "admin" not in gen.skip.get("app_user", set()):
        gen.add(
            User,
            username="admin",
            display_name="系统管理员",
            role=UserRole.ADMIN,
            active=True,
            organization_id=district.id,
        )


__all__ = ["SCALES", "DistrictGenerator", "Scale"]
