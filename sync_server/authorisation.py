"""Online authorisation at HQ (docs/online-authorisation.md): the same decision the books make
for an uploaded record (sync_server/evidence.py), made before the record exists, with what it
consumes reserved until the record arrives (sync_server/holds.py).

    examine_request(hq, terminal, record)   outside any transaction: the record schema, this
                                            terminal, an authorisable kind, the member code
                                            re-verified with HQ's keys, the time against HQ's clock
    authorise(hq, s, terminal, examined)    in the request's transaction, under the books lock:
                                            idempotent on (terminal, seq); evidence.Books decides the
                                            record as it would decide it uploaded, counting every
                                            hold; a spend must fit the balance minus the holds; an
                                            approval holds its points, earnings, coupon use or gift
                                            unit and takes the code's claim for (terminal, seq)
    resolve(hq, s, terminal, seq)           after a terminal's restart: the decision made for that
                                            key, or, if none was, the key given up (a request still
                                            on its way finds it so and reserves nothing)
    examine_lookup, lookup(hq, s, ...)      the member panel online: the code re-verified, whether
                                            it may be used now (used already, blocked, revoked),
                                            and the member's live balance and available points

Every answer is signed by HQ like every /v1 answer (SignResponses); a retry with the same key
gets the same decision. A request that is not an intent HQ can decide (not this terminal's, not a
schema-valid approved purchase/coupon/gift without an auth_id, a seq already recorded or far
beyond what the terminal uploaded) is refused with a typed 4xx and reserves nothing.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from alliance_protocol.reasons import Reason, message
from alliance_protocol.records import DecidedBy, Kind, Status
from alliance_protocol.wire import AuthorisationAnswer, FirstUse, MemberLive

from . import evidence, holds
from .db.models import Authorisation, Claim, Member, Record, Terminal
from .dialect import Prebuilt, insert_ignore_on
from .evidence import APPLIED, HELD, Books, Effect, Examined
from .hq import HQ, HQError, now_ms
from .terminal_keys import Enrolled

ONLINE_KINDS = frozenset({Kind.PURCHASE, Kind.COUPON, Kind.GIFT})
CLOCK_TOLERANCE_MS = 120_000  # an intent is "now": recorded_at within this of HQ's clock
MAX_AHEAD = 100_000  # a key's seq at most this far beyond what the terminal has uploaded
MAX_HELD_PER_TERMINAL = 20  # holds still running per terminal (an honest one has one at a time)
EXPIRY_SWEEP_S = 5.0
_last_sweep: dict[str, float] = {}  # per database: when this process last marked expired holds


_INSERT_DECISION = insert(Authorisation)
_INSERT_CLAIM = Prebuilt(lambda dialect: insert_ignore_on(dialect, Claim, ["claim"]))


def examine_request(hq: HQ, terminal: Enrolled, record: dict[str, Any]) -> Examined:
    """The intent checked on its own, before any transaction (the CPU-bound part: the member code's
    two signatures). Raises HQError (4xx) for a request that is not an authorisable intent."""
    received = now_ms()
    cfg = hq.books_config()
    checker = evidence.CodeChecker(hq.verification_keys(), cfg, hq.compromised_keys())
    ex = evidence.examine_intent(record, terminal.id, terminal.merchant_id, checker, cfg, received)
    if ex.parsed is None:
        raise HQError((ex.refused or Reason.RECORD_SCHEMA_INVALID).value, ex.detail, 422)
    rec = ex.parsed
    if ex.refused is Reason.RECORD_WRONG_TERMINAL:
        raise HQError(ex.refused.value, ex.detail, 422)
    if rec.kind not in ONLINE_KINDS or rec.status is not Status.APPROVED:
        raise HQError(
            Reason.REQUEST_INVALID.value,
            f"a {rec.kind.value} {rec.status.value} record is not "
            "authorised online (approved purchase, coupon or gift only)",
            422,
        )
    if rec.auth_id is not None or rec.decided_by is not DecidedBy.ONLINE:
        raise HQError(
            Reason.REQUEST_INVALID.value, "an intent says decided_by online and names no auth_id", 422
        )
    if ex.refused is None and ex.held is None and abs(rec.recorded_at - received) > CLOCK_TOLERANCE_MS:
        ex.held, ex.detail = (
            Reason.TIME_INCONSISTENT,
            (f"recorded_at is {(rec.recorded_at - received) // 1000} s from HQ's clock"),
        )
    return ex


def _new_auth_id() -> str:
    return "A" + secrets.token_hex(10)


def _first_use(s: Session, terminal_id: str, seq: int) -> FirstUse | None:
    """Where and when a claim's holder used the code: its record, or its online authorisation."""
    row = s.execute(
        select(Record.merchant_id, Record.recorded_at).where(
            Record.terminal_id == terminal_id, Record.seq == seq
        )
    ).first()
    if row is not None:
        return FirstUse(
            terminal_id=terminal_id, merchant_id=row.merchant_id, seq=seq, recorded_at=row.recorded_at
        )
    auth = s.execute(
        select(Authorisation.merchant_id, Authorisation.body).where(
            Authorisation.terminal_id == terminal_id, Authorisation.seq == seq
        )
    ).first()
    if auth is None:
        return None
    try:
        at = int(json.loads(auth.body).get("recorded_at", 0))
    except (ValueError, AttributeError):
        at = 0
    return FirstUse(terminal_id=terminal_id, merchant_id=auth.merchant_id, seq=seq, recorded_at=at)


