"""The sync server with one fault injected, for tests that kill HQ at an exact point:

    python -m tests.server.online_faults kill-after-authorising -- <sync-server arguments>

`kill-after-authorising`: the process SIGKILLs itself the moment an online authorisation's
transaction has committed (its hold and claim are in the database), before the answer is sent.
Nothing in the server is changed for it: the route's transaction gets an after-commit listener.
"""

from __future__ import annotations

import os
import signal
import sys

from sqlalchemy import event


def kill_after_authorising() -> None:
    from sync_server import authorisation

    decide = authorisation.authorise

    def authorise(hq, s, terminal, examined):
        event.listen(s, "after_commit", lambda _session: os.kill(os.getpid(), signal.SIGKILL))
        return decide(hq, s, terminal, examined)

    authorisation.authorise = authorise


FAULTS = {"kill-after-authorising": kill_after_authorising}

if __name__ == "__main__":
    fault, _, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    FAULTS[fault]()
    from sync_server.cli import main

    sys.exit(main(rest))
