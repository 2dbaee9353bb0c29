"""The HTTP API's routes, one module per area; `create_app` (sync_server/api.py) includes ROUTERS.

    health.py     GET /healthz, GET /v1/time
    enroll.py     POST /v1/enroll
    terminal.py   signed by an enrolled terminal: POST /v1/terminal/batches, GET /v1/terminal/bundle,
                  GET /v1/terminal/balances
    wallet.py     POST /v1/wallet/register | refresh | balance
    hq_page.py    GET /hq (HQ's web page, HTTP basic login)
    deps.py       the dependencies routes take: HQDep, SessionDep (one database session per
                  request), SignedTerminalDep (the authenticated terminal), LimitsDep, BatchSlotsDep
"""

from __future__ import annotations

from fastapi import APIRouter

from . import authorisations, enroll, health, hq_page, terminal, wallet

# One line per router (several people add to this list).
ROUTERS: list[APIRouter] = [
    health.router,
    enroll.router,
    terminal.router,
    wallet.router,
    hq_page.router,
    authorisations.router,
]
