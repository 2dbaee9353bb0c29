"""The terminal's local store: one SQLite file under the terminal home, migrated at open.

    store = open_store(home)
    store.set_root_keys([root_public_raw]); store.install_bundle(envelope)
    store.record_server_time(server_ms, sent_ms, received_ms)
    verdict = store.verifier().verify(text)              # checks only: nothing is consumed
    with store.write() as tx: ...                        # a transaction over the tables (tx.py)

`Store` owns the files (the database, the terminal's key), the two engines (engine.py: the
writer begins with BEGIN IMMEDIATE, the reader with BEGIN), and the caches (the verified current
bundle). The tables themselves are read and written only through the repository classes of this
package (`Tx`); the methods below are the short ones the sync client, the commands and the
counter app use, each one transaction.

Keys and identity: the terminal's own Ed25519 key is `<home>/terminal.key` (0600).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alliance_protocol.keys import b64, unb64, write_private_key
from alliance_protocol.rules import RulesError, validate_payload
from alliance_protocol.trust_bundle import BundleError, TrustBundle, load_bundle
from alliance_protocol.verifier import OfflineVerifier, SystemClock, VerifierSettings

from .balances import KnownBalance
from .engine import MIGRATIONS as MIGRATIONS  # (where tests find the revisions)
from .engine import migrate, reader_engine, writer_engine
from .replay import ReplayCheck
from .state import Key
from .state_cache import StateCache
from .tx import Tx

DB_NAME = "terminal.sqlite3"
KEY_NAME = "terminal.key"
DEFAULT_SETTINGS = VerifierSettings()
CLOCK_REWRITE_MS = 1_000  # a server time that moves the learned offset more than this is written at once
CLOCK_RECONFIRM_S = 60  # otherwise the confirmation is written again at most this often


@dataclass(frozen=True)
class TerminalIdentity:
    terminal_id: str
    merchant_id: str
    merchant_name: str = ""
    server_url: str = ""
    enrolled_at: int = 0


class Store:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / DB_NAME
        self.writer = writer_engine(self.path)
        self.reader = reader_engine(self.path)
        migrate(self.writer)
        self._bundle_cache: tuple[int, TrustBundle] | None = None
        self._state_cache = StateCache(self.path)

    def close(self) -> None:
        self._state_cache.close()
        self.writer.dispose()
        self.reader.dispose()

    # --- transactions
    @contextmanager
    def write(self) -> Iterator[Tx]:
        """BEGIN IMMEDIATE (the write lock from the start), COMMIT at the end, ROLLBACK on an exception."""
        with self.writer.begin() as conn:
            yield Tx(conn)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """One consistent snapshot (plain BEGIN: never waits for a writer)."""
        with self.reader.connect() as conn, conn.begin():
            yield Tx(conn)

    # --- named state (terminal_app/store/state.py: the keys)
    def get_state(self, key: str, default: Any = None) -> Any:
        """A named value as last committed (kept between reads while nothing commits: state_cache.py)."""
        text = self._state_cache.text(key, self._read_state_text)
        return default if text is None else json.loads(text)

    def _read_state_text(self, key: str) -> str | None:
        with self.read() as tx:
            return tx.state.get_text(key)

    def set_state(self, key: str, value: Any) -> None:
        with self.write() as tx:
            tx.state.put(key, value)

    # --- trust
    def set_root_keys(self, keys: list[bytes]) -> None:
        self.set_state(Key.ROOT_KEYS, [b64(k) for k in keys])

    def root_keys(self) -> list[bytes]:
        return [unb64(k) for k in self.get_state(Key.ROOT_KEYS, [])]

    def pin_hq(self, keys: list[bytes], anchor: str) -> None:
        """The root keys HQ's answers and bundles are checked against, and how they were learned
        ("enrollment-code": from an answer the enrollment code authenticated)."""
        with self.write() as tx:
            tx.state.put(Key.ROOT_KEYS, [b64(k) for k in keys])
            tx.state.put(Key.HQ_ANCHOR, anchor)

    def hq_anchor(self) -> str:
        """How the pinned root keys were learned; "first-use" for a terminal enrolled before HQ
        authenticated its answers (its root key came from an unauthenticated enrollment answer)."""
        with self.read() as tx:
            anchor = tx.state.get(Key.HQ_ANCHOR)
            if anchor is not None:
                return str(anchor)
            return "first-use" if tx.state.get(Key.ROOT_KEYS) else "none"

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
        with self.write() as tx:
            newest = tx.bundles.newest()
            if newest is not None and bundle.sequence < newest:
                raise BundleError(f"bundle sequence {bundle.sequence} is older than installed {newest}")
            existing = tx.bundles.envelope(bundle.sequence)
            if existing is not None:
                if existing != envelope:
                    raise BundleError(f"a different bundle with sequence {bundle.sequence} is installed")
                return bundle
            tx.bundles.add(bundle.sequence, bundle.issued_at, int(time.time()), envelope)
        self._bundle_cache = (bundle.sequence, bundle)
        return bundle

    def current_bundle(self) -> TrustBundle | None:
        """The newest installed bundle that still verifies (each is checked again when first read:
        a bundle edited in the file on disk is not trusted, and the one before it is used)."""
        with self.read() as tx:
            sequences = tx.bundles.sequences()
            if self._bundle_cache and sequences and self._bundle_cache[0] == sequences[0]:
                return self._bundle_cache[1]
            roots = [unb64(k) for k in tx.state.get(Key.ROOT_KEYS, [])]
            for seq in sequences:
                try:
                    bundle = load_bundle(tx.bundles.envelope(seq) or b"", roots)
                except BundleError:
                    continue
                self._bundle_cache = (sequences[0], bundle)
                return bundle
        return None

    def bundle_installed_at(self) -> int | None:
        with self.read() as tx:
            return tx.bundles.installed_at()

    # --- identity and the terminal's own key
    @property
    def key_path(self) -> Path:
        return self.home / KEY_NAME

    def terminal_key(self) -> Ed25519PrivateKey:
        return self._state_cache.private_key(self.key_path)

    def create_terminal_key(self) -> Ed25519PrivateKey:
        key = Ed25519PrivateKey.generate()
        write_private_key(self.key_path, key)
        return key

    def identity(self) -> TerminalIdentity | None:
        raw = self.get_state(Key.IDENTITY)
        return None if raw is None else TerminalIdentity(**raw)

    def save_identity(self, identity: TerminalIdentity) -> None:
        self.set_state(Key.IDENTITY, asdict(identity))

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
        raw = self.get_state(Key.CLOCK, {})
        return SystemClock(offset_s=raw.get("offset_ms", 0) / 1000, confirmed_at=raw.get("confirmed_at"))

    def record_server_time(self, server_time_ms: int, sent_ms: int, received_ms: int) -> float:
        """Learn the offset from a server response: server time minus the request's midpoint.

        Written (a durable commit) only when it tells something new: the offset moved by more than
        CLOCK_REWRITE_MS, or the stored confirmation is CLOCK_RECONFIRM_S old. Every answer from HQ
        carries its time, and a commit for each would put a disk flush into every online
        authorisation's round trip for a confirmation that is good for days
        (VerifierSettings.clock_unconfirmed_limit_s)."""
        offset_ms = server_time_ms - (sent_ms + received_ms) // 2
        stored = self.get_state(Key.CLOCK, {})
        if (
            isinstance(stored.get("offset_ms"), int)
            and abs(stored["offset_ms"] - offset_ms) <= CLOCK_REWRITE_MS
            and 0 <= server_time_ms / 1000 - stored.get("confirmed_at", 0) < CLOCK_RECONFIRM_S
        ):
            return stored["offset_ms"] / 1000
        self.set_state(
            Key.CLOCK,
            {
                "offset_ms": offset_ms,
                "confirmed_at": server_time_ms / 1000,
                "round_trip_ms": received_ms - sent_ms,
            },
        )
        return offset_ms / 1000

    # --- verification
    def replay_check(self) -> ReplayCheck:
        """The replay guard as the verifier sees it: reads only (replay.py says why)."""
        return ReplayCheck(self.reader)

    def verifier(self, settings: VerifierSettings = DEFAULT_SETTINGS) -> OfflineVerifier:
        """This terminal's offline verifier (its bundle, corrected clock and replay guard). It checks a
        code without consuming it: a code is used only with the journal record that uses it."""
        return OfflineVerifier(self.current_bundle(), self.clock(), self.replay_check(), settings)

    # --- sync bookkeeping (used by terminal_app/sync and the core)
    def last_sync_at(self) -> float | None:
        """Unix seconds of the last successful sync (None: never)."""
        value = self.get_state(Key.LAST_SYNC_AT)
        return None if value is None else float(value)

    def set_last_sync(self, ts: float) -> None:
        self.set_state(Key.LAST_SYNC_AT, ts)

    def outbox_count(self) -> int:
        """Journal records not yet acknowledged by the server."""
        with self.read() as tx:
            return tx.outbox.count()

    def outbox_pending(self, limit: int) -> list[dict[str, Any]]:
        """Up to `limit` unsynced wire records ({"body","hash","sig"}), in seq order."""
        with self.read() as tx:
            return tx.outbox.pending(limit)

    def synced_through(self) -> int:
        with self.read() as tx:
            return tx.state.synced_through()

    def mark_synced(self, through_seq: int) -> None:
        """The server acknowledged every record up to and including through_seq (never moves back)."""
        with self.write() as tx:
            tx.outbox.mark_synced(through_seq)

    def apply_balances(self, balances: Sequence[Sequence[Any]]) -> int:
        """Balances the server pushed: (member_id, balance, as_of_cursor, expiring_soon_points
        [, birthday_month]) (balances.py)."""
        with self.write() as tx:
            return tx.balances.apply(balances)

    def cached_balance(self, member_id: int) -> KnownBalance | None:
        with self.read() as tx:
            return tx.balances.get(member_id)


def open_store(home: Path | None = None) -> Store:
    from terminal_app.paths import terminal_home

    return Store(terminal_home(home))
