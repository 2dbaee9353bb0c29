"""Migration 0007 on SQLite and PostgreSQL: the unused index of records by (cert_serial, counter)
goes (a code's single use is the claims table's key); the downgrade puts it back, and the
upgrade again leaves the schema as the models describe it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from alliance_common import migrations
from sync_server.db.engine import MIGRATIONS, make_engine, migrate
from sync_server.db.models import Record


def _indexes(engine) -> set[str]:
    return {ix["name"] for ix in inspect(engine).get_indexes("records")}


def test_the_records_code_index_goes_and_comes_back(database_url: str) -> None:
    if database_url.startswith("sqlite:///"):
        Path(database_url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(database_url)
    try:
        migrate(engine)
        models = {ix.name for ix in Record.__table__.indexes}
        assert "ix_records_code" not in _indexes(engine)
        assert models <= _indexes(engine)  # every index the models name is there
        migrations.downgrade(engine, MIGRATIONS, "0006")
        assert "ix_records_code" in _indexes(engine)
        migrate(engine)
        assert "ix_records_code" not in _indexes(engine) and models <= _indexes(engine)
    finally:
        engine.dispose()
