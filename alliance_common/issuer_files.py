"""The issuer keys of an alliance key directory (HQ's key ring: sync_server/hq_keys.py builds on
this), and certificates issued with them.

    issuers.json          [{kid, file, not_before, not_after, compromised_since}], newest last
    issuer-<kid>-<n>.key  each issuer's Ed25519 private key (0600)
    local-serial.json     the next certificate serial where no server database issues them

Also what a machine holding the directory needs without HQ's server: `member-wallet register
--local-issuer` (a demo before a server exists) and `sync-server keys issue-cert`.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alliance_protocol import member_code as mc
from alliance_protocol.keys import read_private_key

ISSUERS_FILE = "issuers.json"


@dataclass
class IssuerInfo:
    kid: str
    file: str
    not_before: int
    not_after: int
    compromised_since: int | None = None  # unix s: the key leaked; nothing it certified counts after this


class IssuerFiles:
    def __init__(self, directory: Path, issuers: list[IssuerInfo]) -> None:
        self.directory = directory
        self.issuers = issuers
        self._private: dict[str, Ed25519PrivateKey] = {}

    @classmethod
    def load(cls, directory: Path) -> IssuerFiles:
        return cls(directory, read_issuers(directory))

    def _save(self) -> None:
        tmp = self.directory / (ISSUERS_FILE + ".tmp")
        tmp.write_text(json.dumps([asdict(i) for i in self.issuers], indent=2))
        os.replace(tmp, self.directory / ISSUERS_FILE)

    def next_local_serial(self) -> int:
        """Certificate serials for the local issuer (no server database): a counter file."""
        path = self.directory / "local-serial.json"
        serial = json.loads(path.read_text())["next"] if path.exists() else 1
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"next": serial + 1}))
        os.replace(tmp, path)
        return int(serial)

    def issuer_key(self, kid: str) -> Ed25519PrivateKey:
        if kid not in self._private:
            info = next(i for i in self.issuers if i.kid == kid)
            self._private[kid] = read_private_key(self.directory / info.file)
        return self._private[kid]

    def current_issuer(self, now: int) -> IssuerInfo:
        valid = [i for i in self.issuers if i.not_before <= now <= i.not_after]
        if not valid:
            raise LookupError("no issuer key is valid now: rotate keys")
        return max(valid, key=lambda i: i.not_before)

    def issue_certificate(self, *, now: int, member_id: int, serial: int, tier: int, allowance: int,
                          device_public: bytes, valid_s: int) -> mc.Certificate:
        info = self.current_issuer(now)
        not_after = min(now + valid_s, info.not_after)  # a certificate never outlives its issuer key
        return mc.issue_certificate(
            self.issuer_key(info.kid), bytes.fromhex(info.kid), member_id=member_id, serial=serial,
            tier=tier, not_after=not_after, allowance=allowance, device_public=device_public,
        )


def read_issuers(directory: Path) -> list[IssuerInfo]:
    return [IssuerInfo(**m) for m in json.loads((directory / ISSUERS_FILE).read_text())]
