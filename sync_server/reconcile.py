"""Reconciliation: the authoritative member ledger, recomputed from every stored record in event time.

    reconcile(hq) -> ReconcileReport        (`sync-server reconcile` prints it as JSON)

What each record does to the books was decided once, when it arrived, by HQ's evidence checks
(sync_server/evidence.py: records.effect and the typed columns beside it); reconciliation reads
those columns, never the record text. Steps, each its own transaction:
1. Opening balances: a member seen for the first time gets an "opening" ledger adjustment, the
   balance it carried in that no record explains (members.balance minus what its applied records
   did). Taken once; from then on the ledger is openings + applied records + adjustments.
2. The ledger: every applied record with a member and a non-zero points delta, streamed ordered
   by (recorded_at, terminal_id, seq) with ledger adjustments merged in at their effective time.
   A spend that takes a member below zero raises negative_balance (key: the record, the same key
   ingest uses when it sees the crossing in arrival order). An open negative_balance case that event
   time disproves (the member never went below zero there) is closed, status "disproved".
   Points are kept in lots by earning year (spends use the oldest first); a lot expires at the end of
   year Y + expiry_years (books_config) and is taken out of the balance at that moment in event time
   (recomputed each run, never stored); expiring_soon = what expires within expiring_soon_days of now.
3. Journal gaps (a seq missing below a terminal's highest stored one) and clock skew
   (|clock_offset_ms| > settings.clock_tolerance_ms) raise journal_gap / clock_skew. (A copied code
   needs no sweep: the pair (serial, counter) is a claim that only one record ever takes.)
4. Tiers from rolling spend: sale_fen of applied purchases and backup-code sales recorded in the
   window that no void reversed.
5. Written back: balances (drift against members.balance reported), tier, expiring_soon; every
   changed member gets a fresh change_cursor, so terminals and wallets see the change.

Concurrent ingest: the stream reads the records up to the highest id stored when it starts; the
write-back (members locked on PostgreSQL; SQLite has one writer) adds what ingest stored since, so
a batch arriving meanwhile is neither lost nor counted twice; the next run puts it in event order.
On PostgreSQL a transaction that took a lower id but committed after the watermark was read can
still be overwritten: the next run (always a full recomputation) corrects it.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update

from alliance_protocol.rules import AllianceRules

from . import anomalies as an
from .books_config import BooksConfig, load_books_config
from .db.models import Anomaly, LedgerAdjustment, Member, Record, Terminal
from .evidence import APPLIED
from .hq import HQ, now_ms

STREAM_CHUNK = 20_000
DAY_MS = 86_400_000
SALE_KINDS = ("purchase", "backup")


@dataclass
class ReconcileReport:
    records: int = 0  # ledger records streamed (unflagged, with a member, non-zero points)
    members: int = 0
    openings_taken: int = 0
    adjustments: int = 0
    negative_crossings: int = 0
    cases_disproved: int = 0  # open negative_balance cases event time disproves, closed
    journal_gaps: int = 0
    clock_skews: int = 0
    expired_points: int = 0
    # the first 100 members whose stored balance was wrong
    drift: list[dict[str, int]] = field(default_factory=list)
    drift_members: int = 0
    tiers_changed: int = 0
    members_updated: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def local_offset_ms(hq: HQ, s) -> int:
    return AllianceRules.from_dict(hq.get_setting(s, "rules", None)).utc_offset_minutes * 60_000


class YearClock:
    """Local calendar years as unix-ms boundaries (bisect instead of a datetime per record)."""

    def __init__(self, offset_ms: int, first: int = 1990, last: int = 2150) -> None:
        self.first = first
        self.starts = [int(datetime(y, 1, 1, tzinfo=UTC).timestamp() * 1000) - offset_ms
                       for y in range(first, last + 1)]

    def year(self, t_ms: int) -> int:
        return self.first + max(0, bisect.bisect_right(self.starts, t_ms) - 1)

    def start(self, year: int) -> int:
        return self.starts[min(max(year - self.first, 0), len(self.starts) - 1)]


class MemberBook:
    """A member's running balance and points by earning year; sum(lots) == max(balance, 0)."""

    __slots__ = ("balance", "expired", "lots")

    def __init__(self) -> None:
        self.balance = 0
        self.lots: list[list[int]] = []  # [year, remaining], oldest first
        self.expired = 0

    def expire_until(self, t_ms: int, years: YearClock, expiry_years: int) -> None:
        lots = self.lots
        while lots and years.start(lots[0][0] + expiry_years + 1) <= t_ms:
            _, remaining = lots.pop(0)
            self.balance -= remaining
            self.expired += remaining

    def apply(self, delta: int, year: int) -> None:
        before = self.balance
        self.balance = before + delta
        lots = self.lots
        if delta > 0:
            add = delta if before >= 0 else max(0, self.balance)  # a debt is paid back first
            if add:
                for i in range(len(lots) - 1, -1, -1):
                    if lots[i][0] == year:
                        lots[i][1] += add
                        break
                    if lots[i][0] < year:
                        lots.insert(i + 1, [year, add])
                        break
                else:
                    lots.insert(0, [year, add])
        elif delta < 0:
            need = -delta
            while need and lots:
                take = min(need, lots[0][1])
                lots[0][1] -= take
                need -= take
                if lots[0][1] == 0:
                    lots.pop(0)

    def expiring_between(self, start_ms: int, end_ms: int, years: YearClock, expiry_years: int) -> int:
        return sum(r for y, r in self.lots if start_ms < years.start(y + expiry_years + 1) <= end_ms)


