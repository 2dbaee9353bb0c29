"""Review actions on an anomaly, with who / when / why kept on the anomaly row.

    accept            the case is understood. A record HQ held for this review (a backfill, times that
                      disagreed) now counts: its effect, computed when it arrived, is applied (a held
                      record voided meanwhile stays out)
    reverse           a compensating ledger entry (ledger_adjustments, kind "reversal") that undoes
                      the named record's effect on the member's points; no record is ever changed
                      or deleted, and reconciliation keeps the entry in the ledger from then on.
                      A held record is refused instead: it never counts
    block-member      members.blocked = True with a fresh change_cursor: the deny list of the next
                      bundle and the next balance download carry it
    suspend-terminal  terminals.status = "suspended": its signed requests are refused

Each action closes the case (status accepted / reversed / member_blocked / terminal_suspended,
reviewed_by, reviewed_at (unix s), review_note). Refusals are HQError with a reason code.
"""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import func, select

from .db.models import Anomaly, LedgerAdjustment, Member, MemberDay, Record, Terminal
from .dialect import add_to
from .evidence import APPLIED, HELD, REFUSED
from .hq import HQ, HQError, now_ms

ACTIONS = {"accept": "accepted", "reverse": "reversed", "block-member": "member_blocked",
           "suspend-terminal": "terminal_suspended"}


def anomaly_dict(a: Anomaly, now_s: int | None = None) -> dict[str, Any]:
    now_s = int(time.time()) if now_s is None else now_s
    return {"id": a.id, "type": a.type, "status": a.status, "member_id": a.member_id,
            "terminal_id": a.terminal_id, "evidence": json.loads(a.evidence), "detected_at": a.detected_at,
            "deadline": a.deadline, "seconds_left": a.deadline - now_s, "reviewed_by": a.reviewed_by,
            "reviewed_at": a.reviewed_at, "review_note": a.review_note}


def list_anomalies(hq: HQ, status: str | None = "open", limit: int = 500, offset: int = 0,
                   merchant_id: str | None = None) -> dict[str, Any]:
    """One page of cases, most urgent first: {"anomalies": [...], "total": N, "next_offset": int | None}.
    Nothing is left out silently: `total` counts them all and `next_offset` names the next page."""
    limit, offset = max(1, min(int(limit), 10_000)), max(0, int(offset))
    with hq.session() as s:
        where = []
        if status:
            where.append(Anomaly.status == status)
        if merchant_id is not None:
            of_merchant = select(Terminal.id).where(Terminal.merchant_id == merchant_id)
            where.append(Anomaly.terminal_id.in_(of_merchant))
        total = s.scalar(select(func.count()).select_from(Anomaly).where(*where)) or 0
        rows = s.scalars(select(Anomaly).where(*where).order_by(Anomaly.deadline, Anomaly.id)
                         .offset(offset).limit(limit)).all()
        return {"anomalies": [anomaly_dict(a) for a in rows], "total": total,
                "next_offset": offset + len(rows) if offset + len(rows) < total else None}


def _record_named(s, a: Anomaly, evidence: dict[str, Any]) -> Record | None:
    ref = evidence.get("record")
    if ref is None and evidence.get("uses"):
        ref = evidence["uses"][0]  # code_reused: the use uploaded last
    if ref is None and "seq" in evidence and "terminal_id" in evidence:
        ref = evidence
    if not ref:
        return None
    return s.scalar(select(Record).where(Record.terminal_id == ref["terminal_id"], Record.seq == ref["seq"]))


