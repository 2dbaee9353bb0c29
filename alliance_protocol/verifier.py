"""The offline verifier: ordered checks on a scanned member code (design-notes section 2).

`OfflineVerifier.verify(text)` never raises. It returns a `Verdict` whose `reason` is the first
check that failed (or OK). Order:

  1. shape: empty / oversized input (before anything else), prefix, version, alphabet, length
  2. trust bundle present and not older than its maximum age
  3. issuer key known, of the issuer role, within its validity
  4. certificate signature (every key with the id is tried)
  5. certificate not expired; serial and member not on the deny list
  6. device signature over certificate + (time, counter)
  7. terminal clock confirmed by the server recently enough; code time inside the window
  8. (certificate serial, counter) not seen before on this terminal

Risk limits and the durable commit come after, in the terminal core.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypedDict

from .base36 import normalize
from .keys import verify_signature
from .member_code import TEXT_LEN, MemberCode, ParseError, parse
from .reasons import Explained, Reason
from .trust_bundle import ROLE_ISSUER, TrustBundle

# Longest text looked at: a little slack over a real code, then the input is refused unread.
MAX_INPUT_CHARS = TEXT_LEN + 16


@dataclass(frozen=True)
class VerifierSettings:
    code_window_s: int = 60  # how old a code may be
    future_skew_s: int = 30  # how far ahead of the terminal clock a phone may be
    clock_unconfirmed_limit_s: int = 7 * 24 * 3600  # after this without a server time, refuse


@dataclass(frozen=True)
class Verdict(Explained):
    ok: bool
    reason: Reason
    member_id: int | None = None
    cert_serial: int | None = None
    counter: int | None = None
    code_time: int | None = None
    tier: int | None = None
    allowance: int | None = None
    cert_not_after: int | None = None
    issuer_kid: str | None = None
    device_public: bytes | None = field(default=None, repr=False)  # the certified device key (raw)
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ok": self.ok,
            "reason": self.reason.value,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }
        for name in ("member_id", "cert_serial", "counter", "code_time", "tier", "allowance",
                     "cert_not_after", "issuer_kid"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.detail:
            out["detail"] = self.detail
        return out


class Clock(Protocol):
    def now(self) -> float:
        """Unix seconds, corrected by the offset learned from the server."""

    def confirmed_age(self) -> float | None:
        """Seconds since the server last confirmed this clock; None if it never has."""


@dataclass
class FixedClock:
    """A clock for tests, tools and the server (whose own clock is the reference)."""

    at: float
    confirmed_seconds_ago: float | None = 0.0

    def now(self) -> float:
        return self.at

    def confirmed_age(self) -> float | None:
        return self.confirmed_seconds_ago


class SystemClock:
    """The host clock plus an offset; confirmed at the time the offset was learned."""

    def __init__(self, offset_s: float = 0.0, confirmed_at: float | None = None,
                 wall: Callable[[], float] = time.time) -> None:
        self.offset_s = offset_s
        self.confirmed_at = confirmed_at
        self._wall = wall

    def now(self) -> float:
        return self._wall() + self.offset_s

    def confirmed_age(self) -> float | None:
        if self.confirmed_at is None:
            return None
        return max(0.0, self.now() - self.confirmed_at)


class ReplayGuard(Protocol):
    def seen(self, serial: int, counter: int) -> bool: ...

    def remember(self, serial: int, counter: int, code_time: int) -> bool:
        """Record the pair; False if it was already recorded (atomically)."""


class MemoryReplayGuard:
    """In-process replay guard (the server's per-request checks, tests). Terminals persist theirs."""

    def __init__(self) -> None:
        self._pairs: set[tuple[int, int]] = set()
        self._lock = threading.Lock()

    def seen(self, serial: int, counter: int) -> bool:
        return (serial, counter) in self._pairs

    def remember(self, serial: int, counter: int, code_time: int) -> bool:
        with self._lock:
            if (serial, counter) in self._pairs:
                return False
            self._pairs.add((serial, counter))
            return True


class CertificateCache:
    """Certificates whose issuer signature already verified under a given key. A signature's
    validity does not depend on time, so a server re-verifying thousands of codes from the same
    phones checks each certificate once; key validity, expiry and deny lists are still checked on
    every code. Bounded: cleared when full."""

    def __init__(self, max_entries: int = 200_000) -> None:
        self._good: set[tuple[bytes, bytes, bytes]] = set()
        self.max_entries = max_entries

    def known_good(self, key_raw: bytes, message: bytes, signature: bytes) -> bool:
        return (key_raw, message, signature) in self._good

    def add(self, key_raw: bytes, message: bytes, signature: bytes) -> None:
        if len(self._good) >= self.max_entries:
            self._good.clear()
        self._good.add((key_raw, message, signature))


class OfflineVerifier:
    def __init__(
        self,
        bundle: TrustBundle | None,
        clock: Clock,
        replay: ReplayGuard | None,
        settings: VerifierSettings = VerifierSettings(),
        cert_cache: CertificateCache | None = None,
    ) -> None:
        self.bundle = bundle
        self.clock = clock
        self.replay = replay
        self.settings = settings
        self.cert_cache = cert_cache

    def verify(self, text: object, *, consume: bool = True) -> Verdict:
        """Check a scanned text. With consume=True an accepted (serial, counter) is remembered."""
        try:
            return self._verify(text, consume)
        except Exception as exc:  # the verifier's contract: a verdict for any input, never a crash
            return Verdict(False, Reason.INTERNAL_ERROR, detail=type(exc).__name__)

    def _verify(self, text: object, consume: bool) -> Verdict:
        if isinstance(text, (bytes, bytearray)):
            if len(text) > MAX_INPUT_CHARS * 4:
                return Verdict(False, Reason.INPUT_TOO_LONG)
            text = bytes(text).decode("utf-8", errors="replace")
        if not isinstance(text, str):
            return Verdict(False, Reason.MALFORMED, detail="not text")
        if len(text) > MAX_INPUT_CHARS * 4:
            return Verdict(False, Reason.INPUT_TOO_LONG)
        text = normalize(text)
        if not text:
            return Verdict(False, Reason.INPUT_EMPTY)
        if len(text) > MAX_INPUT_CHARS:
            return Verdict(False, Reason.INPUT_TOO_LONG)
        try:
            code = parse(text)
        except ParseError as exc:
            return Verdict(False, Reason(exc.reason), detail=str(exc))
        except ValueError as exc:
            return Verdict(False, Reason.MALFORMED, detail=str(exc))

        cert = code.cert
        facts = _CodeFacts(
            member_id=cert.member_id, cert_serial=cert.serial, counter=code.counter,
            code_time=code.code_time, tier=cert.tier, allowance=cert.allowance,
            cert_not_after=cert.not_after, issuer_kid=cert.issuer_kid.hex(), device_public=cert.device_public,
        )

        def reject(reason: Reason, detail: str = "") -> Verdict:
            return Verdict(False, reason, detail=detail, **facts)

        bundle = self.bundle
        if bundle is None:
            return reject(Reason.TRUST_BUNDLE_MISSING)
        now = self.clock.now()
        if now - bundle.issued_at > bundle.max_age_s:
            return reject(Reason.TRUST_BUNDLE_STALE,
                          f"bundle {bundle.sequence} issued {int(now - bundle.issued_at)} s ago")

        candidates = bundle.keys_for(cert.issuer_kid)
        if not candidates:
            return reject(Reason.ISSUER_KEY_UNKNOWN)
        issuers = [k for k in candidates if k.role == ROLE_ISSUER]
        if not issuers:
            return reject(Reason.ISSUER_KEY_WRONG_ROLE, candidates[0].role)
        current = [k for k in issuers if k.not_before <= now <= k.not_after]
        if not current:
            if all(now < k.not_before for k in issuers):
                return reject(Reason.ISSUER_KEY_NOT_YET_VALID)
            return reject(Reason.ISSUER_KEY_RETIRED)

        cert_input = cert.signing_input()
        for key in current:
            cache = self.cert_cache
            if cache is not None and cache.known_good(key.public_raw, cert_input, cert.signature):
                break
            if not verify_signature(key.public_raw, cert.signature, cert_input):
                continue
            if self.cert_cache is not None:
                self.cert_cache.add(key.public_raw, cert_input, cert.signature)
            break
        else:
            return reject(Reason.CERT_SIGNATURE_INVALID)

        if now > cert.not_after:
            return reject(Reason.CERT_EXPIRED)
        if cert.serial in bundle.deny_serials:
            return reject(Reason.CERT_REVOKED)
        if cert.member_id in bundle.deny_members:
            return reject(Reason.MEMBER_BLOCKED)

        if not verify_signature(cert.device_public, code.signature, code.signing_input()):
            return reject(Reason.CODE_SIGNATURE_INVALID)

        age = self.clock.confirmed_age()
        if age is None or age > self.settings.clock_unconfirmed_limit_s:
            return reject(Reason.CLOCK_UNCONFIRMED, "never confirmed" if age is None else f"{int(age)} s")
        if code.code_time > now + self.settings.future_skew_s:
            return reject(Reason.CODE_NOT_YET_VALID, f"{int(code.code_time - now)} s ahead")
        if now - code.code_time > self.settings.code_window_s:
            return reject(Reason.CODE_EXPIRED, f"{int(now - code.code_time)} s old")

        if self.replay is not None:
            if consume:
                if not self.replay.remember(cert.serial, code.counter, code.code_time):
                    return reject(Reason.CODE_REPLAYED)
            elif self.replay.seen(cert.serial, code.counter):
                return reject(Reason.CODE_REPLAYED)
        return Verdict(True, Reason.OK, **facts)


class _CodeFacts(TypedDict):
    """What a parsed code says, carried by every verdict on it (Verdict's fields of the same names)."""

    member_id: int
    cert_serial: int
    counter: int
    code_time: int
    tier: int
    allowance: int
    cert_not_after: int
    issuer_kid: str
    device_public: bytes


def parse_only(text: str) -> MemberCode | None:
    """Shape-only parse for tools that display a code's fields; None if it does not parse."""
    try:
        return parse(text)
    except ValueError:
        return None
