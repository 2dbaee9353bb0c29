"""HQ's domain operations on the database: merchants, terminals, members, device certificates; the
way to the trust bundle, the keys, the change cursor and the books lock.

Stateless but for short memos: every call works through the database and the key files, so
several server processes can share one database. Used by the HTTP API and the admin commands alike.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.orm import Session

from alliance_protocol import backup_code, enrollment_code
from alliance_protocol.keys import b64, unb64
from alliance_protocol.member_code import Certificate
from alliance_protocol.trust_bundle import TrustBundle, load_bundle

from . import bundles, counters, member_login
from .db.engine import make_engine, migrate, reader_for
from .db.models import Device, EnrollmentCode, Member, Merchant, Setting, Terminal
from .hq_keys import KeyRing
from .issuer_keys import IssuerKeys
from .settings import ServerSettings
from .terminal_keys import TerminalKeys


class HQError(ValueError):
    """A refused operation; `reason` is a Reason value, `status` the HTTP status to answer with."""

    def __init__(self, reason: str, detail: str = "", status: int = 400) -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.status = status


def now_ms() -> int:
    return int(time.time() * 1000)


def mask_name(name: str) -> str:
    return (name[:1] + "*" * max(1, len(name) - 1)) if name else ""


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else ("*" * len(phone))


BUNDLE_MEMO_S = bundles.MEMO_S  # how long a process reuses the signed bundle before looking again


class HQ:
    """HQ for one database and one key directory: what the HTTP API and the admin commands share.

    Its parts, each the one owner of its state: `engine` (the database), `keys` (the key ring as
    its files say now, sync_server/issuer_keys.py), `bundles` (the trust bundle in force,
    sync_server/bundles.py). The change cursor and the books lock are rows of `counters`
    (sync_server/counters.py). Every operation below is one transaction of its own.
    """

    def __init__(self, settings: ServerSettings, engine: Engine, ring: KeyRing) -> None:
        self.settings = settings
        self.engine = engine
        self.reader = reader_for(engine)  # reads that never wait for the write lock (SQLite)
        self.keys = IssuerKeys(ring)
        self.bundles = bundles.BundleIssuer(settings, engine, self.keys)
        self._books_memo: tuple[float, Any] | None = None  # (monotonic time, BooksConfig)
        self.terminal_keys = TerminalKeys()  # what signed requests are checked against first

    @property
    def ring(self) -> KeyRing:
        return self.keys.ring

    @classmethod
    def open(cls, settings: ServerSettings, *, create_keys: bool = False) -> HQ:
        engine = make_engine(settings.resolved_database_url())
        migrate(engine)
        keys_dir = settings.resolved_keys_dir()
        if not (keys_dir / "root.key").exists():
            if not create_keys:
                raise HQError("ROOT_KEY_MISSING", f"no alliance keys in {keys_dir}: run "
                              "`sync-server init-demo` or `sync-server keys init`", 500)
            KeyRing.create(keys_dir, int(time.time()) - 60)
        ring = KeyRing.load(keys_dir)
        ring.response_signer()  # HQ signs every answer: a key ring without a response key gets one now
        return cls(settings, engine, ring)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def read_session(self) -> Session:
        """For reads only: on SQLite its transactions begin deferred (db/engine.reader_for), so a read
        neither queues behind the writer nor, made inside a write transaction, waits for itself."""
        return Session(self.reader, expire_on_commit=False)

    # --- what operators set (rules, coupons, gifts, books: one JSON document each)
    @staticmethod
    def get_setting(s: Session, key: str, default: Any = None) -> Any:
        return bundles.setting(s, key, default)

    @staticmethod
    def put_setting(s: Session, key: str, value: Any) -> None:
        s.merge(Setting(key=key, value=json.dumps(value)))

    # --- the change cursor and the books lock (sync_server/counters.py)
    @staticmethod
    def next_cursor(s: Session, count: int = 1) -> int:
        """The first of `count` fresh values of the server-issued, strictly increasing change cursor
        (never a client clock). Each changed member gets its own value, so paging never splits one."""
        return counters.next_cursor(s, count)

    @staticmethod
    def lock_books(s: Session) -> None:
        """The alliance-wide lock every batch's decisions take (the change cursor's row, FOR UPDATE on
        PostgreSQL; SQLite has one writer), held until the transaction commits."""
        counters.lock_books(s)

    # --- merchants and terminals
    def create_merchant(self, merchant_id: str, name: str, industry: str = "retail", rank: str = "basic",
                        daily_target_fen: int = 0) -> Merchant:
        with self.session() as s, s.begin():
            if s.get(Merchant, merchant_id):
                raise HQError("ALREADY_EXISTS", f"merchant {merchant_id} exists", 409)
            m = Merchant(id=merchant_id, name=name, industry=industry, rank=rank,
                         daily_target_fen=daily_target_fen, created_at=int(time.time()))
            s.add(m)
        return m

    def create_terminal(self, merchant_id: str, label: str = "", terminal_id: str | None = None
                        ) -> tuple[str, str]:
        """A terminal slot and its one-time enrollment code (printed once; HQ keeps the code's id and
        MAC key, alliance_protocol.enrollment_code)."""
        code = enrollment_code.new_code()  # XXXX-XXXX-XXXX-XXXX, typed by an installer
        terminal_id = terminal_id or f"T-{secrets.token_hex(4)}"
        with self.session() as s, s.begin():
            if not s.get(Merchant, merchant_id):
                raise HQError("UNKNOWN_MERCHANT", merchant_id, 404)
            s.add(Terminal(id=terminal_id, merchant_id=merchant_id, label=label, status="created"))
            s.flush()
            s.add(EnrollmentCode(code_hash=enrollment_code.code_id(code), terminal_id=terminal_id,
                                 mac_key=enrollment_code.mac_key(code).hex(),
                                 expires_at=int(time.time()) + self.settings.enrollment_code_ttl_s))
        return terminal_id, code

    def enroll(self, code: str, public_key: str, label: str = "") -> tuple[Terminal, Merchant]:
        """Enroll with the code itself (admin tools, benchmarks): what a terminal's request proves."""
        code_id, key = enrollment_code.code_id(code), enrollment_code.mac_key(code)
        terminal, merchant, _ = self.enroll_with_proof(
            code_id, public_key, label, enrollment_code.request_proof(key, code_id, public_key, label))
        return terminal, merchant

    def enroll_with_proof(self, code_id: str, public_key: str, label: str, proof: str
                          ) -> tuple[Terminal, Merchant, bytes]:
        """A terminal's enrollment request: the code's id and an HMAC over the terminal key made with
        the code (the code never travels). Returns the code's MAC key, which authenticates the answer."""
        with self.session() as s, s.begin():
            row = s.get(EnrollmentCode, code_id, with_for_update=True)
            if row is None:
                raise HQError("ENROLLMENT_CODE_INVALID", "unknown enrollment code", 403)
            if row.mac_key is None:
                raise HQError("ENROLLMENT_CODE_INVALID", "a code printed before HQ signed its answers: "
                              "create a new one (sync-server terminal create)", 403)
            key = bytes.fromhex(row.mac_key)
            expected = enrollment_code.request_proof(key, code_id, public_key, label)
            if not enrollment_code.check(expected, proof):
                raise HQError("ENROLLMENT_CODE_INVALID", "the request does not prove the code", 403)
            if row.expires_at < time.time():
                raise HQError("ENROLLMENT_CODE_EXPIRED", "enrollment code expired", 403)
            terminal = s.get(Terminal, row.terminal_id)
            merchant = s.get(Merchant, terminal.merchant_id) if terminal is not None else None
            assert terminal is not None and merchant is not None  # (foreign keys; never deleted)
            if row.used_at is not None:
                if terminal.public_key != public_key:
                    raise HQError("ENROLLMENT_CODE_USED", "enrollment code already used", 403)
                # The same terminal key again (its answer was lost or forged on the way): answer again.
                return terminal, merchant, key
            row.used_at = int(time.time())
            terminal.public_key = public_key
            terminal.status = "active"
            terminal.enrolled_at = int(time.time())
        self.terminal_keys.forget(terminal.id)  # (this process; another learns it at the next request)
        return terminal, merchant, key

    def set_terminal_status(self, terminal_id: str, status: str) -> None:
        with self.session() as s, s.begin():
            t = s.get(Terminal, terminal_id)
            if t is None:
                raise HQError("UNKNOWN_TERMINAL", terminal_id, 404)
            t.status = status
        self.terminal_keys.forget(terminal_id)

    # --- members
    def create_member(self, member_id: int, *, name: str = "", phone: str = "", tier: int = 0,
                      balance: int = 0, secret: str = "", home_merchant_id: str | None = None,
                      birthday_month: int = 0) -> None:
        if secret and not member_login.strong_enough(secret):
            raise HQError("MEMBER_SECRET_WEAK", f"at least {member_login.MIN_LENGTH} characters, with two of "
                          "letters, digits and symbols")
        login = member_login.hash_secret(secret) if secret else ""
        with self.session() as s, s.begin():
            s.add(Member(id=member_id, name=name, phone=phone, tier=tier, balance=balance,
                         secret_hash=login,
                         backup_key=backup_code.key_from_secret(secret).hex() if secret else "",
                         home_merchant_id=home_merchant_id,
                         birthday_month=birthday_month, change_cursor=self.next_cursor(s)))

    def block_member(self, member_id: int, blocked: bool = True) -> None:
        with self.session() as s, s.begin():
            m = s.get(Member, member_id)
            if m is None:
                raise HQError("UNKNOWN_MEMBER", str(member_id), 404)
            m.blocked = blocked
            # Records the member's codes made before this moment still count; later ones are refused.
            m.blocked_at = now_ms() if blocked else None
            m.change_cursor = self.next_cursor(s)
        self.bundle_changed()

    def revoke_device(self, serial: int) -> Device:
        """A member's phone is lost or cloned: its certificate goes on the deny list of the next
        bundle, and at HQ codes under it recorded from now on move nothing (evidence.py)."""
        with self.session() as s, s.begin():
            d = s.get(Device, serial)
            if d is None:
                raise HQError("NOT_FOUND", f"no device certificate {serial}", 404)
            if not d.revoked:
                d.revoked, d.revoked_at = True, now_ms()
        self.bundle_changed()
        return d

    def issue_device_certificate(self, member_id: int, secret: str, device_public_key: str) -> Certificate:
        """The wallet's registration / refresh: tier from the member record, allowance from the balance."""
        self.check_member_login(member_id, secret)
        with self.session() as s, s.begin():
            m = self._member(s, member_id)
            if m.blocked:
                raise HQError("MEMBER_BLOCKED", "member is blocked", 403)
            serial = self._next_device_serial(s)
            now = int(time.time())
            allowance = max(0, min(m.balance, self.settings.max_offline_allowance))
            self.key_entries()  # `keys rotate` / `keys revoke` on the files: issue with the ring as it is now
            cert = self.ring.issue_certificate(now=now, member_id=member_id, serial=serial, tier=m.tier,
                                               allowance=allowance, device_public=unb64(device_public_key),
                                               valid_s=self.settings.cert_valid_s)
            # Earlier certificates of the same device key stay valid until they expire.
            s.add(Device(serial=serial, member_id=member_id, device_public_key=device_public_key,
                         issued_at=now, not_after=cert.not_after))
        return cert

    def member_balance(self, member_id: int, secret: str) -> Member:
        self.check_member_login(member_id, secret)
        with self.session() as s:
            return self._member(s, member_id)

    @staticmethod
    def _member(s: Session, member_id: int) -> Member:
        m = s.get(Member, member_id)
        if m is None:  # (its login was just checked; members are never deleted)
            raise HQError("UNKNOWN_MEMBER", str(member_id), 404)
        return m

    def check_member_login(self, member_id: int, secret: str) -> None:
        """The wallet login (member_login.py). The slow hash runs outside any write transaction; a
        legacy hash is replaced with scrypt on this successful login."""
        with self.session() as s:
            m = s.get(Member, member_id)
            stored, backup = (m.secret_hash, m.backup_key) if m is not None else ("", "")
        if m is None or not member_login.verify(secret, stored, backup):
            raise HQError("MEMBER_AUTH_FAILED", "unknown member or wrong secret", 403)
        if member_login.needs_rehash(stored):
            rehashed = member_login.hash_secret(secret)
            with self.session() as s, s.begin():
                s.execute(update(Member).where(Member.id == member_id, Member.secret_hash == stored)
                          .values(secret_hash=rehashed))

    @staticmethod
    def _next_device_serial(s: Session) -> int:
        """PostgreSQL: a SEQUENCE (concurrent registrations never collide). SQLite: max + 1 under its
        single writer (the transaction began IMMEDIATE)."""
        if s.get_bind().dialect.name == "postgresql":
            return int(s.scalar(text("SELECT nextval('device_serial_seq')")))
        return (s.scalar(select(func.max(Device.serial))) or 0) + 1

    # --- the trust bundle (sync_server/bundles.py) and the keys (sync_server/issuer_keys.py)
    def bundle_payload(self, s: Session) -> dict[str, Any]:
        return self.bundles.payload(s)

    def bundle_changed(self) -> None:
        """Forget the memo (this process changed what goes into the bundle)."""
        self.bundles.changed()

    def current_bundle(self) -> tuple[int, bytes]:
        """(sequence, envelope) of the signed bundle in force; a new sequence when its content changed
        or it is getting old. A process reuses it for BUNDLE_MEMO_S seconds."""
        return self.bundles.current()

    def bundle(self) -> TrustBundle:
        return load_bundle(self.current_bundle()[1], [self.ring.root_public])

    def key_entries(self) -> list[dict[str, Any]]:
        """The issuer keys for the bundle; reloaded when `sync-server keys rotate` changed the ring."""
        return self.keys.entries()

    def verification_keys(self) -> TrustBundle:
        """Every issuer key with its validity, as HQ re-verifies member codes (no deny list)."""
        return self.keys.verification()

    def compromised_keys(self) -> dict[str, int]:
        """kid -> unix s since when the issuer key is known to have leaked (`keys revoke`)."""
        return self.keys.compromised()

    def books_config(self, s: Session | None = None) -> Any:
        """The books settings (settings row "books"), reread at most every BUNDLE_MEMO_S seconds.

        A caller inside a transaction passes its session: the read then uses the connection it holds.
        A second connection taken while one is held can wait for ever when every pooled connection
        is held by a request queued on the books lock behind this one (PostgreSQL: the pool's
        timeout, then an error), and on SQLite a second connection waits for this thread's own
        write lock."""
        from .books_config import load_books_config

        memo = self._books_memo
        if memo is None or time.monotonic() - memo[0] >= BUNDLE_MEMO_S:
            if s is not None:
                memo = self._books_memo = (time.monotonic(), load_books_config(self, s))
            else:
                with self.read_session() as own:
                    memo = self._books_memo = (time.monotonic(), load_books_config(self, own))
        return memo[1]

    def books_changed(self) -> None:
        """Forget the books settings' memo (this process changed them)."""
        self._books_memo = None

    def root_public_keys(self) -> list[str]:
        return [b64(self.ring.root_public)]
