"""Inside one worker process: the thread that holds the alliance-wide books lock runs first.

Every batch's decisions, and every online authorisation, hold the books lock (sync_server/counters.py)
until their transaction commits, and everyone else's decisions wait for it. In the same process,
other request threads meanwhile check signatures and member codes (ingest.examine_batch: CPU-bound
Python). They share one interpreter lock with the holder, so without care the holder gets only its
share of the interpreter and the lock stays held two or three times longer than its work takes
(measured: bench/server_ingest.py, docs/benchmarks.md). Work that can wait therefore pauses between
records while a thread of this process holds the books lock (at most PAUSE_S at a time, so nothing
can wait on a holder for ever).

`hold(s)` is called right after the lock is taken; the hold ends with the session's transaction
(commit or rollback).
"""

from __future__ import annotations

import threading

from sqlalchemy import event
from sqlalchemy.orm import Session

PAUSE_S = 0.25  # the longest a pausing thread waits before it goes on anyway

_HELD, _LISTENING = "books_gate.held", "books_gate.listening"  # keys of Session.info
_cond = threading.Condition()
_holders = 0


def hold(s: Session) -> None:
    """The calling thread has just taken the books lock in `s`'s transaction."""
    global _holders
    if s.info.get(_HELD):
        return  # (taken again in the same transaction)
    with _cond:
        _holders += 1
    s.info[_HELD] = True
    if not s.info.get(_LISTENING):  # one pair of listeners per session, however often it locks
        s.info[_LISTENING] = True
        event.listen(s, "after_commit", _release)
        event.listen(s, "after_rollback", _release)


def _release(s: Session, *_args: object) -> None:
    global _holders
    if not s.info.pop(_HELD, False):
        return
    with _cond:
        _holders -= 1
        if not _holders:
            _cond.notify_all()


def pause_while_held() -> None:
    """Called between units of deferrable CPU work: wait while this process holds the books lock."""
    if _holders:  # (a plain read: cheap, and a stale answer only costs one unit of work)
        with _cond:
            _cond.wait_for(lambda: not _holders, PAUSE_S)


def holders() -> int:
    return _holders
