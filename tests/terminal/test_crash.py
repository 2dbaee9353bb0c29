"""Crash test: transactions killed with SIGKILL at random points, 220 times (tests/terminal/crash_harness.py).

After every kill the harness reopens the store and checks the chain, that every returned verdict
is journaled with the same code and status, and that no code is approved twice; here the whole
journal is verified once more at the end, and the sequence is checked for gaps.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from terminal_app.core.journal import verify_journal
from terminal_app.store import open_store
from terminal_app.store.models import JournalRow, OutboxRow

ROOT = Path(__file__).resolve().parents[2]
KILLS = 220


@pytest.mark.slow
def test_sigkill_at_random_points_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "crash"
    proc = subprocess.run([sys.executable, "-m", "tests.terminal.crash_harness", str(home), str(KILLS), "7"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["problems"] == []
    assert summary["kills"] == KILLS
    assert summary["returned"] > KILLS // 2, summary  # the kills really interrupted running work
    store = open_store(home)
    with Session(store.reader) as s:
        report = verify_journal(s, store.terminal_key().public_key())
        count, top = s.execute(select(func.count(), func.max(JournalRow.seq))).one()
        outbox = s.scalar(select(func.count()).select_from(OutboxRow))
    assert report.ok, report
    assert count == top == summary["records"] == outbox  # no gaps; every record has its outbox entry
    store.close()
