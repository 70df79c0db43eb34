"""What an import reads and would do: the rows as checked, their problems, the counts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pbc_desktop.domain.applicant_rows import RowSteps
from pbc_desktop.domain.development import DevelopmentStage
from pbc_desktop.domain.member_changes import OrganizationMove
from pbc_desktop.domain.member_rules import (
    IMPORT_FIELDS,
    MemberInput,
)
from pbc_desktop.domain.privacy import scrub_quoted, scrub_text
from pbc_desktop.domain.validation import (
    name_key,
)
from pbc_desktop.errors import UserError
from pbc_desktop.lang import language, t

OnDuplicate = Literal["skip", "update"]
ON_DUPLICATE_CHOICES: tuple[OnDuplicate, ...] = ("skip", "update")
#: How a stored member the roster puts in another organization is taken (an update
#: only): as the correction of an entry error unless the user says they moved. A roster
#: sent again mostly puts right what was entered before (the branch typed last time, the
#: organization an office guessed); a member who moved within the district is most often
#: moved with a letter of transfer, or in the member editor, on the day.
DEFAULT_MOVE = OrganizationMove.CORRECTION
#: The fields of :class:`ImportRow` the database's checks set (``checking``), the last
#: ones: a child reading rows does not send them (``row_checks._to_wire``).
PARENT_FIELDS = frozenset({"moves", "transfer_errors", "correction_errors"})
_COLUMN_ORDER = {f.key: i for i, f in enumerate(IMPORT_FIELDS)}
Problem = tuple[str, str]  # (field key, sentence)


class ImportCancelledError(UserError):
    """The user cancelled; nothing was written."""


def _cancelled_error() -> ImportCancelledError:
    return ImportCancelledError(
        t("已取消导入，数据库没有任何改动。", "The import was cancelled; nothing was changed.")
    )


# -- DTOs -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One row of the roster, as read and checked.

    ``member`` is completed (``member_rules.completed``); its ``organization_id`` is
    ``None`` when the organization does not exist yet (``org_missing``). ``given`` names
    the fields whose cells were filled in: an update changes only those. A row with
    ``errors`` of its own can never be imported, so it keeps only what the preview shows
    (``member`` is ``None``). A preview holds tens of thousands of rows: equal texts and
    ``given`` sets are shared between them.
    """

    row: int  # as Excel shows it
    name: str
    member: MemberInput | None
    org_name: str
    given: frozenset[str]
    errors: tuple[Problem, ...] = ()
    org_missing: bool = False
    existing_id: int | None = None  # the stored member with the same ID number
    update_errors: tuple[Problem, ...] = ()  # what updating the stored member would break
    # A person in the 发展党员 pipeline (``domain/applicant_rows.py``), not a member: the
    # stage the row names, the steps of a row without errors, and the stored 发展党员
    # record with the same ID number.
    stage: DevelopmentStage | None = None
    steps: RowSteps | None = None
    record_id: int | None = None
    # The row puts the stored member (``existing_id``) in another organization than the
    # one stored (``services/member_changes/moving``), and what refuses taking it as a
    # transfer within the district, or as the correction of an entry error. Set by the
    # parent (``checking``), never sent by a child reading rows: the last fields.
    moves: bool = False
    transfer_errors: tuple[Problem, ...] = ()
    correction_errors: tuple[Problem, ...] = ()

    @property
    def data(self) -> MemberInput:
        """The member to write; only rows without errors of their own keep it."""
        if self.member is None:
            raise ValueError(f"row {self.row} has errors; only its problems are kept")
        return self.member

    @property
    def stored(self) -> bool:
        """Whether the row's member, or its person's 发展党员 record, is stored."""
        return self.existing_id is not None or self.record_id is not None

    def move_errors(self, move: OrganizationMove) -> tuple[Problem, ...]:
        """What refuses moving the stored member to the row's organization as ``move``."""
        if not self.moves:
            return ()
        if move is OrganizationMove.TRANSFER:
            return self.transfer_errors
        return self.correction_errors

    def problems(
        self,
        *,
        create_orgs: bool,
        on_duplicate: OnDuplicate,
        suggestions: Mapping[str, str] | None = None,
        move: OrganizationMove = DEFAULT_MOVE,
    ) -> tuple[str, ...]:
        """Why the row cannot be imported, in the order of the columns of the form; an
        organization that does not exist names the close one of ``suggestions`` (the
        name key of the file's name → the stored name); a stored member the row puts in
        another organization, updated, is taken as ``move``."""
        if not self.errors and not (
            (self.org_missing and not create_orgs)
            or (
                (self.update_errors or (self.moves and self.move_errors(move)))
                and self.stored
                and on_duplicate == "update"
            )
        ):
            return ()
        found = list(self.errors)
        if self.org_missing and not create_orgs:
            close = suggestions.get(name_key(self.org_name)) if suggestions else None
            found.append(("organization", _unknown_org_message(self.org_name, close)))
        if self.stored and on_duplicate == "update":
            found.extend(e for e in self.update_errors if e not in found)
            found.extend(e for e in self.move_errors(move) if e not in found)
        found.sort(key=lambda p: _COLUMN_ORDER.get(p[0], len(_COLUMN_ORDER)))
        return tuple(message for _key, message in found)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that cannot be imported, for the preview table and the CLI."""

    row: int
    name: str
    messages: tuple[str, ...]

    def __post_init__(self) -> None:
        # A row whose columns slipped puts ID numbers and phones under any heading (姓名
        # too): the bad-rows table, the command line and a copied line show them masked.
        object.__setattr__(self, "name", scrub_text(self.name))
        object.__setattr__(self, "messages", tuple(scrub_quoted(m) for m in self.messages))

    @property
    def reason(self) -> str:
        """The messages in one line; a sentence's own full stop gives way to the separator."""
        return t("；", "; ").join(m.rstrip("。.") for m in self.messages)

    def line(self) -> str:
        """``第12行: 身份证号校验位错误`` (``Row 12: …`` in English)."""
        return t(f"第{self.row}行：{self.reason}", f"Row {self.row}: {self.reason}")


