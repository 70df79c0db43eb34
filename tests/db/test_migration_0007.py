"""0007: members already off the roll get the change their status comes from."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select

from pbc_desktop.db.engine import sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.models import MemberChange, PartyMember
from pbc_desktop.domain.member_changes import MemberChangeKind

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_members_off_the_roll_get_their_change_on_upgrade(tmp_path: Path) -> None:
    work = tmp_path / "old.sqlite"
    work.write_bytes((FIXTURES / "schema_0006.sqlite").read_bytes())
    conn = sqlite3.connect(work)
    ids = [r[0] for r in conn.execute("SELECT id FROM party_member ORDER BY id LIMIT 3")]
    for member_id, status in zip(ids, ("deceased", "transferred_out", "lost_contact"), strict=True):
        conn.execute(
            "UPDATE party_member SET status = ?, updated_at = '2025-04-03 08:00:00' WHERE id = ?",
            (status, member_id),
        )
    conn.commit()
    conn.close()
    db = open_database(sqlite_url(work), backup_dir=tmp_path / "backups")
    try:
        with db.read() as s:
            changes = {
                (c.member_id, c.kind, c.occurred_on.isoformat())
                for c in s.scalars(select(MemberChange))
                if c.member_id in ids
            }
            assert changes == {
                (ids[0], MemberChangeKind.DECEASED, "2025-04-03"),
                (ids[1], MemberChangeKind.TRANSFERRED_OUT, "2025-04-03"),
            }  # 失联 is still on the roll: no change
            member = s.get(PartyMember, ids[0])
            assert member is not None
            change = s.scalars(select(MemberChange).where(MemberChange.member_id == ids[0])).one()
            assert change.organization_id == member.organization_id
            assert "补记" in (change.remark or "")
    finally:
        db.dispose()
