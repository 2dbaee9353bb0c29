"""Migration 0005 on SQLite and PostgreSQL: the change cursor, the bundle in force and the HQ page's
merchant logins leave the settings table for their own homes, and a server upgraded from 0004
carries on where it was (same cursor, the same signed bundle served, the same logins); the
downgrade puts them back."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from alliance_common import migrations
from alliance_protocol import canonical
from sync_server import hq_logins
from sync_server.bundles import BundleIssuer
from sync_server.db.engine import MIGRATIONS, make_engine, migrate
from sync_server.hq import HQ
from sync_server.hq_keys import KeyRing
from sync_server.issuer_keys import IssuerKeys
from sync_server.settings import ServerSettings

from .conftest import create_pg_database, drop_pg_database


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hq.sqlite3'}"
        return
    request.getfixturevalue("pg_admin")
    name, url = create_pg_database()
    try:
        yield url
    finally:
        drop_pg_database(name)


def _settings_rows(engine) -> dict[str, object]:
    with engine.connect() as conn:
        return {k: json.loads(v) for k, v in conn.execute(text("SELECT key, value FROM settings"))}


def test_hq_state_moves_out_of_the_settings_table_and_back(database_url: str, tmp_path: Path) -> None:
    settings = ServerSettings(home=tmp_path / "home", database_url=database_url)
    engine = make_engine(database_url)
    migrate(engine, "0004")
    ring = KeyRing.create(tmp_path / "keys", int(time.time()) - 60)
    issuer = BundleIssuer(settings, engine, IssuerKeys(ring))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('rules', :v)"),
                     {"v": json.dumps({"points_per_yuan": 1})})
    with Session(engine) as s:
        content = issuer.payload(s)
    issued_at = int(time.time()) - 100
    envelope = ring.sign_bundle({**content, "sequence": 7, "issued_at": issued_at}).decode()
    bundle_state = {"digest": hashlib.sha256(canonical.dumps(content)).hexdigest(), "issued_at": issued_at,
                    "sequence": 7, "envelope": envelope}
    salt = "00" * 16
    login = {"merchant_id": "M-OWN", "salt": salt, "hash": hq_logins._hash("correct horse", salt)}
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO merchants (id, name, industry, rank, daily_target_fen, created_at) "
                          "VALUES ('M-OWN', 'Own shop', 'retail', 'basic', 0, 0)"))
        for key, value in (("change_cursor", 41), ("bundle", bundle_state),
                           ("hq_merchant_logins", {"own-manager": login})):
            conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                         {"k": key, "v": json.dumps(value)})

    migrate(engine)
    assert set(_settings_rows(engine)) == {"rules"}  # what operators set stays
    with engine.connect() as conn:
        assert dict(conn.execute(text("SELECT name, value FROM counters")).all()) == {
            "change_cursor": 41, "bundle_sequence": 7}
        row = conn.execute(text("SELECT digest, envelope, issued_at FROM bundle_versions "
                                "WHERE sequence = 7")).one()
        assert tuple(row) == (bundle_state["digest"], envelope, issued_at)
    hq = HQ(settings, engine, KeyRing.load(tmp_path / "keys"))
    assert hq.current_bundle() == (7, envelope.encode())  # the same signed bundle, not a new sequence
    assert hq_logins.authenticate(hq, "own-manager", "correct horse") == (True, "M-OWN")
    assert hq_logins.authenticate(hq, "own-manager", "wrong") == (False, None)
    with hq.session() as s, s.begin():
        assert hq.next_cursor(s, 3) == 42
    with hq.session() as s, s.begin():
        assert hq.next_cursor(s) == 45

    migrations.downgrade(engine, MIGRATIONS, "0004")
    back = _settings_rows(engine)
    assert back["change_cursor"] == 45 and back["bundle"] == bundle_state
    assert back["hq_merchant_logins"] == {"own-manager": login} and back["rules"] == {"points_per_yuan": 1}
    engine.dispose()
