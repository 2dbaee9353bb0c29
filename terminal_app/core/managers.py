"""The managers of one terminal: each their own PIN, a lockout that survives a restart, and an
audit trail of who did what. Qt-free; every call is a short SQLite transaction (run it off the UI
thread: checking a PIN costs one scrypt, ~50 ms by design).

    book = ManagerBook(store)
    first = book.ensure_first("王经理", "1234")        # only when the terminal has no manager yet
    check = book.check(first.id, "1234")               # PinCheck: ok, reason, manager, locked_until
    lee = book.add(first, "李店长", "908172")           # added by a manager who signed in
    book.change_pin(lee, "908172", "551904")
    book.unlock(first, lee.id)

PINs are stored as scrypt (N=2^14, r=8, p=1, 16-byte random salt). After MAX_FAILURES wrong PINs
in a row a manager is locked for LOCK_S seconds, doubled at each further lockout (capped at
MAX_LOCK_S); the count and the end of the lock are columns of the managers table, so a restart
does not reset them. A right PIN resets the count. Another manager can unlock.

A PIN is 4-12 digits and neither one digit repeated nor an ascending/descending run (1234,
9876): `weak_pin`. The first manager may be created with a weak PIN (the demo's 1234); it is
then flagged `default_pin` until changed, and the manager pages say so.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alliance_protocol.reasons import Reason
from terminal_app.store import Store
from terminal_app.store.models import ManagerAuditRow, ManagerRow

MAX_FAILURES = 5
LOCK_S = 300
MAX_LOCK_S = 4 * 3600
NAME_MAX = 32
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


class ManagerError(Exception):
    def __init__(self, reason: Reason, detail: str = "") -> None:
        super().__init__(detail or reason.value)
        self.reason = reason


@dataclass(frozen=True)
class Manager:
    id: int
    name: str
    created_by: int | None = None
    created_at: int = 0
    active: bool = True
    default_pin: bool = False
    failed_attempts: int = 0
    locked_until: int = 0

    def locked(self, now: float | None = None) -> bool:
        return self.locked_until > (time.time() if now is None else now)


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    reason: Reason
    manager: Manager | None = None
    attempts_left: int = 0  # wrong PINs still allowed before the lockout
    locked_until: int = 0  # unix s; 0 when not locked


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def weak_pin(pin: str) -> bool:
    if not (isinstance(pin, str) and pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        return True
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    return steps in ({0}, {1}, {9})


def _name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name or len(name) > NAME_MAX or not name.isprintable():
        raise ManagerError(Reason.MANAGER_NAME_INVALID)
    return name


def _view(row: ManagerRow) -> Manager:
    return Manager(
        row.id,
        row.name,
        row.created_by,
        row.created_at,
        bool(row.active),
        bool(row.default_pin),
        row.failed_attempts,
        row.locked_until,
    )


class ManagerBook:
    def __init__(self, store: Store) -> None:
        self.store = store

    # --- reading
    def list(self, include_inactive: bool = False) -> list[Manager]:
        with Session(self.store.reader) as s:
            q = select(ManagerRow).order_by(ManagerRow.id)
            if not include_inactive:
                q = q.where(ManagerRow.active == 1)
            return [_view(r) for r in s.scalars(q)]

    def get(self, manager_id: int) -> Manager | None:
        with Session(self.store.reader) as s:
            row = s.get(ManagerRow, manager_id)
            return None if row is None else _view(row)

    def count(self) -> int:
        with Session(self.store.reader) as s:
            return s.scalar(select(func.count()).select_from(ManagerRow).where(ManagerRow.active == 1)) or 0

    def audit(self, limit: int = 200) -> builtins.list[dict[str, Any]]:
        with Session(self.store.reader) as s:
            rows = s.scalars(select(ManagerAuditRow).order_by(ManagerAuditRow.id.desc()).limit(limit))
            return [
                {"at": r.at, "manager_id": r.manager_id, "action": r.action, "detail": r.detail} for r in rows
            ]

    # --- writing
    def log(
        self, manager_id: int | None, action: str, detail: str = "", session: Session | None = None
    ) -> None:
        """Record what a manager did (also used by the counter app for its own manager actions)."""
        row = ManagerAuditRow(
            at=int(time.time()), manager_id=manager_id, action=action[:32], detail=str(detail)[:200]
        )
        if session is not None:
            session.add(row)
            return
        with Session(self.store.writer) as s, s.begin():
            s.add(row)

    def ensure_first(self, name: str, pin: str) -> Manager:
        """The terminal's first manager (set-up, demo). Keeps the existing ones if there are any.
        A weak PIN is accepted here only, and flagged to be changed."""
        name = _name(name)
        if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
            raise ManagerError(Reason.PIN_WEAK)
        with Session(self.store.writer) as s, s.begin():
            existing = s.scalars(
                select(ManagerRow).where(ManagerRow.active == 1).order_by(ManagerRow.id)
            ).first()
            if existing is not None:
                return _view(existing)
            row = ManagerRow(
                name=name,
                pin_hash=hash_pin(pin),
                created_at=int(time.time()),
                created_by=None,
                active=1,
                default_pin=int(weak_pin(pin)),
                failed_attempts=0,
                lockouts=0,
                locked_until=0,
            )
            s.add(row)
            s.flush()
            self.log(row.id, "first_manager", name, s)
            return _view(row)

    def add(self, by: Manager, name: str, pin: str) -> Manager:
        """A new manager, set up at the terminal by a manager who is signed in."""
        name = _name(name)
        if weak_pin(pin):
            raise ManagerError(Reason.PIN_WEAK)
        pin_hash = hash_pin(pin)
        try:
            with Session(self.store.writer) as s, s.begin():
                if s.get(ManagerRow, by.id) is None:
                    raise ManagerError(Reason.MANAGER_UNKNOWN)
                row = ManagerRow(
                    name=name,
                    pin_hash=pin_hash,
                    created_at=int(time.time()),
                    created_by=by.id,
                    active=1,
                    default_pin=0,
                    failed_attempts=0,
                    lockouts=0,
                    locked_until=0,
                )
                s.add(row)
                s.flush()
                self.log(by.id, "add_manager", f"#{row.id} {name}", s)
                return _view(row)
        except IntegrityError:
            raise ManagerError(Reason.MANAGER_NAME_TAKEN) from None

    def change_pin(self, manager: Manager, new_pin: str, by: Manager | None = None) -> Manager:
        """A manager's new PIN (their own, or set by another signed-in manager `by`)."""
        if weak_pin(new_pin):
            raise ManagerError(Reason.PIN_WEAK)
        pin_hash = hash_pin(new_pin)
        with Session(self.store.writer) as s, s.begin():
            row = s.get(ManagerRow, manager.id)
            if row is None:
                raise ManagerError(Reason.MANAGER_UNKNOWN)
            row.pin_hash, row.default_pin = pin_hash, 0
            row.failed_attempts, row.locked_until = 0, 0
            self.log((by or manager).id, "change_pin", f"#{row.id} {row.name}", s)
            return _view(row)

    def unlock(self, by: Manager, manager_id: int) -> Manager:
        with Session(self.store.writer) as s, s.begin():
            row = s.get(ManagerRow, manager_id)
            if row is None:
                raise ManagerError(Reason.MANAGER_UNKNOWN)
            row.failed_attempts, row.locked_until = 0, 0
            self.log(by.id, "unlock", f"#{row.id} {row.name}", s)
            return _view(row)

    def check(self, manager_id: int, pin: str, now: float | None = None) -> PinCheck:
        """One PIN attempt for one manager. A locked manager is refused without looking at the PIN."""
        now = time.time() if now is None else now
        with Session(self.store.writer) as s, s.begin():
            row = s.get(ManagerRow, manager_id) if isinstance(manager_id, int) else None
            if row is None or not row.active:
                return PinCheck(False, Reason.MANAGER_UNKNOWN)
            if row.locked_until > now:
                return PinCheck(False, Reason.PIN_LOCKED, _view(row), 0, row.locked_until)
            if isinstance(pin, str) and pin_matches(pin, row.pin_hash):
                row.failed_attempts, row.locked_until = 0, 0
                self.log(row.id, "sign_in", "", s)
                return PinCheck(True, Reason.OK, _view(row), MAX_FAILURES)
            row.failed_attempts += 1
            if row.failed_attempts >= MAX_FAILURES:
                row.lockouts += 1
                row.locked_until = int(now) + min(MAX_LOCK_S, LOCK_S * 2 ** (row.lockouts - 1))
                row.failed_attempts = 0
                self.log(row.id, "locked", f"until {row.locked_until}", s)
                return PinCheck(False, Reason.PIN_LOCKED, _view(row), 0, row.locked_until)
            self.log(row.id, "wrong_pin", "", s)
            return PinCheck(False, Reason.PIN_WRONG, _view(row), MAX_FAILURES - row.failed_attempts)
