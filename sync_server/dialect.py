"""The one place that knows SQLite and PostgreSQL spell "insert, ignore duplicates" differently."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(s: Session, model, conflict_columns: list[str]):
    dialect = s.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(model).on_conflict_do_nothing(index_elements=conflict_columns)


def insert_ignore_returning(s: Session, model, rows: list[dict[str, Any]], conflict_columns: list[str],
                            returning: str) -> list[Any]:
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
    if s.get_bind().dialect.name != "postgresql":
        stmt = insert_ignore(s, model, conflict_columns).returning(table.c[returning])
        return list(s.scalars(stmt, rows).all())
    dialect = s.get_bind().dialect
    columns = [c for c in table.columns if c.name in rows[0]]
    names = ", ".join(c.name for c in columns)
    shape = ", ".join(f"{c.name} {c.type.compile(dialect)}" for c in columns)
    stmt = text(f"INSERT INTO {table.name} ({names}) SELECT {names} "
                f"FROM json_to_recordset(CAST(:rows AS json)) AS r({shape}) "
                f"ON CONFLICT ({', '.join(conflict_columns)}) DO NOTHING RETURNING {returning}")
    payload = json.dumps([{c.name: row[c.name] for c in columns} for row in rows], ensure_ascii=False)
    return list(s.scalars(stmt, {"rows": payload}).all())
