"""The member wallet's requests, each carrying the member's id and login secret (no terminal key):

    POST /v1/wallet/register   member id + secret + device key -> device certificate
    POST /v1/wallet/refresh    the same, later (tier and allowance from the current balance)
    POST /v1/wallet/balance    member id + secret -> balance, tier, expiring soon

Failed logins are bounded per member id and per client address (429 RATE_LIMITED).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter, Request

from alliance_protocol.keys import b64
from alliance_protocol.wire import WalletBalance, WalletCertificate, WalletRegister

from ..hq import HQ, HQError, now_ms
from ..ratelimit import client_address
from .deps import HQDep, Limits, LimitsDep

router = APIRouter(prefix="/v1/wallet", tags=["wallet"])

T = TypeVar("T")


def _login(limits: Limits, request: Request, req: WalletRegister, action: Callable[[], T]) -> T:
    """Run `action` (which checks the member's secret) as one bounded attempt."""
    keys = [(limits.wallet_per_member, str(req.member_id)),
            (limits.wallet_per_address, client_address(request))]
    with limits.limiter.attempt(keys) as attempt:
        try:
            return action()
        except HQError as exc:
            if exc.reason == "MEMBER_AUTH_FAILED":
                attempt.failed()
            raise


def _certificate(hq: HQ, req: WalletRegister) -> WalletCertificate:
    cert = hq.issue_device_certificate(req.member_id, req.secret, req.device_public_key)
    return WalletCertificate(certificate=b64(cert.to_bytes()), root_public_keys=hq.root_public_keys(),
                             serial=cert.serial, tier=cert.tier, allowance=cert.allowance,
                             not_after=cert.not_after, server_time_ms=now_ms())


@router.post("/register", response_model=WalletCertificate)
def register(req: WalletRegister, request: Request, hq: HQDep, limits: LimitsDep) -> WalletCertificate:
    return _login(limits, request, req, lambda: _certificate(hq, req))


@router.post("/refresh", response_model=WalletCertificate)
def refresh(req: WalletRegister, request: Request, hq: HQDep, limits: LimitsDep) -> WalletCertificate:
    return _login(limits, request, req, lambda: _certificate(hq, req))


@router.post("/balance", response_model=WalletBalance)
def balance(req: WalletRegister, request: Request, hq: HQDep, limits: LimitsDep) -> WalletBalance:
    m = _login(limits, request, req, lambda: hq.member_balance(req.member_id, req.secret))
    return WalletBalance(member_id=m.id, balance=m.balance, tier=m.tier, expiring_soon=m.expiring_soon,
                         server_time_ms=now_ms())
