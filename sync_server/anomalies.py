"""Anomalies: something HQ must review within the review window (48 h by default)."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy.orm import Session

from .db.models import Anomaly
from .dialect import insert_ignore

# Types (stable strings, shown on the HQ page and in reports)
CODE_REUSED = "code_reused"  # one (certificate serial, counter) approved at two terminals
NEGATIVE_BALANCE = "negative_balance"  # offline spends drove a member below zero
JOURNAL_GAP = "journal_gap"  # a terminal's sequence has a hole that does not fill
CHAIN_BROKEN = "chain_broken"  # prev_hash does not match the previous record
BAD_RECORD = "bad_record"  # signature, hash or member code failed at the server
CLOCK_SKEW = "clock_skew"  # terminal clock off by more than the tolerance
BACKUP_CODE_FAILED = "backup_code_failed"  # a typed backup code did not verify
BACKUP_CODE_REVIEW = "backup_code_review"  # every backup-code record is reviewed by a person
DENIED_MEMBER_ACTIVITY = "denied_member_activity"  # accepted offline before the terminal had the deny entry


def raise_anomaly(s: Session, review_window_s: int, type_: str, key: str, evidence: dict[str, Any], *,
                  member_id: int | None = None, terminal_id: str | None = None) -> None:
    """Once per (type, key): detecting the same thing again does not make a second case."""
    now = int(time.time())
    s.execute(insert_ignore(s, Anomaly, ["type", "dedupe_key"]).values(
        type=type_, dedupe_key=key[:200], member_id=member_id, terminal_id=terminal_id,
        evidence=json.dumps(evidence, ensure_ascii=False, sort_keys=True), detected_at=now,
        deadline=now + review_window_s, status="open"))


def raise_code_reused(s: Session, review_window_s: int, serial: int, counter: int, member_id: int | None,
                      uses: list[tuple[str, int]]) -> None:
    """One case per (certificate serial, counter), whether ingest or reconciliation finds it."""
    raise_anomaly(s, review_window_s, CODE_REUSED, f"{serial}:{counter}",
                  {"cert_serial": serial, "counter": counter, "member_id": member_id,
                   "uses": [{"terminal_id": t, "seq": q} for t, q in uses]},
                  member_id=member_id, terminal_id=uses[0][0])