def _refusal(s: Session, effect: Effect) -> tuple[Reason, str, FirstUse | None]:
    """The reason an online decline gives: a code used already is CODE_USED_ONLINE, with where/when."""
    reason = effect.reason or Reason.INTERNAL_ERROR
    if reason is Reason.CODE_REUSED:
        first = (effect.case_evidence or {}).get("first_use") or {}
        use = _first_use(s, str(first.get("terminal_id", "")), int(first.get("seq", 0)))
        return Reason.CODE_USED_ONLINE, effect.detail, use
    return reason, effect.detail, None


def _answer(row: Authorisation, server_ms: int | None = None) -> AuthorisationAnswer:
    return _answer_of(holds.answer_of(row), row.state, server_ms)


def _answer_of(answer: dict[str, Any], state: str, server_ms: int | None = None) -> AuthorisationAnswer:
    """A decision as answered (the JSON stored with it), with its state now and HQ's time."""
    return AuthorisationAnswer(**{**answer, "state": state, "server_time_ms": server_ms or now_ms()})


def _sweep(hq: HQ, s: Session, now: int) -> None:
    key = str(hq.engine.url)
    if time.monotonic() - _last_sweep.get(key, 0.0) >= EXPIRY_SWEEP_S:
        _last_sweep[key] = time.monotonic()
        holds.expire_due(s, now)


def _key_usable(terminal: Terminal, seq: int) -> None:
    """A key's seq must be beyond what this terminal's chain has at HQ, and not far beyond. (A record
    stored beyond a gap in the chain is decided when the chain reaches it: it settles the key then.)"""
    if seq <= terminal.acked_seq:
        raise HQError(Reason.AUTHORISATION_TOO_LATE.value, f"#{seq} is recorded at HQ already", 409)
    if seq > terminal.acked_seq + MAX_AHEAD:
        raise HQError(
            Reason.REQUEST_INVALID.value,
            f"#{seq} is more than {MAX_AHEAD} beyond the records "
            f"HQ has from this terminal (#{terminal.acked_seq})",
            422,
        )


def authorise(hq: HQ, s: Session, terminal: Terminal, ex: Examined) -> AuthorisationAnswer:
    """Decide and reserve, in the caller's transaction (the terminal's nonce is in it too)."""
    rec = ex.parsed
    assert rec is not None and rec.member_id is not None
    now = now_ms()
    _key_usable(terminal, rec.seq)
    hq.lock_books(s)  # the alliance-wide order of decisions, shared with every batch's (ingest)
    _sweep(hq, s, now)
    cfg = hq.books_config(s)  # (with this transaction's connection: never a second one while it is held)
    books = Books(s, terminal.id, terminal.merchant_id, cfg, [ex], None)  # (reads this key's decision too)
    if rec.seq in books.holds.own:
        existing = s.get(Authorisation, books.holds.own[rec.seq].id)
        assert existing is not None
        if existing.state == holds.ABANDONED or existing.body == ex.text:
            return _answer(existing)  # the same key again: the same decision
        raise HQError(
            Reason.AUTHORISATION_MISMATCH.value, f"#{rec.seq} was asked for with another record", 409
        )
    if books.holds.held_by_terminal >= MAX_HELD_PER_TERMINAL:
        raise HQError(
            Reason.RATE_LIMITED.value,
            f"{MAX_HELD_PER_TERMINAL} holds of this terminal await their records: upload them first",
            429,
        )
    member = rec.member_id
    known = member in books.members
    available = books.available(member) if known else None
    effect = books.decide(ex)
    first_use, approved = None, False
    if effect.effect == APPLIED and available is not None and effect.points_spent > available:
        reason, detail = (
            Reason.INSUFFICIENT_POINTS,
            f"{effect.points_spent} points asked, {max(0, available)} available",
        )
    elif effect.effect == APPLIED:
        approved, detail = True, ""
        # what the member gets: HQ credits within the daily cap alliance-wide (the terminal knows its own)
        reason = Reason.DAILY_CAP_REACHED if effect.points_earned < rec.points_earned else rec.reason
    elif effect.effect == HELD:
        reason, detail = effect.reason or Reason.TIME_INCONSISTENT, effect.detail
    else:
        reason, detail, first_use = _refusal(s, effect)
    spent, earned = (effect.points_spent, effect.points_earned) if approved else (0, 0)
    state = holds.HELD if approved else holds.DECLINED
    row = {
        "auth_id": _new_auth_id(),
        "terminal_id": terminal.id,
        "merchant_id": terminal.merchant_id,
        "seq": rec.seq,
        "kind": rec.kind.value,
        "state": state,
        "reason": reason.value,
        "detail": detail[:200],
        "member_id": member,
        "cert_serial": rec.cert_serial,
        "counter": rec.counter,
        "points_spent": spent,
        "points_earned": earned,
        "local_day": effect.local_day if approved else None,
        "item_id": effect.item_id if approved else None,
        "uses": effect.uses if approved else 0,
        "body": ex.text,
        "created_at": now,
        "expires_at": now + cfg.authorisation_hold_s * 1000 if approved else now,
        "note": "",
    }
    booked = books.members[member].balance if known else None
    msg = message(reason)
    answer: dict[str, Any] = {
        "auth_id": row["auth_id"],
        "seq": rec.seq,
        "decision": "approved" if approved else "declined",
        "reason": reason.value,
        "message_zh": msg.zh,
        "message_en": msg.en,
        "detail": detail[:300],
        "member_id": member,
        "points_spent": spent,
        "points_earned": earned,
        "balance": booked,
        "available": None if available is None else available - spent,
        # books.balance already counts this decision when it applied; the other holds come on top
        "balance_after": (books.balance(member) if approved else booked or 0)
        + books.holds.balance_change(member)
        if known
        else None,
        "first_use": first_use.model_dump() if first_use else None,
        "expires_at_ms": row["expires_at"] if approved else None,
    }
    row["answer"] = json.dumps(answer, ensure_ascii=False, sort_keys=True)
    # (plain statements: the decision is not needed as an object in this transaction)
    s.execute(_INSERT_DECISION, row)
    claims = effect.claims if approved else []
    if claims:  # free: Books found them so under the lock
        s.execute(
            _INSERT_CLAIM.of(s),
            [{"claim": c, "record_id": None, "terminal_id": terminal.id, "seq": rec.seq} for c in claims],
        )
    return _answer_of(answer, state, now)


