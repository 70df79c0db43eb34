"""A database on a PostgreSQL server: its address, and what its refusals mean to a clerk.

A server's errors (libpq's, through psycopg and SQLAlchemy) are English, technical and
name the host, the account and sometimes the statement; here each becomes one sentence
that says what to check. The password is never in a URL this program makes (it travels
in the connection's arguments), so no message, log line or title can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from pbc_desktop.errors import (
    DatabaseLockedError,
    DatabaseTooNewError,
    ServerConnectionError,
    ServerUpgradeNeededError,
    UserError,
)
from pbc_desktop.lang import t

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
#: Seconds a connection attempt waits for the server before it is called unreachable.
CONNECT_TIMEOUT = 5
#: TCP keepalives: a connection whose network dropped fails within about ten seconds
#: instead of waiting for the operating system's two hours.
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    # and a statement sent into a dead network fails after 10 s instead of retrying for
    # a quarter of an hour
    "tcp_user_timeout": 10_000,
}
#: Seconds a statement waits for a lock another connection holds (a record being saved
#: elsewhere, the audit log's head every save takes, a numbering lock) before the save is
#: refused with a sentence, instead of the window freezing until the other lets go.
LOCK_TIMEOUT = 15
#: The server's end of each connection: the same keepalives, so that a PC whose network
#: dropped in the middle of a save is noticed within seconds and its transaction rolled
#: back. Else the server waits for the operating system's two hours, holding the locks of
#: that save (the audit log's head among them: every other office's saves wait).
#: Settings every PostgreSQL-compatible server knows; ``tcp_user_timeout`` (PostgreSQL 12
#: and later, set by :func:`set_server_user_timeout`) covers a reply the server sent into
#: the dropped network, which keepalives do not (it is retransmitted for a quarter of an
#: hour).
SERVER_SETTINGS = {
    "tcp_keepalives_idle": KEEPALIVES["keepalives_idle"],
    "tcp_keepalives_interval": KEEPALIVES["keepalives_interval"],
    "tcp_keepalives_count": KEEPALIVES["keepalives_count"],
}
#: The SQLSTATE of a lock not obtained within ``lock_timeout`` (``lock_not_available``).
LOCK_NOT_AVAILABLE = "55P03"
#: The SQLSTATEs of a transaction the server gave up on because another one needed what
#: it held, and it what the other held (``deadlock_detected``, ``serialization_failure``).
COLLIDED = ("40P01", "40001")
#: Seconds a save waits for a lock while another PC's long write (:class:`LongWrite`) is
#: under way: what the long write changes stays held until it is done, often longer than
#: ``LOCK_TIMEOUT``; a save of one of those records is told so at once, instead of the
#: window freezing for ``LOCK_TIMEOUT`` first.
BESIDE_LONG_WRITE = 3


class LongWrite(StrEnum):
    """A write that holds what it changes for many seconds (all of it written, or nothing),
    as other PCs see it: the ``application_name`` of its connection for its transaction
    (``pg_stat_activity`` shows it to every account, and to the server's administrator)."""

    RECEIVING = "pbc-desktop: receiving a package"
    IMPORTING = "pbc-desktop: importing a roster"


_UNDER_WAY = text(
    "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() "
    "AND pid <> pg_backend_pid() AND application_name = ANY(:names) "
    "ORDER BY backend_start LIMIT 1"
).bindparams(names=[str(doing) for doing in LongWrite])


def long_write_under_way(connection: Connection | Session) -> LongWrite | None:
    """Another PC's long write on this database (the one begun first), or None."""
    found = connection.execute(_UNDER_WAY).scalar()
    return LongWrite(found) if found is not None else None


def beside_long_writes(session: Session, doing: LongWrite | None) -> None:
    """At the start of a save: ``doing`` (a long write) is shown to the other PCs; any other
    save waits no more than ``BESIDE_LONG_WRITE`` seconds for a lock while another PC's
    long write is under way (the transaction's ``lock_timeout``)."""
    if doing is not None:
        session.execute(
            text("SELECT set_config('application_name', :name, true)"), {"name": str(doing)}
        )
    elif long_write_under_way(session) is not None:
        session.execute(
            text("SELECT set_config('lock_timeout', :wait, true)"),
            {"wait": f"{min(BESIDE_LONG_WRITE, LOCK_TIMEOUT)}s"},
        )


@dataclass(frozen=True)
class ServerAddress:
    """Where a server's database is and which account connects (never the password)."""

    host: str
    port: int
    database: str
    account: str

    def url(self) -> str:
        return URL.create(
            DRIVER,
            username=self.account or None,
            host=self.host,
            port=self.port,
            database=self.database,
        ).render_as_string(hide_password=False)

    def label(self) -> str:
        """As the window shows it: ``account@host:port/database``."""
        return f"{self.account}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        parsed = make_url(url)
        return cls(
            host=parsed.host or "localhost",
            port=parsed.port or DEFAULT_PORT,
            database=parsed.database or "",
            account=parsed.username or "",
        )


def set_server_user_timeout(dbapi_connection: Any, _record: object) -> None:
    """A new connection's server end gives up on a reply not acknowledged within
    ``tcp_user_timeout``, where the server knows the setting (PostgreSQL 12 or later; an
    unknown setting in the connection's options would refuse the connection)."""
    if dbapi_connection.info.server_version < 120000:
        return
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET tcp_user_timeout = {KEEPALIVES['tcp_user_timeout']}")
    dbapi_connection.commit()


def _bad_server_url() -> UserError:
    return UserError(
        t(
            "服务器数据库的地址写得不对：应写成 postgresql+psycopg://账号@服务器/数据库"
            "（例如 postgresql+psycopg://pbc_chengtian@10.38.1.5:5432/pbc，端口可以省略；"
            "密码里的 @ 写成 %40，冒号写成 %3A，斜杠写成 %2F）。",
            "The server database's address is not written right: it is "
            "postgresql+psycopg://ACCOUNT@HOST:PORT/DATABASE (the port a number, or left "
            "out; an @, : or / in the password written %40, %3A, %2F).",
        )
    )


def split_password(url: str) -> tuple[str, str | None]:
    """``url`` without its password, and the password (None when it has none): the
    password then travels in the connection's arguments, never shown with the URL. A
    password given as libpq's ``?password=`` is taken out too (the URL would show it).

    ``postgresql://`` and ``postgres://`` (as other PostgreSQL programs write it) mean this
    program's driver; a URL that cannot be read, or of another kind of server, is a
    ``UserError`` whose sentence never repeats the text (it may hold the password)."""
    try:
        parsed = make_url(url)
    except (ValueError, ArgumentError):  # a port that is no number, a bracket left open…
        raise _bad_server_url() from None
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise _bad_server_url()
    if "@" in (parsed.host or ""):  # an @ of the password, not written %40
        raise _bad_server_url()
    query = dict(parsed.query)
    in_query = query.pop("password", None)
    if isinstance(in_query, tuple):  # given more than once: libpq takes the last
        in_query = in_query[-1] if in_query else None
    password = parsed.password if parsed.password is not None else in_query
    without = URL.create(  # URL.set(password=None) would keep it
        DRIVER,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=query,
    ).render_as_string(hide_password=False)
    return without, (str(password) if password is not None else None)


def connect_arguments(url: str, password: str | None) -> dict[str, object]:
    """psycopg's connection arguments for ``url``: a time limit, keepalives on both ends,
    a lock timeout and the password (when given apart from the URL); what the URL sets
    itself is kept."""
    given = make_url(url).query
    settings = {**SERVER_SETTINGS, "lock_timeout": f"{LOCK_TIMEOUT}s"}
    options = " ".join(f"-c {name}={value}" for name, value in settings.items())
    arguments: dict[str, object] = {
        key: value
        for key, value in {"connect_timeout": CONNECT_TIMEOUT, **KEEPALIVES}.items()
        if key not in given
    }
    # the URL's own ``options`` come after ours: a setting given in both is the URL's
    own = given.get("options")
    arguments["options"] = f"{options} {own}" if isinstance(own, str) and own else options
    if password:
        arguments["password"] = password
    return arguments


_LOST = (
    "server closed the connection",
    "terminating connection",
    "consuming input failed",
    "connection is closed",
    "connection is lost",
    "connection already closed",
    "ssl syscall",
    "could not receive data",
    "could not send data",
    "eof detected",
    "connection reset",
    "broken pipe",
)
_UNREACHABLE = (
    "connection refused",
    "timeout expired",
    "timed out",
    "no route to host",
    "network is unreachable",
    "host is unreachable",
    "name or service not known",
    "nodename nor servname",
    "failed to resolve host",
    "could not translate host name",
    "no such host",
    "temporary failure in name resolution",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
    "connection failed",
)


def _no_connection(error: BaseException) -> bool:
    """The driver's own ``OperationalError`` without a server's SQLSTATE: a connection
    that could not be made or used, whatever the operating system called it (``connection
    is bad: … Invalid argument`` on a route that drops everything, and wordings not listed
    above); never a statement the server refused, which carries its SQLSTATE."""
    driver_error = any(
        kind.__name__ == "OperationalError" and kind.__module__.startswith("psycopg")
        for kind in type(error).__mro__
    )
    return driver_error and getattr(error, "sqlstate", "") is None


def _quoted(text: str, after: str) -> str:
    match = re.search(after + r' "([^"]*)"', text)
    return match.group(1) if match else ""


def server_error(
    exc: BaseException, url: str, *, saving: bool = False
) -> ServerConnectionError | None:
    """The sentence for a server's refusal or a lost connection, or None when ``exc`` is
    not about the connection (a bug, a constraint: the caller handles it)."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).lower()
    address = ServerAddress.from_url(url)
    where = f"{address.host}:{address.port}"
    if "password authentication failed" in text or "no password supplied" in text:
        return ServerConnectionError(
            t(
                f"服务器 {where} 没有接受账号“{address.account}”的密码：请检查账号和密码。",
                f"The server {where} did not accept the password of the account "
                f"“{address.account}”: check the account and the password.",
            )
        )
    if "does not exist" in text and "database" in text:
        name = _quoted(str(original), "database") or address.database
        return ServerConnectionError(
            t(
                f"服务器 {where} 上没有名为“{name}”的数据库：请检查数据库名。",
                f"The server {where} has no database named “{name}”: check the database name.",
            )
        )
    if "does not exist" in text and "role" in text:
        return ServerConnectionError(
            t(
                f"服务器 {where} 上没有账号“{address.account}”：请检查账号。",
                f"The server {where} has no account “{address.account}”: check the account.",
            )
        )
    if "pg_hba.conf" in text:
        return ServerConnectionError(
            t(
                f"服务器 {where} 不允许这台电脑用账号“{address.account}”连接"
                f"数据库“{address.database}”：请服务器管理员在 pg_hba.conf 中放行。",
                f"The server {where} does not let this computer connect to the database "
                f"“{address.database}” as “{address.account}”: ask the server's "
                "administrator to allow it in pg_hba.conf.",
            )
        )
    if "too many clients" in text or "connection slots are reserved" in text:
        return ServerConnectionError(
            t(
                f"服务器 {where} 的连接数已满：请稍后再试，或请服务器管理员调大 max_connections。",
                f"The server {where} has no free connections: try again shortly, or ask "
                "the server's administrator to raise max_connections.",
            )
        )
    if any(words in text for words in _LOST) or getattr(exc, "connection_invalidated", False):
        return connection_lost(url, saving=saving)
    if any(words in text for words in _UNREACHABLE) or _no_connection(original):
        return ServerConnectionError(
            t(
                f"连接不上服务器 {where}：请检查网络、服务器地址和端口，以及服务器是否已开机。",
                f"Cannot reach the server {where}: check the network, the server's address "
                "and port, and that the server is running.",
            )
        )
    return None


def connection_lost(url: str, *, saving: bool = False) -> ServerConnectionError:
    """The sentence for a connection to the server at ``url`` that was lost."""
    address = ServerAddress.from_url(url)
    where = f"{address.host}:{address.port}"
    return ServerConnectionError(
        t(
            f"与服务器 {where} 的连接中断了，这次没有保存：请检查网络，连接恢复后再保存一次。",
            f"The connection to the server {where} was lost, so this was not saved: "
            "check the network and save again once it is back.",
        )
        if saving
        else t(
            f"与服务器 {where} 的连接中断了：请检查网络，连接恢复后再试。",
            f"The connection to the server {where} was lost: check the network and "
            "try again once it is back.",
        )
    )


def not_answering(url: str, reason: str | None, *, saving: bool) -> ServerConnectionError:
    """The refusal of a read or a save while the window's server watch finds the server at
    ``url`` not answering: why, as its last ping was told (``reason``, a sentence of
    :func:`server_error`: the banner's tooltip says the same); a save says it was not
    saved."""
    if reason is None or reason == connection_lost(url).message:
        return connection_lost(url, saving=saving)
    if not saving:
        return ServerConnectionError(reason)
    return ServerConnectionError(t(f"{reason}这次没有保存。", f"{reason} This was not saved."))


def commit_unknown(url: str) -> ServerConnectionError:
    """The sentence for a connection lost while the server was committing a save: it may
    be saved or not, and only looking tells."""
    address = ServerAddress.from_url(url)
    where = f"{address.host}:{address.port}"
    return ServerConnectionError(
        t(
            f"与服务器 {where} 的连接在保存的最后一步中断了，不能确定是否已经保存：请在连接"
            "恢复后先刷新查看，确实没有保存再保存一次。",
            f"The connection to the server {where} was lost at the last step of saving, so "
            "it is not known whether this was saved: once the connection is back, refresh "
            "and look first, and save again only if it is not there.",
        )
    )


def lock_waited_too_long(exc: BaseException) -> bool:
    """Whether ``exc`` is a statement given up after waiting ``LOCK_TIMEOUT`` for a lock."""
    original = getattr(exc, "orig", None) or exc
    return getattr(original, "sqlstate", None) == LOCK_NOT_AVAILABLE


def collided(exc: BaseException) -> bool:
    """Whether ``exc`` is a transaction the server gave up on as one of two that each held
    what the other needed (a deadlock, a serialization failure): nothing of it was saved,
    and saving again works."""
    original = getattr(exc, "orig", None) or exc
    return getattr(original, "sqlstate", None) in COLLIDED


def collision_refusal(url: str) -> DatabaseLockedError:
    address = ServerAddress.from_url(url)
    where = f"{address.host}:{address.port}"
    return DatabaseLockedError(
        t(
            f"服务器 {where} 上另一台电脑同时在保存相关的记录，这次没有保存：请再保存一次。",
            f"Another computer was saving related records on the server {where} at the "
            "same moment, so this was not saved: save again.",
        )
    )


def lock_refusal(url: str, *, saving: bool, doing: LongWrite | None = None) -> DatabaseLockedError:
    """The sentence for a lock not obtained in time: another PC's save (or a long import,
    an upgrade) holds what this one needs; ``doing``: another PC's long write under way,
    named."""
    address = ServerAddress.from_url(url)
    where = f"{address.host}:{address.port}"
    if doing is not None:
        return _long_write_refusal(where, doing, saving=saving)
    return DatabaseLockedError(
        t(
            f"服务器 {where} 上另一台电脑正在保存（或正在导入、升级），等了 {LOCK_TIMEOUT} 秒"
            "仍未完成，这次没有保存：请稍后再保存一次。",
            f"Another computer is saving on the server {where} (or importing, or "
            f"upgrading) and had not finished after {LOCK_TIMEOUT} seconds, so this was "
            "not saved: save again in a moment.",
        )
        if saving
        else t(
            f"服务器 {where} 上另一台电脑正在保存（或正在导入、升级），等了 {LOCK_TIMEOUT} 秒"
            "仍未完成：请稍后再试。",
            f"Another computer is saving on the server {where} (or importing, or "
            f"upgrading) and had not finished after {LOCK_TIMEOUT} seconds: try again in "
            "a moment.",
        )
    )


def _long_write_refusal(where: str, doing: LongWrite, *, saving: bool) -> DatabaseLockedError:
    if doing is LongWrite.RECEIVING:
        zh, done_zh, en = "正在接收数据包", "接收完", "is receiving a package"
    else:
        zh, done_zh, en = "正在导入名册", "导入完", "is importing a roster"
    return DatabaseLockedError(
        t(
            f"服务器 {where} 上另一台电脑{zh}，这条记录要等它{done_zh}才能保存，这次没有保存："
            "请稍等片刻再保存一次。",
            f"Another computer {en} on the server {where}; this record can be saved once "
            "it is done, so this was not saved: save again in a moment.",
        )
        if saving
        else t(
            f"服务器 {where} 上另一台电脑{zh}，要等它{done_zh}：请稍等片刻再试。",
            f"Another computer {en} on the server {where}: try again in a moment, once it is done.",
        )
    )


def server_too_new() -> DatabaseTooNewError:
    return DatabaseTooNewError(
        t(
            "服务器上的数据库版本比本程序新，请升级本程序。",
            "The database on the server is of a newer version than this program: please "
            "upgrade the program.",
        )
    )


def server_needs_upgrade() -> ServerUpgradeNeededError:
    return ServerUpgradeNeededError(
        t(
            "服务器上的数据库版本比本程序旧，需要先升级：请管理员运行 pbc server upgrade。",
            "The database on the server is of an older version than this program and must "
            "be upgraded first: an administrator runs pbc server upgrade.",
        )
    )
