"""The one place that knows SQLite and PostgreSQL spell "insert, ignore duplicates" (and "one of
these values") differently, and where a statement is built once per dialect (`Prebuilt`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, any_, bindparam, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from alliance_protocol import canonical


def insert_ignore(s: Session, model, conflict_columns: list[str]):
    return insert_ignore_on(s.get_bind().dialect.name, model, conflict_columns)


def insert_ignore_on(dialect: str, model, conflict_columns: list[str]):
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(model).on_conflict_do_nothing(index_elements=conflict_columns)


def insert_ignore_returning(s: Session, model, rows: list[dict[str, Any]], conflict_columns: list[str],
                            returning: str | tuple[str, ...]) -> list[Any]:
    """Insert many rows, skipping those that conflict on `conflict_columns`; returns `returning` of
    the rows actually inserted.

    PostgreSQL: one `INSERT ... SELECT FROM json_to_recordset(:rows)`, the rows sent as one JSON
    document. The statement text is the same for every batch, so neither SQLAlchemy nor psycopg
    re-parses a 500-row VALUES list with thousands of placeholders per request (that parsing cost
    more than the insert), and the rows are encoded and decoded in C on both sides (arrays would be
    escaped element by element in Python). SQLite: SQLAlchemy's multi-row VALUES."""
    if not rows:
        return []
    table: Table = model.__table__
    names_out = (returning,) if isinstance(returning, str) else returning
    if s.get_bind().dialect.name != "postgresql":
        stmt = insert_ignore(s, model, conflict_columns).returning(*(table.c[n] for n in names_out))
        result = s.execute(stmt, rows)
        if isinstance(returning, str):
            return list(result.scalars().all())
        return [tuple(r) for r in result.all()]
    stmt = _recordset_insert(s, table, tuple(rows[0]), tuple(conflict_columns), names_out)
    payload = canonical.fast_json(rows)  # (json_to_recordset matches the keys by name)
    result = s.execute(stmt, {"rows": payload})
    return list(result.scalars().all()) if isinstance(returning, str) else [tuple(r) for r in result.all()]


_RECORDSET_INSERTS: dict[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], Any] = {}


def _recordset_insert(s: Session, table: Table, keys: tuple[str, ...], conflict: tuple[str, ...],
                      returning: tuple[str, ...]) -> Any:
    """insert_ignore_returning's PostgreSQL statement, built once per shape (table, the rows' keys,
    the conflict and returned columns)."""
    shape_key = (table.name, keys, conflict, returning)
    stmt = _RECORDSET_INSERTS.get(shape_key)
    if stmt is None:
        dialect = s.get_bind().dialect
        columns = [c for c in table.columns if c.name in keys]
        if len(columns) != len(keys):
            raise KeyError(f"not columns of {table.name}: {sorted(set(keys) - {c.name for c in columns})}")
        names = ", ".join(c.name for c in columns)
        shape = ", ".join(f"{c.name} {c.type.compile(dialect)}" for c in columns)
        stmt = text(f"INSERT INTO {table.name} ({names}) SELECT {names} "
                    f"FROM json_to_recordset(CAST(:rows AS json)) AS r({shape}) "
                    f"ON CONFLICT ({', '.join(conflict)}) DO NOTHING RETURNING {', '.join(returning)}")
        _RECORDSET_INSERTS[shape_key] = stmt
    return stmt


def in_values(s: Session, column, values: list[Any]):
    """`column IN (values)`; on PostgreSQL `column = ANY(:array)`, one parameter however many values
    (psycopg would otherwise parse a statement with hundreds of placeholders for every batch)."""
    if s.get_bind().dialect.name != "postgresql":
        return column.in_(values)
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))


def one_of(dialect: str, column, name: str):
    """`in_values` for a statement built once: the values are the parameter `name`, given a list
    at each execution (PostgreSQL: one array; SQLite: an expanding IN)."""
    if dialect != "postgresql":
        return column.in_(bindparam(name, expanding=True))
    return column == any_(bindparam(name, type_=ARRAY(column.type)))


S = TypeVar("S")


class Prebuilt(Generic[S]):
    """A statement of a fixed shape, built once per dialect, its values bound at execution:
    `STMT.of(s)`. Building a statement and deriving its cache key (what SQLAlchemy looks its
    compiled form up by) costs more Python than executing it on a hot path: a statement object
    built once keeps its key. `build(dialect_name)` gives the statement."""

    def __init__(self, build: Callable[[str], S]) -> None:
        self._build = build
        self._built: dict[str, S] = {}

    def of(self, s: Session) -> S:
        dialect = s.get_bind().dialect.name
        stmt = self._built.get(dialect)
        if stmt is None:
            stmt = self._built[dialect] = self._build(dialect)
        return stmt


_ADD_TO: dict[tuple[str, str, tuple[str, ...], str], Any] = {}  # add_to's statements, one per shape


def add_to(s: Session, model, key_columns: list[str], add_column: str, rows: list[dict[str, Any]]) -> None:
    """Upsert rows adding `add_column` to what a row with the same key already holds."""
    if not rows:
        return
    dialect = s.get_bind().dialect.name
    shape_key = (dialect, model.__table__.name, tuple(key_columns), add_column)
    stmt = _ADD_TO.get(shape_key)
    if stmt is None:
        module = postgresql if dialect == "postgresql" else sqlite
        insert = module.insert(model)
        column = model.__table__.c[add_column]
        stmt = _ADD_TO[shape_key] = insert.on_conflict_do_update(
            index_elements=key_columns, set_={add_column: column + insert.excluded[add_column]})
    s.execute(stmt, rows)
