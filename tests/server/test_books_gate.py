"""The books gate (sync_server/books_gate.py): while a thread of this process holds the books lock,
deferrable CPU work in the same process (examining a batch) pauses, and resumes when the holder's
transaction ends, committed or rolled back; and the serving process's collector tuning."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sync_server import books_gate
from sync_server.hq import HQ
from sync_server.settings import ServerSettings


@pytest.fixture
def hq(tmp_path: Path):
    hq = HQ.open(
        ServerSettings(home=tmp_path / "home", database_url=f"sqlite:///{tmp_path / 'hq.sqlite3'}"),
        create_keys=True,
    )
    yield hq
    hq.engine.dispose()
    hq.reader.dispose()


def test_deferrable_work_waits_for_the_transaction_that_holds_the_books_lock(
    hq: HQ, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(books_gate, "PAUSE_S", 30.0)  # only the holder's end can let it go on
    events: list[str] = []
    locked = threading.Event()

    def examiner() -> None:
        locked.wait(10)
        books_gate.pause_while_held()
        events.append("examiner went on")

    t = threading.Thread(target=examiner)
    t.start()
    with hq.session() as s, s.begin():
        hq.lock_books(s)
        hq.lock_books(s)  # taken again in the same transaction: still one holder
        assert books_gate.holders() == 1
        locked.set()
        time.sleep(0.2)  # the examiner is waiting meanwhile
        events.append("holder committed")
    t.join(10)
    assert events == ["holder committed", "examiner went on"]
    assert books_gate.holders() == 0


def test_a_rolled_back_transaction_lets_go_too(hq: HQ) -> None:
    with pytest.raises(RuntimeError), hq.session() as s, s.begin():
        hq.lock_books(s)
        assert books_gate.holders() == 1
        raise RuntimeError("the decision failed")
    assert books_gate.holders() == 0
    books_gate.pause_while_held()  # nobody holds it: returns at once (a hang would time the test out)
    with hq.session() as s, s.begin():  # the same session object type again: counted afresh
        hq.lock_books(s)
        assert books_gate.holders() == 1
    assert books_gate.holders() == 0


def test_a_serving_process_freezes_its_start_up_objects_and_collects_young_objects_less_often() -> None:
    script = (
        "import gc, sync_server.api; from sync_server.gc_tuning import tune_for_serving;"
        "default = gc.get_threshold()[0]; tune_for_serving();"
        "print(default, gc.get_threshold()[0], gc.get_freeze_count())"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    default, tuned, frozen = (int(v) for v in out)
    assert default == 700 and tuned >= 10_000
    assert frozen > 50_000  # the app's modules, ORM mappers and schemas: never walked again
