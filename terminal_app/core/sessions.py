"""Scan sessions: a verified code waiting for the cashier's transaction (in memory, per service).

    token = sessions.open(VerifiedCode.of(verdict, text), now)      # after a scan that verified
    session, problem = sessions.get(token, now)    # problem: SCAN_SESSION_EXPIRED (unknown or too old)
    sessions.close(token)                          # done (approved), or can never succeed

A session lives SCAN_SESSION_S seconds; at most MAX_SESSIONS are kept (the oldest goes first).
Nothing is consumed by a scan: the code is used by the commit that journals it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from alliance_protocol import records
from alliance_protocol.reasons import Reason
from alliance_protocol.verifier import Verdict

SCAN_SESSION_S = 120
MAX_SESSIONS = 64


@dataclass(frozen=True)
class VerifiedCode:
    """An accepted code's facts (the verifier fills every one in when it accepts a code)."""

    member_id: int
    cert_serial: int
    counter: int
    code_time: int
    tier: int
    allowance: int
    text: str  # the verified code text (normalized): journaled so HQ can re-verify it

    @classmethod
    def of(cls, v: Verdict, text: str) -> VerifiedCode:
        facts = (v.member_id, v.cert_serial, v.counter, v.code_time, v.tier, v.allowance)
        if not v.ok or any(type(f) is not int for f in facts):
            raise ValueError(f"not an accepted verdict: {v.reason}")
        return cls(*facts, text)  # type: ignore[arg-type]

    def facts(self) -> dict[str, Any]:
        """As record fields (every code-backed record carries them)."""
        return {
            "member_id": self.member_id,
            "cert_serial": self.cert_serial,
            "counter": self.counter,
            "code_time": self.code_time,
            "tier": records.int_or_none(self.tier, 0, 3),
            "code": self.text,
        }


@dataclass(frozen=True)
class ScanSession:
    code: VerifiedCode
    scanned_at: float
    live: Any = None  # HQ's MemberLive when the scan was looked up online (terminal_app/core/online.py)


class ScanSessions:
    def __init__(self) -> None:
        self._open: dict[str, ScanSession] = {}

    def open(self, code: VerifiedCode, now: float, live: Any = None) -> str:
        if len(self._open) >= MAX_SESSIONS:
            self._open.pop(next(iter(self._open)))
        token = secrets.token_hex(8)
        self._open[token] = ScanSession(code, now, live)
        return token

    def get(self, token: str | None, now: float) -> tuple[ScanSession | None, Reason | None]:
        """The session and None, or why it cannot be used (the session itself when only too old)."""
        session = self._open.get(token) if isinstance(token, str) else None
        if session is None:
            return None, Reason.SCAN_SESSION_EXPIRED
        if now - session.scanned_at > SCAN_SESSION_S:
            return session, Reason.SCAN_SESSION_EXPIRED
        return session, None

    def close(self, token: str | None) -> None:
        if isinstance(token, str):
            self._open.pop(token, None)
