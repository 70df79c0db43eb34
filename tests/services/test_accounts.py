"""Accounts: the first administrator, passwords (argon2, rules), sign-in and lock-out,
reset, disable; nothing of a password in the database, the log or the audit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.models import AuditEntry, PartyMember, User
from pbc_desktop.domain.accounts import LOCKOUT, Permission
from pbc_desktop.domain.enums import AuditAction, UserRole
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import (
    ConflictError,
    PermissionDeniedError,
    SignInError,
    ValidationError,
)
from pbc_desktop.services import member_editing
from pbc_desktop.services.accounts import passwords, unknown_names, users
from pbc_desktop.services.accounts import sign_in as sign_in_service
from pbc_desktop.services.accounts.sign_in import change_password, sign_in
from tests.conftest import all_rows_text
from tests.factories import complete_fields, make_org

ADMIN_PW = "Gu4rded-admin"
CLERK_PW = "cl3rk-Secret"
NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> Iterator[Database]:
    """A database with no account at all (not the suite's usual one with its admin)."""
    database = open_database(db_url, actor="测试员", backup_dir=tmp_path / "backups")
    yield database
    database.dispose()


def admin(db: Database) -> None:
    """Make the first administrator and act as them."""
    db.user = users.create_first_admin(
        db, users.UserInput("wang", "王主任", "区委组织部", UserRole.DISTRICT), ADMIN_PW
    )


def village_account(db: Database, org: int, password: str = CLERK_PW) -> int:
    return users.create_user(
        db,
        users.UserInput("li", "李书记", "甲村党支部", UserRole.VILLAGE, organization_id=org),
        password,
    )


def test_a_new_database_needs_its_first_administrator(db: Database) -> None:
    assert users.needs_first_admin(db)
    admin(db)
    assert not users.needs_first_admin(db)
    assert db.user.role is UserRole.DISTRICT and db.user.can(Permission.MANAGE_ACCOUNTS)
    with pytest.raises(ConflictError):
        users.create_first_admin(
            db, users.UserInput("zhao", "赵", "", UserRole.DISTRICT), "another-pass1"
        )


def test_the_new_account_is_audited_in_chinese_punctuation(db: Database) -> None:
    admin(db)
    with db.read() as s:
        summaries = [e.summary for e in s.scalars(select(AuditEntry))]
    assert "新建账号 wang（王主任，区委组织部管理员）" in summaries, summaries


def test_passwords_are_stored_as_argon2id_hashes_only(db: Database, tmp_path: Path) -> None:
    admin(db)
    org = make_org(db, "甲村党支部")
    village_account(db, org)
    stored = all_rows_text(db)
    for password in (ADMIN_PW, CLERK_PW):
        assert password not in stored
    if db.path is not None:  # nor anywhere in the file (its free pages too) or its -wal
        raw = db.path.read_bytes() + b"".join(
            p.read_bytes() for p in db.path.parent.glob(db.path.name + "-wal")
        )
        for password in (ADMIN_PW, CLERK_PW):
            assert password.encode() not in raw
    with db.read() as s:
        hashes = list(s.scalars(select(User.password_hash)))
        audit_text = " ".join(
            f"{e.summary} {e.before} {e.after}" for e in s.scalars(select(AuditEntry))
        )
    assert all(h is not None and h.startswith("$argon2id$") for h in hashes)
    assert "argon2" not in audit_text and "password_hash" not in audit_text
    for password in (ADMIN_PW, CLERK_PW):
        assert password not in audit_text


@pytest.mark.parametrize(
    ("password", "words"),
    [("short1", "至少要 8 个"), (" padded-pass ", "空格"), ("wangwang", None)],
)
def test_a_weak_password_is_refused_naming_the_rule(
    db: Database, password: str, words: str | None
) -> None:
    with pytest.raises(ValidationError) as caught:
        users.create_first_admin(
            db,
            users.UserInput("wangwang" if words is None else "wang", "王", "", UserRole.DISTRICT),
            password,
        )
    assert caught.value.fields() == ["password"]
    assert password.strip() not in caught.value.message
    assert (words or "用户名相同") in caught.value.message


def test_sign_in_with_the_right_password_names_the_person(db: Database) -> None:
    admin(db)
    org = make_org(db, "甲村党支部")
    village_account(db, org)
    done = sign_in(db, "LI", CLERK_PW, now=NOW)
    assert done.actor.username == "li" and done.actor.organization_id == org
    assert done.must_change_password  # an administrator chose the first password
    assert done.actor.label == "李书记（甲村党支部）"
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.SIGN_IN)).one()
        assert entry.user_id == done.actor.user_id and entry.actor == "李书记（甲村党支部）"


