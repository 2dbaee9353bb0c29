"""The trust bundle HQ serves: what goes into it, when a new sequence is issued, every version kept.

`current()` is the signed bundle in force. A new version is issued (signed by the root key,
sequence + 1) when its content (deny lists, rules, catalogues, issuer keys) changed or it is older
than settings.bundle_refresh_s; otherwise the version in force is served as it was signed. The
version in force is the counter "bundle_sequence" (sync_server/counters.py), locked while one is
issued, so two workers never issue one sequence twice; each version's row in bundle_versions keeps
its payload (a record names the bundle it was decided with: sync_server/evidence.py), its content
digest and its envelope.

A process reuses the bundle in force for MEMO_S seconds before looking at the database again
(another worker's changes reach it within that); `changed()` forgets it at once (this process
changed what goes into the bundle).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from alliance_protocol import canonical
from alliance_protocol.rules import AllianceRules

from . import counters
from .db.models import BundleVersion, Device, Member, Setting
from .issuer_keys import IssuerKeys
from .settings import ServerSettings

if TYPE_CHECKING:
    from sqlalchemy import Engine

MEMO_S = 2.0


def setting(s: Session, key: str, default: Any = None) -> Any:
    """An operator-set document of the settings table (rules, coupons, gifts, books)."""
    row = s.get(Setting, key)
    return default if row is None else json.loads(row.value)


class BundleIssuer:
    def __init__(self, settings: ServerSettings, engine: Engine, keys: IssuerKeys,
                 clock: Callable[[], float] = time.time) -> None:
        self.settings, self.engine, self.keys, self.clock = settings, engine, keys, clock
        self._memo: tuple[float, int, bytes] | None = None  # (monotonic time, sequence, envelope)

    def payload(self, s: Session) -> dict[str, Any]:
        """What the next bundle carries (without its sequence and issue time)."""
        revoked = select(Device.serial).where(Device.revoked.is_(True))
        blocked = select(Member.id).where(Member.blocked.is_(True))
        return {
            "alliance_id": self.settings.alliance_id,
            "max_age_s": self.settings.bundle_max_age_s,
            "deny": {
                "cert_serials": sorted(s.scalars(revoked).all()),
                "member_ids": sorted(s.scalars(blocked).all()),
            },
            "rules": setting(s, "rules", AllianceRules().to_dict()),
            "coupons": setting(s, "coupons", []),
            "gifts": setting(s, "gifts", []),
            "keys": self.keys.entries(),
        }

    def changed(self) -> None:
        """Forget the memo (this process changed what goes into the bundle)."""
        self._memo = None

    def current(self) -> tuple[int, bytes]:
        """(sequence, signed envelope) of the bundle in force; a new one issued when due."""
        memo = self._memo
        if memo is not None and time.monotonic() - memo[0] < MEMO_S:
            return memo[1], memo[2]
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            sequence, envelope = self._in_force(s)
        self._memo = (time.monotonic(), sequence, envelope)
        return sequence, envelope

    def _in_force(self, s: Session) -> tuple[int, bytes]:
        content = self.payload(s)
        digest = hashlib.sha256(canonical.dumps(content)).hexdigest()
        counter = counters.lock(s, counters.BUNDLE_SEQUENCE)  # one worker issues a sequence at a time
        now = int(self.clock())
        row = s.get(BundleVersion, counter.value) if counter.value else None
        if (row is not None and row.digest == digest and row.envelope is not None
                and now - row.issued_at < self.settings.bundle_refresh_s):
            return row.sequence, row.envelope.encode()
        return self._issue(s, counter, content, digest, now)

    def issue(self, issued_at: int) -> tuple[int, bytes]:
        """A new version now, stamped as issued at `issued_at` (tests: a bundle a terminal that has
        been offline since then decided its records with)."""
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            content = self.payload(s)
            digest = hashlib.sha256(canonical.dumps(content)).hexdigest()
            issued = self._issue(s, counters.lock(s, counters.BUNDLE_SEQUENCE), content, digest, issued_at)
        self.changed()
        return issued

    def _issue(self, s: Session, counter: Any, content: dict[str, Any], digest: str, issued_at: int
               ) -> tuple[int, bytes]:
        sequence = counter.value + 1
        envelope = self.keys.ring.sign_bundle({**content, "sequence": sequence, "issued_at": issued_at})
        # Every version is kept: a record names the bundle it was decided with (evidence.py).
        s.add(BundleVersion(sequence=sequence, issued_at=issued_at, digest=digest, envelope=envelope.decode(),
                            payload=canonical.dumps(json.loads(envelope)["payload"]).decode()))
        counter.value = sequence
        return sequence, envelope