@dataclass(frozen=True)
class ImportPreview:
    """What the file holds and what importing it would do; nothing is written yet."""

    path: Path
    sheet: str
    header_row: int
    columns: tuple[str, ...]  # field keys found, in the order of the file
    ignored_headers: tuple[str, ...]
    rows: tuple[ImportRow, ...]
    create_orgs: bool = False
    missing_orgs: tuple[str, ...] = ()  # organization names not found, first spelling seen
    sheets: tuple[str, ...] = ()  # the visible sheets that look like rosters, ``sheet`` too
    notices: tuple[str, ...] = ()  # sheets not read, columns named twice: one sentence each
    # Organization names of the file not stored → the close stored name (a suggestion only).
    org_suggestions: tuple[tuple[str, str], ...] = ()
    # The mapping the user confirmed (the file's name → the stored name), as applied.
    org_map: tuple[tuple[str, str], ...] = ()
    # Import the rows of people in the 发展党员 pipeline as 发展党员 records too (else
    # they are set aside: not members, and not imported).
    applicants: bool = False
    # How the stored members the roster puts in another organization are taken when
    # they are updated: moved there within the district (转出 and 转入 recorded, dated
    # the import's day) or their organization corrected (``services/member_changes/
    # moving``).
    move: OrganizationMove = DEFAULT_MOVE
    #: the version of each stored member a row updates, as the preview read it: the
    #: writing refuses the import when one changed since (saved in another window)
    read_versions: Mapping[int, int] = field(default_factory=dict, compare=False)

    def with_create_orgs(self, create_orgs: bool) -> ImportPreview:
        """The same rows checked with or without creating the missing organizations."""
        return replace(self, create_orgs=create_orgs)

    def with_applicants(self, applicants: bool) -> ImportPreview:
        """The same rows, importing the applicants, activists and candidates or not."""
        return replace(self, applicants=applicants)

    def with_move(self, move: OrganizationMove) -> ImportPreview:
        """The same rows, the members put in another organization taken as ``move``."""
        return replace(self, move=move)

    def moving(self) -> int:
        """How many rows put a member already stored in another organization (those that
        cannot be moved as ``move`` says among them, as bad rows when updated)."""
        return sum(1 for r in self.rows if r.moves)

    def applicant_rows(self, on_duplicate: OnDuplicate = "skip") -> list[ImportRow]:
        """The good rows of people in the 发展党员 pipeline (imported only with
        ``applicants``)."""
        return [
            r for r in self.rows if r.stage is not None and not self.problems_of(r, on_duplicate)
        ]

    def problems_of(self, row: ImportRow, on_duplicate: OnDuplicate) -> tuple[str, ...]:
        return row.problems(
            create_orgs=self.create_orgs,
            on_duplicate=on_duplicate,
            suggestions=self._suggested,
            move=self.move,
        )

    @cached_property
    def _suggested(self) -> dict[str, str]:
        return {name_key(name): close for name, close in self.org_suggestions}

    def bad_rows(self, on_duplicate: OnDuplicate = "skip") -> list[RowProblem]:
        out = []
        for r in self.rows:
            found = self.problems_of(r, on_duplicate)
            if found:
                out.append(RowProblem(r.row, r.name, found))
        return out

    def good_rows(self, on_duplicate: OnDuplicate = "skip") -> list[ImportRow]:
        """The members' rows that can be imported."""
        return [r for r in self.rows if r.stage is None and not self.problems_of(r, on_duplicate)]

    def counts(self, on_duplicate: OnDuplicate = "skip") -> ImportCounts:
        good = self.good_rows(on_duplicate)
        duplicates = sum(1 for r in good if r.existing_id is not None)
        people = self.applicant_rows(on_duplicate)
        present = sum(1 for r in people if r.record_id is not None)
        return ImportCounts(
            total=len(self.rows),
            new=len(good) - duplicates,
            duplicates=duplicates,
            bad=len(self.rows) - len(good) - len(people),
            applicants=len(people) - present,
            applicants_present=present,
            moves=sum(1 for r in good if r.moves),
        )

    def orgs_to_create(self, on_duplicate: OnDuplicate = "skip") -> list[str]:
        """The missing organizations the good rows need (when ``create_orgs``), those of
        the applicants' rows too when they are imported."""
        if not self.create_orgs:
            return []
        rows = self.good_rows(on_duplicate)
        if self.applicants:
            rows += self.applicant_rows(on_duplicate)
        needed = {name_key(r.org_name) for r in rows if r.org_missing}
        return [n for n in self.missing_orgs if name_key(n) in needed]


