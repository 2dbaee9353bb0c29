"""The terminal store: real SQLite files, migrations, pragmas, trust bundle, clock, replay guard."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from alliance_protocol.reasons import Reason
from alliance_protocol.testkit import T0, TestAlliance
from alliance_protocol.trust_bundle import BundleError
from alliance_protocol.verifier import FixedClock, OfflineVerifier, VerifierSettings
from terminal_app.store import open_store


@pytest.fixture
def alliance() -> TestAlliance:
    return TestAlliance(seed="store")


@pytest.fixture
def store(tmp_path: Path, alliance: TestAlliance):
    s = open_store(tmp_path / "term")
    s.set_root_keys([alliance.root_public])
    yield s
    s.close()


def test_pragmas_are_in_effect(store) -> None:
    with store.writer.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_write_transactions_take_the_lock_at_begin(store) -> None:
    """BEGIN IMMEDIATE: the write lock is held from the start, before any write statement."""
    other = sqlite3.connect(store.path, timeout=0, isolation_level=None)
    with store.writer.begin() as conn:
        conn.execute(text("SELECT 1"))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_migrations_create_the_schema_and_reopening_is_idempotent(tmp_path: Path) -> None:
    open_store(tmp_path / "t").close()
    store = open_store(tmp_path / "t")
    with store.reader.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"state", "trust_bundles", "seen_codes", "alembic_version"} <= tables


def test_bundle_install_refuses_forgeries_and_rollbacks_and_keeps_the_old(store, alliance) -> None:
    store.install_bundle(alliance.bundle_bytes(sequence=2))
    forger = TestAlliance(seed="forger")
    with pytest.raises(BundleError):
        store.install_bundle(forger.bundle_bytes(sequence=3))
    with pytest.raises(BundleError):
        store.install_bundle(alliance.bundle_bytes(sequence=1))
    with pytest.raises(BundleError):  # same sequence, other content
        store.install_bundle(alliance.bundle_bytes(sequence=2, max_age_s=1))
    assert store.current_bundle().sequence == 2
    store.install_bundle(alliance.bundle_bytes(sequence=2))  # the same bundle again: fine
    assert store.install_bundle(alliance.bundle_bytes(sequence=3)).sequence == 3
    assert store.current_bundle().sequence == 3


def test_a_bundle_edited_on_disk_is_not_trusted(tmp_path: Path, store, alliance) -> None:
    store.install_bundle(alliance.bundle_bytes(sequence=1))
    store.install_bundle(alliance.bundle_bytes(sequence=2))
    store.close()
    raw = sqlite3.connect(tmp_path / "term" / "terminal.sqlite3")
    env = raw.execute("SELECT envelope FROM trust_bundles WHERE sequence=2").fetchone()[0]
    raw.execute("UPDATE trust_bundles SET envelope=? WHERE sequence=2",
                (env.replace(b'"max_age_s":604800', b'"max_age_s":999999999'),))
    raw.commit()
    raw.close()
    reopened = open_store(tmp_path / "term")
    assert reopened.current_bundle().sequence == 1


def test_no_root_key_no_bundle(tmp_path: Path, alliance) -> None:
    with pytest.raises(BundleError):
        open_store(tmp_path / "x").install_bundle(alliance.bundle_bytes())


def test_clock_offset_is_learned_from_the_server(store) -> None:
    assert store.clock().confirmed_age() is None
    import time

    sent = int(time.time() * 1000)
    offset = store.record_server_time(server_time_ms=sent + 5_250, sent_ms=sent, received_ms=sent + 100)
    assert offset == pytest.approx(5.2)
    clock = store.clock()
    assert clock.offset_s == pytest.approx(5.2)
    assert clock.confirmed_age() is not None and clock.confirmed_age() < 60


def test_a_server_time_that_tells_nothing_new_is_not_written(store) -> None:
    """Every answer from HQ carries its time: the clock is written (a durable commit) only when the
    offset moves by more than CLOCK_REWRITE_MS or the confirmation is CLOCK_RECONFIRM_S old."""
    from sqlalchemy import event

    from terminal_app.store.store import CLOCK_RECONFIRM_S, CLOCK_REWRITE_MS

    commits: list[object] = []
    event.listen(store.writer, "commit", lambda *_: commits.append(1))
    t = 1_800_000_000_000
    assert store.record_server_time(t + 5_000, t, t) == pytest.approx(5.0)
    assert len(commits) == 1
    # Within the tolerance and soon after: nothing written, the stored offset kept.
    assert store.record_server_time(t + 1_000 + 5_400, t + 1_000, t + 1_000) == pytest.approx(5.0)
    assert len(commits) == 1 and store.clock().offset_s == pytest.approx(5.0)
    # The offset moved by more than the tolerance: written at once.
    moved = 5_000 + CLOCK_REWRITE_MS + 1
    assert store.record_server_time(t + 2_000 + moved, t + 2_000, t + 2_000) == pytest.approx(moved / 1000)
    assert len(commits) == 2 and store.clock().offset_s == pytest.approx(moved / 1000)
    # The same offset, but the confirmation has aged: written again (confirmed_at moves on).
    later = t + CLOCK_RECONFIRM_S * 1000 + 3_000
    store.record_server_time(later + moved, later, later)
    assert len(commits) == 3
    assert store.clock().confirmed_at == pytest.approx((later + moved) / 1000)


def test_replays_are_remembered_across_a_restart(tmp_path: Path, store, alliance) -> None:
    from terminal_app.core.service import TerminalService

    store.install_bundle(alliance.bundle_bytes())
    store.ensure_local_identity("T-1", "M-1")
    store.set_last_sync(T0)
    code = alliance.member(1).code(T0)
    service = TerminalService(store, clock=FixedClock(T0))
    assert service.commit_purchase(service.scan(code).token, 10_000).ok
    store.close()
    reopened = open_store(tmp_path / "term")
    verdict = OfflineVerifier(reopened.current_bundle(), FixedClock(T0), reopened.replay_check()).verify(code)
    assert verdict.reason is Reason.CODE_REPLAYED
    assert TerminalService(reopened, clock=FixedClock(T0)).scan(code).reason is Reason.CODE_REPLAYED
    reopened.close()


def test_replay_guard_prunes_only_pairs_older_than_the_window(store) -> None:
    from terminal_app.store.replay import retention_s

    retention = retention_s(VerifierSettings())
    with store.write() as tx:
        assert tx.replay.consume(1, 1, code_time=T0 - 10_000, now=T0, retention=retention)
        assert tx.replay.consume(1, 2, code_time=T0, now=T0, retention=retention)
        assert not tx.replay.consume(1, 2, code_time=T0, now=T0, retention=retention)
        assert tx.replay.prune(now=T0, retention=retention) == 1
    assert store.replay_check().seen(1, 2) and not store.replay_check().seen(1, 1)


def test_replay_guard_prunes_on_the_server_corrected_clock(tmp_path: Path, monkeypatch) -> None:
    """The host clock runs an hour fast (the server told us: offset -1 h). A code used ten seconds ago
    on the corrected clock is still inside its window and must stay remembered; on the host clock it
    would look an hour old and be pruned, and the same code would be accepted again. Through the real
    path: a service on the store's own (corrected) clock prunes when its commit consumes a pair."""
    import time

    from alliance_protocol.rules import AllianceRules
    from terminal_app.core.service import TerminalService
    from terminal_app.store import replay
    from tests.terminal.conftest import bundle_bytes

    host_now = int(time.time() * 1000)
    corrected = (host_now - 3_600_000) / 1000
    alliance = TestAlliance(seed="store-clock", now=int(corrected))
    store = open_store(tmp_path / "fast")
    store.set_root_keys([alliance.root_public])
    store.install_bundle(bundle_bytes(alliance, AllianceRules()))
    store.ensure_local_identity("T-FAST", "M-FAST")
    store.record_server_time(host_now - 3_600_000, host_now, host_now)
    store.set_last_sync(corrected)
    retention = replay.retention_s(VerifierSettings())
    with store.write() as tx:
        tx.replay.consume(7, 1, int(corrected) - 10, now=corrected, retention=retention)
        tx.replay.consume(7, 2, int(corrected) - retention - 10, now=corrected, retention=retention)
    monkeypatch.setattr(replay, "PRUNE_EVERY", 3)  # the commit below consumes rowid 3
    service = TerminalService(store)  # no clock given: the store's server-corrected clock
    scan = service.scan(alliance.member(8).code(int(service.clock().now())))
    assert scan.ok, scan
    assert service.commit_purchase(scan.token, 10_000).ok
    assert store.replay_check().seen(7, 1) and not store.replay_check().seen(7, 2)
    store.close()


def test_terminal_key_is_private_to_its_owner(store) -> None:
    identity = store.ensure_local_identity("T-1", "M-1")
    assert identity.terminal_id == "T-1"
    assert store.key_path.stat().st_mode & 0o777 == 0o600
    assert store.ensure_local_identity("T-2", "M-2").terminal_id == "T-1"
