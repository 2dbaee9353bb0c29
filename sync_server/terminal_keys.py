"""What a terminal's signed request is checked against before its transaction opens: each active
terminal's identity (id, merchant, public key) as this process last read it.

    memo = TerminalKeys()
    memo.get(terminal_id)       -> TerminalIdentity | None
    memo.put(identity)          after a read of the terminal's row found it active with this key
    memo.forget(terminal_id)    a request's signature did not verify against it, or the row has
                                changed (suspended, enrolled again with another key)

A memo, not a second owner: the `terminals` table is the truth. The route's own transaction reads
the row again (routers/deps.SignedTerminal.record_use, in the statement that stores the request's
nonce) and refuses a request whose terminal is no longer active, or no longer has the key or the
merchant its signature was checked with; nothing the request did is kept. So a suspension or a new
enrolment made by another process (an admin command, another worker) takes effect at the next
request, as it did without the memo. What the memo saves is a read of its own (a pooled connection,
a transaction, a thread hop) for every signed request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Protocol

from nacl.signing import VerifyKey

from alliance_protocol.keys import unb64

CAPACITY = 100_000  # terminals remembered (least recently seen forgotten first); about 20 MB at most


class Enrolled(Protocol):
    """What the checks made before a transaction read of a terminal: a TerminalIdentity, or a row."""

    @property
    def id(self) -> str: ...
    @property
    def merchant_id(self) -> str: ...
    @property
    def public_key(self) -> str | None: ...


@dataclass(frozen=True)
class TerminalIdentity:
    """An enrolled terminal as a request is checked against it (detached from any session)."""

    id: str
    merchant_id: str
    public_key: str  # base64, as stored
    raw_key: bytes = field(repr=False)

    @classmethod
    def of(cls, terminal_id: str, merchant_id: str, public_key: str) -> TerminalIdentity:
        raw = unb64(public_key)
        VerifyKey(raw)  # a stored key that is not an Ed25519 key fails here, not at every request
        return cls(terminal_id, merchant_id, public_key, raw)


class TerminalKeys:
    def __init__(self, capacity: int = CAPACITY) -> None:
        self._capacity = capacity
        self._known: OrderedDict[str, TerminalIdentity] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, terminal_id: str) -> TerminalIdentity | None:
        with self._lock:
            found = self._known.get(terminal_id)
            if found is not None:
                self._known.move_to_end(terminal_id)
            return found

    def put(self, identity: TerminalIdentity) -> None:
        with self._lock:
            self._known[identity.id] = identity
            self._known.move_to_end(identity.id)
            while len(self._known) > self._capacity:
                self._known.popitem(last=False)

    def forget(self, terminal_id: str) -> None:
        with self._lock:
            self._known.pop(terminal_id, None)
