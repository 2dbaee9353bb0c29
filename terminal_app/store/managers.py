"""The terminal's managers and their audit trail (tables `managers`, `manager_audit`; migration 0003).

Rows only: PIN hashing, lockout rules and who may do what are terminal_app/core/managers.py's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

_COLUMNS = (
    "id, name, pin_hash, created_at, created_by, active, default_pin, failed_attempts, lockouts, locked_until"
)


@dataclass(frozen=True)
class ManagerRecord:
    id: int
    name: str
    pin_hash: str
    created_at: int
    created_by: int | None
    active: int
    default_pin: int
    failed_attempts: int
    lockouts: int
    locked_until: int


class NameTaken(Exception):
    """Another manager already has this name (the column is unique)."""


class ManagerTable:
    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def rows(self, include_inactive: bool = False) -> list[ManagerRecord]:
        where = "" if include_inactive else " WHERE active = 1"
        rows = self.conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM managers{where} ORDER BY id")
        return [ManagerRecord(*r) for r in rows]

    def get(self, manager_id: int) -> ManagerRecord | None:
        row = self.conn.exec_driver_sql(
            f"SELECT {_COLUMNS} FROM managers WHERE id = ?", (manager_id,)
        ).first()
        return None if row is None else ManagerRecord(*row)

    def count_active(self) -> int:
        return int(self.conn.exec_driver_sql("SELECT count(*) FROM managers WHERE active = 1").scalar_one())

    def first_active(self) -> ManagerRecord | None:
        rows = self.rows()
        return rows[0] if rows else None

    def add(
        self, name: str, pin_hash: str, created_at: int, created_by: int | None, default_pin: bool
    ) -> int:
        """The new manager's id. NameTaken when the name is in use (the insert changes nothing)."""
        if self.conn.exec_driver_sql("SELECT 1 FROM managers WHERE name = ?", (name,)).first() is not None:
            raise NameTaken(name)
        result = self.conn.exec_driver_sql(
            "INSERT INTO managers (name, pin_hash, created_at, created_by, active, default_pin, "
            "failed_attempts, lockouts, locked_until) VALUES (?, ?, ?, ?, 1, ?, 0, 0, 0)",
            (name, pin_hash, created_at, created_by, int(default_pin)),
        )
        return int(result.lastrowid or 0)

    def set_pin(self, manager_id: int, pin_hash: str) -> None:
        """A new PIN: no longer the default one, and the failures and lock are cleared."""
        self.conn.exec_driver_sql(
            "UPDATE managers SET pin_hash = ?, default_pin = 0, failed_attempts = 0, locked_until = 0 "
            "WHERE id = ?",
            (pin_hash, manager_id),
        )

    def set_attempts(self, manager_id: int, failed_attempts: int, lockouts: int, locked_until: int) -> None:
        self.conn.exec_driver_sql(
            "UPDATE managers SET failed_attempts = ?, lockouts = ?, locked_until = ? WHERE id = ?",
            (failed_attempts, lockouts, locked_until, manager_id),
        )

    # --- the audit trail
    def log(self, at: int, manager_id: int | None, action: str, detail: str) -> None:
        self.conn.exec_driver_sql(
            "INSERT INTO manager_audit (at, manager_id, action, detail) VALUES (?, ?, ?, ?)",
            (at, manager_id, action[:32], detail[:200]),
        )

    def audit(self, limit: int = 200) -> list[dict[str, Any]]:
        rows = self.conn.exec_driver_sql(
            "SELECT at, manager_id, action, detail FROM manager_audit ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [
            {"at": at, "manager_id": mid, "action": action, "detail": detail}
            for at, mid, action, detail in rows
        ]
