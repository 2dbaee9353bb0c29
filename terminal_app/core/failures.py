"""The service's one rule for failures: a typed declined result, never an exception.

    result = guarded(TxnResult, lambda: ...)      # every TerminalService operation runs through this

A database that cannot be read or written (SQLAlchemy, OS errors: disk full, read-only) is
NOT_RECORDED; anything unforeseen (a bug) is INTERNAL_ERROR; a `NotRecorded` raised on purpose
keeps its reason. Either way nothing was committed and nothing is approved. `classify` is the one
mapping from an exception to (reason, detail); `close_shift`, whose caller needs the report, raises
NotRecorded built by it instead of returning a result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError

from alliance_protocol.reasons import Reason


class NotRecorded(Exception):
    """Nothing was committed: the database refused the write (reason NOT_RECORDED) or the
    service hit an unforeseen error (INTERNAL_ERROR). Either way nothing is approved."""

    def __init__(self, detail: str, reason: Reason = Reason.NOT_RECORDED) -> None:
        super().__init__(detail)
        self.reason = reason

    @classmethod
    def from_exception(cls, exc: BaseException) -> NotRecorded:
        if isinstance(exc, NotRecorded):
            return exc
        reason, detail = classify(exc)
        return cls(detail, reason)


def classify(exc: BaseException) -> tuple[Reason, str]:
    """Why nothing was recorded, and a short technical detail (first line, 200 characters)."""
    if isinstance(exc, NotRecorded):
        return exc.reason, str(exc)
    if isinstance(exc, (SQLAlchemyError, OSError)):
        cause = getattr(exc, "orig", None) or exc
        return Reason.NOT_RECORDED, f"{type(cause).__name__}: {cause}".splitlines()[0][:200]
    return Reason.INTERNAL_ERROR, f"{type(exc).__name__}: {exc}".splitlines()[0][:200]


R = TypeVar("R")


def guarded(declined: Callable[[bool, Reason, None, str], R], run: Callable[[], R]) -> R:
    """`run()`, or the declined result (`declined(False, reason, None, detail)`) when it raised."""
    try:
        return run()
    except Exception as exc:  # the service's contract: never an exception for the counter app
        reason, detail = classify(exc)
        return declined(False, reason, None, detail)
