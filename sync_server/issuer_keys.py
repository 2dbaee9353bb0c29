"""HQ's key ring as its files say now: `sync-server keys rotate | revoke` change them from another
process, so every read checks issuers.json and reloads the ring when it changed.

One owner for what is derived from the ring: the issuer key entries a bundle carries, the keys HQ
re-verifies member codes with (every issuer key with its validity, no deny list), and which keys
leaked since when.
"""

from __future__ import annotations

from typing import Any

from alliance_protocol.trust_bundle import TrustBundle

from .hq_keys import KeyRing


class IssuerKeys:
    def __init__(self, ring: KeyRing) -> None:
        self.ring = ring
        self._entries: tuple[int, list[dict[str, Any]]] | None = None  # (issuers.json mtime, entries)
        self._verification: tuple[int, TrustBundle] | None = None  # (id of the entries, bundle)

    def entries(self) -> list[dict[str, Any]]:
        """The issuer keys for the bundle (the ring reloaded first if its file changed)."""
        stamp = (self.ring.directory / "issuers.json").stat().st_mtime_ns
        cached = self._entries
        if cached is None or cached[0] != stamp:
            self.ring = KeyRing.load(self.ring.directory)
            cached = self._entries = (stamp, self.ring.key_entries())
        return cached[1]

    def verification(self) -> TrustBundle:
        """Every issuer key with its validity, as HQ re-verifies member codes."""
        entries = self.entries()
        cached = self._verification
        if cached is None or cached[0] != id(entries):
            from .evidence import verification_bundle

            cached = self._verification = (id(entries), verification_bundle(entries))
        return cached[1]

    def compromised(self) -> dict[str, int]:
        """kid -> unix s since when the issuer key is known to have leaked (`keys revoke`)."""
        self.entries()
        return self.ring.compromised()
