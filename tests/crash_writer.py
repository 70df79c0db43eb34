"""The writer that ``tests/test_crash_safety.py`` kills: service calls in a loop.

``python -m tests.crash_writer DB RUN`` prints ``ready`` once the database is open, then
one line per committed transaction, written only after the commit has returned:

- ``org <id> <uuid>``: an organization created through the service (with its audit entry);
- ``batch <org id> <n>``: ``n`` party members of that organization added in one transaction.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import select

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.models import Organization
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel
from pbc_desktop.services.organizations import OrgInput, create_organization
from tests.factories import new_member

BATCH = 25


def main(argv: list[str]) -> int:
    path, run = Path(argv[0]), argv[1]
    # The test has created the database; skipping the migration check keeps start-up short.
    db = Database(sqlite_url(path), actor="crash-test")
    print("ready", flush=True)
    for i in range(1_000_000):
        org_id = create_organization(
            db,
            OrgInput(
                name=f"崩溃测试{run}-{i}",
                kind=OrgKind.BRANCH,
                field=OrgField.RURAL,
                level=OrgLevel.VILLAGE,
                town="成田镇",
                remark="备注" * (i % 50),
            ),
        )
        with db.read() as s:
            uuid = s.scalar(select(Organization.uuid).where(Organization.id == org_id))
        print(f"org {org_id} {uuid}", flush=True)
        with db.write() as s:
            s.add_all(new_member(f"党员{run}-{i}-{k}", org_id) for k in range(BATCH))
        print(f"batch {org_id} {BATCH}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
