"""The district's rate schedules (党费比例): set from a date, earlier ones kept."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import FeeRate
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.fees import (
    INCOME_CATEGORIES,
    FeeRuleError,
    RateSchedule,
    check_brackets,
    month_of,
    schedule_for,
)
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import audit
from pbc_desktop.services.fees.common import load_schedules
from pbc_desktop.services.permissions import require


def schedules(db: Database) -> list[RateSchedule]:
    """Every schedule entered, oldest first (the default applies before the first)."""
    with db.read() as s:
        return load_schedules(s)


def schedule_in_force(db: Database, month: date) -> RateSchedule:
    return schedule_for(schedules(db), month_of(month))


def set_schedule(db: Database, schedule: RateSchedule) -> None:
    """Store ``schedule`` from its month on (replacing one entered for the same month);
    the schedules before it stay as they were: months already due keep their standard."""
    require(db, Permission.DISTRICT_RULES)
    start = month_of(schedule.effective_from)
    try:
        check_brackets(schedule.employed, t("在职党员比例", "employed rates"))
        check_brackets(schedule.retired, t("离退休党员比例", "retired rates"))
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
    with db.write() as s:
        s.execute(delete(FeeRate).where(FeeRate.effective_from == start))
        rows = [
            FeeRate(effective_from=start, category=category, up_to_cents=b.up_to_cents, rate=b.rate)
            for category, brackets in (
                (c, schedule.employed if c.value == "employed" else schedule.retired)
                for c in sorted(INCOME_CATEGORIES)
            )
            for b in brackets
        ]
        rows += [
            FeeRate(effective_from=start, category=category, fixed_cents=cents)
            for category, cents in schedule.fixed_cents.items()
        ]
        s.add_all(rows)
        s.flush()
        audit.record(
            s,
            AuditAction.UPDATE,
            None,
            entity="fee_rate",
            summary=t(f"党费比例：自 {start:%Y-%m} 起执行", f"Party fee rates from {start:%Y-%m}"),
            after={
                "effective_from": start.isoformat(),
                "employed": [[b.up_to_cents, b.rate] for b in schedule.employed],
                "retired": [[b.up_to_cents, b.rate] for b in schedule.retired],
                "fixed": {c.value: v for c, v in schedule.fixed_cents.items()},
            },
        )


def schedule_dates(db: Database) -> list[date]:
    with db.read() as s:
        return list(
            s.scalars(select(FeeRate.effective_from).distinct().order_by(FeeRate.effective_from))
        )
