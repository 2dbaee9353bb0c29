"""The terminal's side of the sync protocol (Qt-free): enroll, upload the outbox, download.

    client = SyncClient(store)                  # server URL from the enrolled identity
    client.enroll("5A2F...", server_url)        # one-time code -> identity, pinned root key
    report = client.sync_once()                 # upload every queued record, then bundle + balances

Every request is signed with the terminal key (alliance_protocol.request_auth) using the
server-corrected clock; every response's server_time_ms updates the clock offset. Records are
marked synced only up to the server's acknowledged contiguous sequence.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from alliance_protocol import request_auth
from alliance_protocol.keys import b64, public_raw, unb64
from alliance_protocol.reasons import Reason
from alliance_protocol.wire import BalancesResponse, BatchAck, BundleResponse, EnrollResponse
from terminal_app.store import Store, TerminalIdentity

BATCH_SIZE = 500


class SyncError(Exception):
    """A sync step failed; `reason` is a Reason value (SERVER_UNREACHABLE for network trouble)."""

    def __init__(self, reason: str, detail: str = "", status: int | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.status = status


@dataclass
class SyncReport:
    ok: bool
    uploaded: int = 0  # records newly acknowledged
    acked_seq: int = 0
    flagged: int = 0
    bundle_sequence: int | None = None
    balances: int = 0
    reason: str = Reason.OK.value
    detail: str = ""
    errors: list[str] = field(default_factory=list)


class SyncClient:
    def __init__(self, store: Store, server_url: str | None = None, *, timeout_s: float = 15.0,
                 batch_size: int = BATCH_SIZE, http: httpx.Client | None = None) -> None:
        self.store = store
        identity = store.identity()
        self.server_url = (server_url or (identity.server_url if identity else "") or "").rstrip("/")
        self.batch_size = batch_size
        self.http = http or httpx.Client(timeout=timeout_s)

    def close(self) -> None:
        self.http.close()

    # --- plumbing
    def _call(self, method: str, path: str, *, json_body: Any = None, signed: bool = True,
              _retried: bool = False) -> dict[str, Any]:
        if not self.server_url:
            raise SyncError(Reason.TERMINAL_UNKNOWN.value, "no server URL: enroll first")
        body = b"" if json_body is None else json.dumps(json_body, separators=(",", ":")).encode()
        headers = {"content-type": "application/json"} if json_body is not None else {}
        if signed:
            identity = self.store.identity()
            if identity is None:
                raise SyncError(Reason.TERMINAL_UNKNOWN.value, "not enrolled")
            now_ms = int(self.store.clock().now() * 1000)
            headers.update(request_auth.sign_headers(self.store.terminal_key(), identity.terminal_id, method, path,
                                                     body, now_ms))
        sent = int(time.time() * 1000)
        try:
            response = self.http.request(method, self.server_url + path, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SyncError(Reason.SERVER_UNREACHABLE.value, f"{type(exc).__name__}: {exc}") from None
        received = int(time.time() * 1000)
        try:
            data = response.json()
        except ValueError:
            raise SyncError(Reason.SERVER_ERROR.value, f"HTTP {response.status_code}, not JSON",
                            response.status_code) from None
        if isinstance(data, dict) and isinstance(data.get("server_time_ms"), int):
            self.store.record_server_time(data["server_time_ms"], sent, received)
        if response.status_code >= 400:
            reason = str(data.get("reason", Reason.SERVER_ERROR.value)) if isinstance(data, dict) else "SERVER_ERROR"
            if reason == Reason.REQUEST_CLOCK_SKEW.value and not _retried:
                # The offset was just learned from this very answer: sign again with the corrected clock.
                return self._call(method, path, json_body=json_body, signed=signed, _retried=True)
            raise SyncError(reason, str(data.get("detail", "")) if isinstance(data, dict) else "",
                            response.status_code)
        return data

    # --- enrollment
    def enroll(self, code: str, server_url: str, label: str = "") -> TerminalIdentity:
        """Register this terminal's key with a one-time code. An existing key is kept (records it
        already signed must still verify)."""
        self.server_url = server_url.rstrip("/")
        key = self.store.terminal_key() if self.store.key_path.exists() else self.store.create_terminal_key()
        data = EnrollResponse.model_validate(self._call(
            "POST", "/v1/enroll", json_body={"code": code, "public_key": b64(public_raw(key)), "label": label},
            signed=False))
        self.store.set_root_keys([unb64(k) for k in data.root_public_keys])
        identity = TerminalIdentity(data.terminal_id, data.merchant_id, data.merchant_name, self.server_url,
                                    int(time.time()))
        self.store.save_identity(identity)
        return identity

    # --- the steps of a sync
    def upload(self) -> tuple[int, int, int]:
        """Send the outbox in batches until it is empty; returns (acknowledged, acked_seq, flagged)."""
        total, flagged, acked = 0, 0, self.store.synced_through()
        while True:
            records = self.store.outbox_pending(self.batch_size)
            if not records:
                return total, acked, flagged
            ack = BatchAck.model_validate(self._call(
                "POST", "/v1/terminal/batches",
                json_body={"records": records, "queued": self.store.outbox_count(),
                           "clock_offset_ms": round(self.store.clock().offset_s * 1000)}))
            flagged += ack.flagged
            if ack.acked_seq <= acked:
                # The server holds a gap below these records (it reports what it has): stop, retry later.
                raise SyncError(Reason.SERVER_ERROR.value, f"server acknowledged {ack.acked_seq}, expected more")
            self.store.mark_synced(ack.acked_seq)
            total += ack.acked_seq - acked
            acked = ack.acked_seq

    def pull_bundle(self) -> int | None:
        current = self.store.current_bundle()
        have = current.sequence if current else 0
        data = BundleResponse.model_validate(self._call("GET", f"/v1/terminal/bundle?have={have}"))
        if data.envelope is not None:
            self.store.install_bundle(data.envelope.encode())
        return data.sequence

    def pull_balances(self) -> int:
        cursor = int(self.store.get_state("balance_cursor", 0))
        count = 0
        while True:
            data = BalancesResponse.model_validate(self._call("GET", f"/v1/terminal/balances?after={cursor}"))
            if data.balances:
                self.store.apply_balances([(b.member_id, b.balance, data.cursor, b.expiring_soon, b.birthday_month)
                                           for b in data.balances])
                count += len(data.balances)
            cursor = data.cursor
            self.store.set_state("balance_cursor", cursor)
            if not data.more:
                return count

    def sync_once(self) -> SyncReport:
        """Upload first (nothing waits behind a download), then bundle and balances. Never raises."""
        report = SyncReport(ok=False)
        try:
            report.uploaded, report.acked_seq, report.flagged = self.upload()
            report.bundle_sequence = self.pull_bundle()
            report.balances = self.pull_balances()
        except SyncError as exc:
            report.reason, report.detail = exc.reason, exc.detail
            return report
        except Exception as exc:  # a bundle the store refused, a malformed answer: reported, not raised
            report.reason, report.detail = Reason.SERVER_ERROR.value, f"{type(exc).__name__}: {exc}"
            return report
        self.store.set_last_sync(time.time())
        report.ok = True
        return report
