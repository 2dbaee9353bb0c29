"""The terminal's local store: one SQLite file under the terminal home, migrated at open.

    store = open_store(home)
    store.set_root_keys([root_public_raw]); store.install_bundle(envelope)
    store.record_server_time(server_ms, sent_ms, received_ms)
    verdict = store.verifier().verify(text)

Keys and identity: the terminal's own Ed25519 key is `<home>/terminal.key` (0600).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from alliance_protocol.keys import b64, read_private_key, unb64, write_private_key
from alliance_protocol.rules import RulesError, validate_payload
from alliance_protocol.trust_bundle import BundleError, TrustBundle, load_bundle
from alliance_protocol.verifier import OfflineVerifier, SystemClock, VerifierSettings

from .engine import reader_engine, writer_engine
from .models import JournalRow, MemberBalance, OutboxRow, SeenCode, StateEntry, TrustBundleRow

DB_NAME = "terminal.sqlite3"
KEY_NAME = "terminal.key"
SYNCED_KEY = "synced_through"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class TerminalIdentity:
    terminal_id: str
    merchant_id: str
    merchant_name: str = ""
    server_url: str = ""
    enrolled_at: int = 0


def migrate(engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


class SqliteReplayGuard:
    """(serial, counter) pairs, persisted: a restarted terminal still refuses a replayed code."""

    def __init__(self, store: "Store", retention_s: int) -> None:
        self.store = store
        self.retention_s = retention_s
        self._inserts = 0

    def seen(self, serial: int, counter: int) -> bool:
        with Session(self.store.reader) as s:
            return s.get(SeenCode, (serial, counter)) is not None

    def remember(self, serial: int, counter: int, code_time: int) -> bool:
        with Session(self.store.writer) as s, s.begin():
            return self.remember_in(s, serial, counter, code_time)

    def remember_in(self, session: Session, serial: int, counter: int, code_time: int) -> bool:
        """Inside the caller's write transaction (the journal commit uses this)."""
        result = session.execute(
            insert(SeenCode).prefix_with("OR IGNORE").values(serial=serial, counter=counter, code_time=code_time))
        self._inserts += 1
        if self._inserts % 1000 == 0:
            self.prune(session)
        return result.rowcount == 1

    def prune(self, session: Session, now: float | None = None) -> int:
        """Pairs older than the retention can go: the time window rejects their codes anyway. On the
        server-corrected clock (the one the window is checked on), never the bare host clock."""
        cutoff = int((self.store.clock().now() if now is None else now) - self.retention_s)
        return session.execute(delete(SeenCode).where(SeenCode.code_time < cutoff)).rowcount

    def count(self) -> int:
        with Session(self.store.reader) as s:
            return s.scalar(select(func.count()).select_from(SeenCode)) or 0