@dataclass(frozen=True)
class ImportCounts:
    total: int
    new: int
    duplicates: int  # good rows whose member is already stored
    bad: int
    # good rows of people in the 发展党员 pipeline: not stored yet, and stored already
    applicants: int = 0
    applicants_present: int = 0
    # good rows of members already stored that the file puts in another organization
    # (moved there when they are updated)
    moves: int = 0

    @property
    def people(self) -> int:
        """Good rows of people in the 发展党员 pipeline."""
        return self.applicants + self.applicants_present


@dataclass(frozen=True, kw_only=True)
class ImportTotals:
    """What an import did to the records already stored, and the rows it refused (the
    members' import and the organizations' alike)."""

    updated: int
    unchanged: int  # present and updated from rows that changed nothing
    skipped: int  # present and left alone (on_duplicate="skip")
    bad: int  # rows not imported because of their errors

    def summary_of(self, added: int, what: tuple[str, str, str]) -> str:
        """The sentence, ``added`` new records of ``what`` (Chinese noun, its measure word,
        English plural)."""
        zh, unit, en = what
        return t(
            f"新增{zh} {added} {unit}，更新 {self.updated} {unit}，"
            f"跳过已有{zh} {self.skipped + self.unchanged} {unit}，有错误未导入 {self.bad} 行",
            f"{added} {en} added, {self.updated} updated, "
            f"{self.skipped + self.unchanged} already present skipped, "
            f"{self.bad} rows with errors not imported",
        )


