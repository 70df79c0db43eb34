"""What merging packages remembers: the version of each record last agreed with another
office, the conflicts left for a person to decide, and every package sent or received."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from pbc_desktop.db.base import Base, EnumCode, UTCDateTime, utcnow
from pbc_desktop.domain.enums import OrgLevel


class Office(Base):
    """This database's own office (``local``, one row once it is set up) and the offices
    registered from their cards, whose packages it accepts (``domain/offices.py``).

    The local office's private keys are not here: they sit in a file beside the database
    (``services/exchange/offices.py``), so a backup or a copy of the database carries none.
    A unique index over the local rows keeps this database to one office of its own.

    ``version`` counts the row's changes, as a record's does (``Record.version``): two
    administrators changing this office at once from two PCs, the second save is refused
    (``services/versions.py``) instead of silently replacing the first.
    """

    __tablename__ = "office"
    __table_args__ = (
        Index(
            "uq_office_local",
            "local",
            unique=True,
            sqlite_where=text("local"),
            postgresql_where=text("local"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[OrgLevel] = mapped_column(EnumCode(OrgLevel))
    code: Mapped[str] = mapped_column(String(40), default="")
    organization_uuid: Mapped[str | None] = mapped_column(String(36))
    town: Mapped[str | None] = mapped_column(String(60))
    sign_key: Mapped[bytes] = mapped_column(LargeBinary)
    box_key: Mapped[bytes] = mapped_column(LargeBinary)
    local: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    registered_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's class attribute)


class Tombstone(Base):
    """A deleted record, so the deletion travels in the next packages (``entity`` is its
    table, ``origin_office`` the office it came from, empty when made here). Left for every
    travelling row the ORM deletes, also a child dropped from its parent's list
    (``services/audit.py``), and for a deletion received in a package (``merge.py``).
    ``deleted_by`` is this database's account (empty for a received deletion); it stays
    here: packages carry no account."""

    __tablename__ = "tombstone"

    record_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    origin_office: Mapped[str | None] = mapped_column(String(36))
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    deleted_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))


class SyncBase(Base):
    """The ``updated_at`` a record had when this office and ``office`` last agreed on it:
    when it last came in from that office's package, or last went out in a package to it.

    A package's row older than or as old as this is stale (never rolls the record back);
    a local row whose ``updated_at`` is no longer this was changed here since. Comparing
    for equality (not order) keeps a PC whose clock is behind from hiding its own edits.
    Kept per office: a town agrees with each village and with the district separately.
    """

    __tablename__ = "sync_base"

    record_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    office: Mapped[str] = mapped_column(String(36), primary_key=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SyncConflict(Base):
    """A record changed both here and at another office since they last agreed.

    ``kept`` says whose version the record holds now (``"theirs"`` when the sending
    office owns the record, ``"mine"`` otherwise); ``other`` is the version not kept,
    as the package's JSON row, so the person deciding can take it instead.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    sender: Mapped[str] = mapped_column(String(36))
    package_uuid: Mapped[str] = mapped_column(String(36))
    kept: Mapped[str] = mapped_column(String(8))
    fields: Mapped[str] = mapped_column(Text)  # JSON list of the differing column names
    other: Mapped[str] = mapped_column(Text)  # JSON row of the version not kept
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))


class ExchangeLogEntry(Base):
    """One package sent or received (the exchange log; the 数据移交单 prints from it)."""

    __tablename__ = "exchange_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))  # "sent" | "received"
    package_uuid: Mapped[str] = mapped_column(String(36), index=True)
    sender: Mapped[str] = mapped_column(String(36))
    sender_name: Mapped[str] = mapped_column(String(120))
    recipient: Mapped[str | None] = mapped_column(String(36))
    recipient_name: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"))
    fingerprint: Mapped[str] = mapped_column(String(80))
    sender_fingerprint: Mapped[str] = mapped_column(String(80), default="")
    recipient_fingerprint: Mapped[str] = mapped_column(String(80), default="")
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    counts: Mapped[str] = mapped_column(Text)  # JSON {record type: {change: n}}
    left_out: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of sentences
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    #: the newest ``updated_at`` the package carried: the next package to the same
    #: recipient holds only what changed after it
    watermark: Mapped[datetime | None] = mapped_column(UTCDateTime())