def test_a_wrong_password_or_user_gets_one_sentence_that_tells_nothing(db: Database) -> None:
    admin(db)
    with pytest.raises(SignInError) as wrong_password:
        sign_in(db, "wang", "not-the-password", now=NOW)
    with pytest.raises(SignInError) as no_user:
        sign_in(db, "nobody", "not-the-password", now=NOW)
    # The same sentence: no count of tries left, which would say that "wang" exists.
    wrong = "用户名或密码不正确。密码连续输错 5 次，账号将被锁定 15 分钟。"
    assert no_user.value.message == wrong_password.value.message == wrong
    assert "not-the-password" not in wrong_password.value.message


def test_five_wrong_passwords_lock_the_account_for_a_while(db: Database) -> None:
    admin(db)
    for _ in range(4):
        with pytest.raises(SignInError, match="将被锁定 15 分钟"):
            sign_in(db, "wang", "wrong-password", now=NOW)
    with pytest.raises(SignInError, match="已锁定"):
        sign_in(db, "wang", "wrong-password", now=NOW)
    # locked: even the right password is refused
    with pytest.raises(SignInError, match="15 分钟"):
        sign_in(db, "wang", ADMIN_PW, now=NOW + timedelta(seconds=1))
    with db.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.LOCKOUT)).one()
    assert sign_in(db, "wang", ADMIN_PW, now=NOW + LOCKOUT + timedelta(seconds=1)).actor


def _refusals(db: Database, name: str, password: str, start: datetime) -> list[str]:
    """What seven wrong passwords under ``name`` are told, a second apart, then once the
    lock is over."""
    said = []
    for i in range(7):
        with pytest.raises(SignInError) as caught:
            sign_in(db, name, password, now=start + timedelta(seconds=i))
        said.append(caught.value.message)
    with pytest.raises(SignInError) as caught:
        sign_in(db, name, password, now=start + LOCKOUT + timedelta(seconds=5))
    return [*said, caught.value.message]