def _decide_held(hq: HQ, s, record: Record, *, apply: bool) -> dict[str, Any]:
    """A held record after its review: applied (accept) or refused for good (reverse)."""
    if not apply:
        record.effect = REFUSED
        return {"record": {"terminal_id": record.terminal_id, "seq": record.seq}, "applied": False}
    if record.voided_by_id is not None:
        raise HQError("REQUEST_INVALID", "the record was voided meanwhile: there is nothing to apply", 409)
    record.effect = APPLIED
    if record.member_id is not None and record.local_day is not None and record.points_earned:
        add_to(s, MemberDay, ["member_id", "local_day"], "earned",
               [{"member_id": record.member_id, "local_day": record.local_day,
                 "earned": record.points_earned}])
    if record.member_id is not None and record.points_delta:
        m = s.get(Member, record.member_id, with_for_update=True)
        m.balance += record.points_delta
        m.change_cursor = hq.next_cursor(s)
    return {"record": {"terminal_id": record.terminal_id, "seq": record.seq}, "applied": True,
            "member_id": record.member_id, "points": record.points_delta}


def review(hq: HQ, anomaly_id: int, action: str, by: str, note: str, *,
           points: int | None = None) -> dict[str, Any]:
    """Apply one review action. `points` overrides the compensating entry of "reverse"."""
    if action not in ACTIONS:
        raise HQError("REQUEST_INVALID", f"action must be one of {', '.join(ACTIONS)}")
    if not by.strip() or not note.strip():
        raise HQError("REQUEST_INVALID", "a review needs who (--by) and why (--note)")
    blocked = False
    with hq.session() as s, s.begin():
        a = s.get(Anomaly, anomaly_id, with_for_update=True)
        if a is None:
            raise HQError("NOT_FOUND", f"no anomaly {anomaly_id}", 404)
        if a.status != "open":
            raise HQError("REQUEST_INVALID", f"anomaly {anomaly_id} was already reviewed ({a.status})", 409)
        evidence = json.loads(a.evidence)
        out: dict[str, Any] = {}
        record = _record_named(s, a, evidence)
        if record is not None and record.effect == HELD and action in ("accept", "reverse"):
            out = _decide_held(hq, s, record, apply=action == "accept")
        elif action == "reverse":
            member_id = a.member_id if a.member_id is not None else (record.member_id if record else None)
            if points is None:
                if record is None or record.member_id is None or record.effect != APPLIED:
                    raise HQError("REQUEST_INVALID",
                                  "no ledger record to reverse in this case; give --points")
                points = -record.points_delta
            if member_id is None or s.get(Member, member_id) is None:
                raise HQError("UNKNOWN_MEMBER", "this case names no member to compensate", 404)
            at = now_ms()
            s.add(LedgerAdjustment(member_id=member_id, kind="reversal", ref=f"anomaly:{a.id}", points=points,
                                   effective_at=at, anomaly_id=a.id, created_by=by, created_at=at, note=note))
            m = s.get(Member, member_id, with_for_update=True)
            if m is None:  # looked up just above: only a member removed meanwhile
                raise HQError("UNKNOWN_MEMBER", "this case names no member to compensate", 404)
            m.balance += points
            m.change_cursor = hq.next_cursor(s)
            out = {"member_id": member_id, "points": points}
        elif action == "block-member":
            member_id = a.member_id
            if member_id is None:
                member_id = record.member_id if record else None
            m = s.get(Member, member_id) if member_id is not None else None
            if m is None:
                raise HQError("UNKNOWN_MEMBER", "this case names no member", 404)
            m.blocked = True
            m.blocked_at = now_ms()
            m.change_cursor = hq.next_cursor(s)
            blocked = True
            out = {"member_id": member_id}
        elif action == "suspend-terminal":
            t = s.get(Terminal, a.terminal_id) if a.terminal_id else None
            if t is None:
                raise HQError("UNKNOWN_TERMINAL", "this case names no terminal", 404)
            t.status = "suspended"
            out = {"terminal_id": t.id}
        a.status = ACTIONS[action]
        a.reviewed_by = by.strip()[:100]
        a.reviewed_at = int(time.time())
        a.review_note = note
        result = {**anomaly_dict(a), "action": action, **out}
    if blocked:
        hq.bundle_changed()
    return result
