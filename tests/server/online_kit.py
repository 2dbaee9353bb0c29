"""Tools for the online-authorisation tests: an enrolled terminal that asks HQ itself (its own
chain of sealed records, like tests/security's Hostile, but asking first), and members of their own."""

from __future__ import annotations

import itertools
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from alliance_protocol import journal_record as jr
from alliance_protocol import records, request_auth
from alliance_protocol.pricing import EarnContext, is_member_day, local_date, price
from alliance_protocol.rules import AllianceRules
from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.db.models import Anomaly, Authorisation, Member, Record
from terminal_app.sync.online import OnlineClient

from .conftest import RunningServer, Till, code_fields, enroll_terminal

_IDS = itertools.count(61_001)
BUDGET_S = 10.0  # these tests are about HQ's decisions, not the budget: a loaded CI machine is slow


def new_member(server: RunningServer, tmp_path: Path, balance: int, tier: int = 0) -> Wallet:
    member_id = next(_IDS)
    server.hq.create_member(
        member_id, name="在线", phone="13200000000", balance=balance, tier=tier, secret=f"online-{member_id}"
    )
    wallet = Wallet(tmp_path / f"wallet-{member_id}")
    server_client.register(wallet, server.url, member_id, f"online-{member_id}")
    return wallet


def balance_of(server: RunningServer, member_id: int) -> int:
    with server.hq.session() as s:
        return s.get(Member, member_id).balance


class Asker:
    """An enrolled terminal writing its own chain: it asks HQ, then uploads what it decided."""

    def __init__(self, server: RunningServer, till: Till) -> None:
        self.server, self.till = server, till
        self.key = till.store.terminal_key()
        self.terminal_id = till.terminal_id
        self.merchant_id = till.store.identity().merchant_id
        self.seq, self.prev = 0, jr.GENESIS_HASH
        bundle = server.hq.bundle()
        self.bundle_seq, self.rules = bundle.sequence, AllianceRules.from_dict(bundle.rules)
        self.online = OnlineClient(till.store)

    def close(self) -> None:
        self.online.close()

    def body(self, kind: str, code: str, **fields: Any) -> dict[str, Any]:
        """The next record of this terminal's chain, as an intent HQ may authorise."""
        return {
            "terminal_id": self.terminal_id,
            "merchant_id": self.merchant_id,
            "seq": self.seq + 1,
            "prev_hash": self.prev,
            "recorded_at": int(time.time() * 1000),
            "kind": kind,
            "status": "approved",
            "reason": "OK",
            "shift": 1,
            "bundle_seq": self.bundle_seq,
            "decided_by": "online",
            **code_fields(code),
            **fields,
        }

    def purchase(self, code: str, bill_fen: int, spend_points: int = 0, **over: Any) -> dict[str, Any]:
        """Priced as the rules give it (alliance_protocol.pricing), this terminal's earlier sales unknown."""
        facts = code_fields(code)
        day = local_date(self.rules, time.time())
        p = price(
            self.rules,
            tier=facts["tier"],
            bill_fen=bill_fen,
            spend_points=spend_points,
            ctx=EarnContext(member_day=is_member_day(self.rules, day)),
        )
        assert p.ok, p
        return {
            **self.body(
                "purchase",
                code,
                reason="DAILY_CAP_REACHED" if p.capped else "OK",
                bill_fen=bill_fen,
                **records.bill_fields(p),
            ),
            **over,
        }

    def authorise(self, body: dict[str, Any]):
        return self.online.authorise(body, BUDGET_S)

    def record(self, body: dict[str, Any], answer=None, **over: Any) -> dict[str, Any]:
        """Seal the next record: the intent as HQ answered it (approved: with its auth_id)."""
        body = {**body, **over}
        if answer is not None and answer.decision == "approved" and "auth_id" not in over:
            body["auth_id"] = answer.auth_id
        body = {k: v for k, v in body.items() if v is not None}
        assert body["seq"] == self.seq + 1
        record = jr.seal(body, self.key)
        self.seq, self.prev = body["seq"], record["hash"]
        return record

    def upload(self, *records: dict[str, Any]) -> dict[str, Any]:
        payload = json.dumps({"records": list(records)}).encode()
        path = "/v1/terminal/batches"
        headers = request_auth.sign_headers(self.key, self.terminal_id, "POST", path, payload)
        headers["content-type"] = "application/json"
        response = httpx.post(self.server.url + path, content=payload, headers=headers, timeout=30)
        assert response.status_code == 200, response.text
        return response.json()

    def post(self, path: str, payload: bytes) -> httpx.Response:
        headers = request_auth.sign_headers(self.key, self.terminal_id, "POST", path, payload)
        headers["content-type"] = "application/json"
        return httpx.post(self.server.url + path, content=payload, headers=headers, timeout=30)

    def stored(self, seq: int) -> Record:
        with self.server.hq.session() as s:
            return s.scalar(select(Record).where(Record.terminal_id == self.terminal_id, Record.seq == seq))

    def authorisation(self, seq: int) -> Authorisation | None:
        with self.server.hq.session() as s:
            return s.scalar(
                select(Authorisation).where(
                    Authorisation.terminal_id == self.terminal_id, Authorisation.seq == seq
                )
            )

    def cases(self, type_: str) -> list[Anomaly]:
        with self.server.hq.session() as s:
            return s.scalars(
                select(Anomaly).where(Anomaly.terminal_id == self.terminal_id, Anomaly.type == type_)
            ).all()


