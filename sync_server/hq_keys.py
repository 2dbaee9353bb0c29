"""HQ's key ring: the alliance root key and the issuer keys, kept as files (private keys 0600).

The root key signs trust bundles and response-key certificates only; issuer keys sign member
device certificates only; the response key signs HQ's answers only (alliance_protocol.response_auth).
Several issuer keys may be valid at once (rotation): certificates are issued with the newest
valid one, and a retired key stops verifying on terminals after its not_after.

Response keys (`response-*.key`, `responses.json` with each key's root-signed certificate) live
RESPONSE_LIFETIME_S and are renewed automatically once less than RESPONSE_RENEW_BEFORE_S is left
(under a file lock, so the workers of one host create one key); clients accept any key the root
certifies, so renewal and `sync-server keys rotate-response` need nothing on the terminals.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alliance_common.issuer_files import IssuerFiles, IssuerInfo, read_issuers
from alliance_protocol import response_auth as ra
from alliance_protocol import trust_bundle as tb
from alliance_protocol.keys import kid_for, public_raw, read_private_key, write_private_key

YEAR = 365 * 24 * 3600
DEFAULT_ISSUER_LIFETIME_S = 2 * YEAR
DAY = 24 * 3600
RESPONSE_LIFETIME_S = 90 * DAY
RESPONSE_RENEW_BEFORE_S = 30 * DAY
# A response key's certificate starts a day before its creation: a terminal whose clock is somewhat
# behind (not yet corrected) still accepts it. Its end is checked on the terminal's corrected clock.
RESPONSE_BACKDATE_S = DAY
RESPONSES_FILE = "responses.json"


@dataclass
class ResponseKeyInfo:
    kid: str
    file: str
    not_before: int
    not_after: int
    certificate: str  # response_auth.ResponseKeyCert text, signed by the root


class KeyRing(IssuerFiles):
    """The root key, the issuer keys (alliance_common.issuer_files: the part a machine without HQ's
    server can use too) and the response keys."""

    def __init__(self, directory: Path, root: Ed25519PrivateKey, issuers: list[IssuerInfo]) -> None:
        super().__init__(directory, issuers)
        self.root = root
        self.responses: list[ResponseKeyInfo] = []
        self._responses_stamp: int | None = None
        self._signers: dict[str, ra.ResponseSigner] = {}

    # --- files
    @classmethod
    def create(cls, directory: Path, now: int, issuer_lifetime_s: int = DEFAULT_ISSUER_LIFETIME_S) -> KeyRing:
        directory.mkdir(parents=True, exist_ok=True)
        if (directory / "root.key").exists():
            raise FileExistsError(f"{directory} already holds an alliance root key")
        root = Ed25519PrivateKey.generate()
        write_private_key(directory / "root.key", root)
        ring = cls(directory, root, [])
        ring.add_issuer(now, now + issuer_lifetime_s)
        ring.add_response_key(int(time.time()))
        return ring

    @classmethod
    def load(cls, directory: Path) -> KeyRing:
        ring = cls(directory, read_private_key(directory / "root.key"), read_issuers(directory))
        ring._load_responses()
        return ring

    # --- rotation
    def add_issuer(self, not_before: int, not_after: int) -> IssuerInfo:
        key = Ed25519PrivateKey.generate()
        kid = kid_for(public_raw(key)).hex()
        name = f"issuer-{kid}-{len(self.issuers) + 1}.key"
        write_private_key(self.directory / name, key)
        info = IssuerInfo(kid, name, not_before, not_after)
        self.issuers.append(info)
        self._private[kid] = key
        self._save()
        return info

    def retire(self, kid: str, at: int) -> None:
        for info in self.issuers:
            if info.kid == kid:
                info.not_after = min(info.not_after, at)
        self._save()

    def revoke_compromised(self, kid: str, since: int) -> IssuerInfo:
        """The key leaked at `since`: terminals stop accepting it from then (its validity ends there),
        and HQ refuses every code under it after then, however the record is dated."""
        info = next((i for i in self.issuers if i.kid == kid), None)
        if info is None:
            raise LookupError(f"no issuer key {kid}")
        info.not_after = min(info.not_after, since)
        earlier = info.compromised_since
        info.compromised_since = since if earlier is None else min(earlier, since)
        self._save()
        return info

    def compromised(self) -> dict[str, int]:
        return {i.kid: i.compromised_since for i in self.issuers if i.compromised_since is not None}

    # --- the response key (HQ's answers)
    @contextmanager
    def _responses_lock(self):
        with open(self.directory / ".responses.lock", "a") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    def _load_responses(self) -> None:
        path = self.directory / RESPONSES_FILE
        try:
            stamp = path.stat().st_mtime_ns
        except FileNotFoundError:
            self.responses, self._responses_stamp = [], None
            return
        if stamp != self._responses_stamp:
            self.responses = [ResponseKeyInfo(**r) for r in json.loads(path.read_text())]
            self._responses_stamp = stamp

    def add_response_key(self, now: int, lifetime_s: int = RESPONSE_LIFETIME_S) -> ResponseKeyInfo:
        """A new response key and its root certificate (the newest valid key signs from now on)."""
        with self._responses_lock():
            return self._add_response_key_locked(now, lifetime_s)

    def _add_response_key_locked(self, now: int, lifetime_s: int) -> ResponseKeyInfo:
        key = Ed25519PrivateKey.generate()
        raw = public_raw(key)
        kid = kid_for(raw).hex()
        self._load_responses()
        name = f"response-{kid}-{len(self.responses) + 1}.key"
        write_private_key(self.directory / name, key)
        cert = ra.certify(self.root, raw, now - RESPONSE_BACKDATE_S, now + lifetime_s)
        info = ResponseKeyInfo(kid, name, cert.not_before, cert.not_after, cert.to_text())
        self._save_responses([*self.responses, info])
        return info

    def _save_responses(self, infos: list[ResponseKeyInfo]) -> None:
        tmp = self.directory / (RESPONSES_FILE + ".tmp")
        tmp.write_text(json.dumps([asdict(r) for r in infos], indent=2))
        os.replace(tmp, self.directory / RESPONSES_FILE)
        self._load_responses()

    def retire_response_key(self, kid: str, at: int) -> None:
        """Stop signing with it (clients accept its certificate until its not_after)."""
        with self._responses_lock():
            self._load_responses()
            for info in self.responses:
                if info.kid == kid:
                    info.not_after = min(info.not_after, at)
            self._save_responses(self.responses)

    def response_signer(self, now: int | None = None) -> ra.ResponseSigner:
        """The key HQ signs its answers with: the newest valid one, renewed when it gets old (a key
        directory that cannot be written keeps using a valid key until it expires)."""
        now = int(time.time()) if now is None else now
        self._load_responses()
        usable = [r for r in self.responses if r.not_before <= now < r.not_after]
        fresh = [r for r in usable if r.not_after - now > RESPONSE_RENEW_BEFORE_S]
        if not fresh:
            try:
                with self._responses_lock():  # another worker may have renewed it meanwhile
                    self._load_responses()
                    fresh = [r for r in self.responses
                             if r.not_before <= now and r.not_after - now > RESPONSE_RENEW_BEFORE_S]
                    if not fresh:
                        fresh = [self._add_response_key_locked(now, RESPONSE_LIFETIME_S)]
            except OSError:
                if not usable:
                    raise
                fresh = usable
        info = max(fresh, key=lambda r: (r.not_before, r.kid))
        signer = self._signers.get(info.certificate)
        if signer is None:
            signer = ra.ResponseSigner.of(read_private_key(self.directory / info.file),
                                          ra.ResponseKeyCert.from_text(info.certificate))
            self._signers[info.certificate] = signer
        return signer

    # --- what the keys sign
    @property
    def root_public(self) -> bytes:
        return public_raw(self.root)

    def key_entries(self) -> list[dict[str, Any]]:
        return [
            tb.key_entry(self.issuer_key(i.kid), role=tb.ROLE_ISSUER, not_before=i.not_before,
                         not_after=i.not_after, kid=bytes.fromhex(i.kid))
            for i in self.issuers
        ]

    def sign_bundle(self, payload: dict[str, Any]) -> bytes:
        return tb.sign_bundle({**payload, "keys": self.key_entries()}, self.root)
