"""The member wallet window speaks the UI language (Chinese by default) and follows a switch."""

from __future__ import annotations

import re
import time

from alliance_protocol.member_code import Tier
from member_wallet.wallet import Wallet, issue_from_local_issuer
from member_wallet.window import WalletWindow
from sync_server.hq_keys import KeyRing
from terminal_app.ui import i18n


def test_wallet_window_in_chinese_and_english(qtbot, tmp_path):
    ring = KeyRing.create(tmp_path / "keys", int(time.time()) - 60)
    wallet = Wallet(tmp_path / "wallet")
    issue_from_local_issuer(wallet, ring.directory, member_id=10002, tier=Tier.GOLD, allowance=20_000)
    try:
        i18n.set_language("zh_CN")
        w = WalletWindow(wallet, refresh_s=30, qr_size=200)
        qtbot.addWidget(w)
        assert w.header.text() == "金卡 · 会员号 10002"
        assert w.windowTitle() == "会员码 — 会员 10002"
        assert re.fullmatch(r"\d+ 秒后刷新 · 计数 \d+", w.countdown.text())
        assert not re.search(r"[A-Za-z]{2,}", w.header.text() + w.countdown.text() + w.windowTitle())
        i18n.set_language("en")
        assert w.header.text() == "Gold member 10002"
        assert w.countdown.text().startswith("Refreshes in")
    finally:
        i18n.set_language("en")
