"""The wallet's HTTP client: register a device key, refresh the certificate, read the balance.

Every answer is checked before it is used (alliance_protocol.response_auth): HQ's signature over
this request's nonce, by a response key the pinned alliance root certifies. The root key is either
given (`register --root-key`, as an alliance app would carry it built in) or, when none is given,
pinned from the first successful registration answer (trust on first use); every later answer,
refusals included, must verify against it. A refusal before any root is pinned is reported as the
server gave it (it changes nothing in the wallet). The clock offset comes from HQ's signed time.
"""

from __future__ import annotations

import httpx
from pydantic import ValidationError

from alliance_protocol import request_auth, response_auth
from alliance_protocol.keys import b64, unb64
from alliance_protocol.member_code import Certificate
from alliance_protocol.reasons import message_for
from alliance_protocol.wire import WalletBalance, WalletCertificate, WalletRegister

from .wallet import Wallet, WalletError


def _refusal(reason: str, detail: str) -> WalletError:
    msg = message_for(reason)
    return WalletError(f"{reason}: {msg.en} / {msg.zh}" + (f" ({detail})" if detail else ""))


def _post(wallet: Wallet, server_url: str, path: str, request: WalletRegister,
          timeout_s: float) -> tuple[httpx.Response, int]:
    """A successful answer HQ signed for this request, and HQ's signed time."""
    nonce = request_auth.new_nonce()
    body = request.model_dump_json().encode()
    try:
        response = httpx.post(server_url.rstrip("/") + path, content=body, timeout=timeout_s,
                              headers={"content-type": "application/json", request_auth.H_NONCE: nonce})
    except httpx.HTTPError as exc:
        raise _refusal("SERVER_UNREACHABLE", str(exc)) from None
    roots = wallet.root_keys()
    pinned = bool(roots)
    if not pinned and response.status_code == 200:
        try:  # first use: the answer names the root key it is then checked against
            answer = WalletCertificate.model_validate_json(response.content)
            roots = [unb64(k) for k in answer.root_public_keys]
        except (ValidationError, ValueError):
            roots = []
    server_ms: int | None = None  # stays None only when nothing could be checked (no root key yet)
    if roots:
        try:  # (the phone's clock is not corrected before its first answer: validity is checked after)
            server_ms = response_auth.ResponseVerifier(roots, wallet.now, check_validity=pinned).verify(
                "POST", path, nonce, response.status_code, response.headers, response.content)
        except response_auth.ResponseAuthError as exc:
            raise _refusal(exc.reason, f"HTTP {response.status_code}: {exc}") from None
    if response.status_code >= 400:
        try:
            data = response.json()
        except ValueError:
            data = {}
        data = data if isinstance(data, dict) else {}
        retry = data.get("retry_after_s")
        raise _refusal(str(data.get("reason", "SERVER_ERROR")),
                       f"retry in {retry} s" if isinstance(retry, int) else str(data.get("detail", ""))[:200])
    if server_ms is None:
        raise _refusal(response_auth.REASON, f"HTTP {response.status_code} without the alliance root key")
    return response, server_ms


def register(wallet: Wallet, server_url: str, member_id: int, secret: str, *, refresh: bool = False,
             root_public_keys: list[bytes] | None = None, timeout_s: float = 15.0) -> WalletCertificate:
    """Get (or refresh) this device's certificate; tier and allowance come from HQ's records. The login
    is kept (owner-only file) for refreshes, balances and the backup numeric code."""
    if root_public_keys:
        wallet.pin_roots(root_public_keys, "configured")
    first_use = not wallet.root_keys()
    request = WalletRegister(member_id=member_id, secret=secret,
                             device_public_key=b64(wallet.device_public()))
    path = "/v1/wallet/refresh" if refresh else "/v1/wallet/register"
    response, server_ms = _post(wallet, server_url, path, request, timeout_s)
    data = WalletCertificate.model_validate_json(response.content)
    cert = Certificate.from_bytes(unb64(data.certificate))
    if (cert.member_id, cert.serial, cert.tier, cert.allowance, cert.not_after) != (
            member_id, data.serial, data.tier, data.allowance, data.not_after):
        raise _refusal(response_auth.REASON, "the certificate does not match the answer or the member")
    if first_use:
        wallet.pin_roots([unb64(k) for k in data.root_public_keys], "first-use")
    wallet.install_certificate(unb64(data.certificate), server_time=server_ms / 1000, server_url=server_url)
    wallet.remember_login(secret)
    return data


def balance(wallet: Wallet, server_url: str, member_id: int, secret: str,
            timeout_s: float = 15.0) -> WalletBalance:
    if not wallet.root_keys():
        raise WalletError("no alliance root key pinned yet (a wallet registered before HQ signed its "
                          "answers): run `member-wallet refresh` or register again")
    request = WalletRegister(member_id=member_id, secret=secret,
                             device_public_key=b64(wallet.device_public()))
    response, _ = _post(wallet, server_url, "/v1/wallet/balance", request, timeout_s)
    data = WalletBalance.model_validate_json(response.content)
    if data.member_id != member_id:
        raise _refusal(response_auth.REASON, "the balance is for another member")
    return data
