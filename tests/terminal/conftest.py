"""Fixtures for the terminal core: a real store in tmp_path, a test alliance, a service on a fixed clock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from alliance_protocol import trust_bundle as tb
from alliance_protocol.rules import AllianceRules
from alliance_protocol.testkit import T0, TestAlliance
from alliance_protocol.verifier import FixedClock
from terminal_app.core.service import TerminalService
from terminal_app.store import open_store

COUPONS = [
    {"id": "C-COFFEE", "name_zh": "免费咖啡", "name_en": "Free coffee", "kind": "single_use"},
    {"id": "C-WASH", "name_zh": "免费洗车", "name_en": "Free car wash", "kind": "quota", "quota": 2},
    {"id": "C-VIP", "name_zh": "钻石专享", "name_en": "Diamond lounge", "kind": "single_use", "min_tier": 3},
]
GIFTS = [
    {"id": "G-KEYRING", "name_zh": "钥匙扣", "name_en": "Key ring", "points": 500, "stock": 2},
    {"id": "G-CUP", "name_zh": "杯子", "name_en": "Cup", "points": 2000, "stock": 0},
]


def bundle_bytes(alliance: TestAlliance, rules: AllianceRules | None = None, sequence: int = 1,
                 **extra: Any) -> bytes:
    payload = alliance.payload(sequence=sequence)
    payload["rules"] = (rules or AllianceRules()).to_dict()
    payload["coupons"] = extra.get("coupons", COUPONS)
    payload["gifts"] = extra.get("gifts", GIFTS)
    return tb.sign_bundle(payload, alliance.root)


@pytest.fixture
def alliance() -> TestAlliance:
    return TestAlliance(seed="core")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "term"


@pytest.fixture
def store(home: Path, alliance: TestAlliance):
    s = open_store(home)
    s.set_root_keys([alliance.root_public])
    s.install_bundle(bundle_bytes(alliance))
    s.ensure_local_identity("T-TEST", "M-TEST")
    s.set_last_sync(T0)
    yield s
    s.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


def make_service(store, clock: FixedClock, rules: AllianceRules | None = None,
                 alliance: TestAlliance | None = None, **extra: Any) -> TerminalService:
    if rules is not None or extra:
        seq = store.current_bundle().sequence + 1
        store.install_bundle(bundle_bytes(alliance, rules, sequence=seq, **extra))
    return TerminalService(store, clock=clock)


@pytest.fixture
def service(store, clock) -> TerminalService:
    return make_service(store, clock)
