"""Trust bundles the terminal accepted (table `trust_bundles`; the newest is current).

Only rows: verifying a bundle against the pinned root keys is Store.install_bundle's job, and
refused bundles are never stored.
"""

from __future__ import annotations

from sqlalchemy import Connection


class BundleTable:
    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def sequences(self) -> list[int]:
        """Every stored sequence, newest first."""
        return [
            int(r[0])
            for r in self.conn.exec_driver_sql("SELECT sequence FROM trust_bundles ORDER BY sequence DESC")
        ]

    def newest(self) -> int | None:
        row = self.conn.exec_driver_sql("SELECT max(sequence) FROM trust_bundles").first()
        return None if row is None or row[0] is None else int(row[0])

    def envelope(self, sequence: int) -> bytes | None:
        row = self.conn.exec_driver_sql(
            "SELECT envelope FROM trust_bundles WHERE sequence = ?", (sequence,)
        ).first()
        return None if row is None else bytes(row[0])

    def add(self, sequence: int, issued_at: int, installed_at: int, envelope: bytes) -> None:
        self.conn.exec_driver_sql(
            "INSERT INTO trust_bundles (sequence, issued_at, installed_at, envelope) VALUES (?, ?, ?, ?)",
            (sequence, issued_at, installed_at, envelope),
        )

    def installed_at(self) -> int | None:
        """When the current (newest) bundle was installed."""
        row = self.conn.exec_driver_sql(
            "SELECT installed_at FROM trust_bundles ORDER BY sequence DESC LIMIT 1"
        ).first()
        return None if row is None else int(row[0])
