"""Writing the rows of a preview in one transaction, parents before their children."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization
from pbc_desktop.db.server import LongWrite
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.validation import name_key
from pbc_desktop.errors import StaleEditError, UserError
from pbc_desktop.lang import t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import access, audit
from pbc_desktop.services.member_import.preview import (
    ON_DUPLICATE_CHOICES,
    OnDuplicate,
    _cancelled_error,
)
from pbc_desktop.services.organization_import.preview import (
    OrgImportPreview,
    OrgImportResult,
)
from pbc_desktop.services.organizations import check_registry
from pbc_desktop.services.scope import update_audited


def _stale() -> UserError:
    return UserError(
        t(
            "读取文件后，数据库中的党组织已被修改。请重新读取文件后再导入。",
            "Organizations changed after the file was read. Read the file again and import.",
        )
    )


def apply_org_import(
    db: Database,
    preview: OrgImportPreview,
    *,
    on_duplicate: OnDuplicate = "skip",
    valid_only: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> OrgImportResult:
    """Write the rows of ``preview`` in one transaction with one audit entry per record
    and one for the import.

    Refuses (writing nothing) when a row is bad, unless ``valid_only``. An organization
    already stored (same name) is left alone (``skip``) or gets the filled-in cells of its
    row (``update``; empty cells keep what is stored). Cancelling, or any error, rolls back.
    """
    if on_duplicate not in ON_DUPLICATE_CHOICES:
        raise ValueError(on_duplicate)
    report = progress or (lambda _p, _t: None)
    stop = cancelled or (lambda: False)
    access.of(db).require(Permission.WRITE)
    plan = preview.plan(on_duplicate)
    bad = len(plan.problems)
    if bad and not valid_only:
        raise UserError(
            t(
                f"有 {bad} 行有错误，没有导入任何党组织。"
                "请改正这些行后重新导入，或选择只导入正确的行。",
                f"{bad} rows have errors, so nothing was imported. Correct them and "
                "import again, or choose to import only the valid rows.",
            )
        )
    created = updated = unchanged = 0
    total = len(plan.writes) or 1
    try:
        # the audit entries at the end: the chain's lock held for the last moment only
        importing = db.write(long_write=LongWrite.IMPORTING)  # other PCs' saves told so
        with importing as s, audit.appended_at_the_end(s):
            acc = access.of(db, s)
            ids = {name_key(n): i for i, n in s.execute(select(Organization.id, Organization.name))}
            if any(ids.get(key) != o.id for key, o in preview.stored.items()):
                raise _stale()
            new: dict[str, Organization] = {}  # by name key, flushed at the end
            for done, w in enumerate(plan.writes, start=1):
                if stop():
                    raise _cancelled_error()
                report(
                    5 + 90 * done // total,
                    t(f"正在写入第 {done}/{total} 个…", f"Writing {done} of {total}…"),
                )
                values = dict(w.values)
                parent = new.get(w.parent_key) if w.parent_key else None
                if parent is None:
                    values["parent_id"] = ids.get(w.parent_key) if w.parent_key else None
                    if w.parent_key and values["parent_id"] is None:
                        raise _stale()
                if w.existing_id is None:
                    if w.key in ids:
                        raise _stale()
                    check_registry(acc, values["town"])  # as checked in the preview
                    org = Organization(**values)
                    if parent is not None:
                        org.parent = parent  # its id comes with the flush
                    s.add(org)
                    new[w.key] = org
                    continue
                found = s.get(Organization, w.existing_id)
                if found is None:
                    raise _stale()
                org = found
                if org.version != preview.stored[w.key].version:
                    raise _stale()  # changed meanwhile: the preview merged older values
                acc.check_org_writable(org.id)
                if parent is not None:
                    s.flush()  # the new parent's id
                    values["parent_id"] = parent.id
                if all(getattr(org, k) == v for k, v in values.items()):
                    unchanged += 1
                    continue
                update_audited(s, org, values, _updated_summary(org))
                updated += 1
            audit.created_all(
                s,
                [
                    (org, t(f"导入新增党组织 {org.name}", f"Imported organization {org.name}"))
                    for org in new.values()
                ],
            )
            created = len(new)
            result = OrgImportResult(
                created=created,
                updated=updated,
                unchanged=unchanged,
                skipped=plan.skipped,
                bad=bad,
            )
            audit.imported(
                s,
                Organization.__tablename__,
                ("党组织", "organizations"),
                (preview.path.name, preview.sheet, len(preview.rows)),
                result,
                on_duplicate=on_duplicate,
                facts={"created": result.created},
            )
            if stop():
                raise _cancelled_error()
            report(99, t("正在保存…", "Saving…"))
    except (IntegrityError, StaleEditError) as exc:  # changed since the file was read
        raise _stale() from exc
    report(100, t("导入完成。", "Import finished."))
    return result


def _updated_summary(org: Organization) -> Callable[[], str]:
    return lambda: t(f"导入时修改党组织 {org.name}", f"Updated organization {org.name} on import")
