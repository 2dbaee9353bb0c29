"""The HQ page at /hq over real HTTP, on SQLite and PostgreSQL: login, content, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from sqlalchemy import delete

from sync_server.db.models import HQLogin, Terminal
from sync_server.reconcile import reconcile

from .conftest import RunningServer, enroll_terminal
from .test_books import seal_and_post


def test_hq_page_is_closed_until_a_password_is_set(server: RunningServer) -> None:
    assert server.hq.settings.hq_password == ""
    r = httpx.get(server.url + "/hq", timeout=10)
    assert r.status_code == 403
    body = r.json()
    assert body["reason"] == "HQ_LOGIN_REQUIRED" and "SYNC_SERVER_HQ_PASSWORD" in body["detail"]
    assert body["message_zh"] and body["message_en"]
    assert httpx.get(server.url + "/hq", auth=("hq", ""), timeout=10).status_code == 403


def test_hq_page_login_terminals_anomalies_and_escaping(server: RunningServer, tmp_path: Path) -> None:
    hq = server.hq
    hostile = "<script>alert('x')</script>"
    hq.create_merchant("M-PAGE", f"页面 {hostile}")
    till = enroll_terminal(server, tmp_path / "t", "M-PAGE")
    with hq.session() as s, s.begin():
        s.get(Terminal, till.terminal_id).label = hostile
    seal_and_post(server, till, [1, 2, 5], queued=7, clock_offset_ms=-1_234)  # a gap: an open anomaly
    reconcile(hq, tiers=False)
    hq.settings.hq_password = "s3cret"
    try:
        missing = httpx.get(server.url + "/hq", timeout=10)
        assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Basic")
        assert missing.json()["reason"] == "HQ_LOGIN_REQUIRED"
        wrong = httpx.get(server.url + "/hq", auth=("hq", "guess"), timeout=10)
        assert wrong.status_code == 401 and "www-authenticate" in wrong.headers
        assert httpx.get(server.url + "/hq", auth=("other", "s3cret"), timeout=10).status_code == 401
        garbage = httpx.get(server.url + "/hq", headers={"Authorization": "Basic !!!"}, timeout=10)
        assert garbage.status_code == 401

        r = httpx.get(server.url + "/hq", auth=("hq", "s3cret"), timeout=10)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        page = r.text
        with hq.session() as s:
            t = s.get(Terminal, till.terminal_id)
        row = re.search(rf"<tr><td>{re.escape(till.terminal_id)}</td>.*?</tr>", page)
        assert row, "the terminal has a row"
        cells = re.findall(r"<td>(.*?)</td>", row.group(0))
        assert cells[1] == "M-PAGE" and cells[3] == "active"
        assert (t.reported_queue, t.clock_offset_ms) == (7, 1_234)
        assert cells[5] == "7" and cells[6] == "1234"
        assert cells[4].endswith("UTC")
        # The open gap case with its time left (48 h window).
        gap = re.search(rf"<tr><td>\d+</td><td>journal_gap</td><td></td>"
                        rf"<td>{re.escape(till.terminal_id)}</td>.*?</tr>", page)
        assert gap, "the open anomaly has a row"
        assert re.search(r"<td>4[78] h \d+ min left</td>", gap.group(0))
        # A recent batch of this terminal.
        assert re.search(rf"<tr><td>\d+</td><td>{re.escape(till.terminal_id)}</td>",
                         page.split("Recent batches")[1])
        # Everything escaped.
        assert hostile not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    finally:
        hq.settings.hq_password = ""
        till.client.close()
        till.store.close()


def test_time_left_wording() -> None:
    from sync_server.hq_page import time_left

    assert time_left(48 * 3600) == "48 h 0 min left"
    assert time_left(3 * 3600 + 59 * 60 + 59) == "3 h 59 min left"
    assert time_left(-90 * 60) == "overdue by 1 h 30 min"


def test_a_merchant_login_sees_only_its_own_terminals_and_cases(server: RunningServer,
                                                                 tmp_path: Path) -> None:
    from sync_server.hq import HQError
    from sync_server.hq_logins import add_merchant_login

    hq = server.hq
    hq.create_merchant("M-OWN", "Own shop")
    hq.create_merchant("M-OTHER", "Other shop")
    mine = enroll_terminal(server, tmp_path / "mine", "M-OWN")
    theirs = enroll_terminal(server, tmp_path / "theirs", "M-OTHER")
    seal_and_post(server, mine, [1, 3])
    seal_and_post(server, theirs, [1, 4])
    reconcile(hq, tiers=False)
    add_merchant_login(hq, "own-manager", "M-OWN", "correct horse")
    try:
        wrong = httpx.get(server.url + "/hq", auth=("own-manager", "wrong pass"), timeout=10)
        assert wrong.status_code == 401
        r = httpx.get(server.url + "/hq", auth=("own-manager", "correct horse"), timeout=10)
        assert r.status_code == 200
        assert mine.terminal_id in r.text and theirs.terminal_id not in r.text
        assert re.search(rf"<td>journal_gap</td><td></td><td>{re.escape(mine.terminal_id)}</td>", r.text)
        # HQ's own login (when set) still sees everything.
        hq.settings.hq_password = "s3cret"
        full = httpx.get(server.url + "/hq", auth=("hq", "s3cret"), timeout=10).text
        assert mine.terminal_id in full and theirs.terminal_id in full
        # The merchant login cannot pass as HQ, nor be created for an unknown merchant.
        assert httpx.get(server.url + "/hq", auth=("hq", "correct horse"), timeout=10).status_code == 401
        try:
            add_merchant_login(hq, "x", "M-NOPE", "long enough")
            raise AssertionError("an unknown merchant was accepted")
        except HQError as exc:
            assert exc.reason == "UNKNOWN_MERCHANT"
    finally:
        hq.settings.hq_password = ""
        with hq.session() as s, s.begin():
            s.execute(delete(HQLogin))
        for t in (mine, theirs):
            t.client.close()
            t.store.close()
