"""HQ tables (SQLAlchemy 2.0 declarative, portable between SQLite and PostgreSQL).

The schema itself is owned by the Alembic migrations in sync_server/db/migrations.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Merchant(Base):
    __tablename__ = "merchants"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    industry: Mapped[str] = mapped_column(String(50), default="retail")
    rank: Mapped[str] = mapped_column(String(20), default="basic")  # core / strategic / basic
    daily_target_fen: Mapped[int] = mapped_column(BigInteger, default=0)  # commission 8 % above it
    created_at: Mapped[int] = mapped_column(BigInteger)


class Terminal(Base):
    __tablename__ = "terminals"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    public_key: Mapped[str | None] = mapped_column(String(64), nullable=True)  # None until enrolled
    status: Mapped[str] = mapped_column(String(20), default="created")  # created / active / suspended
    enrolled_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_seen_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    reported_queue: Mapped[int] = mapped_column(Integer, default=0)
    clock_offset_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # terminal - server
    acked_seq: Mapped[int] = mapped_column(BigInteger, default=0)  # highest contiguous stored seq
    acked_hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class EnrollmentCode(Base):
    __tablename__ = "enrollment_codes"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the code
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminals.id"), index=True)
    expires_at: Mapped[int] = mapped_column(BigInteger)
    used_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    mac_key: Mapped[str | None] = mapped_column(String(64), nullable=True)  # hex; None: issued before 0004


class RequestNonce(Base):
    """Every signed request's nonce, kept: a replayed request hits the primary key."""

    __tablename__ = "request_nonces"
    terminal_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(32), primary_key=True)
    seen_ms: Mapped[int] = mapped_column(BigInteger, index=True)


class Member(Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    tier: Mapped[int] = mapped_column(Integer, default=0)
    balance: Mapped[int] = mapped_column(BigInteger, default=0)  # points, from the ledger
    expiring_soon: Mapped[int] = mapped_column(BigInteger, default=0)
    birthday_month: Mapped[int] = mapped_column(Integer, default=0)
    home_merchant_id: Mapped[str | None] = mapped_column(String(32), nullable=True)  # who brought them in
    secret_hash: Mapped[str] = mapped_column(String(200), default="")  # the wallet login (member_login.py)
    backup_key: Mapped[str] = mapped_column(String(64), default="")  # hex HOTP key of the backup numeric code
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    # unix ms: records after it are refused
    blocked_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    change_cursor: Mapped[int] = mapped_column(BigInteger, default=0, index=True)


class Device(Base):
    """A member device certificate HQ issued (the serial is what deny lists name)."""

    __tablename__ = "devices"
    serial: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    device_public_key: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[int] = mapped_column(BigInteger)
    not_after: Mapped[int] = mapped_column(BigInteger)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    # unix ms: codes after it are refused
    revoked_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Record(Base):
    """One terminal journal record, stored exactly once (the unique key is permanent).

    `body` is the record exactly as signed; the other columns are what HQ derived from it
    (sync_server/evidence.py). `effect` says what the record does to the books: "applied" (its
    points_delta, points_earned/spent, sale_fen and uses count), "held" (computed, awaiting a
    review; counts for nothing yet), "refused" (moves nothing; flag_reason and flag say why),
    "pending" (stored beyond a gap in the terminal's chain: examined once the chain reaches it),
    "none" (a rejected attempt, a scan, a shift close: nothing to move)."""

    __tablename__ = "records"
    __table_args__ = (UniqueConstraint("terminal_id", "seq", name="uq_records_terminal_seq"),
                      Index("ix_records_member_time", "member_id", "recorded_at"),
                      Index("ix_records_item", "item_id", postgresql_where=text("item_id IS NOT NULL"),
                            sqlite_where=text("item_id IS NOT NULL")),
                      Index("ix_records_receipt", "merchant_id", "receipt_ref",
                            postgresql_where=text("receipt_ref IS NOT NULL"),
                            sqlite_where=text("receipt_ref IS NOT NULL")))
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    merchant_id: Mapped[str] = mapped_column(String(32), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    sig: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)  # canonical JSON, exactly as signed
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(String(40))
    member_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    cert_serial: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    counter: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    points_delta: Mapped[int] = mapped_column(BigInteger, default=0)
    recorded_at: Mapped[int] = mapped_column(BigInteger, index=True)  # unix ms, terminal clock
    received_at: Mapped[int] = mapped_column(BigInteger)  # unix ms, server clock
    flag: Mapped[str | None] = mapped_column(String(200), nullable=True)  # why it needs review (words)
    batch_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    effect: Mapped[str] = mapped_column(String(10), default="none")
    flag_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)  # a Reason code
    points_earned: Mapped[int] = mapped_column(BigInteger, default=0)  # as HQ credits them (a void: negative)
    points_spent: Mapped[int] = mapped_column(BigInteger, default=0)
    # member sale (paid in money); a void: negative
    sale_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    item_id: Mapped[str | None] = mapped_column(String(70), nullable=True)  # "coupon:<id>" / "gift:<id>"
    uses: Mapped[int] = mapped_column(Integer, default=0)  # of item_id: 1, a void -1
    # days since 1970 in local time (caps)
    local_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    receipt_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)  # a backfill's receipt
    # a void: the record it reverses
    void_of_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    voided_by_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # online / offline / offline_near_limit
    decided_by: Mapped[str | None] = mapped_column(String(20), nullable=True)


