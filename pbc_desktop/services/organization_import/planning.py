"""The checks across rows: duplicate names, parents (in the file in any order, or stored),
cycles, the town and level each row ends up with, the editor's rules and the account's
scope. Pure over the preview: nothing is read or written here."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from pbc_desktop.domain import org_columns as oc
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import OrgField, OrgLevel
from pbc_desktop.domain.privacy import scrub_quoted
from pbc_desktop.domain.validation import name_key, text_error
from pbc_desktop.errors import FieldError, PermissionDeniedError
from pbc_desktop.lang import t
from pbc_desktop.services import access, organizations
from pbc_desktop.services.member_import.preview import OnDuplicate, Problem
from pbc_desktop.services.organization_import.preview import (
    OrgImportPreview,
    OrgImportRow,
    Plan,
    PlannedOrg,
    StoredOrg,
)
from pbc_desktop.services.organizations import NAME_MAX, OrgInput

_INPUT_FIELDS = tuple(f.name for f in fields(OrgInput) if f.name not in ("parent_id", "version"))
_ORDER = {c.key: i for i, c in enumerate(oc.COLUMNS)}
_ORDER["parent_id"] = _ORDER["parent"]


class _Node:
    """An organization as it would be after the import: a row written or a stored one."""

    __slots__ = ("level", "parent", "row", "stored", "town")

    def __init__(
        self, row: OrgImportRow | None, stored: StoredOrg | None, parent: str | None
    ) -> None:
        self.row = row
        self.stored = stored
        self.parent = parent  # name key
        self.town: str | None = None
        self.level: OrgLevel | None = None


def make_plan(preview: OrgImportPreview, on_duplicate: OnDuplicate) -> Plan:
    stored = preview.stored
    by_id = {o.id: key for key, o in stored.items()}
    problems: dict[int, list[Problem]] = {r.row: list(r.errors) for r in preview.rows}
    first: dict[str, OrgImportRow] = {}
    for r in preview.rows:
        key = name_key(r.name)
        if not key:
            continue
        seen = first.setdefault(key, r)
        if seen is not r:
            problems[r.row].append(
                ("name", t(f"党组织名称与第{seen.row}行重复", f"The name repeats row {seen.row}"))
            )
    writing = {key: r for key, r in first.items() if key not in stored or on_duplicate == "update"}
    skipped = [r for key, r in first.items() if key not in writing]

    # The tree after the import: stored organizations, with the rows written over them.
    nodes: dict[str, _Node] = {
        key: _Node(None, o, by_id.get(o.parent_id) if o.parent_id else None)
        for key, o in stored.items()
    }
    for key, r in writing.items():
        parent = name_key(r.parent_name) if r.parent_name else None
        old = nodes.get(key)
        if parent is None and old is not None:
            parent = old.parent  # an empty cell keeps the stored parent
        nodes[key] = _Node(r, old.stored if old else None, parent)

    acc = preview.access
    for key, r in writing.items():
        node = nodes[key]
        kept = by_id.get(node.stored.parent_id) if node.stored and node.stored.parent_id else None
        if r.parent_name and node.parent == key:
            problems[r.row].append(
                ("parent", t("上级党组织不能是它自己", "An organization cannot be its own parent"))
            )
            node.parent = None
        elif r.parent_name and (
            node.parent not in nodes
            or (node.parent != kept and not _may_hang_under(acc, nodes[node.parent]))
        ):  # another office's organization reads as one not stored
            problems[r.row].append(("parent", _unknown_parent(r.parent_name)))
            node.parent = None
    for key, r in writing.items():
        cycle = _cycle(nodes, key)
        if cycle:
            names = " → ".join(_name_of(nodes[k]) for k in cycle)
            problems[r.row].append(
                (
                    "parent",
                    t(
                        f"上级党组织形成循环（{names}），请改正其中一行的上级党组织",
                        f"The parents form a cycle ({names}); correct the parent of one row",
                    ),
                )
            )
    for key in writing:
        _place(nodes, key, set(), acc.actor.town)  # a town account's rows: its own town

    values: dict[str, dict[str, Any]] = {}
    for key, r in writing.items():
        node = nodes[key]
        merged = dict(node.stored.values) if node.stored else {}
        merged.update(r.values)
        merged["town"], merged["level"] = node.town, node.level
        data = OrgInput(
            **{k: merged.get(k) for k in _INPUT_FIELDS if k != "name"}, name=r.name or ""
        )
        clean = organizations.clean_input(data)
        own = {k for k, _m in problems[r.row]}
        problems[r.row].extend(
            (e.field, e.message)
            for e in (*_name_errors(clean["name"]), *organizations.input_errors(clean))
            if e.field not in own
        )
        refusal = _scope_refusal(acc, node.stored, clean["town"])
        if refusal:
            problems[r.row].append(("name", refusal))
        values[key] = clean

    # A row whose parent is a row that cannot be imported cannot be imported either.
    changed = True
    while changed:
        changed = False
        for key, r in writing.items():
            above = nodes.get(nodes[key].parent or "")
            if above is None or above.stored is not None:  # a stored parent stays
                continue
            prow = above.row
            if problems[r.row] or prow is None or not problems[prow.row]:
                continue
            problems[r.row].append(
                (
                    "parent",
                    t(
                        f"上级党组织“{prow.name}”（第{prow.row}行）有错误，不能导入",
                        f"The parent “{prow.name}” (row {prow.row}) has errors and is not imported",
                    ),
                )
            )
            changed = True

    writes = [
        PlannedOrg(r.row, key, values[key], nodes[key].parent, _stored_id(nodes[key]))
        for key, r in writing.items()
        if not problems[r.row]
    ]
    return Plan(
        problems={  # what they quote of a slipped column may be an ID number or a phone
            row: tuple(
                scrub_quoted(m) for _k, m in sorted(found, key=lambda p: _ORDER.get(p[0], 99))
            )
            for row, found in problems.items()
            if found
        },
        writes=tuple(_parents_first(writes)),
        skipped=sum(1 for r in skipped if not problems[r.row]),
    )


def _stored_id(node: _Node) -> int | None:
    return node.stored.id if node.stored else None


def _name_of(node: _Node) -> str:
    if node.row is not None:
        return node.row.name
    return node.stored.name if node.stored else "?"


def _may_hang_under(acc: access.Access, parent: _Node) -> bool:
    """An organization goes under a row of the sheet or an own stored organization, never
    under another office's (it would fall into that office's scope)."""
    return parent.stored is None or acc.sees_org(parent.stored.id)


def _unknown_parent(name: str) -> str:
    return t(
        f"上级党组织“{name}”既不在本表中，系统中也没有，请核对名称或先导入它",
        f"The parent “{name}” is neither in this sheet nor stored; check the name or "
        "import it first",
    )


def _name_errors(name: str) -> list[FieldError]:
    if not name:
        return [FieldError("name", t("党组织名称为空", "The organization's name is empty"))]
    if len(name) > NAME_MAX:
        return [
            FieldError(
                "name",
                t(
                    f"党组织名称不能超过 {NAME_MAX} 个字",
                    f"The name may have at most {NAME_MAX} characters",
                ),
            )
        ]
    problem = text_error(name, ("党组织名称", "organization's name"))
    return [FieldError("name", problem)] if problem else []


def _cycle(nodes: dict[str, _Node], start: str) -> list[str]:
    """The names around a cycle through ``start`` (``start`` first and last), or []."""
    path = [start]
    seen = {start}
    current = nodes[start].parent
    while current is not None and current in nodes:
        if current == start:
            return [*path, start]
        if current in seen:
            return []  # a cycle further up, reported on its own rows
        seen.add(current)
        path.append(current)
        current = nodes[current].parent
    return []


def _place(
    nodes: dict[str, _Node], key: str, visiting: set[str], town_of_account: str | None
) -> None:
    """The town and level of ``key``: its cells, else its stored values, else derived
    from its field and its parent (whose own are settled first); an empty town is the
    parent's, else the acting town account's."""
    node = nodes[key]
    if node.level is not None or key in visiting:
        return
    visiting.add(key)
    parent = nodes.get(node.parent) if node.parent else None
    if parent is not None:
        _place(nodes, node.parent or "", visiting, town_of_account)
    stored = node.stored.values if node.stored else {}
    given = node.row.values if node.row else {}
    town = (
        given.get("town")
        or stored.get("town")
        or (parent.town if parent else None)
        or town_of_account
    )
    level = given.get("level") or stored.get("level")
    if level is None:
        org_field = given.get("field") or stored.get("field") or OrgField.OTHER
        level = oc.derived_level(org_field, town, parent.level if parent else None)
    node.town, node.level = town, level


def _scope_refusal(acc: access.Access, stored: StoredOrg | None, town: str | None) -> str | None:
    """Why the account may not add (``stored`` None) or change this organization."""
    if acc.whole or not acc.actor.can(Permission.WRITE):
        return None  # a viewer is refused once, for the whole import
    if stored is None and acc.actor.town is not None and town != acc.actor.town:
        return t(
            f"所属镇街“{town or ''}”不是本账号的“{acc.actor.town}”，镇街账号只能新增本镇街的党组织",
            f"The town “{town or ''}” is not the account's own “{acc.actor.town}”; a town "
            "account adds organizations of its own town only",
        )
    try:
        if stored is None:
            organizations.check_registry(acc, town)
        else:
            acc.check_org_writable(stored.id)
            if acc.actor.town is not None and town != acc.actor.town:
                raise access.not_own()
    except PermissionDeniedError as error:
        return error.message.rstrip("。.")
    return None


def _parents_first(writes: list[PlannedOrg]) -> list[PlannedOrg]:
    """The rows to write, each after the row naming its parent (file order otherwise)."""
    by_key = {w.key: w for w in writes}
    out: list[PlannedOrg] = []
    done: set[str] = set()

    def add(w: PlannedOrg) -> None:
        if w.key in done:
            return
        done.add(w.key)
        parent = by_key.get(w.parent_key or "")
        if parent is not None:
            add(parent)
        out.append(w)

    for w in writes:
        add(w)
    return out
