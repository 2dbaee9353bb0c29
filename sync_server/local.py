"""A server on loopback inside this process (the demo, tests and benchmarks): uvicorn in a thread."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import httpx
import uvicorn

from .api import create_app
from .hq import HQ


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LocalServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def start_local_server(hq: HQ, port: int | None = None, timeout_s: float = 15.0) -> LocalServer:
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(hq), host="127.0.0.1", port=port, log_level="error",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, name="sync-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        try:
            httpx.get(url + "/v1/time", timeout=1)
            return LocalServer(url, server, thread)
        except httpx.HTTPError:
            time.sleep(0.05)
    server.should_exit = True
    raise RuntimeError(f"the local server did not answer on {url}")
