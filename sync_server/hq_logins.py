"""Who may open the HQ page (GET /hq, sync_server/routers/hq_page.py).

HQ itself: settings.hq_user / settings.hq_password (SYNC_SERVER_HQ_USER, SYNC_SERVER_HQ_PASSWORD).
Merchant logins (`sync-server hq-login add NAME --merchant M`; table hq_logins): each sees only its
own merchant's terminals, batches and cases. Passwords are kept as PBKDF2-SHA256 hashes.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from sqlalchemy import select

from .db.models import HQLogin, Merchant
from .hq import HQ, HQError

PBKDF2_ROUNDS = 100_000


def _hash(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), PBKDF2_ROUNDS).hex()


def add_merchant_login(hq: HQ, name: str, merchant_id: str, password: str) -> None:
    """A login that sees only one merchant's terminals, batches and cases (a new password for a
    login that exists)."""
    if not name or ":" in name or len(name) > 100 or len(password) < 8:
        raise HQError("REQUEST_INVALID", "a login needs a name without ':' (at most 100 characters) and a "
                      "password of 8+ characters")
    salt = secrets.token_hex(16)
    with hq.session() as s, s.begin():
        if s.get(Merchant, merchant_id) is None:
            raise HQError("UNKNOWN_MERCHANT", merchant_id, 404)
        s.merge(HQLogin(name=name, merchant_id=merchant_id, salt=salt, hash=_hash(password, salt),
                        created_at=int(time.time())))


def page_is_closed(hq: HQ) -> bool:
    """No HQ password set and no merchant login: nobody can sign in."""
    if hq.settings.hq_password:
        return False
    with hq.session() as s:
        return s.scalar(select(HQLogin.name).limit(1)) is None


def authenticate(hq: HQ, user: str, password: str) -> tuple[bool, str | None]:
    """(whether `user`/`password` is a login, the merchant it is limited to or None for HQ itself)."""
    if user and hq.settings.hq_password and (
            secrets.compare_digest(user.encode(), hq.settings.hq_user.encode())
            & secrets.compare_digest(password.encode(), hq.settings.hq_password.encode())):
        return True, None
    with hq.session() as s:
        login = s.get(HQLogin, user[:100]) if user else None
    if login is not None and secrets.compare_digest(_hash(password, login.salt), login.hash):
        return True, login.merchant_id
    return False, None