class MemberDay(Base):
    """Points HQ credited a member on one local day, alliance-wide (the daily earn cap's running sum,
    kept with every applied record's points_earned: ingest and reviews)."""

    __tablename__ = "member_days"
    member_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    local_day: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    earned: Mapped[int] = mapped_column(BigInteger, default=0)


class Claim(Base):
    """Something usable once alliance-wide: "code:<serial>:<counter>" (a member code), or
    "backup:<member>:<time step>" (a backup numeric code). The first record stored takes it."""

    __tablename__ = "claims"
    claim: Mapped[str] = mapped_column(String(80), primary_key=True)
    # None: an online reservation's, until its record arrives
    record_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    terminal_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger)


class Authorisation(Base):
    """An online authorisation (sync_server/authorisation.py, docs/online-authorisation.md): HQ's
    decision for the record a terminal will write at (terminal_id, seq), the idempotency key. An
    approved one holds what the record will consume (`state` "held": points, the day's earnings,
    a coupon use or gift unit; the code's claim is in `claims`) until the record at (terminal_id,
    seq) arrives and captures or releases it, or until `expires_at`."""

    __tablename__ = "authorisations"
    __table_args__ = (UniqueConstraint("terminal_id", "seq", name="uq_authorisations_terminal_seq"),
                      Index("ix_authorisations_held_member", "member_id",
                            postgresql_where=text("state = 'held'"), sqlite_where=text("state = 'held'")),
                      Index("ix_authorisations_held_item", "item_id", postgresql_where=text("state = 'held'"),
                            sqlite_where=text("state = 'held'")),
                      Index("ix_authorisations_held_expiry", "expires_at",
                            postgresql_where=text("state = 'held'"), sqlite_where=text("state = 'held'")))
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    auth_id: Mapped[str] = mapped_column(String(21), unique=True)  # "A" + 20 hex: named by the record
    terminal_id: Mapped[str] = mapped_column(String(64))
    merchant_id: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(20))
    # held / captured / released / expired / declined / abandoned
    state: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(40))  # OK... when approved, else why declined
    detail: Mapped[str] = mapped_column(String(200), default="")
    member_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    cert_serial: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    counter: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    points_spent: Mapped[int] = mapped_column(BigInteger, default=0)  # held: not spendable by anyone else
    points_earned: Mapped[int] = mapped_column(BigInteger, default=0)  # held: counts towards the day's cap
    local_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    item_id: Mapped[str | None] = mapped_column(String(70), nullable=True)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    body: Mapped[str] = mapped_column(Text)  # canonical JSON of the record as authorised (capture compares)
    answer: Mapped[str] = mapped_column(Text)  # the decision as answered (a retry gets the same)
    created_at: Mapped[int] = mapped_column(BigInteger)  # unix ms, HQ's clock
    expires_at: Mapped[int] = mapped_column(BigInteger)  # unix ms: a hold ends then without its record
    # captured / released / expired
    settled_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # the record at (terminal_id, seq)
    record_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    note: Mapped[str] = mapped_column(String(200), default="")  # why released / what the record was


