"""The district's rate schedules (党费比例): set from a date, earlier ones kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import FeeRate
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.fees import (
    INCOME_CATEGORIES,
    MAX_FIXED_CENTS,
    FeeRuleError,
    RateSchedule,
    check_brackets,
    month_of,
)
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import audit, versions
from pbc_desktop.services.fees.common import load_schedules
from pbc_desktop.services.permissions import require


def schedules(db: Database) -> list[RateSchedule]:
    """Every schedule entered, oldest first (the default applies before the first)."""
    with db.read() as s:
        return load_schedules(s)


@dataclass(frozen=True)
class RatesEdit:
    """What the rates editor reads: the schedules entered and each one's version (by its
    month), handed back with the schedule it saves (:data:`versions.NONE_YET` for a
    month without one)."""

    schedules: list[RateSchedule]
    versions: dict[date, int]


def rates_to_edit(db: Database) -> RatesEdit:
    heads = select(func.min(FeeRate.id)).group_by(FeeRate.effective_from)
    with db.read() as s:
        return RatesEdit(
            load_schedules(s),
            {
                rate.effective_from: rate.version
                for rate in s.scalars(select(FeeRate).where(FeeRate.id.in_(heads)))
            },
        )


def set_schedule(db: Database, schedule: RateSchedule, read_version: int | None = None) -> None:
    """Store ``schedule`` from its month on (replacing one entered for the same month);
    the schedules before it stay as they were: months already due keep their standard.

    A month's schedule is its rows; the first of them (by id) stands for the whole and
    carries its version (``read_version``: as the editor read it, see
    :func:`rates_to_edit`). A replaced schedule's rows are changed in place, extra
    ones deleted (their tombstones carry the deletion to other offices)."""
    require(db, Permission.DISTRICT_RULES)
    start = month_of(schedule.effective_from)
    try:
        check_brackets(schedule.employed, t("在职党员", "employed members"))
        check_brackets(schedule.retired, t("离退休党员", "retired members"))
    except FeeRuleError as error:
        raise ValidationError([FieldError("brackets", error.message)]) from error
    for category, cents in schedule.fixed_cents.items():
        if category in INCOME_CATEGORIES or cents < 0:
            raise ValidationError(
                [
                    FieldError(
                        "fixed", t("固定标准不能为负数。", "A fixed amount cannot be negative.")
                    )
                ]
            )
        if cents > MAX_FIXED_CENTS:  # a typo: a branch's own fixed standard has this limit
            most = f"{MAX_FIXED_CENTS // 100:,}"
            raise ValidationError.single(
                "fixed",
                t(
                    f"{category.zh}的固定标准不能超过{most}元，请核对。",
                    f"The fixed amount of {category.en} cannot exceed {most} yuan.",
                ),
            )
    wanted = schedule.rows()
    with db.write() as s:
        lock_groups(s, [("fee_rates", start)])  # two entering one month's rates at once
        rows = list(
            s.scalars(select(FeeRate).where(FeeRate.effective_from == start).order_by(FeeRate.id))
        )
        if rows:  # read as none yet (NONE_YET): entered meanwhile
            versions.check(s, rows[0], read_version)
        for row in rows[len(wanted) :]:
            s.delete(row)
        rows = rows[: len(wanted)]
        rows += [FeeRate(effective_from=start) for _ in wanted[len(rows) :]]
        for row, (category, up_to, rate, fixed) in zip(rows, wanted, strict=True):
            row.category = category
            row.up_to_cents = up_to
            row.rate = rate
            row.fixed_cents = fixed
        s.add_all(rows)
        s.flush()
        audit.record(
            s,
            AuditAction.UPDATE,
            rows[0],
            entity="fee_rate",
            summary=t(f"党费比例：自 {start:%Y-%m} 起执行", f"Party fee rates from {start:%Y-%m}"),
            after={
                "effective_from": start.isoformat(),
                "employed": [[b.up_to_cents, b.rate] for b in schedule.employed],
                "retired": [[b.up_to_cents, b.rate] for b in schedule.retired],
                "fixed": {c.value: v for c, v in schedule.fixed_cents.items()},
            },
        )
