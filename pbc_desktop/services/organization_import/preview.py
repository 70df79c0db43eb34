"""What an organization import reads and would do: the rows, the stored organizations it
was checked against, and for each choice of ``on_duplicate`` the plan (problems, values).

The members import's :class:`RowProblem`, :class:`ImportCounts`, ``OnDuplicate`` and
:class:`ImportCancelledError` serve here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbc_desktop.services.access import Access
from pbc_desktop.services.member_import.preview import (
    ImportCounts,
    ImportTotals,
    OnDuplicate,
    Problem,
    RowProblem,
)


@dataclass(frozen=True, slots=True)
class OrgImportRow:
    """One row as read: the values of the cells filled in (``OrgInput`` fields), the
    parent's name as written, and the problems of its own cells."""

    row: int  # as Excel shows it
    name: str
    values: dict[str, Any]
    parent_name: str | None
    errors: tuple[Problem, ...] = ()

    @property
    def given(self) -> frozenset[str]:
        return frozenset(self.values) | ({"parent"} if self.parent_name else set())


@dataclass(frozen=True, slots=True)
class StoredOrg:
    """An organization already stored, as the preview saw it."""

    id: int
    name: str
    values: dict[str, Any]  # ``OrgInput`` fields but the parent and the version
    parent_id: int | None
    version: int  # ``Record.version`` when read: a change since then refuses the import


@dataclass(frozen=True)
class PlannedOrg:
    """A row to write: its stored values (``clean_input``), and its parent as a name key
    (``None``: no parent) to be found among the stored or the new organizations."""

    row: int
    key: str
    values: dict[str, Any]
    parent_key: str | None
    existing_id: int | None


@dataclass(frozen=True)
class Plan:
    """What importing with one choice of ``on_duplicate`` would do."""

    problems: dict[int, tuple[str, ...]]  # Excel row → messages, for the bad rows
    writes: tuple[PlannedOrg, ...]  # parents before their children
    skipped: int  # rows of stored organizations left alone


@dataclass
class OrgImportPreview:
    """What the file holds and what importing it would do; nothing is written yet."""

    path: Path
    sheet: str
    header_row: int
    columns: tuple[str, ...]  # keys found, in the order of the file
    ignored_headers: tuple[str, ...]
    rows: tuple[OrgImportRow, ...]
    stored: dict[str, StoredOrg]  # by name key
    access: Access
    notices: tuple[str, ...] = ()
    _plans: dict[str, Plan] = field(default_factory=dict, repr=False)

    def plan(self, on_duplicate: OnDuplicate = "skip") -> Plan:
        found = self._plans.get(on_duplicate)
        if found is None:
            from pbc_desktop.services.organization_import.planning import make_plan

            found = self._plans[on_duplicate] = make_plan(self, on_duplicate)
        return found

    def bad_rows(self, on_duplicate: OnDuplicate = "skip") -> list[RowProblem]:
        problems = self.plan(on_duplicate).problems
        return [RowProblem(r.row, r.name, problems[r.row]) for r in self.rows if r.row in problems]

    def counts(self, on_duplicate: OnDuplicate = "skip") -> ImportCounts:
        plan = self.plan(on_duplicate)
        updates = sum(1 for w in plan.writes if w.existing_id is not None)
        return ImportCounts(
            total=len(self.rows),
            new=len(plan.writes) - updates,
            duplicates=updates + plan.skipped,
            bad=len(plan.problems),
        )


@dataclass(frozen=True, kw_only=True)
class OrgImportResult(ImportTotals):
    created: int

    def summary(self) -> str:
        return self.summary_of(self.created, ("党组织", "个", "organizations"))