def test_an_unknown_user_name_is_counted_and_locked_as_an_account_is(
    db: Database, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Else a stranger could tell which names exist: a real one locks after five wrong
    passwords, an unknown one would never say so."""
    admin(db)
    checked: list[str | None] = []
    verify = sign_in_service.verify_password

    def counting(stored: str | None, password: str) -> bool:
        checked.append(stored)
        return verify(stored, password)

    monkeypatch.setattr(sign_in_service, "verify_password", counting)
    real = _refusals(db, "wang", "wrong-password", NOW)
    unknown = _refusals(db, "Nobody", "wrong-password", NOW)
    assert unknown == real
    assert "已锁定" in real[4] and "已锁定" not in real[3] and "已锁定" not in real[7]
    # argon2 ran for every try but the locked ones, against a dummy hash for the unknown name
    assert checked.count(None) == 6 == len(checked) - 6
    # the lock is the database's: a program started again (a new connection) keeps it
    again = open_database(db_url, actor="测试员")
    try:
        with pytest.raises(SignInError, match="已锁定"):
            sign_in(again, "NOBODY ", ADMIN_PW, now=NOW + timedelta(minutes=1))
    finally:
        again.dispose()
    # another unknown name has its own count
    with pytest.raises(SignInError) as other:
        sign_in(db, "somebody", "wrong-password", now=NOW)
    assert other.value.message == real[0]


def test_the_first_unknown_name_after_a_start_takes_no_extra_hash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dummy hash was made at the first unknown name: that try took a hash and a check,
    twice a wrong password's time, which told after each start whether a name exists."""

    class NoHashing(PasswordHasher):
        def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
            raise AssertionError("hashed while signing in")

    monkeypatch.setattr(passwords, "HASHER", NoHashing())  # the program's parameters
    monkeypatch.setattr(passwords, "_DUMMY_HASH", None)  # as after a start
    assert passwords.verify_password(None, "pbc-desktop-no-such-account") is False


def test_an_unknown_user_name_leaves_no_account_and_is_never_written(db: Database) -> None:
    """The name box sometimes holds a password typed there by mistake: it is counted under
    a short tag of its hash, never written."""
    admin(db)
    typed = "Gu4rded-typed-in-the-name-box"
    for i in range(5):
        with pytest.raises(SignInError):
            sign_in(db, typed, "anything", now=NOW + timedelta(seconds=i))
    with db.read() as s:
        assert [u.username for u in s.scalars(select(User))] == ["wang"]
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "unknown_user")).all()
        assert [e.action for e in entries] == [AuditAction.SIGN_IN] * 4 + [AuditAction.LOCKOUT]
        assert {e.entity_uuid for e in entries} == {unknown_names.name_tag(typed.lower())}
    assert typed.lower() not in all_rows_text(db).lower()
    assert "anything" not in all_rows_text(db)


def test_an_unknown_user_name_on_a_database_only_read_is_not_counted(db: Database) -> None:
    admin(db)
    for _ in range(6):
        with pytest.raises(SignInError, match="将被锁定 15 分钟"):
            sign_in(db, "nobody", "wrong-password", now=NOW, record=False)
    with db.read() as s:
        assert not s.scalars(select(AuditEntry).where(AuditEntry.entity == "unknown_user")).all()


def test_a_reset_unlocks_and_forces_a_new_password(db: Database) -> None:
    admin(db)
    org = make_org(db, "甲村党支部")
    li = village_account(db, org)
    for _ in range(5):
        with pytest.raises(SignInError):
            sign_in(db, "li", "wrong-password", now=NOW)
    users.reset_password(db, li, "n3w-password")
    done = sign_in(db, "li", "n3w-password", now=NOW)
    assert done.must_change_password
    db.user = done.actor
    with pytest.raises(ValidationError, match="原密码不正确"):
        change_password(db, li, "wrong-password", "mine-now-123")
    change_password(db, li, "n3w-password", "mine-now-123")
    assert not sign_in(db, "li", "mine-now-123", now=NOW).must_change_password


def test_a_password_is_changed_only_by_its_own_account(db: Database) -> None:
    """Anyone else's refused, even with the right old password: else any signed-in account
    could try another's passwords here, with no sign-in counting them."""
    admin(db)
    li = village_account(db, make_org(db, "甲村党支部"))
    wang = users.user_id_by_name(db, "wang")
    db.user = sign_in(db, "li", CLERK_PW, now=NOW).actor
    for old in ("a-guess-123", ADMIN_PW):
        with pytest.raises(PermissionDeniedError, match="只能修改自己的密码"):
            change_password(db, wang, old, "taken-over-1")
    assert sign_in(db, "wang", ADMIN_PW, now=NOW).actor.username == "wang"
    change_password(db, li, CLERK_PW, "mine-now-123")


