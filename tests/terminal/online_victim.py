"""A counter that dies mid-authorisation (tests/terminal/test_online_restart.py):

    python -m tests.terminal.online_victim HOME WHEN CODE BILL_FEN SPEND_POINTS

opens the terminal at HOME with HQ as its authoriser, scans CODE and commits a purchase, and
SIGKILLs itself at WHEN: "before-asking" (the intent journaled, HQ not asked yet) or "after-answer"
(HQ's answer received and verified, the outcome not journaled yet).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path


def main(home: str, when: str, code: str, bill_fen: int, spend_points: int) -> None:
    from terminal_app.core.service import TerminalService
    from terminal_app.store import open_store
    from terminal_app.sync.online import OnlineClient

    store = open_store(Path(home))
    online = OnlineClient(store)
    ask = online.authorise

    def authorise(record, budget_s):
        if when == "before-asking":
            os.kill(os.getpid(), signal.SIGKILL)
        answer = ask(record, budget_s)
        if when == "after-answer":
            os.kill(os.getpid(), signal.SIGKILL)
        return answer

    online.authorise = authorise  # type: ignore[method-assign]
    service = TerminalService(store, online=online)
    scan = service.scan(code)
    assert scan.ok and scan.member is not None and scan.member.online, scan
    service.commit_purchase(scan.token, bill_fen, spend_points)
    sys.exit("not killed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
