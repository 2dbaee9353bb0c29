"""Wallet state on disk: the device key (0600), the certificate, the counter and the clock offset.

The counter is written (atomically, fsynced) before a code carrying it is returned, so a
restarted wallet never reuses a counter and a terminal never sees a legitimate replay.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alliance_common.cli import app_home
from alliance_protocol import backup_code
from alliance_protocol import member_code as mc
from alliance_protocol.keys import b64, public_raw, read_private_key, unb64, write_private_key

ENV_VAR = "MEMBER_WALLET_HOME"
DEFAULT_REFRESH_S = 20


class WalletError(RuntimeError):
    """The wallet cannot do what was asked (no certificate yet, for example)."""


def wallet_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    return app_home(explicit, ENV_VAR, "alliance-member-wallet")


@dataclass
class WalletState:
    member_id: int | None = None
    certificate: str | None = None  # base64 of the 122 certificate bytes
    counter: int = 0
    clock_offset_s: float = 0.0  # server time minus phone time, learned at registration/refresh
    server_url: str | None = None
    secret: str | None = None  # the member's login, kept to refresh the certificate (demo-grade)
    root_public_keys: list[str] | None = None  # the alliance root key(s) HQ's answers are checked against
    root_anchor: str | None = None  # "configured" (given to register) or "first-use" (from the first answer)


def _write_json_atomic(path: Path, data: dict) -> None:
    """Owner-only (0600: it may hold the member's login), fsynced, then renamed into place."""
    tmp = path.with_suffix(".tmp")
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        json.dump(data, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class Wallet:
    def __init__(self, home: Path) -> None:
        self.home = home
        self._lock = threading.Lock()
        self.state = self._load()

    # --- files
    @property
    def _key_path(self) -> Path:
        return self.home / "device.key"

    @property
    def _state_path(self) -> Path:
        return self.home / "wallet.json"

    def _load(self) -> WalletState:
        if self._state_path.exists():
            return WalletState(**json.loads(self._state_path.read_text(encoding="utf-8")))
        return WalletState()

    def _save(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        _write_json_atomic(self._state_path, self.state.__dict__)

    def device_key(self) -> Ed25519PrivateKey:
        if not self._key_path.exists():
            write_private_key(self._key_path, Ed25519PrivateKey.generate())
        return read_private_key(self._key_path)

    def device_public(self) -> bytes:
        return public_raw(self.device_key())

    # --- certificate
    def install_certificate(self, cert_bytes: bytes, *, server_time: float | None = None,
                            server_url: str | None = None) -> mc.Certificate:
        cert = mc.Certificate.from_bytes(cert_bytes)
        if cert.device_public != self.device_public():
            raise WalletError("certificate is for another device key")
        self.state.member_id = cert.member_id
        self.state.certificate = b64(cert_bytes)
        if server_time is not None:
            self.state.clock_offset_s = server_time - time.time()
        if server_url:
            self.state.server_url = server_url
        self._save()
        return cert

    def certificate(self) -> mc.Certificate:
        if not self.state.certificate:
            raise WalletError("no certificate yet: run `member-wallet register` first")
        return mc.Certificate.from_bytes(unb64(self.state.certificate))

    def remember_login(self, secret: str) -> None:
        self.state.secret = secret
        self._save()

    # --- HQ's root key (server_client checks every answer against it)
    def root_keys(self) -> list[bytes]:
        return [unb64(k) for k in self.state.root_public_keys or []]

    def pin_roots(self, keys: list[bytes], anchor: str) -> None:
        self.state.root_public_keys = [b64(k) for k in keys]
        self.state.root_anchor = anchor
        self._save()

    # --- codes
    def now(self) -> int:
        return int(time.time() + self.state.clock_offset_s)

    def next_code(self, at: int | None = None) -> str:
        """A fresh code: the counter is persisted before the code exists."""
        cert = self.certificate()
        key = self.device_key()
        with self._lock:
            self.state.counter += 1
            self._save()
            counter = self.state.counter
        return mc.make_code(cert, key, code_time=self.now() if at is None else at, counter=counter)

    def backup_code(self, at: int | None = None) -> tuple[str, int]:
        """The backup numeric code, typed at a counter whose camera cannot read the QR code: the
        digits and the seconds until the next one. Computed offline from the member's login (the
        server checks it in reconciliation, within +-5 minutes of the time the counter recorded it)."""
        if self.state.member_id is None or not self.state.secret:
            raise WalletError("no backup code: this wallet has no member login "
                              "(register with --server and --secret)")
        now = self.now() if at is None else at
        digits = backup_code.make(self.state.member_id, backup_code.key_from_secret(self.state.secret), now)
        return digits, backup_code.STEP_S - now % backup_code.STEP_S


def issue_from_local_issuer(wallet: Wallet, keys_dir: Path, *, member_id: int, tier: int,
                            allowance: int, valid_days: int = 30) -> mc.Certificate:
    """Before a server exists: the issuer keys of an alliance key directory on this machine issue the
    certificate directly (alliance_common.issuer_files; no server, no private key but the issuer's read)."""
    from alliance_common.issuer_files import IssuerFiles

    ring = IssuerFiles.load(keys_dir)
    cert = ring.issue_certificate(now=int(time.time()), member_id=member_id, serial=ring.next_local_serial(),
                                  tier=tier, allowance=allowance, device_public=wallet.device_public(),
                                  valid_s=valid_days * 24 * 3600)
    return wallet.install_certificate(cert.to_bytes())
