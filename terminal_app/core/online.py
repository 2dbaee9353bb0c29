"""Online first, offline when it must: the terminal's side of online authorisation
(docs/online-authorisation.md). Qt-free; used by TerminalService.

    path = OnlinePath(store, recorder, authoriser)   # authoriser: terminal_app.sync.online.OnlineClient
    live = path.lookup(code, terms)                  # HQ's MemberLive, or None: decide offline
    result = path.commit(session, decision, terms, now, retention)     # journaled: online, or offline
    results = path.resolve_pending(terms, retention)                   # after a restart

A code-backed transaction (purchase, coupon, gift) goes like this:

1. decided locally as far as the terminal can (decisions/scanned.py with `online=True`: the
   code's session and replay guard, the rules' pricing, the catalogue; not the offline limits:
   HQ decides on the live balance). A local refusal is journaled at once.
2. the intent: the record the terminal will journal if HQ approves, every field but `auth_id`,
   kept in `pending_authorisations` (terminal_app/store/pending.py) in one write transaction with
   the seq it takes. While it waits the journal takes nothing else (core/journal.py).
3. asked: the authoriser within the bundle's `online_budget_ms`, with the key (terminal, seq).
4. the outcome, in one write transaction with the pending row's removal: HQ approved: the intent
   plus HQ's `auth_id` (its upload captures HQ's hold; the code is used here too); HQ declined: a
   rejected record with HQ's reason and `auth_id`; no usable answer in time: decided offline with
   today's rules and limits at that seq (`decided_by` offline or offline_near_limit, `detail` why).

After a restart a pending intent whose process is gone (killed before it could journal the
outcome) is resolved before anything else is journaled (`resolve_pending`, when the service
starts): HQ's decision for the key (approved and still held: the approved record; anything else:
a rejected record), or without an answer a rejected record AUTHORISATION_INTERRUPTED (its upload
releases whatever HQ held).

When HQ does not answer, the next transactions do not wait the budget again: for RETRY_S the
terminal decides offline at once, then asks again; any answer from HQ (`mark_up`: a transaction's,
or the sync loop's) brings it back at once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from alliance_protocol import records
from alliance_protocol.reasons import Reason
from alliance_protocol.records import DecidedBy, Status
from alliance_protocol.wire import AuthorisationAnswer, MemberLive
from terminal_app.store import Store
from terminal_app.store.pending import Pending

from . import journal
from .decisions.base import Outcome
from .decisions.scanned import ScannedDecision, decide_scanned
from .failures import NotRecorded
from .recorder import Recorded, Recorder, txn_result
from .results import TxnResult
from .sessions import ScanSession, VerifiedCode
from .terms import Terms

RETRY_S = 10.0  # after an attempt without an answer, decide offline at once for this long
GRACE_MS = 1_000  # (Windows) a pending intent younger than budget + this may still be waited on
_IN_FLIGHT: set[tuple[str, int]] = set()  # (store, seq) this process is asking HQ about right now
APPROVED_ONLY = (
    "discount_pct",
    "discount_fen",
    "cash_off_fen",
    "paid_fen",
    "points_spent",
    "points_earned",
    "multiplier_pct",
)  # what a rejected record of the same attempt does not carry
HELD_STATES = ("held", "captured")  # HQ's approval still stands: the approved record is journaled


@dataclass(frozen=True)
class Unanswered:
    """No usable answer from HQ: decide without it. `reason` is a Reason value; `status` the HTTP
    status when HQ answered with a refusal of the request (None: no answer, or not an authentic one)."""

    reason: str
    detail: str = ""
    status: int | None = None


class Authoriser(Protocol):
    """HQ, asked within a budget (terminal_app/sync/online.py: OnlineClient)."""

    def lookup(self, code: str, budget_s: float) -> MemberLive | Unanswered: ...

    def authorise(self, record: dict[str, Any], budget_s: float) -> AuthorisationAnswer | Unanswered: ...

    def resolve(self, seq: int, budget_s: float) -> AuthorisationAnswer | Unanswered: ...


def _reason(code: str) -> Reason | None:
    try:
        return Reason(code)
    except ValueError:
        return None


def rejected_form(
    intent: dict[str, Any],
    reason: Reason,
    auth_id: str | None,
    decided_by: DecidedBy,
    detail: str | None = None,
) -> dict[str, Any]:
    """The same attempt as a rejected record (HQ declined it, or it was interrupted)."""
    body = {k: v for k, v in intent.items() if k not in APPROVED_ONLY}
    spent = intent.get("points_spent") or 0
    if spent:
        body["points_requested"] = spent
    body.update(status=Status.REJECTED.value, reason=reason.value, decided_by=decided_by.value)
    if auth_id is not None:
        body["auth_id"] = auth_id
    if detail:
        body["detail"] = records.clean_text(detail, records.DETAIL_MAX)
    return body


class OnlinePath:
    def __init__(
        self,
        store: Store,
        recorder: Recorder,
        authoriser: Authoriser | None,
        *,
        retry_s: float = RETRY_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.recorder, self.authoriser = store, recorder, authoriser
        self.retry_s, self.monotonic = retry_s, monotonic
        self._down_until = 0.0
        self._down_reason = ""
        # Whether an intent may be waiting in the store (looked at when the service starts; after
        # that only once this process left one behind, or the journal said one blocks it).
        self.maybe_pending = True

    # --- is HQ to be asked now?
    def available(self) -> bool:
        return self.authoriser is not None and self.monotonic() >= self._down_until

    def mark_up(self) -> None:
        """HQ answered (here, or the sync loop): ask it again at once."""
        self._down_until, self._down_reason = 0.0, ""

    def _noted(self, answer: Any) -> Any:
        if isinstance(answer, Unanswered):
            if answer.status is None or answer.reason == Reason.RESPONSE_UNAUTHENTICATED.value:
                self._down_until = self.monotonic() + self.retry_s
                self._down_reason = answer.detail or answer.reason
        else:
            self.mark_up()
        return answer

    def offline_note(self) -> str | None:
        """Why a decision is offline although this terminal can ask HQ (None: it cannot ask at all)."""
        if self.authoriser is None:
            return None
        if not self._down_reason:
            return None
        return records.clean_text(f"HQ not answering ({self._down_reason})", records.DETAIL_MAX)

    @staticmethod
    def budget_s(terms: Terms) -> float:
        return terms.rules.online_budget_ms / 1000

    # --- the member panel
    def lookup(self, code: VerifiedCode, terms: Terms) -> MemberLive | None:
        """HQ's live view of the scanned code and member, or None (decide offline)."""
        if self.authoriser is None or not self.available():
            return None
        live: MemberLive | Unanswered = self._noted(self.authoriser.lookup(code.text, self.budget_s(terms)))
        if isinstance(live, Unanswered) or _reason(live.reason) is None:
            return None
        if live.member_id is not None and live.member_id != code.member_id:
            return None  # an answer about someone else is no answer
        return live

    # --- a code-backed transaction
    def commit(
        self, session: ScanSession, decision: ScannedDecision, terms: Terms, now: float, retention: int
    ) -> TxnResult:
        assert self.authoriser is not None
        kind = decision.kind
        intent: dict[str, Any] | None = None
        with self.store.write() as tx:
            outcome = decide_scanned(tx, session, None, decision, terms, now, retention, online=True)
            body = self.recorder.body(tx, kind, outcome, now)
            if not outcome.counts:  # refused here already (pricing, catalogue, a code used here)
                return txn_result(
                    Recorded(
                        journal.append(tx, self.recorder.key, body, day=self.recorder.day(terms, now)),
                        outcome,
                    )
                )
            pending = tx.pending.get()
            if pending is not None:
                raise NotRecorded(f"record #{pending.seq} awaits HQ's answer", Reason.AUTHORISATION_PENDING)
            seq, prev_hash = tx.journal.head()
            intent = {
                k: v for k, v in {**body, "seq": seq + 1, "prev_hash": prev_hash}.items() if v is not None
            }
            records.parse(intent)  # the schema HQ parses with (SchemaError: nothing written)
            day = self.recorder.day(terms, now)
            tx.pending.put(seq + 1, kind.value, intent, day, int(time.time() * 1000), os.getpid())
        in_flight = (str(self.store.path), seq + 1)
        _IN_FLIGHT.add(in_flight)
        self.maybe_pending = True  # (until its outcome is journaled)
        try:
            answer = self._noted(self.authoriser.authorise(intent, self.budget_s(terms)))
        finally:
            _IN_FLIGHT.discard(in_flight)
        if isinstance(answer, Unanswered):
            why = (
                f"HQ: {answer.detail or answer.reason}"
                if answer.status is None
                else f"HQ refused the request: {answer.reason}"
            )
            recorded = self.recorder.record(
                kind,
                lambda tx: _noting(decide_scanned(tx, session, None, decision, terms, now, retention), why),
                terms=terms,
                now=now,
                resolving=intent["seq"],
            )
            self.maybe_pending = False
            return txn_result(recorded)
        result = self._journal_answer(intent, day, answer, outcome, now, retention)
        self.maybe_pending = False
        return result

    def _journal_answer(
        self,
        intent: dict[str, Any],
        day: str,
        answer: AuthorisationAnswer,
        outcome: Outcome | None,
        now: float,
        retention: int,
    ) -> TxnResult:
        """HQ's decision for the intent, journaled at its seq (the pending row goes with it)."""
        seq = int(intent["seq"])
        approved = answer.decision == "approved" and answer.state in HELD_STATES
        reason = _reason(answer.reason) or Reason.SERVER_ERROR
        if approved:
            body = {**intent, "auth_id": answer.auth_id}
        elif answer.state == "declined" or answer.decision == "declined":
            body = rejected_form(
                intent,
                reason if reason is not Reason.OK else Reason.AUTHORISATION_INTERRUPTED,
                answer.auth_id,
                DecidedBy.ONLINE,
                answer.detail or None,
            )
        else:  # approved once, but the hold has ended (expired after a long outage): not approved now
            body = rejected_form(
                intent,
                Reason.AUTHORISATION_INTERRUPTED,
                answer.auth_id,
                DecidedBy.ONLINE,
                f"HQ's hold {answer.state}",
            )
        bare = {k: v for k, v in body.items() if k not in ("seq", "prev_hash")}
        with self.store.write() as tx:
            record = journal.append(tx, self.recorder.key, bare, day=day, resolving=seq)
            if approved:
                serial, counter, code_time = intent["cert_serial"], intent["counter"], intent["code_time"]
                tx.replay.consume(serial, counter, code_time, now=now, retention=retention)
        result = txn_result(
            Recorded(record, outcome or Outcome(Status(body["status"]), Reason(body["reason"])))
        )
        first_use = answer.first_use.model_dump() if answer.first_use is not None else None
        return TxnResult(
            result.ok,
            reason if approved or reason is not Reason.OK else result.reason,
            result.seq,
            answer.detail,
            result.pricing,
            answer.points_earned if approved else 0,
            answer.points_spent if approved else 0,
            DecidedBy.ONLINE.value,
            answer.balance_after if approved else None,
            first_use,
            answer.auth_id,
        )

    # --- after a restart
    def has_pending(self) -> bool:
        if not self.maybe_pending:
            return False
        with self.store.read() as tx:
            self.maybe_pending = tx.pending.get() is not None
        return self.maybe_pending

    def resolve_pending(self, terms: Terms, now: float, retention: int) -> list[TxnResult]:
        """Journal the outcome of an intent whose process died before it could (exactly once)."""
        with self.store.read() as tx:
            pending = tx.pending.get()
        if pending is None or self._owner_waits(pending, terms):
            return []
        answer: AuthorisationAnswer | Unanswered = Unanswered(Reason.SERVER_UNREACHABLE.value, "not asked")
        # This process's own intent whose outcome could not be written (a full disk): its cashier was
        # told nothing was recorded, so nothing is approved now. A killed process's: HQ's decision.
        if self.authoriser is not None and pending.owner_pid != os.getpid():
            answer = self._noted(self.authoriser.resolve(pending.seq, self.budget_s(terms)))
        if isinstance(answer, Unanswered):
            why = (
                "its outcome could not be journaled; nothing was approved"
                if pending.owner_pid == os.getpid()
                else "interrupted before HQ's answer was journaled; HQ did not answer after the restart"
            )
            body = rejected_form(pending.body, Reason.AUTHORISATION_INTERRUPTED, None, DecidedBy.OFFLINE, why)
            bare = {k: v for k, v in body.items() if k not in ("seq", "prev_hash")}
            with self.store.write() as tx:
                record = journal.append(tx, self.recorder.key, bare, day=pending.day, resolving=pending.seq)
            return [txn_result(Recorded(record, Outcome(Status.REJECTED, Reason.AUTHORISATION_INTERRUPTED)))]
        return [self._journal_answer(pending.body, pending.day, answer, None, now, retention)]

    def _owner_waits(self, pending: Pending, terms: Terms) -> bool:
        """The process that asked is still there waiting for HQ's answer: leave it the outcome."""
        if pending.owner_pid == os.getpid():
            return (str(self.store.path), pending.seq) in _IN_FLIGHT
        if os.name != "posix":  # (no signal-0 probe on Windows: wait out its budget instead)
            return time.time() * 1000 - pending.created_at < terms.rules.online_budget_ms + GRACE_MS
        try:
            os.kill(pending.owner_pid, 0)
        except ProcessLookupError:
            return False  # killed: its intent is ours to resolve
        except PermissionError:
            return True
        return True


def _noting(outcome: Outcome, why: str) -> Outcome:
    """The offline decision's record says why HQ did not decide (the `detail` field, as text)."""
    return Outcome(
        outcome.status,
        outcome.reason,
        {**outcome.fields, "detail": records.clean_text(why, records.DETAIL_MAX)},
        outcome.pricing,
    )
