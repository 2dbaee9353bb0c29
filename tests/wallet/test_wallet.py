"""The simulated phone: local issuer registration, persisted counter, codes that verify, the window."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

from alliance_protocol import backup_code
from alliance_protocol import trust_bundle as tb
from alliance_protocol.member_code import Tier, parse
from alliance_protocol.verifier import MemoryReplayGuard, OfflineVerifier, SystemClock
from member_wallet import cli
from member_wallet.wallet import Wallet, WalletError, issue_from_local_issuer
from sync_server.hq_keys import KeyRing
from terminal_app.qr import get_decoder


@pytest.fixture
def ring(tmp_path: Path) -> KeyRing:
    return KeyRing.create(tmp_path / "keys", now=int(time.time()) - 60)


def terminal_verifier(ring: KeyRing) -> OfflineVerifier:
    envelope = ring.sign_bundle({"alliance_id": "a", "sequence": 1, "issued_at": int(time.time()),
                                 "deny": {}, "keys": []})
    bundle = tb.load_bundle(envelope, [ring.root_public])
    return OfflineVerifier(bundle, SystemClock(confirmed_at=time.time()), MemoryReplayGuard())


def test_registered_wallet_codes_verify_and_counters_increase(tmp_path: Path, ring: KeyRing) -> None:
    wallet = Wallet(tmp_path / "w")
    cert = issue_from_local_issuer(wallet, ring.directory, member_id=10001, tier=Tier.GOLD, allowance=7_000)
    assert (cert.member_id, cert.tier, cert.allowance) == (10001, Tier.GOLD, 7_000)
    verifier = terminal_verifier(ring)
    first, second = wallet.next_code(), wallet.next_code()
    assert parse(second).counter == parse(first).counter + 1
    assert verifier.verify(first).ok and verifier.verify(second).ok
    assert (tmp_path / "w" / "device.key").stat().st_mode & 0o777 == 0o600


def test_counter_survives_a_restart(tmp_path: Path, ring: KeyRing) -> None:
    wallet = Wallet(tmp_path / "w")
    issue_from_local_issuer(wallet, ring.directory, member_id=1, tier=Tier.SILVER, allowance=1)
    for _ in range(3):
        wallet.next_code()
    reopened = Wallet(tmp_path / "w")
    assert parse(reopened.next_code()).counter == 4


def test_a_certificate_for_another_device_is_refused(tmp_path: Path, ring: KeyRing) -> None:
    a, b = Wallet(tmp_path / "a"), Wallet(tmp_path / "b")
    cert = issue_from_local_issuer(a, ring.directory, member_id=1, tier=Tier.SILVER, allowance=1)
    with pytest.raises(WalletError):
        b.install_certificate(cert.to_bytes())


def test_cli_code_before_registration_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--home", str(tmp_path / "w"), "code"]) == 2
    assert "register" in capsys.readouterr().err


def test_cli_register_then_code(tmp_path: Path, ring: KeyRing, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "w")
    assert cli.main(["--home", home, "register", "--local-issuer", str(ring.directory),
                     "--member-id", "42", "--tier", "diamond"]) == 0
    capsys.readouterr()
    assert cli.main(["--home", home, "code"]) == 0
    code = capsys.readouterr().out.strip()
    verdict = terminal_verifier(ring).verify(code)
    assert verdict.ok and verdict.member_id == 42 and verdict.tier == Tier.DIAMOND


def open_window(qtbot, tmp_path: Path, ring: KeyRing, member_id: int, refresh_s: int, qr_size: int):
    """A locally issued wallet (no member login) and its window, shown."""
    from member_wallet.window import WalletWindow

    wallet = Wallet(tmp_path / "w")
    issue_from_local_issuer(wallet, ring.directory, member_id=member_id, tier=Tier.SILVER, allowance=1)
    window = WalletWindow(wallet, refresh_s=refresh_s, qr_size=qr_size)
    qtbot.addWidget(window)
    window.show()
    return wallet, window


def test_window_shows_a_scannable_code_and_rotates(qtbot, tmp_path: Path, ring: KeyRing) -> None:
    _, window = open_window(qtbot, tmp_path, ring, 77, refresh_s=1, qr_size=360)
    first = window.current_code
    image = window.qr_label.pixmap().toImage()
    image = image.convertToFormat(image.Format.Format_Grayscale8)
    frame = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    decoded = get_decoder().decode(frame[:, : image.width()].copy())
    assert [d.text for d in decoded] == [first]
    assert terminal_verifier(ring).verify(first).ok
    with qtbot.waitSignal(window.code_changed, timeout=3000) as signal:
        pass
    assert signal.args[0] != first
    assert parse(signal.args[0]).counter == parse(first).counter + 1


def test_cli_backup_code_needs_a_member_login(tmp_path: Path, ring: KeyRing,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "w")
    assert cli.main(["--home", home, "register", "--local-issuer", str(ring.directory),
                     "--member-id", "42"]) == 0
    capsys.readouterr()
    assert cli.main(["--home", home, "backup-code"]) != 0
    out = capsys.readouterr()
    assert "no member login" in out.out + out.err
    Wallet(tmp_path / "w").remember_login("s3cret")
    assert cli.main(["--home", home, "backup-code"]) == 0
    answer = json.loads(capsys.readouterr().out)
    key = backup_code.key_from_secret("s3cret")
    assert backup_code.verify(answer["backup_code"], 42, key, int(time.time()))
    assert 1 <= answer["seconds_left"] <= backup_code.STEP_S


def test_window_shows_the_backup_code_only_with_a_member_login(qtbot, tmp_path: Path, ring: KeyRing) -> None:
    wallet, window = open_window(qtbot, tmp_path, ring, 78, refresh_s=30, qr_size=200)
    assert not window.backup.isVisible()
    wallet.remember_login("s3cret")
    qtbot.waitUntil(window.backup.isVisible, timeout=3000)  # next second's tick
    digits = window.backup.text().split("code ")[1].split(" ")[0]
    assert digits.startswith("78") and len(digits) == 2 + backup_code.DIGITS
    assert backup_code.verify(digits, 78, backup_code.key_from_secret("s3cret"), int(time.time()))
