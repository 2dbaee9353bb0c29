"""Anomalies: something HQ must review within the review window (48 h by default).

One case per fact: each type has its key (the record for record findings, (serial, counter) for a
copied code, the terminal and first missing seq for a gap), so the same finding from ingest and
from reconciliation is one case. A case that event-time reconciliation disproves (a balance that
went below zero only in the order the batches arrived) is closed automatically, status
"disproved", with the reason in review_note."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import select
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
# a code used after HQ blocked the member / revoked the device
DENIED_MEMBER_ACTIVITY = "denied_member_activity"
# a single-use coupon used again, or beyond its quota (offline at two tills)
COUPON_OVERUSE = "coupon_overuse"
DUPLICATE_RECEIPT = "duplicate_receipt"  # a receipt backfilled again (at another till of the merchant)
TIME_INCONSISTENT = "time_inconsistent"  # the record's time disagrees with its code, chain or arrival: held
BACKFILL_REVIEW = "backfill_review"  # every backfill is reviewed by a person (held until then, by default)
KEY_COMPROMISED = "key_compromised"  # a code under a leaked issuer key arrived after the leak
RECORD_REWRITTEN = "record_rewritten"  # a stored seq sent again with other contents (the first copy stays)
DISPROVED = "disproved"  # status of a case reconciliation closed because event time disproves it


def raise_anomaly(s: Session, review_window_s: int, type_: str, key: str, evidence: dict[str, Any], *,
                  member_id: int | None = None, terminal_id: str | None = None) -> None:
    """Once per (type, key): detecting the same thing again does not make a second case."""
    now = int(time.time())
    s.execute(insert_ignore(s, Anomaly, ["type", "dedupe_key"]).values(
        type=type_, dedupe_key=key[:200], member_id=member_id, terminal_id=terminal_id,
        evidence=json.dumps(evidence, ensure_ascii=False, sort_keys=True), detected_at=now,
        deadline=now + review_window_s, status="open"))


def raise_code_reused(s: Session, review_window_s: int, serial: int, counter: int, member_id: int | None,
                      uses: list[tuple[str, int]], against: str) -> None:
    """One case per (certificate serial, counter), against the terminal that reused it. The first
    use counts; every later use moves nothing and is added to the case's list of uses."""
    evidence = {"cert_serial": serial, "counter": counter, "member_id": member_id,
                "uses": [{"terminal_id": t, "seq": q} for t, q in uses]}
    existing = s.scalars(select(Anomaly).where(Anomaly.type == CODE_REUSED,
                                               Anomaly.dedupe_key == f"{serial}:{counter}")
                         .with_for_update()).first()
    if existing is None:
        raise_anomaly(s, review_window_s, CODE_REUSED, f"{serial}:{counter}", evidence, member_id=member_id,
                      terminal_id=against)
        return
    old = json.loads(existing.evidence)
    known = {(u["terminal_id"], u["seq"]) for u in old.get("uses", [])}
    old["uses"] = old.get("uses", []) + [{"terminal_id": t, "seq": q} for t, q in uses if (t, q) not in known]
    existing.evidence = json.dumps(old, ensure_ascii=False, sort_keys=True)