class BundleVersion(Base):
    """Every trust bundle HQ issued: a record names the one it was decided with (its rules and
    catalogues are what HQ re-derives the record's amounts with)."""

    __tablename__ = "bundle_versions"
    sequence: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    issued_at: Mapped[int] = mapped_column(BigInteger)  # unix s
    payload: Mapped[str] = mapped_column(Text)  # the signed payload (canonical JSON)
    # What HQ serves while this version is in force (sync_server/bundles.py): its content's digest
    # and the signed envelope. None for versions issued before migration 0005 but the one in force.
    digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    envelope: Mapped[str | None] = mapped_column(Text, nullable=True, deferred=True)


class Batch(Base):
    __tablename__ = "batches"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    terminal_id: Mapped[str] = mapped_column(String(64), index=True)
    received_at: Mapped[int] = mapped_column(BigInteger, index=True)
    records: Mapped[int] = mapped_column(Integer)
    stored: Mapped[int] = mapped_column(Integer)
    duplicates: Mapped[int] = mapped_column(Integer)
    flagged: Mapped[int] = mapped_column(Integer)
    acked_seq: Mapped[int] = mapped_column(BigInteger)


class Anomaly(Base):
    __tablename__ = "anomalies"
    __table_args__ = (UniqueConstraint("type", "dedupe_key", name="uq_anomalies_type_key"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    dedupe_key: Mapped[str] = mapped_column(String(200))
    member_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    terminal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    evidence: Mapped[str] = mapped_column(Text)  # JSON
    detected_at: Mapped[int] = mapped_column(BigInteger)
    deadline: Mapped[int] = mapped_column(BigInteger, index=True)  # detected + 48 h
    status: Mapped[str] = mapped_column(String(20), default="open")  # open / accepted / reversed / ...
    reviewed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    reviewed_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    review_note: Mapped[str | None] = mapped_column(Text, nullable=True)


class RateLimit(Base):
    """Failed attempts (wallet logins, HQ logins, enrollment codes) per scope, key and time bucket,
    shared by every worker process (sync_server/ratelimit.py); rows past `expires_at` are pruned."""

    __tablename__ = "rate_limits"
    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[int] = mapped_column(BigInteger, index=True)


class Counter(Base):
    """HQ's server-issued sequences (sync_server/counters.py): "change_cursor" (the last value given
    to a changed member; its row, locked FOR UPDATE, is also the alliance-wide books lock) and
    "bundle_sequence" (the trust bundle version in force; locked while one is issued)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class HQLogin(Base):
    """A merchant's login to the HQ page (sync_server/hq_logins.py): it sees that merchant's
    terminals, batches and cases only. PBKDF2-SHA256 of the password, never the password."""

    __tablename__ = "hq_logins"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    salt: Mapped[str] = mapped_column(String(32))  # hex
    hash: Mapped[str] = mapped_column(String(64))  # hex
    created_at: Mapped[int] = mapped_column(BigInteger)  # unix s


class Setting(Base):
    """What operators set, one JSON document per key: "rules", "coupons", "gifts" (what the next
    trust bundle carries) and "books" (sync_server/books_config.py)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LedgerAdjustment(Base):
    """A ledger entry that is not a terminal record (records are never edited or deleted):
    kind "opening" (the balance a member carried in before the ledger: taken once, at the first
    reconciliation that sees the member), "reversal" (a review's compensating entry), "expiry"
    (points of an earning cycle that ran out; `ref` names the cycle year)."""

    __tablename__ = "ledger_adjustments"
    __table_args__ = (
        UniqueConstraint("member_id", "kind", "ref", name="uq_ledger_adjustments_member_kind_ref"),)
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                    autoincrement=True)
    member_id: Mapped[int] = mapped_column(BigInteger, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # opening / reversal / expiry
    ref: Mapped[str] = mapped_column(String(64))  # unique per member and kind (anomaly id, cycle year)
    points: Mapped[int] = mapped_column(BigInteger)
    effective_at: Mapped[int] = mapped_column(BigInteger)  # unix ms: where it sits in event time
    anomaly_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[int] = mapped_column(BigInteger)  # unix ms, server clock
    note: Mapped[str] = mapped_column(Text, default="")

