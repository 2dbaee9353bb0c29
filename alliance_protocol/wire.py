"""Wire schemas between terminals, wallets and the server (pydantic; one definition for both ends).

Every response is signed by HQ (alliance_protocol.response_auth); a client learns its clock
offset only from the signed X-HQ-Time of an authenticated answer (`server_time_ms` in the bodies is
informative). Errors are `ErrorBody` with a reason code and messages in Chinese and English.
Every integer a client sends is bounded here, so nothing out of range reaches the database.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .records import MAX_SEQ

MAX_BATCH = 500  # records per upload: the terminal's batch size and the server's limit
MAX_CURSOR = 2**63 - 1  # cursors and sequences are BIGINT on PostgreSQL
HEX64 = r"^[0-9a-f]{64}$"
ID_PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"
B64_KEY = r"^[A-Za-z0-9+/]{43}=$"  # 32 raw bytes


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(_Strict):
    reason: str
    message_zh: str
    message_en: str
    detail: str = ""
    server_time_ms: int
    retry_after_s: int | None = None  # RATE_LIMITED: seconds until an attempt may succeed (also Retry-After)


class TimeResponse(_Strict):
    server_time_ms: int


# --- enrollment
class EnrollRequest(_Strict):
    """The code itself never travels (alliance_protocol.enrollment_code): its id, and a proof made
    with it that binds this terminal key and label."""
    code_id: str = Field(pattern=HEX64)
    public_key: str = Field(pattern=B64_KEY)
    label: str = Field(default="", max_length=100)
    proof: str = Field(pattern=HEX64)


class EnrollResponse(_Strict):
    """Authenticated by the code (the X-HQ-Enroll-MAC header) before the terminal pins anything."""
    terminal_id: str
    merchant_id: str
    merchant_name: str
    public_key: str  # the key HQ enrolled: the terminal checks it is its own
    root_public_keys: list[str]
    response_key_certs: list[str]  # root-signed certificates of the keys that sign HQ's answers
    server_time_ms: int


# --- upload
class WireRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    body: dict[str, Any]
    hash: str = Field(min_length=64, max_length=64)
    sig: str = Field(min_length=1, max_length=100)


class BatchUpload(_Strict):
    records: list[WireRecord] = Field(max_length=MAX_BATCH)
    queued: int = Field(default=0, ge=0, le=10**9,
                        description="records still waiting on the terminal, for HQ's view")
    clock_offset_ms: int | None = Field(
        default=None, ge=-(10**12), le=10**12,
        description="server minus terminal host clock, as the terminal learned it")


class BatchAck(_Strict):
    acked_seq: int  # highest contiguous sequence stored: the terminal marks up to here synced
    stored: int  # new records stored by this request
    duplicates: int
    flagged: int  # stored but flagged for review (bad signature, broken chain, bad member code...)
    server_time_ms: int


# --- download
class BundleResponse(_Strict):
    sequence: int
    envelope: str | None  # the signed bundle JSON, or None when the terminal already has `sequence`
    server_time_ms: int


class BalanceEntry(_Strict):
    member_id: int
    balance: int
    expiring_soon: int = 0
    tier: int = 0
    masked_name: str = ""
    masked_phone: str = ""
    birthday_month: int = 0


class BalancesResponse(_Strict):
    balances: list[BalanceEntry]
    cursor: int  # pass back as ?after= next time; server-issued, never the terminal's clock
    more: bool
    server_time_ms: int


# --- member wallet
class WalletRegister(_Strict):
    member_id: int = Field(ge=1, le=(1 << 48) - 1)
    secret: str = Field(min_length=4, max_length=128)
    device_public_key: str = Field(pattern=B64_KEY)


class WalletCertificate(_Strict):
    certificate: str  # base64 of the 122 certificate bytes
    root_public_keys: list[str]  # a wallet without a configured root key pins these (first use)
    serial: int
    tier: int
    allowance: int
    not_after: int
    server_time_ms: int


class WalletBalance(_Strict):
    member_id: int
    balance: int
    tier: int
    expiring_soon: int
    server_time_ms: int


# --- online authorisation (docs/online-authorisation.md; HQ: sync_server/authorisation.py)
MAX_CODE_TEXT = 400  # a member code is 304 characters


class AuthoriseRequest(_Strict):
    """The record the terminal will journal if HQ approves it: every body field but `auth_id`
    (HQ's answer names it), exactly as it will be signed. The key is (terminal, record["seq"])."""
    record: dict[str, Any]


class ResolveRequest(_Strict):
    """After a restart: what became of the authorisation asked for with this key (terminal, seq)."""
    seq: int = Field(ge=1, le=MAX_SEQ)


class MemberLookup(_Strict):
    """The member panel, online: HQ verifies the scanned code and answers with the live truth."""
    code: str = Field(min_length=1, max_length=MAX_CODE_TEXT)


class FirstUse(_Strict):
    """Where and when HQ saw a member code used (CODE_USED_ONLINE)."""
    terminal_id: str
    merchant_id: str
    seq: int
    recorded_at: int  # unix ms


AuthState = Literal["held", "captured", "released", "expired", "declined", "abandoned"]


class AuthorisationAnswer(_Strict):
    auth_id: str
    seq: int
    decision: Literal["approved", "declined"]
    state: AuthState  # the reservation's state now (docs/online-authorisation.md, state machine)
    reason: str  # OK (or DAILY_CAP_REACHED / NOT_A_MEMBER) when approved, else why declined
    message_zh: str
    message_en: str
    detail: str = ""
    member_id: int | None = None
    points_spent: int = 0  # held by HQ for this transaction
    points_earned: int = 0  # what HQ will credit (within the member's daily cap alliance-wide)
    balance: int | None = None  # booked at HQ
    available: int | None = None  # booked minus every spend HQ holds for the member (this one too)
    balance_after: int | None = None  # once every transaction HQ authorised for the member is captured
    first_use: FirstUse | None = None
    expires_at_ms: int | None = None  # the hold ends then if the record has not arrived
    server_time_ms: int


class MemberLive(_Strict):
    ok: bool  # False: the code or the member is refused right now (reason says why)
    reason: str
    message_zh: str
    message_en: str
    detail: str = ""
    member_id: int | None = None
    tier: int | None = None
    balance: int | None = None
    available: int | None = None
    expiring_soon: int = 0
    birthday_month: int = 0
    first_use: FirstUse | None = None
    server_time_ms: int
