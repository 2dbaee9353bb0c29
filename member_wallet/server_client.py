"""The wallet's HTTP client: register a device key, refresh the certificate, read the balance."""

from __future__ import annotations

import httpx

from alliance_protocol.keys import b64, unb64
from alliance_protocol.wire import WalletBalance, WalletCertificate

from .wallet import Wallet, WalletError


def _post(server_url: str, path: str, payload: dict, timeout_s: float) -> dict:
    try:
        response = httpx.post(server_url.rstrip("/") + path, json=payload, timeout=timeout_s)
    except httpx.HTTPError as exc:
        raise WalletError(f"server unreachable: {exc}") from None
    data = response.json()
    if response.status_code >= 400:
        raise WalletError(f"{data.get('reason')}: {data.get('message_en')} / {data.get('message_zh')}")
    return data


def register(wallet: Wallet, server_url: str, member_id: int, secret: str, *, refresh: bool = False,
             timeout_s: float = 15.0) -> WalletCertificate:
    """Get (or refresh) this device's certificate; tier and allowance come from HQ's records. The login
    is kept (owner-only file) for refreshes, balances and the backup numeric code."""
    payload = {"member_id": member_id, "secret": secret, "device_public_key": b64(wallet.device_public())}
    data = WalletCertificate.model_validate(
        _post(server_url, "/v1/wallet/refresh" if refresh else "/v1/wallet/register", payload, timeout_s))
    wallet.install_certificate(unb64(data.certificate), server_time=data.server_time_ms / 1000,
                               server_url=server_url)
    wallet.remember_login(secret)
    return data


def balance(wallet: Wallet, server_url: str, member_id: int, secret: str, timeout_s: float = 15.0) -> WalletBalance:
    payload = {"member_id": member_id, "secret": secret, "device_public_key": b64(wallet.device_public())}
    return WalletBalance.model_validate(_post(server_url, "/v1/wallet/balance", payload, timeout_s))