def _take_openings(hq: HQ, report: ReconcileReport) -> None:
    with hq.session() as s, s.begin():
        have = select(LedgerAdjustment.member_id).where(LedgerAdjustment.kind == "opening")
        new = s.execute(select(Member.id, Member.balance).where(Member.id.not_in(have))).all()
        if not new:
            return
        ids = [m for m, _ in new]
        applied: dict[int, int] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for member_id, total in s.execute(select(Record.member_id, func.sum(Record.points_delta))
                                              .where(Record.member_id.in_(chunk), Record.effect == APPLIED)
                                              .group_by(Record.member_id)):
                if member_id is not None:  # always: the ids asked for
                    applied[member_id] = int(total or 0)
        now = now_ms()
        s.add_all([LedgerAdjustment(member_id=m, kind="opening", ref="opening",
                                    points=balance - applied.get(m, 0),
                                    effective_at=0, created_by="reconcile", created_at=now,
                                    note="balance carried in before the ledger")
                   for m, balance in new])
        report.openings_taken = len(new)


def ledger_books(hq: HQ, cfg: BooksConfig, years: YearClock, now: int, report: ReconcileReport,
                 watermark: int | None = None) -> tuple[dict[int, MemberBook], list[dict[str, Any]]]:
    """Stream the ledger in event time (records with id <= watermark when given). Returns the books
    and the zero crossings found."""
    books: dict[int, MemberBook] = {}
    crossings: list[dict[str, Any]] = []
    expiry_years = cfg.expiry_years
    with hq.session() as s:
        adjustments = s.execute(select(LedgerAdjustment.member_id, LedgerAdjustment.points,
                                       LedgerAdjustment.effective_at, LedgerAdjustment.created_at)
                                .order_by(LedgerAdjustment.effective_at, LedgerAdjustment.id)).all()
    report.adjustments = len(adjustments)
    ai = 0

    def apply_adjustments_until(t: int) -> None:
        nonlocal ai
        while ai < len(adjustments) and adjustments[ai][2] <= t:
            member_id, points, effective_at, created_at = adjustments[ai]
            b = books.get(member_id)
            if b is None:
                b = books[member_id] = MemberBook()
            b.expire_until(effective_at, years, expiry_years)
            # An opening sits before every record; its points count from the day it was taken.
            b.apply(points, years.year(created_at if effective_at == 0 else effective_at))
            ai += 1

    stmt = (select(Record.member_id, Record.points_delta, Record.recorded_at, Record.terminal_id, Record.seq)
            .where(Record.effect == APPLIED, Record.member_id.is_not(None), Record.points_delta != 0)
            .order_by(Record.recorded_at, Record.terminal_id, Record.seq))
    if watermark is not None:
        stmt = stmt.where(Record.id <= watermark)
    count = 0
    y_start, y_end, y_cached = 0, -1, 0
    n_adj = len(adjustments)
    with hq.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=STREAM_CHUNK).execute(stmt)
        # (member, delta, recorded_at, terminal, seq): the query asks for member_id IS NOT NULL
        rows = cast(Iterable[tuple[int, int, int, str, int]], result)
        for member_id, delta, t, terminal_id, seq in rows:
            count += 1
            if ai < n_adj and adjustments[ai][2] <= t:
                apply_adjustments_until(t)
            b = books.get(member_id)
            if b is None:
                b = books[member_id] = MemberBook()
            if not y_start <= t < y_end:
                y_cached = years.year(t)
                y_start, y_end = years.start(y_cached), years.start(y_cached + 1)
            if b.lots and b.lots[0][0] + expiry_years < y_cached:
                b.expire_until(t, years, expiry_years)
            before = b.balance
            b.apply(delta, y_cached)
            if delta < 0 and before >= 0 > b.balance:
                crossings.append({"member_id": member_id, "record": {"terminal_id": terminal_id, "seq": seq},
                                  "recorded_at": t, "points_delta": delta, "balance_before": before,
                                  "balance_after": b.balance})
    apply_adjustments_until(2**62)
    for b in books.values():
        b.expire_until(now, years, expiry_years)
    report.records = count
    return books, crossings


