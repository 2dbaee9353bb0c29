"""HQ's key ring: the alliance root key and the issuer keys, kept as files (private keys 0600).

The root key signs trust bundles only; issuer keys sign member device certificates only.
Several issuer keys may be valid at once (rotation): certificates are issued with the newest
valid one, and a retired key stops verifying on terminals after its not_after.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alliance_protocol import member_code as mc
from alliance_protocol import trust_bundle as tb
from alliance_protocol.keys import kid_for, public_raw, read_private_key, write_private_key

YEAR = 365 * 24 * 3600
DEFAULT_ISSUER_LIFETIME_S = 2 * YEAR


@dataclass
class IssuerInfo:
    kid: str
    file: str
    not_before: int
    not_after: int


class KeyRing:
    def __init__(self, directory: Path, root: Ed25519PrivateKey, issuers: list[IssuerInfo]) -> None:
        self.directory = directory
        self.root = root
        self.issuers = issuers
        self._private: dict[str, Ed25519PrivateKey] = {}

    # --- files
    @classmethod
    def create(cls, directory: Path, now: int, issuer_lifetime_s: int = DEFAULT_ISSUER_LIFETIME_S) -> "KeyRing":
        directory.mkdir(parents=True, exist_ok=True)
        if (directory / "root.key").exists():
            raise FileExistsError(f"{directory} already holds an alliance root key")
        root = Ed25519PrivateKey.generate()
        write_private_key(directory / "root.key", root)
        ring = cls(directory, root, [])
        ring.add_issuer(now, now + issuer_lifetime_s)
        return ring

    @classmethod
    def load(cls, directory: Path) -> "KeyRing":
        root = read_private_key(directory / "root.key")
        meta = json.loads((directory / "issuers.json").read_text())
        return cls(directory, root, [IssuerInfo(**m) for m in meta])

    def _save(self) -> None:
        tmp = self.directory / "issuers.json.tmp"
        tmp.write_text(json.dumps([asdict(i) for i in self.issuers], indent=2))
        os.replace(tmp, self.directory / "issuers.json")

    def next_local_serial(self) -> int:
        """Certificate serials for the local issuer (no server database): a counter file."""
        path = self.directory / "local-serial.json"
        serial = json.loads(path.read_text())["next"] if path.exists() else 1
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"next": serial + 1}))
        os.replace(tmp, path)
        return serial

    def issuer_key(self, kid: str) -> Ed25519PrivateKey:
        if kid not in self._private:
            info = next(i for i in self.issuers if i.kid == kid)
            self._private[kid] = read_private_key(self.directory / info.file)
        return self._private[kid]

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

    def current_issuer(self, now: int) -> IssuerInfo:
        valid = [i for i in self.issuers if i.not_before <= now <= i.not_after]
        if not valid:
            raise LookupError("no issuer key is valid now: rotate keys")
        return max(valid, key=lambda i: i.not_before)

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

    def issue_certificate(self, *, now: int, member_id: int, serial: int, tier: int, allowance: int,
                          device_public: bytes, valid_s: int) -> mc.Certificate:
        info = self.current_issuer(now)
        not_after = min(now + valid_s, info.not_after)  # a certificate never outlives its issuer key
        return mc.issue_certificate(
            self.issuer_key(info.kid), bytes.fromhex(info.kid), member_id=member_id, serial=serial,
            tier=tier, not_after=not_after, allowance=allowance, device_public=device_public,
        )
