"""The one place that knows SQLite and PostgreSQL spell "insert, ignore duplicates" differently."""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(s: Session, model, conflict_columns: list[str]):
    dialect = s.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(model).on_conflict_do_nothing(index_elements=conflict_columns)