def _raise_found(hq: HQ, crossings: list[dict[str, Any]], report: ReconcileReport, watermark: int) -> None:
    window = hq.settings.review_window_s
    tolerance = hq.settings.clock_tolerance_ms
    with hq.session() as s, s.begin():
        keys = set()
        for c in crossings:
            r = c["record"]
            keys.add(f"{r['terminal_id']}:{r['seq']}")
            an.raise_anomaly(s, window, an.NEGATIVE_BALANCE, f"{r['terminal_id']}:{r['seq']}",
                             {**c, "source": "event_time"}, member_id=c["member_id"],
                             terminal_id=r["terminal_id"])
        report.negative_crossings = len(crossings)
        # A crossing seen only in the order the batches arrived (or one a later record undid): closed.
        now_s = int(time.time())
        open_crossings = (select(Anomaly)
                          .where(Anomaly.type == an.NEGATIVE_BALANCE, Anomaly.status == "open")
                          .with_for_update())
        for case in s.scalars(open_crossings).all():
            terminal_id, _, seq = case.dedupe_key.rpartition(":")
            rid = (s.scalar(select(Record.id)
                            .where(Record.terminal_id == terminal_id, Record.seq == int(seq)))
                   if seq.isdigit() else None)
            if case.dedupe_key not in keys and rid is not None and rid <= watermark:  # (later ones: next run)
                case.status, case.reviewed_by, case.reviewed_at = an.DISPROVED, "reconcile", now_s
                case.review_note = ("disproved: in event time (every terminal's records in the order they "
                                    "happened) this member's balance never went below zero at this record")
                report.cases_disproved += 1
        # Gaps: sequence numbers missing below a terminal's highest stored one.
        for terminal_id, top, n in s.execute(select(Record.terminal_id, func.max(Record.seq), func.count())
                                             .group_by(Record.terminal_id)).all():
            if n >= top:
                continue
            seqs = s.scalars(select(Record.seq).where(Record.terminal_id == terminal_id)
                             .order_by(Record.seq)).all()
            missing: list[list[int]] = []
            expected = 1
            for q in seqs:
                if q > expected:
                    missing.append([expected, q - 1])
                expected = q + 1
            report.journal_gaps += 1
            an.raise_anomaly(s, window, an.JOURNAL_GAP, f"{terminal_id}:{missing[0][0]}",
                             {"terminal_id": terminal_id, "missing_ranges": missing[:50],
                              "missing": sum(b - a + 1 for a, b in missing), "highest_stored": top},
                             terminal_id=terminal_id)
        for t in s.scalars(select(Terminal).where(Terminal.clock_offset_ms.is_not(None))).all():
            offset = t.clock_offset_ms  # never None here (the query's condition)
            if offset is not None and abs(offset) > tolerance:
                report.clock_skews += 1
                day = (t.last_seen_ms or 0) // DAY_MS
                an.raise_anomaly(s, window, an.CLOCK_SKEW, f"{t.id}:{day}",
                                 {"terminal_id": t.id, "clock_offset_ms": t.clock_offset_ms,
                                  "tolerance_ms": tolerance, "last_seen_ms": t.last_seen_ms},
                                 terminal_id=t.id)


