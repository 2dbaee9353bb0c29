"""What the service returns: a reason (with zh + en messages) and a severity for green/orange/red."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from alliance_protocol.pricing import Pricing
from alliance_protocol.reasons import Explained, Reason


class Severity(StrEnum):
    APPROVED = "approved"  # green
    ATTENTION = "attention"  # orange: approved, but read the message (cap reached, pending verification)
    DECLINED = "declined"  # red: nothing was approved


ATTENTION_REASONS = {Reason.DAILY_CAP_REACHED, Reason.NOT_A_MEMBER, Reason.BACKUP_CODE_PENDING}


def severity_for(ok: bool, reason: Reason) -> Severity:
    if not ok:
        return Severity.DECLINED
    return Severity.ATTENTION if reason in ATTENTION_REASONS else Severity.APPROVED


@dataclass(frozen=True)
class MemberView:
    """What a cashier may see of a member: no full id, no personal data."""

    member_id: int
    masked_id: str
    tier: int
    balance: int | None  # HQ's last push, minus spends since (None: never pushed); online: HQ's own
    expiring_soon: int
    spendable: int  # what may be spent right now (offline: within the offline limits; online: HQ's available)
    allowance: int
    coupons: list[dict[str, Any]] = field(default_factory=list)
    gifts: list[dict[str, Any]] = field(default_factory=list)
    online: bool = False  # balance and spendable are HQ's live numbers (docs/online-authorisation.md)

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Result(Explained):
    ok: bool
    reason: Reason
    seq: int | None = None  # the journal record written for this attempt (None: not recorded)
    detail: str = ""

    @property
    def severity(self) -> Severity:
        return severity_for(self.ok, self.reason)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ok": self.ok,
            "reason": self.reason.value,
            "severity": self.severity.value,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "seq": self.seq,
        }
        if self.detail:
            out["detail"] = self.detail
        return out


@dataclass(frozen=True)
class ScanResult(Result):
    token: str | None = None  # pass to commit_* within the scan session
    member: MemberView | None = None
    decided_by: str | None = None  # "online": HQ refused the code at the scan (records.DecidedBy)
    first_use: dict[str, Any] | None = None  # CODE_USED_ONLINE: where and when HQ saw it used

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        out["token"] = self.token
        out["member"] = None if self.member is None else self.member.to_json()
        out.update(decided_by=self.decided_by, first_use=self.first_use)
        return out


@dataclass(frozen=True)
class TxnResult(Result):
    pricing: Pricing | None = None
    points_earned: int = 0
    points_spent: int = 0
    decided_by: str | None = None  # which path decided (records.DecidedBy): online, offline, near a limit
    balance_after: int | None = None  # online: the member's balance once this transaction is captured (HQ's)
    first_use: dict[str, Any] | None = None  # CODE_USED_ONLINE: where and when HQ saw the code used
    auth_id: str | None = None  # HQ's authorisation (online)

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        out.update(
            points_earned=self.points_earned,
            points_spent=self.points_spent,
            decided_by=self.decided_by,
            balance_after=self.balance_after,
            first_use=self.first_use,
            auth_id=self.auth_id,
        )
        if self.pricing is not None:
            out["pricing"] = {
                k: (v.value if isinstance(v, Reason) else v) for k, v in self.pricing.__dict__.items()
            }
        return out


@dataclass(frozen=True)
class ZReport:
    shift: int
    seq: int | None
    closed_at: int
    counts: dict[str, int]
    points_earned: int
    points_spent: int
    bill_fen: int
    paid_fen: int
    voids: int
    rejected: int

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)
