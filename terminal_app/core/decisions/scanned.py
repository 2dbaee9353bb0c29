"""What every code-backed decision (purchase, coupon, gift) decides on, and the checks they share.

    outcome = decide_scanned(tx, session, problem, decision, terms, now, retention)

In this order, inside the journal's write transaction: the scan session (expired: refused), the
replay guard (the code already used here: CODE_REPLAYED), the member's offline position, the
kind's own decision; when it counts, the code's (serial, counter) pair is consumed in the same
transaction as the record that uses it. Every such record carries the code's facts, the verified
code text (HQ re-verifies it) and the bundle sequence it was decided under.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol

from alliance_protocol import records
from alliance_protocol.reasons import Reason
from alliance_protocol.records import DecidedBy, Kind
from alliance_protocol.verifier import Verdict
from terminal_app.store import Tx

from ..risk import LIMIT_REASONS, MemberPosition, near_limit, offline_risk
from ..sessions import ScanSession, VerifiedCode
from ..terms import Terms
from .base import Fields, Outcome, refused


@dataclass(frozen=True)
class ScannedContext:
    code: VerifiedCode
    terms: Terms
    position: MemberPosition
    now: float
    online: bool = False  # the intent of an online authorisation: HQ decides on the live balance

    def offline_risk(self, tx: Tx, points: int) -> Reason | None:
        """The offline limits for spending `points` (risk.py); None within them, or online."""
        return None if self.online else offline_risk(tx, self.terms.rules, self.now, points, self.position)


class ScannedDecision(Protocol):
    kind: ClassVar[Kind]

    def decide(self, tx: Tx, c: ScannedContext) -> Outcome: ...


def code_facts(v: Verdict) -> Fields:
    """A rejected code's facts as record fields (a garbled code's out-of-range values are left out)."""
    return {
        "member_id": v.member_id,
        "cert_serial": v.cert_serial,
        "counter": v.counter,
        "code_time": v.code_time,
        "tier": records.int_or_none(v.tier, 0, 3),
    }


def position_of(tx: Tx, code: VerifiedCode, terms: Terms) -> MemberPosition:
    return MemberPosition.read(tx, code.member_id, code.allowance, terms.rules.offline.member_max_points)


def decide_scanned(
    tx: Tx,
    session: ScanSession,
    problem: Reason | None,
    decision: ScannedDecision,
    terms: Terms,
    now: float,
    retention: int,
    *,
    online: bool = False,
) -> Outcome:
    """`online`: the intent of an online authorisation (terminal_app/core/online.py): the offline
    limits are not applied and an approval is what HQ is asked to authorise (the code is consumed
    when HQ's approval is journaled). Every record says which path decided (`decided_by`)."""
    code = session.code
    common: Fields = {**code.facts(), "bundle_seq": terms.bundle_seq, "decided_by": DecidedBy.OFFLINE.value}
    if problem is not None:
        return refused(problem, common)
    if tx.replay.seen(code.cert_serial, code.counter):
        return refused(Reason.CODE_REPLAYED, common)
    position = position_of(tx, code, terms)
    outcome = decision.decide(tx, ScannedContext(code, terms, position, now, online))
    if online and outcome.counts:
        common["decided_by"] = DecidedBy.ONLINE.value
    else:
        points = int(outcome.fields.get("points_spent") or outcome.fields.get("points_requested") or 0)
        if outcome.reason in LIMIT_REASONS or (
                outcome.counts and near_limit(tx, terms.rules, now, points, position)):
            common["decided_by"] = DecidedBy.OFFLINE_NEAR_LIMIT.value
        if outcome.counts:
            tx.replay.consume(code.cert_serial, code.counter, code.code_time, now=now, retention=retention)
    return Outcome(outcome.status, outcome.reason, {**common, **outcome.fields}, outcome.pricing)