class Store:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / DB_NAME
        self.writer = writer_engine(self.path)
        self.reader = reader_engine(self.path)
        migrate(self.writer)
        self._bundle_cache: tuple[int, TrustBundle] | None = None

    def close(self) -> None:
        self.writer.dispose()
        self.reader.dispose()

    # --- named state
    def get_state(self, key: str, default: Any = None) -> Any:
        with Session(self.reader) as s:
            row = s.get(StateEntry, key)
            return default if row is None else json.loads(row.value)

    def set_state(self, key: str, value: Any, session: Session | None = None) -> None:
        def write(s: Session) -> None:
            s.merge(StateEntry(key=key, value=json.dumps(value)))

        if session is not None:
            write(session)
        else:
            with Session(self.writer) as s, s.begin():
                write(s)

    # --- trust
    def set_root_keys(self, keys: list[bytes]) -> None:
        self.set_state("root_keys", [b64(k) for k in keys])

    def root_keys(self) -> list[bytes]:
        return [unb64(k) for k in self.get_state("root_keys", [])]

    def pin_hq(self, keys: list[bytes], anchor: str) -> None:
        """The root keys HQ's answers and bundles are checked against, and how they were learned
        ("enrollment-code": from an answer the enrollment code authenticated)."""
        with Session(self.writer) as s, s.begin():
            self.set_state("root_keys", [b64(k) for k in keys], s)
            self.set_state("hq_anchor", anchor, s)

    def hq_anchor(self) -> str:
        """How the pinned root keys were learned; "first-use" for a terminal enrolled before HQ
        authenticated its answers (its root key came from an unauthenticated enrollment answer)."""
        return self.get_state("hq_anchor", "first-use" if self.get_state("root_keys") else "none")

    def install_bundle(self, envelope: bytes) -> TrustBundle:
        """Verify against the pinned root keys and make it current. Raises BundleError and keeps the
        old bundle when the signature fails or the sequence goes backwards."""
        roots = self.root_keys()
        if not roots:
            raise BundleError("no root key pinned")
        bundle = load_bundle(envelope, roots)
        try:
            validate_payload(bundle.payload)
        except RulesError as exc:  # signed, but not usable: keep the old one
            raise BundleError(f"bundle rules or catalogue invalid: {exc}") from None
        with Session(self.writer) as s, s.begin():
            newest = s.scalar(select(func.max(TrustBundleRow.sequence)))
            if newest is not None and bundle.sequence < newest:
                raise BundleError(f"bundle sequence {bundle.sequence} is older than installed {newest}")
            existing = s.get(TrustBundleRow, bundle.sequence)
            if existing is not None:
                if existing.envelope != envelope:
                    raise BundleError(f"a different bundle with sequence {bundle.sequence} is installed")
                return bundle
            s.add(TrustBundleRow(sequence=bundle.sequence, issued_at=bundle.issued_at,
                                 installed_at=int(time.time()), envelope=envelope))
        self._bundle_cache = (bundle.sequence, bundle)
        return bundle

    def current_bundle(self) -> TrustBundle | None:
        """The newest installed bundle that still verifies (each is checked again when first read:
        a bundle edited in the file on disk is not trusted, and the one before it is used)."""
        with Session(self.reader) as s:
            sequences = s.scalars(select(TrustBundleRow.sequence).order_by(TrustBundleRow.sequence.desc())).all()
            if self._bundle_cache and sequences and self._bundle_cache[0] == sequences[0]:
                return self._bundle_cache[1]
            roots = self.root_keys()
            for seq in sequences:
                try:
                    bundle = load_bundle(s.get(TrustBundleRow, seq).envelope, roots)
                except BundleError:
                    continue
                self._bundle_cache = (sequences[0], bundle)
                return bundle
        return None

    # --- identity and the terminal's own key
    @property
    def key_path(self) -> Path:
        return self.home / KEY_NAME

    def terminal_key(self) -> Ed25519PrivateKey:
        return read_private_key(self.key_path)

    def create_terminal_key(self) -> Ed25519PrivateKey:
        key = Ed25519PrivateKey.generate()
        write_private_key(self.key_path, key)
        return key

    def identity(self) -> TerminalIdentity | None:
        raw = self.get_state("identity")
        return None if raw is None else TerminalIdentity(**raw)

    def save_identity(self, identity: TerminalIdentity) -> None:
        self.set_state("identity", asdict(identity))

    def ensure_local_identity(self, terminal_id: str, merchant_id: str) -> TerminalIdentity:
        """An identity without enrollment (tools, tests, the local flow); keeps an existing one."""
        if not self.key_path.exists():
            self.create_terminal_key()
        current = self.identity()
        if current is None:
            current = TerminalIdentity(terminal_id, merchant_id, enrolled_at=int(time.time()))
            self.save_identity(current)
        return current

    # --- clock
    def clock(self) -> SystemClock:
        raw = self.get_state("clock", {})
        return SystemClock(offset_s=raw.get("offset_ms", 0) / 1000, confirmed_at=raw.get("confirmed_at"))

    def record_server_time(self, server_time_ms: int, sent_ms: int, received_ms: int) -> float:
        """Learn the offset from a server response: server time minus the request's midpoint."""
        offset_ms = server_time_ms - (sent_ms + received_ms) // 2
        self.set_state("clock", {"offset_ms": offset_ms, "confirmed_at": server_time_ms / 1000,
                                 "round_trip_ms": received_ms - sent_ms})
        return offset_ms / 1000

    # --- verification
    def replay_guard(self, settings: VerifierSettings = VerifierSettings()) -> SqliteReplayGuard:
        return SqliteReplayGuard(self, retention_s=settings.code_window_s + settings.future_skew_s + 60)

    def verifier(self, settings: VerifierSettings = VerifierSettings()) -> OfflineVerifier:
        return OfflineVerifier(self.current_bundle(), self.clock(), self.replay_guard(settings), settings)


    # --- sync bookkeeping (used by terminal_app/sync and the core)
    def last_sync_at(self) -> float | None:
        """Unix seconds of the last successful sync (None: never)."""
        return self.get_state("last_sync_at")

    def set_last_sync(self, ts: float) -> None:
        self.set_state("last_sync_at", ts)

    def bundle_installed_at(self) -> int | None:
        with Session(self.reader) as s:
            return s.scalar(select(TrustBundleRow.installed_at).order_by(TrustBundleRow.sequence.desc()).limit(1))

    def outbox_count(self) -> int:
        """Journal records not yet acknowledged by the server."""
        with Session(self.reader) as s:
            return s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.synced == 0)) or 0

    def outbox_pending(self, limit: int) -> list[dict[str, Any]]:
        """Up to `limit` unsynced wire records ({"body","hash","sig"}), in seq order."""
        with Session(self.reader) as s:
            through = self.synced_through(s)
            rows = s.scalars(select(JournalRow).join(OutboxRow, OutboxRow.seq == JournalRow.seq)
                             .where(OutboxRow.synced == 0, JournalRow.seq > through)
                             .order_by(JournalRow.seq).limit(limit)).all()
            return [{"body": json.loads(r.body), "hash": r.hash, "sig": r.sig} for r in rows]

    def synced_through(self, session: Session | None = None) -> int:
        if session is None:
            return int(self.get_state(SYNCED_KEY, 0))
        row = session.get(StateEntry, SYNCED_KEY)
        return 0 if row is None else int(json.loads(row.value))

    def mark_synced(self, through_seq: int) -> None:
        """The server acknowledged every record up to and including through_seq (never moves back)."""
        with Session(self.writer) as s, s.begin():
            prev = self.synced_through(s)
            if through_seq <= prev:
                return
            s.execute(update(OutboxRow).where(OutboxRow.seq > prev, OutboxRow.seq <= through_seq)
                      .values(synced=1))
            self.set_state(SYNCED_KEY, through_seq, s)

    def apply_balances(self, balances: list[tuple]) -> int:
        """Balances the server pushed: (member_id, balance, as_of_cursor, expiring_soon_points
        [, birthday_month]). They include every record the server acknowledged so far, so spends
        journaled after our synced-through mark are subtracted when spending offline."""
        now = int(time.time())
        with Session(self.writer) as s, s.begin():
            through = self.synced_through(s)
            rows = [{"member_id": int(item[0]), "balance": int(item[1]), "as_of_cursor": str(item[2]),
                     "expiring_soon": int(item[3] or 0), "birthday_month": item[4] if len(item) > 4 else None,
                     "through_seq": through, "updated_at": now} for item in balances]
            if rows:
                stmt = sqlite_insert(MemberBalance)
                stmt = stmt.on_conflict_do_update(
                    index_elements=[MemberBalance.member_id],
                    set_={c: stmt.excluded[c] for c in rows[0] if c != "member_id"})
                s.execute(stmt, rows)
        return len(balances)

    def cached_balance(self, member_id: int) -> MemberBalance | None:
        with Session(self.reader) as s:
            row = s.get(MemberBalance, member_id)
            if row is not None:
                s.expunge(row)
            return row


def open_store(home: Path | None = None) -> Store:
    from terminal_app.paths import terminal_home

    home = terminal_home(home)
    return Store(home)
