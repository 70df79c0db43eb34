"""What the tests of members moved between organizations look at: where a member is, the
changes their history lists, and each organization's count against its year's changes
(the editor's moves, the roster import's and the statistics' own tests)."""

from __future__ import annotations

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember
from pbc_desktop.domain import party_stats as rules
from pbc_desktop.services.member_changes.leaving import member_changes
from pbc_desktop.services.party_stats.tables import StatTable, party_statistics


def organization_of(db: Database, member_id: int) -> int:
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        return member.organization_id


def change_history(db: Database, member_id: int) -> list[tuple[str, str, str]]:
    """The member's changes as the history lists them: kind, organization, the other side."""
    return [(c.kind.zh, c.organization_name, c.other) for c in member_changes(db, member_id)]


def net_change(changes: StatTable) -> int:
    """The year's increases less its decreases, as the table shows them."""
    increases = [k.zh for k in rules.CHANGE_KINDS[:3]] + [rules.OTHER_INCREASE]
    decreases = [k.zh for k in rules.CHANGE_KINDS[3:]]
    assert sorted(r.label for r in changes.rows) == sorted(increases + decreases)
    return sum(map(changes.value, increases)) - sum(map(changes.value, decreases))


def members_and_net(db: Database, year: int, *orgs: int) -> list[tuple[int, int]]:
    """Each organization's members at the end of ``year`` and its net change in it."""
    out = []
    for org in orgs:
        stats = party_statistics(db, year, organization_id=org)
        out.append((stats.members, net_change(stats.table("changes"))))
    return out
