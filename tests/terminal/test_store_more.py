"""Store: migration of an existing 0001 database, concurrent writers, balances for the sync client."""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.orm import Session

from alliance_protocol.testkit import T0
from alliance_protocol.verifier import FixedClock
from terminal_app.core.journal import verify_journal
from terminal_app.core.service import TerminalService
from terminal_app.store import open_store
from terminal_app.store.engine import writer_engine
from terminal_app.store.store import DB_NAME, MIGRATIONS


def test_a_0001_database_is_upgraded_in_place_and_keeps_its_data(tmp_path: Path, alliance) -> None:
    home = tmp_path / "old"
    home.mkdir()
    engine = writer_engine(home / DB_NAME)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO seen_codes (serial, counter, code_time) VALUES (5, 6, ?)", (T0,))
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "journal" not in tables
    engine.dispose()
    store = open_store(home)
    assert store.replay_check().seen(5, 6)
    with store.reader.connect() as conn:
        head = ScriptDirectory.from_config(cfg).get_current_head()  # (every migration ran)
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head
        assert conn.exec_driver_sql("SELECT count(*) FROM journal").scalar() == 0


def test_two_writers_on_one_store_never_share_a_sequence_number(store, alliance) -> None:
    other = open_store(store.home)  # a second process would open it the same way
    services = [TerminalService(store, clock=FixedClock(T0)), TerminalService(other, clock=FixedClock(T0))]
    errors: list[BaseException] = []

    def run(svc: TerminalService, base: int) -> None:
        try:
            for i in range(40):
                m = alliance.member(base + i, tier=0)
                scan = svc.scan(m.code(T0))
                assert svc.commit_earn(scan.token, 10_000).ok
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(svc, 1000 * (k + 1))) for k, svc in enumerate(services)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Session(store.reader) as s:
        report = verify_journal(s, store.terminal_key().public_key())
    assert report.ok and report.records == 80
    other.close()


def test_balances_pushed_by_the_server(store) -> None:
    assert store.apply_balances([(1, 900, "cur-1", 100), (2, 50, "cur-1", 0, 7)]) == 2
    row = store.cached_balance(2)
    assert (row.balance, row.expiring_soon, row.birthday_month, row.as_of_cursor) == (50, 0, 7, "cur-1")
    store.apply_balances([(1, 800, "cur-2", 0)])
    assert store.cached_balance(1).balance == 800 and store.cached_balance(3) is None
