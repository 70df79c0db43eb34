"""A bug that carries personal data: a database write refused by a UNIQUE constraint on an
ID number, re-raised by a caller whose own message names the ID number and phone.

``python -m tests.bug_helpers pbc ARGS…`` runs the command line with ``pbc info`` replaced
by that bug (for ``tests/test_log_privacy.py``'s subprocess test).
"""

from __future__ import annotations

import argparse
import sys

from pbc_desktop.db.engine import Database
from tests.factories import make_id, make_org, new_member

ID_NUMBER = make_id("19850302", "416")
PHONE = "13812345678"


def crash_with_personal_data(db: Database) -> None:
    """Raise a RuntimeError chained to an IntegrityError, both about ID_NUMBER and PHONE."""
    from sqlalchemy.exc import IntegrityError

    org_id = make_org(db, "文光村党支部", town=None)
    try:
        with db.write() as s:
            for name in ("陈伟", "陈小伟"):
                s.add(new_member(name, org_id, id_number=ID_NUMBER, phone=PHONE))
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