def asker(server: RunningServer, home: Path, merchant_id: str = "M-AUTO") -> Asker:
    return Asker(server, enroll_terminal(server, home, merchant_id))


# --- a network between the terminal and HQ that misbehaves on purpose
class HoldingProxy:
    """Forwards HTTP/1.1 to HQ. For requests whose path starts with `prefix`: mode "hold" keeps HQ's
    answer until `release()` (HQ decided and committed; the terminal hears nothing meanwhile), mode
    "drop" reads HQ's answer and closes the connection instead (the answer lost after HQ committed).
    Everything else passes. `held` counts the answers kept back."""

    def __init__(self, upstream_url: str, prefix: str, mode: str = "hold") -> None:
        self.upstream_port = int(upstream_url.rsplit(":", 1)[1])
        self.prefix, self.mode = prefix.encode(), mode
        self.released = threading.Event()
        self.held = 0
        self.answered = threading.Event()  # set once HQ's answer to a held request has come back
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def release(self) -> None:
        self.released.set()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    @staticmethod
    def _read_request(conn: socket.socket) -> bytes | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            body += conn.recv(65536)
        head = b"\r\n".join(x for x in head.split(b"\r\n") if not x.lower().startswith(b"connection:"))
        return head + b"\r\nConnection: close\r\n\r\n" + body

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            try:
                request = self._read_request(conn)
                if request is None:
                    return
                with socket.create_connection(("127.0.0.1", self.upstream_port)) as up:
                    up.sendall(request)
                    response = b""
                    while chunk := up.recv(65536):
                        response += chunk
                target = request.split(b" ", 2)[1] if request.count(b" ") >= 2 else b""
                if target.startswith(self.prefix):
                    self.held += 1
                    self.answered.set()
                    if self.mode == "drop":
                        return  # committed upstream; the terminal sees the connection close
                    self.released.wait(60)
                conn.sendall(response.replace(b"connection: keep-alive", b"connection: close"))
            except OSError:
                return

    def close(self) -> None:
        self.sock.close()
        self.release()


class KillableHQ:
    """A sync server process on its own port (SQLite or PostgreSQL), started with or without the
    fault of tests/server/online_faults.py; the same port after a restart."""

    def __init__(self, home: Path, database_url: str) -> None:
        from sync_server.local import free_port

        self.home, self.database_url = home, database_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self, *, kill_after_authorising: bool = False) -> None:
        serve = [
            "--home",
            str(self.home),
            "serve",
            "--port",
            str(self.port),
            "--database-url",
            self.database_url,
        ]
        module = (
            ["tests.server.online_faults", "kill-after-authorising", "--"]
            if kill_after_authorising
            else ["sync_server.cli"]
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-m", *module, *serve],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=str(Path(__file__).resolve().parents[2]),
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                httpx.get(self.url + "/v1/time", timeout=1)
                return
            except httpx.HTTPError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.proc.stderr.read().decode()[-2000:]) from None
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def wait_dead(self, timeout_s: float = 30) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout_s)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(30)
