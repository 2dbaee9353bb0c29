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

from alliance_protocol.reasons import Reason
from terminal_app.store import Store, Tx
from terminal_app.store.managers import ManagerRecord, NameTaken

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


def _view(row: ManagerRecord) -> Manager:
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
        with self.store.read() as tx:
            return [_view(r) for r in tx.managers.rows(include_inactive)]

    def get(self, manager_id: int) -> Manager | None:
        with self.store.read() as tx:
            row = tx.managers.get(manager_id)
            return None if row is None else _view(row)

    def count(self) -> int:
        with self.store.read() as tx:
            return tx.managers.count_active()

    def audit(self, limit: int = 200) -> builtins.list[dict[str, Any]]:
        with self.store.read() as tx:
            return tx.managers.audit(limit)

    # --- writing
    def log(self, manager_id: int | None, action: str, detail: str = "", tx: Tx | None = None) -> None:
        """Record what a manager did (also used by the counter app for its own manager actions)."""
        if tx is not None:
            tx.managers.log(int(time.time()), manager_id, action, str(detail))
            return
        with self.store.write() as own:
            own.managers.log(int(time.time()), manager_id, action, str(detail))

    def ensure_first(self, name: str, pin: str) -> Manager:
        """The terminal's first manager (set-up, demo). Keeps the existing ones if there are any.
        A weak PIN is accepted here only, and flagged to be changed."""
        name = _name(name)
        if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
            raise ManagerError(Reason.PIN_WEAK)
        with self.store.write() as tx:
            existing = tx.managers.first_active()
            if existing is not None:
                return _view(existing)
            new_id = tx.managers.add(name, hash_pin(pin), int(time.time()), None, weak_pin(pin))
            self.log(new_id, "first_manager", name, tx)
            return _view(self._row(tx, new_id))

    @staticmethod
    def _row(tx: Tx, manager_id: int) -> ManagerRecord:
        row = tx.managers.get(manager_id)
        if row is None:
            raise ManagerError(Reason.MANAGER_UNKNOWN)
        return row

    def add(self, by: Manager, name: str, pin: str) -> Manager:
        """A new manager, set up at the terminal by a manager who is signed in."""
        name = _name(name)
        if weak_pin(pin):
            raise ManagerError(Reason.PIN_WEAK)
        pin_hash = hash_pin(pin)
        with self.store.write() as tx:
            self._row(tx, by.id)
            try:
                new_id = tx.managers.add(name, pin_hash, int(time.time()), by.id, False)
            except NameTaken:
                raise ManagerError(Reason.MANAGER_NAME_TAKEN) from None
            self.log(by.id, "add_manager", f"#{new_id} {name}", tx)
            return _view(self._row(tx, new_id))

    def change_pin(self, manager: Manager, new_pin: str, by: Manager | None = None) -> Manager:
        """A manager's new PIN (their own, or set by another signed-in manager `by`)."""
        if weak_pin(new_pin):
            raise ManagerError(Reason.PIN_WEAK)
        pin_hash = hash_pin(new_pin)
        with self.store.write() as tx:
            row = self._row(tx, manager.id)
            tx.managers.set_pin(row.id, pin_hash)
            self.log((by or manager).id, "change_pin", f"#{row.id} {row.name}", tx)
            return _view(self._row(tx, row.id))

    def unlock(self, by: Manager, manager_id: int) -> Manager:
        with self.store.write() as tx:
            row = self._row(tx, manager_id)
            tx.managers.set_attempts(row.id, 0, row.lockouts, 0)
            self.log(by.id, "unlock", f"#{row.id} {row.name}", tx)
            return _view(self._row(tx, row.id))

    def check(self, manager_id: int, pin: str, now: float | None = None) -> PinCheck:
        """One PIN attempt for one manager. A locked manager is refused without looking at the PIN."""
        now = time.time() if now is None else now
        with self.store.write() as tx:
            row = tx.managers.get(manager_id) if type(manager_id) is int else None
            if row is None or not row.active:
                return PinCheck(False, Reason.MANAGER_UNKNOWN)
            if row.locked_until > now:
                return PinCheck(False, Reason.PIN_LOCKED, _view(row), 0, row.locked_until)
            if isinstance(pin, str) and pin_matches(pin, row.pin_hash):
                tx.managers.set_attempts(row.id, 0, row.lockouts, 0)
                self.log(row.id, "sign_in", "", tx)
                return PinCheck(True, Reason.OK, _view(self._row(tx, row.id)), MAX_FAILURES)
            failed, lockouts, locked_until = row.failed_attempts + 1, row.lockouts, row.locked_until
            if failed >= MAX_FAILURES:
                lockouts += 1
                locked_until = int(now) + min(MAX_LOCK_S, LOCK_S * 2 ** (lockouts - 1))
                tx.managers.set_attempts(row.id, 0, lockouts, locked_until)
                self.log(row.id, "locked", f"until {locked_until}", tx)
                return PinCheck(False, Reason.PIN_LOCKED, _view(self._row(tx, row.id)), 0, locked_until)
            tx.managers.set_attempts(row.id, failed, lockouts, locked_until)
            self.log(row.id, "wrong_pin", "", tx)
            return PinCheck(False, Reason.PIN_WRONG, _view(self._row(tx, row.id)), MAX_FAILURES - failed)
