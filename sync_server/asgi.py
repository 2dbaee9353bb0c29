"""ASGI entry point for process managers: `uvicorn sync_server.asgi:app --workers N`.

Configuration comes from the environment (SYNC_SERVER_HOME, SYNC_SERVER_DATABASE_URL, ...): every
worker process builds the same stateless app over the shared database and key files.
"""

from __future__ import annotations

from .api import create_app
from .gc_tuning import tune_for_serving
from .hq import HQ
from .settings import ServerSettings

app = create_app(HQ.open(ServerSettings()))
tune_for_serving()
