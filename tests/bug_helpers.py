"""A bug that carries personal data: a database write refused by a UNIQUE constraint on an
ID number, re-raised by a caller whose own message names the ID number and phone.

``python -m tests.bug_helpers pbc ARGS…`` runs the command line with ``pbc info`` replaced
by that bug (for ``tests/test_log_privacy.py``'s subprocess test).
"""

from __future__ import annotations

import argparse
import sys

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel
from tests.member_edit_helpers import valid_id

ID_NUMBER = valid_id("19850302", "416")
PHONE = "13812345678"


def crash_with_personal_data(db: Database) -> None:
    """Raise a RuntimeError chained to an IntegrityError, both about ID_NUMBER and PHONE."""
    from sqlalchemy.exc import IntegrityError

    try:
        with db.write() as s:
            org = Organization(
                name="文光村党支部",
                kind=OrgKind.BRANCH,
                field=OrgField.RURAL,
                level=OrgLevel.VILLAGE,
            )
            s.add(org)
            s.flush()
            for name in ("陈伟", "陈小伟"):
                s.add(
                    PartyMember(name=name, organization_id=org.id, id_number=ID_NUMBER, phone=PHONE)
                )
            s.flush()
    except IntegrityError as exc:
        raise RuntimeError(f"could not store member {ID_NUMBER} (tel {PHONE})") from exc


def _crashing_info(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import open_db

    crash_with_personal_data(open_db(args))
    return 0


if __name__ == "__main__":
    from pbc_desktop import cli
    from pbc_desktop.cli import database

    database.cmd_info = _crashing_info
    raise SystemExit(cli.main(sys.argv[1:]))
