"""GET /healthz: what the container HEALTHCHECK and a load balancer ask (real uvicorn on loopback)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx

from sync_server.hq import HQ
from sync_server.local import start_local_server
from sync_server.settings import ServerSettings


def test_healthz_answers_while_the_database_does_and_503_when_it_is_gone(tmp_path: Path) -> None:
    db_dir = tmp_path / "db"
    db_dir.mkdir()
    hq = HQ.open(ServerSettings(home=tmp_path / "home", database_url=f"sqlite:///{db_dir / 'hq.sqlite3'}"),
                 create_keys=True)
    local = start_local_server(hq)
    try:
        before = int(time.time() * 1000)
        ok = httpx.get(local.url + "/healthz", timeout=5)
        assert ok.status_code == 200
        body = ok.json()
        assert body["ok"] is True and isinstance(body["server_time_ms"], int)
        assert abs(body["server_time_ms"] - before) < 60_000

        shutil.rmtree(db_dir)  # the database cannot be opened any more
        hq.engine.dispose()
        down = httpx.get(local.url + "/healthz", timeout=5)
        assert down.status_code == 503
        err = down.json()
        assert err["reason"] == "SERVER_ERROR" and err["message_zh"] and err["message_en"]
        assert "database unavailable" in err["detail"]
    finally:
        local.stop()
        hq.engine.dispose()