@dataclass(frozen=True, kw_only=True)
class ImportResult(ImportTotals):
    imported: int
    created_orgs: tuple[str, ...] = ()
    # people in the 发展党员 pipeline: entered, updated, present and left alone; and the
    # good rows of such people set aside (not asked to import them)
    applicants_added: int = 0
    applicants_updated: int = 0
    applicants_skipped: int = 0
    applicants_set_aside: int = 0
    # members put in another organization, and how (the preview's ``move``)
    moved: int = 0
    move: OrganizationMove = DEFAULT_MOVE

    def summary(self) -> str:
        text = self.summary_of(self.imported, ("党员", "名", "members"))
        if self.moved:
            text += moved_text(self.moved, self.move)
        if self.applicants_added or self.applicants_updated or self.applicants_skipped:
            text += t(
                f"；发展党员：新增 {self.applicants_added} 名，更新 {self.applicants_updated} 名，"
                f"跳过已有 {self.applicants_skipped} 名",
                f"; development records: {self.applicants_added} added, "
                f"{self.applicants_updated} updated, {self.applicants_skipped} already "
                "present skipped",
            )
        if self.applicants_set_aside:
            text += t(
                f"；另有 {self.applicants_set_aside} 行是入党申请人、积极分子或发展对象，未导入",
                f"; {self.applicants_set_aside} rows of applicants, activists or candidates "
                "not imported",
            )
        if self.created_orgs:
            text += t(
                f"；新建党组织 {len(self.created_orgs)} 个",
                f"; {len(self.created_orgs)} organizations created",
            )
        return text


def moves_notice(count: int, move: OrganizationMove, on_duplicate: OnDuplicate) -> str:
    """What the preview and the CLI say of the ``count`` members already stored that the
    file puts in another organization: how they will be taken, or that they are skipped."""
    if on_duplicate != "update":
        return t(
            f"{count} 名已有党员在文件中属于另一个党组织；跳过已有党员时不作调整",
            f"{count} members already present are in another organization in the file; "
            "skipped, they stay where they are",
        )
    if move is OrganizationMove.TRANSFER:
        return t(
            f"{count} 名已有党员将调整到文件中的党组织，按本区内组织关系转接记录"
            "（原党组织转出、新党组织转入，日期为导入当天，计入党内统计）",
            f"{count} members already present will be moved to the organization of the "
            "file as transfers within the district (transferred out of the old one and into "
            "the new one on the day of the import, counted in the party statistics)",
        )
    return t(
        f"{count} 名已有党员将调整到文件中的党组织，按更正录入错误处理"
        "（不记转出、转入，其增减记录一并改为新的党组织）",
        f"{count} members already present will be put in the organization of the file as "
        "corrections of entry errors (no transfer recorded; their changes say the new one)",
    )


def moved_text(count: int, move: OrganizationMove) -> str:
    """The summary's clause on the members an import put in another organization."""
    if move is OrganizationMove.TRANSFER:
        return t(
            f"；更新的党员中 {count} 名调整了所在党组织，记为本区内组织关系转接",
            f"; {count} of the members updated moved to another organization (transfers "
            "within the district)",
        )
    return t(
        f"；更新的党员中 {count} 名更正了所在党组织（录入错误）",
        f"; {count} of the members updated had their organization corrected (entry errors)",
    )


def applicants_offer(count: int) -> str:
    """What the preview and the CLI say of the good rows of people in the pipeline while
    they are not imported."""
    return t(
        f"{count} 行是入党申请人/积极分子/发展对象，可作为发展党员导入",
        f"{count} rows are applicants, activists or candidates; they can be imported as "
        "development records",
    )


# -- messages ---------------------------------------------------------------------------


def _unknown_org_message(name: str, close: str | None = None) -> str:
    # The preview asks again at each change of its options: one sentence per name, not
    # one per row.
    return _unknown_org_text(name, close, language())


@lru_cache(maxsize=2048)
def _unknown_org_text(name: str, close: str | None, _language: str) -> str:
    name = scrub_text(name)  # a slipped column may put a phone under 所在党组织
    if close is not None:
        return t(
            f"所在党组织“{name}”在系统中不存在（相近的党组织是“{close}”，"
            f"若是同一个，请把它对应到“{close}”）",
            f"The Party organization “{name}” does not exist (the close one is “{close}”; "
            f"if it is the same, map it to “{close}”)",
        )
    return t(
        f"所在党组织“{name}”在系统中不存在",
        f"The Party organization “{name}” does not exist",
    )