def resolve(hq: HQ, s: Session, terminal: Terminal, seq: int) -> AuthorisationAnswer:
    """The decision HQ made for (terminal, seq); none made: the key is given up ("abandoned")."""
    hq.lock_books(s)
    existing = s.scalar(
        select(Authorisation).where(Authorisation.terminal_id == terminal.id, Authorisation.seq == seq)
    )
    if existing is not None:
        return _answer(existing)
    _key_usable(terminal, seq)
    now = now_ms()
    reason = Reason.AUTHORISATION_INTERRUPTED
    msg = message(reason)
    row = Authorisation(
        auth_id=_new_auth_id(),
        terminal_id=terminal.id,
        merchant_id=terminal.merchant_id,
        seq=seq,
        kind="",
        state=holds.ABANDONED,
        reason=reason.value,
        detail="the terminal gave this key up before HQ decided it",
        body="",
        created_at=now,
        expires_at=now,
        settled_at=now,
        note="given up by the terminal (restart)",
    )
    row.answer = json.dumps(
        {
            "auth_id": row.auth_id,
            "seq": seq,
            "decision": "declined",
            "reason": reason.value,
            "message_zh": msg.zh,
            "message_en": msg.en,
            "detail": row.detail,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    s.add(row)
    s.flush()
    return _answer(row, now)


def examine_lookup(hq: HQ, terminal: Enrolled, code: str) -> Examined:
    """The member panel's code checked on its own, before any transaction (its two signatures)."""
    cfg = hq.books_config()
    checker = evidence.CodeChecker(hq.verification_keys(), cfg, hq.compromised_keys())
    return evidence.examine_code(code, terminal.id, terminal.merchant_id, checker, now_ms())


def lookup(hq: HQ, s: Session, terminal: Enrolled, ex: Examined) -> MemberLive:
    """The member panel online, in the request's transaction (the one that stored its nonce):
    nothing is consumed, nothing else is written."""
    rec = ex.parsed

    def refused(
        reason: Reason, detail: str = "", first_use: FirstUse | None = None, member_id: int | None = None
    ) -> MemberLive:
        msg = message(reason)
        return MemberLive(
            ok=False,
            reason=reason.value,
            message_zh=msg.zh,
            message_en=msg.en,
            detail=detail[:300],
            member_id=member_id,
            first_use=first_use,
            server_time_ms=now_ms(),
        )

    if ex.refused is not None or rec is None:
        return refused(ex.refused or Reason.MALFORMED, ex.detail)
    if ex.held is not None:
        return refused(ex.held, ex.detail, member_id=rec.member_id)
    assert rec.member_id is not None
    books = Books(s, terminal.id, terminal.merchant_id, hq.books_config(s), [ex], None)
    problem = books.code_problem(rec, ex.cert)
    if problem is not None:
        reason, detail, first_use = _refusal(s, problem)
        return refused(reason, detail, first_use, rec.member_id)
    m = s.get(Member, rec.member_id)
    assert m is not None  # (code_problem refuses an unknown member)
    msg = message(Reason.OK)
    return MemberLive(
        ok=True,
        reason=Reason.OK.value,
        message_zh=msg.zh,
        message_en=msg.en,
        member_id=m.id,
        tier=m.tier,
        balance=m.balance,
        available=books.available(m.id),
        expiring_soon=m.expiring_soon,
        birthday_month=m.birthday_month,
        server_time_ms=now_ms(),
    )
