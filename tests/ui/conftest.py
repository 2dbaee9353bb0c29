"""Fixtures for the counter app: a real enrolled store (test alliance, coupons, gifts, balances)
and the real main window, offscreen, without camera or sound."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from alliance_protocol.rules import AllianceRules
from alliance_protocol.testkit import TestAlliance
from terminal_app.store import open_store
from terminal_app.ui import i18n
from terminal_app.ui.app import MainWindow
from tests.terminal.conftest import bundle_bytes

MEMBER = 10001
BALANCE = 5_000


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The build step (.ts -> .qm) runs before the UI tests, as `make test` on a fresh clone needs."""
    i18n.ensure_compiled()


@pytest.fixture
def alliance() -> TestAlliance:
    return TestAlliance(seed="ui", now=int(time.time()))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "term"


@pytest.fixture
def store(home: Path, alliance: TestAlliance):
    s = open_store(home)
    s.set_root_keys([alliance.root_public])
    s.install_bundle(bundle_bytes(alliance, AllianceRules()))
    s.ensure_local_identity("T-UI", "M-UI")
    now_ms = int(time.time() * 1000)
    s.record_server_time(now_ms, now_ms, now_ms)
    s.set_last_sync(time.time())
    s.apply_balances([(MEMBER, BALANCE, "c1", 300)])
    yield s
    s.close()


@pytest.fixture
def member(alliance: TestAlliance):
    return alliance.member(MEMBER, tier=2)


def make_window(qtbot, store, home: Path, language: str = "en", **kw) -> MainWindow:
    from terminal_app.ui.settings import UiSettings

    settings = UiSettings.load(home)
    settings.language = language
    settings.verdict_seconds = 30  # tests dismiss explicitly
    w = MainWindow(store, home, settings=settings, sounds=False, camera=False, **kw)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.vm.service is not None, timeout=5000)
    return w


@pytest.fixture
def window(qtbot, store, home):
    w = make_window(qtbot, store, home)
    yield w
    w.shutdown()
    i18n.set_language("en")
