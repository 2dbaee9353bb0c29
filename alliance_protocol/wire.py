"""Wire schemas between terminals, wallets and the server (pydantic; one definition for both ends).

Every response carries `server_time_ms` so the caller learns its clock offset. Errors are
`ErrorBody` with a reason code and messages in Chinese and English.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

MAX_BATCH = 500
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


class TimeResponse(_Strict):
    server_time_ms: int


# --- enrollment
class EnrollRequest(_Strict):
    code: str = Field(min_length=8, max_length=64)
    public_key: str = Field(pattern=B64_KEY)
    label: str = Field(default="", max_length=100)


class EnrollResponse(_Strict):
    terminal_id: str
    merchant_id: str
    merchant_name: str
    root_public_keys: list[str]
    server_time_ms: int


# --- upload
class WireRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    body: dict[str, Any]
    hash: str = Field(min_length=64, max_length=64)
    sig: str = Field(min_length=1, max_length=100)


class BatchUpload(_Strict):
    records: list[WireRecord] = Field(max_length=MAX_BATCH)
    queued: int = Field(default=0, ge=0, description="records still waiting on the terminal, for HQ's view")
    clock_offset_ms: int | None = Field(default=None, ge=-(10**12), le=10**12,
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