def test_who_does_not_manage_accounts_learns_no_user_names(db: Database) -> None:
    """A name looked up answered "no account NAME" or gave its id: ``pbc user disable
    NAME`` told a village clerk, name by name, which accounts exist (a sign-in never does)."""
    admin(db)
    li = village_account(db, make_org(db, "甲村党支部"))
    db.user = sign_in(db, "li", CLERK_PW, now=NOW).actor
    assert users.user_id_by_name(db, " LI ") == li  # one's own
    refusals = set()
    for name in ("wang", "nobody"):
        with pytest.raises(PermissionDeniedError) as refused:
            users.user_id_by_name(db, name)
        refusals.add(refused.value.message)
    assert len(refusals) == 1 and "nobody" not in refusals.pop()


def test_wrong_old_passwords_count_as_wrong_sign_ins(db: Database) -> None:
    """A window left signed in does not let anyone try passwords without end: the fifth
    wrong old password locks the account, for sign-ins and changes alike."""
    admin(db)
    village_account(db, make_org(db, "甲村党支部"))
    db.user = sign_in(db, "li", CLERK_PW).actor
    li = db.user.user_id
    assert li is not None
    for _ in range(4):
        with pytest.raises(ValidationError, match="原密码不正确。密码连续输错 5 次"):
            change_password(db, li, "a-guess-123", "mine-now-123")
    with pytest.raises(SignInError, match="账号已锁定"):
        change_password(db, li, "a-guess-123", "mine-now-123")
    with pytest.raises(SignInError, match="账号已锁定"):  # the right one too, while locked
        change_password(db, li, CLERK_PW, "mine-now-123")
    with pytest.raises(SignInError, match="账号已锁定"):
        sign_in(db, "li", CLERK_PW)
    with db.read() as s:
        locks = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.LOCKOUT))
        assert [e.summary for e in locks] == ["账号 li 因密码连续输错被锁定"]


def test_accounts_are_disabled_never_deleted(db: Database) -> None:
    admin(db)
    org = make_org(db, "甲村党支部")
    li = village_account(db, org)
    users.set_active(db, li, False)
    with pytest.raises(SignInError, match="已停用"):
        sign_in(db, "li", CLERK_PW, now=NOW)
    assert [u.username for u in users.list_users(db)] == ["wang", "li"]
    with pytest.raises(ConflictError, match="自己"):
        users.set_active(db, db.user.user_id or 0, False)


def test_an_account_disabled_while_signed_in_changes_nothing_more(db: Database) -> None:
    """The window (or a long command) of an account an administrator disables meanwhile
    keeps reading, but every write is refused with one sentence and nothing is stored."""
    admin(db)
    wang = db.user
    org = make_org(db, "甲村党支部")
    village_account(db, org)
    li = sign_in(db, "li", CLERK_PW, now=NOW).actor
    db.user = li
    member_editing.create_member(db, MemberInput("张三", org, **complete_fields()))
    db.user = wang
    users.set_active(db, li.user_id or 0, False)
    db.user = li
    with pytest.raises(PermissionDeniedError, match="已被停用"):
        member_editing.create_member(db, MemberInput("李四", org, **complete_fields()))
    with db.read() as s:
        assert s.scalars(select(PartyMember.name)).all() == ["张三"]
    db.user = wang
    users.set_active(db, li.user_id or 0, True)
    db.user = li
    member_editing.create_member(db, MemberInput("李四", org, **complete_fields()))


def test_only_an_administrator_manages_accounts(db: Database) -> None:
    admin(db)
    org = make_org(db, "甲村党支部")
    village_account(db, org)
    db.user = sign_in(db, "li", CLERK_PW, now=NOW).actor
    with pytest.raises(PermissionDeniedError, match="没有权限管理账号"):
        users.list_users(db)
    with pytest.raises(PermissionDeniedError):
        users.create_user(db, users.UserInput("x", "X", "", UserRole.DISTRICT), "whatever-123")


