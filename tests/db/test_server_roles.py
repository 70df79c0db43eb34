"""docs/SERVER.md's roles, run as written: the owner sets the database up with ``pbc server
init``; an office's login, given only the grants the page lists, signs in and saves
records, and cannot change the schema."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.pool import NullPool

from pbc_desktop.cli import main
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.server import LongWrite, long_write_under_way
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.services.accounts import users
from pbc_desktop.services.accounts.sign_in import sign_in
from tests.conftest import TEST_ADMIN, TEST_PASSWORD, server_database
from tests.factories import make_orgs

pytestmark = pytest.mark.server_only("server roles and grants")

DOC = Path(__file__).resolve().parents[2] / "docs" / "SERVER.md"


def sql_block(marker: str) -> str:
    """The ```sql block that follows ``<!-- marker -->`` in docs/SERVER.md."""
    found = re.search(
        rf"<!-- {marker} -->\s*```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S
    )
    assert found is not None, marker
    return found.group(1)


def run_sql(url: str, script: str) -> None:
    engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in filter(str.strip, script.split(";")):
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_the_documented_roles_and_grants_are_enough_for_an_office(
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = server_database("pbc_roles_scratch")  # a superuser's URL on the test server
    assert server is not None
    tag = uuid.uuid4().hex[:6]  # roles are the cluster's: a name of this run's own
    names = {
        "pbc_owner": f"pbc_owner_{tag}",
        "pbc_app": f"pbc_app_{tag}",
        "pbc_chengtian": f"pbc_chengtian_{tag}",
    }
    database = f"pbc_docs_{tag}"

    def ours(script: str) -> str:
        for old, new in names.items():
            script = re.sub(rf"\b{old}\b", new, script)
        return re.sub(r"\bpbc\b", database, script)

    superuser = make_url(server)
    run_sql(
        superuser.set(database="postgres").render_as_string(False), ours(sql_block("roles-sql"))
    )
    run_sql(superuser.set(database=database).render_as_string(False), ours(sql_block("grants-sql")))

    def as_role(role: str) -> str:  # the test server trusts 127.0.0.1: no password asked
        return superuser.set(username=role, database=database).render_as_string(False)

    owner, office = as_role(names["pbc_owner"]), as_role(names["pbc_chengtian"])
    assert main(["server", "init", "--db", owner, "--admin", TEST_ADMIN]) == 0, capsys.readouterr()

    db = open_database(office, create=False)
    try:
        db.user = sign_in(db, TEST_ADMIN, TEST_PASSWORD).actor
        make_orgs(db, "上底村党支部")
        users.create_user(
            db,
            users.UserInput("chengtian", "成田镇组织委员", "成田镇", UserRole.TOWN, town="成田镇"),
            "town-Pass-1",
            must_change=False,
        )
        assert "chengtian" in {u.username for u in users.list_users(db)}
        with pytest.raises(ProgrammingError, match=r"permission denied|must be owner"):
            run_sql(office, "ALTER TABLE organization ADD COLUMN x INTEGER")
        # a package being received under another role is seen by the office's login (its
        # saves meanwhile are told so, server.beside_long_writes)
        other = create_engine(owner, poolclass=NullPool)
        try:
            with other.connect() as receiving, db.engine.connect() as connection:
                receiving.execute(
                    text("SELECT set_config('application_name', :name, true)"),
                    {"name": str(LongWrite.RECEIVING)},
                )
                assert long_write_under_way(connection) is LongWrite.RECEIVING
        finally:
            other.dispose()
    finally:
        db.dispose()
