"""Terminal tables (SQLAlchemy 2.0 declarative). The schema itself is owned by the Alembic migrations."""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, String, Text
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
