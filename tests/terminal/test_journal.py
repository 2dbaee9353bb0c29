"""The journal: chain + signatures, outbox for the sync client, tamper detection, log/CSV CLI."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

from sqlalchemy.orm import Session

from alliance_protocol.journal_record import check_chain
from alliance_protocol.testkit import T0
from terminal_app import cli
from terminal_app.core.journal import verify_journal


def fill(service, alliance, n: int = 6) -> None:
    for i in range(n):
        m = alliance.member(100 + i, tier=i % 4)
        scan = service.scan(m.code(T0))
        service.commit_purchase(scan.token, 10_000 + i, 500 * (i % 2))
    service.scan("NOT A CODE")


def run_cli(argv: list[str], capsys) -> tuple[int, str]:
    capsys.readouterr()
    rc = cli.main(argv)
    return rc, capsys.readouterr().out


def verify_cli(home, capsys) -> tuple[int, dict]:
    rc, out = run_cli(["--home", str(home), "journal", "verify"], capsys)
    return rc, json.loads(out.strip().splitlines()[-1])


def test_records_chain_and_verify_with_the_shared_checker(service, alliance, store) -> None:
    fill(service, alliance)
    records = store.outbox_pending(100)
    assert [r["body"]["seq"] for r in records] == list(range(1, 8))
    checked = check_chain(records, store.terminal_key().public_key())
    assert checked[-1].seq == 7
    assert all(r["body"]["terminal_id"] == "T-TEST" for r in records)
    with Session(store.reader) as s:
        assert verify_journal(s, store.terminal_key().public_key()).ok


def test_outbox_pages_in_order_and_mark_synced_never_moves_back(service, alliance, store) -> None:
    fill(service, alliance)
    assert store.outbox_count() == 7
    assert [r["body"]["seq"] for r in store.outbox_pending(3)] == [1, 2, 3]
    store.mark_synced(3)
    assert store.outbox_count() == 4 and store.outbox_pending(2)[0]["body"]["seq"] == 4
    store.mark_synced(2)  # stale acknowledgement: ignored
    assert store.outbox_count() == 4 and store.synced_through() == 3
    store.mark_synced(7)
    assert store.outbox_count() == 0 and store.outbox_pending(10) == []
    assert store.last_sync_at() == T0  # set by the fixture; the sync client moves it
    store.set_last_sync(T0 + 5)
    assert store.last_sync_at() == T0 + 5


def _tamper(home, *sql: tuple[str, tuple]) -> None:
    db = sqlite3.connect(home / "terminal.sqlite3")
    for statement, params in sql:
        db.execute(statement, params)
    db.commit()
    db.close()


def test_intact_journal_verifies_on_the_cli(service, alliance, home, capsys) -> None:
    fill(service, alliance)
    rc, report = verify_cli(home, capsys)
    assert (rc, report["ok"], report["records"]) == (0, True, 7)


def test_edited_row_is_detected(service, alliance, home, capsys) -> None:
    fill(service, alliance)
    row = (sqlite3.connect(home / "terminal.sqlite3")
           .execute("SELECT body FROM journal WHERE seq=4").fetchone()[0])
    body = json.loads(row)
    body["points_earned"] += 1000
    _tamper(home, ("UPDATE journal SET body=? WHERE seq=4", (json.dumps(body),)))
    rc, report = verify_cli(home, capsys)
    assert (rc, report["ok"], report["first_broken_seq"], report["problem"]) == (1, False, 4, "hash")


def test_edited_row_with_recomputed_hash_fails_the_signature(service, alliance, home, capsys) -> None:
    from alliance_protocol.journal_record import body_hash

    fill(service, alliance)
    body = json.loads(sqlite3.connect(home / "terminal.sqlite3").execute(
        "SELECT body FROM journal WHERE seq=2").fetchone()[0])
    assert body["points_spent"] == 500
    body["points_spent"] = 0
    _tamper(home, ("UPDATE journal SET body=?, hash=? WHERE seq=2", (json.dumps(body), body_hash(body))))
    rc, report = verify_cli(home, capsys)
    assert (rc, report["first_broken_seq"], report["problem"]) == (1, 2, "signature")


def test_deleted_row_is_detected(service, alliance, home, capsys) -> None:
    fill(service, alliance)
    _tamper(home, ("DELETE FROM outbox WHERE seq=5", ()), ("DELETE FROM journal WHERE seq=5", ()))
    rc, report = verify_cli(home, capsys)
    assert (rc, report["first_broken_seq"], report["problem"]) == (1, 5, "gap")


def test_deleted_last_row_is_detected(service, alliance, home, capsys) -> None:
    fill(service, alliance)
    _tamper(home, ("DELETE FROM outbox WHERE seq=7", ()), ("DELETE FROM journal WHERE seq=7", ()))
    rc, report = verify_cli(home, capsys)
    assert (rc, report["problem"]) == (1, "truncated")


def test_reordered_rows_are_detected(service, alliance, home, capsys) -> None:
    fill(service, alliance)
    _tamper(home, ("PRAGMA foreign_keys=OFF", ()),
            ("UPDATE journal SET seq=-1 WHERE seq=2", ()), ("UPDATE journal SET seq=2 WHERE seq=3", ()),
            ("UPDATE journal SET seq=3 WHERE seq=-1", ()))
    rc, report = verify_cli(home, capsys)
    assert (rc, report["first_broken_seq"], report["problem"]) == (1, 2, "moved")


def test_edited_index_column_is_detected(service, alliance, home, capsys) -> None:
    fill(service, alliance)
    _tamper(home, ("UPDATE journal SET points_spent=0 WHERE seq=2", ()))
    rc, report = verify_cli(home, capsys)
    assert (rc, report["first_broken_seq"], report["problem"]) == (1, 2, "column")


def test_log_cli_filters_and_exports_csv(service, alliance, home, capsys, tmp_path) -> None:
    fill(service, alliance)
    rc, out = run_cli(["--home", str(home), "log", "--status", "rejected"], capsys)
    lines = [json.loads(line) for line in out.strip().splitlines()]
    assert rc == 0 and [r["reason"] for r in lines] == ["UNKNOWN_FORMAT"]
    rc, out = run_cli(["--home", str(home), "log", "--member", "101", "--csv", "-"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rc == 0 and len(rows) == 1 and rows[0]["member_id"] == "101" and rows[0]["points_spent"] == "500"
    target = tmp_path / "all.csv"
    rc, _ = run_cli(["--home", str(home), "log", "--kind", "purchase", "--csv", str(target)], capsys)
    assert rc == 0 and len(list(csv.DictReader(target.open()))) == 6
    rc, out = run_cli(["--home", str(home), "log", "--to", "2000-01-01"], capsys)
    assert out == ""


def test_status_cli_shows_limits_and_queue(service, alliance, home, capsys) -> None:
    fill(service, alliance)
    rc, out = run_cli(["--home", str(home), "status"], capsys)
    status = json.loads(out.strip().splitlines()[-1])
    assert rc == 0 and status["outbox_pending"] == 7 and status["shift"] == 1
    assert status["limits"]["txn_max_points"] == 20_000 and status["rules"]["min_bill_fen"] == 5_000
    assert status["terminal_exposure_points"] == 1_500


def test_csv_export_defuses_spreadsheet_formulas(service) -> None:
    from terminal_app.core.logview import to_csv

    service.backfill(7, 10_000, "=HYPERLINK(\"x\")", T0 - 60, manager="@boss")
    rows = list(csv.DictReader(io.StringIO(to_csv(service.log()))))
    assert rows[0]["receipt_ref"] == "'=HYPERLINK(\"x\")" and rows[0]["manager"] == "'@boss"
    assert rows[0]["points_earned"] == "100"
