"""Terminal tables (SQLAlchemy 2.0 declarative). The schema itself is owned by the Alembic migrations."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class StateEntry(Base):
    """Small named values: pinned root keys, identity, clock offset, last sync."""

    __tablename__ = "state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class TrustBundleRow(Base):
    """Every bundle the terminal accepted (the newest is current); refused ones are never stored."""

    __tablename__ = "trust_bundles"
    sequence: Mapped[int] = mapped_column(Integer, primary_key=True)
    issued_at: Mapped[int] = mapped_column(Integer)
    installed_at: Mapped[int] = mapped_column(Integer)
    envelope: Mapped[bytes] = mapped_column(LargeBinary)


class SeenCode(Base):
    """(certificate serial, counter) pairs already used on this terminal: the replay guard."""

    __tablename__ = "seen_codes"
    serial: Mapped[int] = mapped_column(Integer, primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_time: Mapped[int] = mapped_column(Integer, index=True)


class JournalRow(Base):
    """One sealed journal record (body JSON, hash, signature) plus columns indexed for the rules.

    The indexed columns are copies of body fields (and `voided_by`, set when a later void record
    points here); `journal verify` checks they still agree with the signed body."""

    __tablename__ = "journal"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    recorded_at: Mapped[int] = mapped_column(Integer)  # unix ms
    day: Mapped[str] = mapped_column(String(10))  # local date, YYYY-MM-DD
    shift: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(String(40))
    member_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    points_earned: Mapped[int] = mapped_column(Integer, default=0)
    points_spent: Mapped[int] = mapped_column(Integer, default=0)
    coupon_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    gift_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    receipt_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    ref_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    voided_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    body: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))
    sig: Mapped[str] = mapped_column(String(128))


class OutboxRow(Base):
    """Records waiting for the server (delivery is at least once; the server dedupes by seq)."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(
        Integer, ForeignKey("journal.seq"), primary_key=True, autoincrement=False
    )
    synced: Mapped[int] = mapped_column(Integer, default=0)


class MemberBalance(Base):
    """Balances the server pushed. `through_seq`: our records the server had when it computed this
    balance (our synced-through mark when it arrived); spends after it are subtracted offline."""

    __tablename__ = "member_balances"
    member_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    balance: Mapped[int] = mapped_column(Integer)
    expiring_soon: Mapped[int] = mapped_column(Integer, default=0)
    birthday_month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    as_of_cursor: Mapped[str] = mapped_column(String(64), default="")
    through_seq: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[int] = mapped_column(Integer)


class ManagerRow(Base):
    """A manager of this terminal (terminal_app/core/managers.py): own PIN, persisted lockout."""

    __tablename__ = "managers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    active: Mapped[int] = mapped_column(Integer, default=1)
    default_pin: Mapped[int] = mapped_column(Integer, default=0)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[int] = mapped_column(Integer, default=0)


class ManagerAuditRow(Base):
    """What a manager did on this terminal (sign-in, wrong PIN, lockout, managers added, PINs changed...)."""

    __tablename__ = "manager_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[int] = mapped_column(Integer)
    manager_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(String(200), default="")
