"""`pos-terminal app --exit-when-ready`: the counter app started as a cashier's PC starts it (its own
process, offscreen), enrolled against a real HQ on loopback, reaches "ready to scan"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sync_server.demo import init_demo
from sync_server.hq import HQ
from sync_server.local import start_local_server
from sync_server.settings import ServerSettings

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hq_url(tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("hq")
    hq = HQ.open(ServerSettings(home=home, database_url=f"sqlite:///{home / 'hq.sqlite3'}"), create_keys=True)
    init_demo(hq)
    local = start_local_server(hq)
    yield hq, local.url
    local.stop()
    hq.engine.dispose()


def pos_terminal(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "terminal_app.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=REPO)


def test_an_enrolled_terminal_reaches_ready_to_scan(hq_url, tmp_path: Path) -> None:
    hq, url = hq_url
    _terminal_id, code = hq.create_terminal("M-CAFE", "ready test")
    home = str(tmp_path / "till")
    enrolled = pos_terminal("--home", home, "enroll", "--server", url, "--code", code)
    assert enrolled.returncode == 0, enrolled.stderr[-2000:]
    done = pos_terminal("--home", home, "app", "--exit-when-ready", "60")
    assert done.returncode == 0, (done.stdout, done.stderr[-3000:])
    ready = json.loads(done.stdout.strip().splitlines()[-1])
    assert ready["ready"] is True
    assert ready["window_title"].startswith("联盟积分收银台")  # zh_CN by default: translated
    assert ready["sounds"] == ["approved.wav", "attention.wav", "declined.wav"]


def test_a_terminal_that_was_never_enrolled_is_not_ready(tmp_path: Path) -> None:
    done = pos_terminal("--home", str(tmp_path / "blank"), "app", "--exit-when-ready", "8")
    assert done.returncode == 1, (done.stdout, done.stderr[-3000:])
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["ready"] is False and answer["reason"] in ("NO_TERMINAL_IDENTITY", "TIMEOUT")