def test_a_village_account_needs_its_organization_a_town_account_its_town(db: Database) -> None:
    admin(db)
    make_org(db, "甲村党支部", town="成田镇")
    with pytest.raises(ValidationError) as village:
        users.create_user(db, users.UserInput("c", "C", "", UserRole.VILLAGE), "password-123")
    assert village.value.fields() == ["organization"]
    with pytest.raises(ValidationError) as town:
        users.create_user(
            db, users.UserInput("z", "Z", "", UserRole.TOWN, town="不存在镇"), "password-123"
        )
    assert town.value.fields() == ["town"]
    users.create_user(
        db, users.UserInput("z", "Z", "", UserRole.TOWN, town="成田镇"), "password-123"
    )


def test_names_refuse_control_characters_and_direction_marks(db: Database) -> None:
    """The name is printed as 经办人/评分人 and kept in the audit log: a right-to-left
    override (U+202E) would make it read backwards there, as in any other name field."""
    admin(db)
    with pytest.raises(ValidationError) as refused:
        users.create_user(
            db,
            users.UserInput("x\u202ey", "王\u202e五", "村\x07委", UserRole.VIEWER),
            CLERK_PW,
        )
    assert {e.field for e in refused.value.errors} == {"username", "name", "unit"}
    assert "U+202E" in refused.value.errors[0].message
    with pytest.raises(ValidationError):
        users.check_user(db, users.UserInput("zhao", "赵\u200b六", "", UserRole.VIEWER))
    users.create_user(db, users.UserInput("  zhao ", "赵\u3000六", "", UserRole.VIEWER), CLERK_PW)
    assert [u.name for u in users.list_users(db) if u.username == "zhao"] == ["赵 六"]


def test_the_username_is_unique_whatever_its_case(db: Database) -> None:
    admin(db)
    with pytest.raises(ValidationError, match="已被使用"):
        users.create_user(db, users.UserInput("WANG", "王二", "", UserRole.VIEWER), "password-123")


def test_nothing_of_a_password_reaches_the_database_after_a_failed_sign_in(
    db: Database,
) -> None:
    admin(db)
    with pytest.raises(SignInError):
        sign_in(db, "wang", "typo-Guarded-admin", now=NOW)
    dump = all_rows_text(db)
    assert "typo-Guarded-admin" not in dump and ADMIN_PW not in dump


@pytest.mark.sqlite_only("a released schema's database file")
@pytest.mark.parametrize("older", ["0001", "0002"])
def test_the_first_administrator_of_a_database_from_before_sign_in_may_keep_their_name(
    older: str, tmp_path: Path
) -> None:
    """A database from before accounts signed in holds its old accounts without a password
    (release 0003). Its first administrator, asked for after the upgrade, chose the name
    they always had (``admin``, which README's batch files set as PBC_USER) and was
    refused: the name was taken, by their own old account, which nobody could sign in to;
    ``pbc init`` on the old file ended with that error. The old account becomes the
    administrator: one account of that name, its id (and its audit entries) kept."""
    work = tmp_path / "old.sqlite"
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    work.write_bytes((fixtures / f"schema_{older}.sqlite").read_bytes())
    db = open_database(f"sqlite:///{work}", backup_dir=tmp_path / "backups")
    try:
        with db.read() as s:
            (old_id,) = s.scalars(select(User.id).where(User.username == "admin"))
        assert users.needs_first_admin(db)
        db.user = users.create_first_admin(
            db, users.UserInput("Admin", "王主任", "区委组织部", UserRole.DISTRICT), ADMIN_PW
        )
        assert db.user.user_id == old_id and not users.needs_first_admin(db)
        assert sign_in(db, "admin", ADMIN_PW).actor.role is UserRole.DISTRICT
        with db.read() as s:
            assert s.scalars(select(User.username)).all() == ["admin"]
            summaries = [e.summary for e in s.scalars(select(AuditEntry))]
        assert "账号 admin 设为第一个管理员（王主任，区委组织部管理员）" in summaries, summaries
        with pytest.raises(ConflictError):  # once there is an administrator, no other first one
            users.create_first_admin(
                db, users.UserInput("admin", "赵", "", UserRole.DISTRICT), "another-pass1"
            )
    finally:
        db.dispose()
