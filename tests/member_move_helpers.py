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


def assert_transfer_counted(
    db: Database,
    year: int,
    old: int,
    new: int,
    *,
    printed: list[tuple[int, int]],
    district: int,
) -> None:
    """One member moved from ``old`` (two members) to ``new`` (one) within the district in
    ``year``: last year's tables (``printed``) stay as they were, each organization's
    members are last year's with the year's changes (转出 1 at the old, 转入 1 at the
    new), and the district's ``district`` members are unchanged, its changes netting out."""
    assert members_and_net(db, year - 1, old, new) == printed
    (old_now, old_net), (new_now, new_net) = members_and_net(db, year, old, new)
    assert (old_now, new_now) == (1, 2)  # each counts the members it has now
    assert (old_now, new_now) == (printed[0][0] + old_net, printed[1][0] + new_net)
    old_changes = party_statistics(db, year, organization_id=old).table("changes")
    new_changes = party_statistics(db, year, organization_id=new).table("changes")
    assert (old_changes.value("转出"), new_changes.value("转入")) == (1, 1)
    whole = party_statistics(db, year)
    assert whole.members == district == 3
    assert net_change(whole.table("changes")) == 0  # within the district: one out, one in
