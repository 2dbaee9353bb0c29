"""A database that cannot be written: the verdict is NOT_RECORDED (declined), never a false approval.

Disk full is produced with SQLite's own `PRAGMA max_page_count` (the file cannot grow: SQLITE_FULL,
the same error as a full disk); read-only with `PRAGMA query_only` (we run as root in CI, where
file permissions do not stop writes).
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from alliance_protocol.reasons import Reason
from alliance_protocol.testkit import T0
from terminal_app.core.journal import verify_journal
from terminal_app.core.results import Severity
from terminal_app.core.service import TerminalService


def _on_every_writer_connection(store, pragma: str) -> None:
    store.writer.dispose()

    @event.listens_for(store.writer, "connect")
    def _limit(dbapi_connection, _record) -> None:
        dbapi_connection.execute(pragma)


def _journal_count(store) -> int:
    with Session(store.reader) as s:
        report = verify_journal(s, store.terminal_key().public_key())
    assert report.ok, report
    return report.records


def test_disk_full_is_not_recorded_and_never_approved(service: TerminalService, alliance, store) -> None:
    with store.writer.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    _on_every_writer_connection(store, f"PRAGMA max_page_count={pages + 2}")
    approved, not_recorded, recorded_rejections = [], [], []
    for i in range(400):
        m = alliance.member(500 + i, tier=0)
        scan = service.scan(m.code(T0))
        assert scan.ok
        txn = service.commit_purchase(scan.token, 10_000, 100)
        if txn.ok:
            approved.append(txn.seq)
        else:
            assert (txn.reason, txn.severity, txn.seq) == (Reason.NOT_RECORDED, Severity.DECLINED, None)
            assert "full" in txn.detail
            not_recorded.append(i)
            # A small rejection record may still fit in a partly used page, or not: either way the
            # answer must say truthfully whether it was recorded.
            rejected_scan = service.scan("JUNK")
            if rejected_scan.reason is Reason.NOT_RECORDED:
                assert rejected_scan.seq is None
            else:
                assert rejected_scan.reason is Reason.UNKNOWN_FORMAT and rejected_scan.seq is not None
                recorded_rejections.append(rejected_scan.seq)
            break
    assert approved and not_recorded, "the database never filled up"
    # every approval is there, and nothing else but a rejection that said it was recorded
    assert _journal_count(store) == len(approved) + len(recorded_rejections)
    assert store.outbox_count() == len(approved) + len(recorded_rejections)
    # space again: the same scan session can be committed (nothing was consumed)
    _on_every_writer_connection(store, "PRAGMA max_page_count=1073741823")
    m = alliance.member(500 + not_recorded[0], tier=0)
    retry = service.commit_purchase(service.scan(m.code(T0)).token, 10_000, 100)
    assert retry.ok and retry.seq == len(approved) + len(recorded_rejections) + 1
    assert _journal_count(store) == len(approved) + len(recorded_rejections) + 1


def test_read_only_database_is_not_recorded(service: TerminalService, alliance, store) -> None:
    scan = service.scan(alliance.member(600).code(T0))
    _on_every_writer_connection(store, "PRAGMA query_only=ON")
    for action in (lambda: service.commit_purchase(scan.token, 10_000),
                   lambda: service.backup_code("12345678", 5_000),
                   lambda: service.void(1, "Li"),
                   lambda: service.scan("JUNK")):
        result = action()
        assert (result.ok, result.reason, result.severity) == (False, Reason.NOT_RECORDED, Severity.DECLINED)
    assert _journal_count(store) == 0
