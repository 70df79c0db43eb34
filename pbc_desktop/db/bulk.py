"""Many rows into one table at once, for the imports.

On SQLite the rows go to the driver's ``executemany`` with each value converted as
SQLAlchemy would convert it (the column type's bind processor). SQLAlchemy's own
per-row work on the parameters (each row's dict to a tuple, the checks beside the
conversion) cost more than SQLite's insert itself: 30,000 members took 1.4 s, of which
SQLite's part was 0.6 s. On other databases the rows go through SQLAlchemy, whose
batched ``INSERT … VALUES`` on PostgreSQL is faster than ``executemany``.

The helper inserts exactly what it is given: a column left out must have no default
computed in Python (it is refused), as SQLAlchemy would otherwise compute it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect

_Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Plan:
    sql: str
    processors: tuple[_Processor, ...]  # each key's, in the order the plan was asked for


def insert_rows(
    connection: Connection,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    *,
    same: Mapping[str, Any] | None = None,
) -> None:
    """Insert ``rows`` into ``table`` in the connection's transaction. Every row has the
    same keys; ``same`` holds the values every row shares (converted once)."""
    if not rows:
        return
    same = same or {}
    own = tuple(rows[0])
    _check_keys(table, frozenset(own + tuple(same)))
    dialect = connection.dialect
    if dialect.name != "sqlite":
        connection.execute(insert(table), [{**row, **same} for row in rows])
        return
    plan = _plan(dialect, table, own + tuple(same))
    shared = [
        value if p is None else p(value)
        for p, value in zip(plan.processors[len(own) :], same.values(), strict=True)
    ]
    values = itemgetter(*own) if len(own) > 1 else lambda row: (row[own[0]],)
    converting = [
        (i, _remembered(p)) for i, p in enumerate(plan.processors[: len(own)]) if p is not None
    ]
    params: list[tuple[Any, ...]] = []
    for row in rows:
        line = list(values(row))
        for i, process in converting:
            line[i] = process(line[i])
        line.extend(shared)
        params.append(tuple(line))
    connection.exec_driver_sql(plan.sql, params)


#: Values remembered for each column of one call (a district's birth dates: some 20,000).
_REMEMBERED_MAX = 50_000


def _remembered(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``process`` remembering what it gave for each value: a column's values repeat
    (dates, categories), and converting a date costs ten times looking it up."""
    seen: dict[tuple[type, Any], Any] = {}

    def convert(value: Any) -> Any:
        key = (value.__class__, value)  # True and 1, "full" and a StrEnum apart
        try:
            return seen[key]
        except KeyError:
            converted = process(value)
            if len(seen) < _REMEMBERED_MAX:
                seen[key] = converted
            return converted
        except TypeError:  # not hashable
            return process(value)

    return convert


@lru_cache(maxsize=64)
def _check_keys(table: Table, keys: frozenset[str]) -> None:
    """Refuse rows leaving out a column with a default SQLAlchemy would compute."""
    left_out = [c.key for c in table.columns if c.key not in keys and c.default is not None]
    if left_out:
        raise ValueError(f"columns with a default left out: {', '.join(left_out)}")


@lru_cache(maxsize=64)
def _plan(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Plan:
    """The statement for ``keys`` (qmark parameters in their order) and their processors."""
    prepare = dialect.identifier_preparer
    columns = ", ".join(prepare.format_column(table.c[key]) for key in keys)
    marks = ", ".join("?" * len(keys))
    sql = f"INSERT INTO {prepare.format_table(table)} ({columns}) VALUES ({marks})"
    processors = tuple(
        table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in keys
    )
    return _Plan(sql, processors)
