"""Abuse limits: bounded failed attempts per source and window, counted in the database.

The counters are rows of `rate_limits` (scope, key, bucket), so every worker process of
`serve --workers N`, every host sharing the database, and a restarted server see the same counts.

    limit = Limit("wallet-member", max_failures=10, window_s=900)
    with limiter.attempt([(limit, "10002"), (per_address, "203.0.113.7")]) as attempt:
        if not ok:
            attempt.failed()          # counted; anything else (success, other errors) is not

Failures are counted in buckets of `window_s`; an attempt is refused (RateLimited: 429
RATE_LIMITED with the seconds to wait) while the bucket in progress and the one before it hold
`max_failures` together, so no span of `window_s` ever has more than `max_failures` failures
checked. The count is reserved before the secret is checked and given back after a success:
concurrent guesses cannot overshoot the limit. Rows are pruned once both buckets they count in
have passed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from fastapi import Request
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .db.models import RateLimit
from .hq import HQError


@dataclass(frozen=True)
class Limit:
    scope: str
    max_failures: int
    window_s: int


class RateLimited(HQError):
    def __init__(self, retry_after_s: int, detail: str) -> None:
        super().__init__("RATE_LIMITED", detail, 429)
        self.retry_after_s = retry_after_s


@dataclass
class Reservation:
    limiter: Limiter
    held: list[tuple[Limit, str, int]] = field(default_factory=list)  # (limit, key, bucket)
    is_failure: bool = False

    def failed(self) -> None:
        self.is_failure = True


class Limiter:
    def __init__(self, engine: Engine, clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.clock = clock

    def _upsert(self, s: Session, limit: Limit, key: str, bucket: int) -> int:
        module = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
        stmt = module.insert(RateLimit).values(scope=limit.scope, key=key, bucket=bucket, count=1,
                                               expires_at=(bucket + 2) * limit.window_s)
        stmt = stmt.on_conflict_do_update(index_elements=["scope", "key", "bucket"],
                                          set_={"count": RateLimit.count + 1}).returning(RateLimit.count)
        return int(s.scalar(stmt))

    def reserve(self, keys: Sequence[tuple[Limit, str]]) -> Reservation:
        now = self.clock()
        held, refused = [], []
        with Session(self.engine) as s, s.begin():
            for limit, key in keys:
                key = key[:200]
                bucket = int(now // limit.window_s)
                current = self._upsert(s, limit, key, bucket)
                before = s.scalar(select(RateLimit.count).where(
                    RateLimit.scope == limit.scope, RateLimit.key == key,
                    RateLimit.bucket == bucket - 1)) or 0
                if current + before > limit.max_failures:
                    # Once the bucket before has passed, only this one counts (without this attempt).
                    next_bucket = bucket + 1 if current - 1 < limit.max_failures else bucket + 2
                    wait_until = next_bucket * limit.window_s
                    refused.append((max(1, math.ceil(wait_until - now)), limit.scope))
                held.append((limit, key, bucket))
            if refused:
                s.rollback()  # a refused attempt counts nothing
                wait, scope = max(refused)
                raise RateLimited(wait, f"too many failed attempts ({scope}); retry in {wait} s")
            s.execute(delete(RateLimit).where(RateLimit.expires_at <= int(now)))
        return Reservation(self, held)

    def release(self, reservation: Reservation) -> None:
        with Session(self.engine) as s, s.begin():
            for limit, key, bucket in reservation.held:
                s.execute(update(RateLimit).where(
                    RateLimit.scope == limit.scope, RateLimit.key == key, RateLimit.bucket == bucket,
                    RateLimit.count > 0).values(count=RateLimit.count - 1))

    @contextmanager
    def attempt(self, keys: Sequence[tuple[Limit, str]]) -> Iterator[Reservation]:
        reservation = self.reserve(keys)
        try:
            yield reservation
        finally:
            if not reservation.is_failure:
                self.release(reservation)


def client_address(request: Request) -> str:
    """The address an attempt is counted against: the connection's peer as uvicorn reports it,
    which is the X-Forwarded-For client only when the connection comes from a proxy listed in
    uvicorn's FORWARDED_ALLOW_IPS (default: loopback). A client cannot choose it."""
    return request.client.host if request.client else "unknown"