def rolling_spend(hq: HQ, since_ms: int, until_ms: int) -> dict[int, int]:
    """Member sales (sale_fen) per member over applied purchases and backup-code sales recorded in
    [since, until] that no void reversed."""
    spend: dict[int, int] = {}
    stmt = (select(Record.member_id, func.sum(Record.sale_fen))
            .where(Record.effect == APPLIED, Record.member_id.is_not(None), Record.kind.in_(SALE_KINDS),
                   Record.voided_by_id.is_(None), Record.recorded_at >= since_ms,
                   Record.recorded_at <= until_ms)
            .group_by(Record.member_id))
    with hq.session() as s:
        for member_id, total in s.execute(stmt):
            if total and member_id is not None:  # (never None: the query's condition)
                spend[member_id] = int(total)
    return spend


def tier_for(spend_fen: int, thresholds: tuple[int, ...]) -> int:
    return sum(1 for th in thresholds if spend_fen >= th)


def reconcile(hq: HQ, *, now: int | None = None, tiers: bool = True,
              after_stream: Callable[[], None] | None = None) -> ReconcileReport:
    """Recompute the ledger from all records; raise what it finds; write the authoritative books.
    `tiers=False` keeps the stored tiers (balances and expiry are always recomputed).
    `after_stream` runs between the ledger stream and the write-back (tests upload there)."""
    started = time.monotonic()
    now = now_ms() if now is None else now
    report = ReconcileReport()
    with hq.session() as s:
        cfg = load_books_config(hq, s)
        years = YearClock(local_offset_ms(hq, s))
    _take_openings(hq, report)
    with hq.session() as s:
        watermark = s.scalar(select(func.max(Record.id))) or 0
    books, crossings = ledger_books(hq, cfg, years, now, report, watermark)
    if after_stream is not None:
        after_stream()
    _raise_found(hq, crossings, report, watermark)
    spend = rolling_spend(hq, now - cfg.tier_window_days * DAY_MS, now) if tiers else {}
    soon_end = now + cfg.expiring_soon_days * DAY_MS

    with hq.session() as s, s.begin():
        if s.get_bind().dialect.name == "postgresql":
            s.execute(select(Member.id).with_for_update())  # ingest's balance updates wait for us
        current = s.execute(select(Member.id, Member.balance, Member.tier, Member.expiring_soon)).all()
        # Records stored while we streamed: ingest already added them to the stored balance.
        later = dict(s.execute(select(Record.member_id, func.sum(Record.points_delta)).where(
            Record.id > watermark, Record.effect == APPLIED, Record.member_id.is_not(None))
            .group_by(Record.member_id)).all())
        changes: list[dict[str, int]] = []
        for member_id, balance, tier, expiring in current:
            b = books.get(member_id) or MemberBook()
            if later.get(member_id):
                b.balance += int(later[member_id])
            report.expired_points += b.expired
            new_tier = tier_for(spend.get(member_id, 0), cfg.tier_thresholds_fen) if tiers else tier
            new_expiring = b.expiring_between(now, soon_end, years, cfg.expiry_years)
            if b.balance != balance:
                report.drift_members += 1
                if len(report.drift) < 100:
                    report.drift.append({"member_id": member_id, "stored": balance, "ledger": b.balance})
            if new_tier != tier:
                report.tiers_changed += 1
            if (b.balance, new_tier, new_expiring) != (balance, tier, expiring):
                changes.append({"mid": member_id, "b": b.balance, "t": new_tier, "e": new_expiring})
        report.members = len(current)
        if changes:
            first = hq.next_cursor(s, len(changes))
            for i, c in enumerate(changes):
                c["c"] = first + i
            table = Member.__table__
            assert isinstance(table, Table)  # a mapped class's table (typed as any FromClause)
            stmt = (update(table).where(table.c.id == bindparam("mid"))
                    .values(balance=bindparam("b"), tier=bindparam("t"), expiring_soon=bindparam("e"),
                            change_cursor=bindparam("c")))
            s.connection().execute(stmt, changes)
        report.members_updated = len(changes)
    if changes:
        hq.bundle_changed()
    report.seconds = round(time.monotonic() - started, 3)
    return report


def expiry_end_ms(year: int, cfg: BooksConfig, years: YearClock) -> int:
    """When points earned in local year `year` expire."""
    return years.start(year + cfg.expiry_years + 1)
