"""Which path decided, wherever a person looks: the manager's log and its CSV, the X and Z shift
reports, HQ's page (docs/online-authorisation.md). One online and one offline sale at a real
terminal against a real HQ (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sync_server.hq_page import render
from terminal_app.core.logview import LogFilter
from terminal_app.core.service import TerminalService
from terminal_app.printing.export import log_csv
from terminal_app.printing.report import report_lines
from terminal_app.sync.online import OnlineClient
from tests.server.conftest import RunningServer, enroll_terminal, pg_admin, server  # noqa: F401
from tests.server.online_kit import new_member


def test_the_log_the_csv_the_shift_reports_and_hq_say_which_path_decided(
    server: RunningServer,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    member = new_member(server, tmp_path, 10_000)
    till = enroll_terminal(server, tmp_path / "till", "M-AUTO")
    online = OnlineClient(till.store)
    online_service, offline_service = TerminalService(till.store, online=online), TerminalService(till.store)
    scan = online_service.scan(member.next_code())
    first = online_service.commit_purchase(scan.token, 20_000, 1_000)
    scan = offline_service.scan(member.next_code())
    second = offline_service.commit_purchase(scan.token, 10_000)
    assert (first.decided_by, second.decided_by) == ("online", "offline")

    rows = {r["seq"]: r for r in online_service.log(LogFilter(limit=10))}
    assert rows[first.seq]["decided_by"] == "online" and rows[first.seq]["auth_id"] == first.auth_id
    assert rows[second.seq]["decided_by"] == "offline"
    for lang, online_word, offline_word in (
        ("zh_CN", "总部在线", "本机离线"),
        ("en", "online (HQ)", "offline (this terminal)"),
    ):
        table = list(csv.reader(io.StringIO(log_csv(rows.values(), lang).decode("utf-8-sig"))))
        header = table[0]
        column = header.index("决定方式" if lang == "zh_CN" else "Decided by")
        by_seq = {int(line[0]): line for line in table[1:]}
        assert by_seq[first.seq][column] == online_word and by_seq[second.seq][column] == offline_word
        assert by_seq[first.seq][header.index("auth_id")] == first.auth_id
        assert by_seq[first.seq][header.index("decided_by")] == "online"

    x = online_service.x_report("王经理")
    assert x.totals["counts"]["decided:online"] == 1 and x.totals["counts"]["decided:offline"] == 1
    assert any("总部在线" in line.text for line in report_lines(x, "zh_CN"))
    online_service.close_shift("王经理")
    [z] = online_service.z_reports()
    assert (z.totals["counts"]["decided:online"], z.totals["counts"]["decided:offline"]) == (1, 1)

    assert till.client.sync_once().ok
    page = render(server.hq)
    assert "Records by the path that decided them" in page and first.auth_id in page
    online.close()
    till.client.close()
    till.store.close()
