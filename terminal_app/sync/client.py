"""The terminal's side of the sync protocol (Qt-free): enroll, upload the outbox, download.

    client = SyncClient(store)                  # server URL from the enrolled identity
    client.enroll("K7M2-9QXD-4HPA-ZR3T", url)   # one-time code -> identity, pinned root key
    report = client.sync_once()                 # upload every queued record, then bundle + balances

Every request is signed with the terminal key (alliance_protocol.request_auth) using the
server-corrected clock, and every answer is checked before any of it is used
(alliance_protocol.response_auth): HQ's signature over this request's nonce, by a response key a
pinned root key certifies. An answer that fails is a SyncError RESPONSE_UNAUTHENTICATED and changes
nothing: no clock offset is learned from it, no record is marked synced, no balance or bundle is
taken. The clock offset comes only from the signed X-HQ-Time of an authenticated answer.

The enrollment answer is the bootstrap: the code never travels (its id and an HMAC made with it do),
and HQ's answer (root keys, response-key certificates) must carry the code's MAC before anything is
pinned. A refused enrollment (unknown, used or expired code, too many attempts) is reported with
the server's reason as given: it changes nothing on the terminal.

Records are marked synced only up to the server's acknowledged contiguous sequence, and never past
the highest sequence this terminal sent (SYNC_ACK_BEYOND_SENT).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from pydantic import BaseModel, ValidationError

from alliance_protocol import enrollment_code, request_auth, response_auth
from alliance_protocol.keys import b64, public_raw, unb64
from alliance_protocol.reasons import Reason
from alliance_protocol.wire import (
    MAX_BATCH,
    BalancesResponse,
    BatchAck,
    BatchUpload,
    BundleResponse,
    EnrollRequest,
    EnrollResponse,
    WireRecord,
)
from terminal_app.store import Store, TerminalIdentity

MAX_REPORTED_QUEUE = 10**9
MAX_OFFSET_MS = 10**12


class SyncError(Exception):
    """A sync step failed; `reason` is a Reason value (SERVER_UNREACHABLE for network trouble,
    RESPONSE_UNAUTHENTICATED for an answer HQ did not sign for this request)."""

    def __init__(self, reason: str, detail: str = "", status: int | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.status = status


@dataclass
class SyncReport:
    """What one sync did. Filled in as it goes: when a later step fails, the records acknowledged
    before it are still counted here."""

    ok: bool
    uploaded: int = 0  # records newly acknowledged
    acked_seq: int = 0  # the terminal's acknowledged-through mark after this sync
    flagged: int = 0
    bundle_sequence: int | None = None
    balances: int = 0
    reason: str = Reason.OK.value
    detail: str = ""
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Answer:
    response: httpx.Response
    nonce: str
    sent_ms: int
    received_ms: int


class SyncClient:
    def __init__(self, store: Store, server_url: str | None = None, *, timeout_s: float = 15.0,
                 batch_size: int = MAX_BATCH, http: httpx.Client | None = None) -> None:
        self.store = store
        identity = store.identity()
        self.server_url = (server_url or (identity.server_url if identity else "") or "").rstrip("/")
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self.http = http or httpx.Client(timeout=timeout_s)
        self._verifier: response_auth.ResponseVerifier | None = None

    def close(self) -> None:
        self.http.close()

    # --- plumbing
    def _send(self, method: str, path: str, body_model: BaseModel | None, signed: bool) -> _Answer:
        if not self.server_url:
            raise SyncError(Reason.TERMINAL_UNKNOWN.value, "no server URL: enroll first")
        body = b"" if body_model is None else body_model.model_dump_json().encode()
        headers = {"content-type": "application/json"} if body_model is not None else {}
        if signed:
            identity = self.store.identity()
            if identity is None:
                raise SyncError(Reason.TERMINAL_UNKNOWN.value, "not enrolled")
            now_ms = int(self.store.clock().now() * 1000)
            headers.update(request_auth.sign_headers(self.store.terminal_key(), identity.terminal_id, method,
                                                     path, body, now_ms))
        else:
            headers[request_auth.H_NONCE] = request_auth.new_nonce()
        sent = int(time.time() * 1000)
        try:
            response = self.http.request(method, self.server_url + path, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SyncError(Reason.SERVER_UNREACHABLE.value, f"{type(exc).__name__}: {exc}") from None
        return _Answer(response, headers[request_auth.H_NONCE], sent, int(time.time() * 1000))

    def verifier(self) -> response_auth.ResponseVerifier:
        """Answers are checked against the pinned root keys, on this terminal's corrected clock."""
        roots = self.store.root_keys()
        if self._verifier is None or self._verifier.roots != roots:
            self._verifier = response_auth.ResponseVerifier(roots, lambda: self.store.clock().now())
        return self._verifier

    def _call(self, method: str, path: str, body_model: BaseModel | None = None, *,
              _retried: bool = False) -> dict[str, Any]:
        """A signed request whose answer HQ authenticated; its JSON, or SyncError with HQ's reason."""
        answer = self._send(method, path, body_model, signed=True)
        response = answer.response
        try:
            server_ms = self.verifier().verify(method, path, answer.nonce, response.status_code,
                                               response.headers, response.content)
        except response_auth.ResponseAuthError as exc:
            raise SyncError(Reason.RESPONSE_UNAUTHENTICATED.value, f"HTTP {response.status_code}: {exc}",
                            response.status_code) from None
        self.store.record_server_time(server_ms, answer.sent_ms, answer.received_ms)
        try:
            data = json.loads(response.content)
        except ValueError:
            raise SyncError(Reason.SERVER_ERROR.value, f"HTTP {response.status_code}, not JSON",
                            response.status_code) from None
        if response.status_code >= 400:
            reason = str(data.get("reason", Reason.SERVER_ERROR.value)) if isinstance(data, dict) \
                else Reason.SERVER_ERROR.value
            if reason == Reason.REQUEST_CLOCK_SKEW.value and not _retried:
                # The offset was just learned from this very (authenticated) answer: sign again.
                return self._call(method, path, body_model, _retried=True)
            raise SyncError(reason, str(data.get("detail", "")) if isinstance(data, dict) else "",
                            response.status_code)
        if not isinstance(data, dict):
            raise SyncError(Reason.SERVER_ERROR.value, "answer is not a JSON object", response.status_code)
        return data

    # --- enrollment
    def enroll(self, code: str, server_url: str, label: str = "") -> TerminalIdentity:
        """Register this terminal's key with a one-time code. An existing key is kept (records it
        already signed must still verify). Nothing is pinned unless the answer carries the code's MAC."""
        self.server_url = server_url.rstrip("/")
        key = self.store.terminal_key() if self.store.key_path.exists() else self.store.create_terminal_key()
        public = b64(public_raw(key))
        code_id, mac_key = enrollment_code.code_id(code), enrollment_code.mac_key(code)
        request = EnrollRequest(code_id=code_id, public_key=public, label=label[:100],
                                proof=enrollment_code.request_proof(mac_key, code_id, public, label[:100]))
        answer = self._send("POST", "/v1/enroll", request, signed=False)
        response = answer.response
        if response.status_code >= 400:
            try:
                data = response.json()
            except ValueError:
                data = {}
            data = data if isinstance(data, dict) else {}
            raise SyncError(str(data.get("reason", Reason.SERVER_ERROR.value)),
                            f"{data.get('detail', '')} (HTTP {response.status_code}; a refusal is not "
                            "authenticated: HQ cannot MAC it for a code it does not know)",
                            response.status_code)
        expected = enrollment_code.answer_mac(mac_key, answer.nonce, response.status_code, response.content)
        if not enrollment_code.check(expected, response.headers.get(enrollment_code.H_MAC)):
            raise SyncError(Reason.RESPONSE_UNAUTHENTICATED.value,
                            "the enrollment answer is not authenticated by the code: nothing was pinned",
                            response.status_code)
        try:
            data = EnrollResponse.model_validate_json(response.content)
            roots = [unb64(k) for k in data.root_public_keys]
        except (ValidationError, ValueError) as exc:
            raise SyncError(Reason.SERVER_ERROR.value, f"unreadable enrollment answer: {exc}"[:300]) from None
        # The certificates arrived under the code's MAC, before this terminal's clock was corrected:
        # their validity is not checked against it here (it is on every later answer).
        bootstrap = response_auth.ResponseVerifier(roots, time.time, check_validity=False)
        try:
            if data.public_key != public:
                raise response_auth.ResponseAuthError("HQ enrolled another key than this terminal's")
            for cert in data.response_key_certs:
                bootstrap.certificate(cert)
            server_ms = bootstrap.verify("POST", "/v1/enroll", answer.nonce, response.status_code,
                                         response.headers, response.content)
        except response_auth.ResponseAuthError as exc:
            raise SyncError(Reason.RESPONSE_UNAUTHENTICATED.value, str(exc), response.status_code) from None
        self.store.pin_hq(roots, anchor="enrollment-code")
        self.store.record_server_time(server_ms, answer.sent_ms, answer.received_ms)
        identity = TerminalIdentity(data.terminal_id, data.merchant_id, data.merchant_name, self.server_url,
                                    int(time.time()))
        self.store.save_identity(identity)
        return identity

    # --- the steps of a sync
    def upload(self, report: SyncReport | None = None) -> tuple[int, int, int]:
        """Send the outbox in batches until it is empty; returns (acknowledged, acked_seq, flagged).
        `report` (if given) is updated after every acknowledged batch."""
        report = report or SyncReport(ok=False)
        report.acked_seq = acked = self.store.synced_through()
        while True:
            records = self.store.outbox_pending(self.batch_size)
            if not records:
                return report.uploaded, report.acked_seq, report.flagged
            highest_sent = max(int(r["body"]["seq"]) for r in records)
            offset_ms = round(self.store.clock().offset_s * 1000)
            batch = BatchUpload(records=[WireRecord.model_validate(r) for r in records],
                                queued=min(self.store.outbox_count(), MAX_REPORTED_QUEUE),
                                clock_offset_ms=max(-MAX_OFFSET_MS, min(MAX_OFFSET_MS, offset_ms)))
            ack = BatchAck.model_validate(self._call("POST", "/v1/terminal/batches", batch))
            report.flagged += ack.flagged
            if ack.acked_seq > highest_sent:
                # HQ holds records this terminal does not (a journal restored from an old copy?):
                # marking them synced would drop records never sent.
                raise SyncError(Reason.SYNC_ACK_BEYOND_SENT.value,
                                f"server acknowledged {ack.acked_seq}, highest sent {highest_sent}")
            if ack.acked_seq <= acked:
                # The server holds a gap below these records (it reports what it has): stop, retry later.
                raise SyncError(Reason.SERVER_ERROR.value,
                                f"server acknowledged {ack.acked_seq}, expected more")
            self.store.mark_synced(ack.acked_seq)
            report.uploaded += ack.acked_seq - acked
            report.acked_seq = acked = ack.acked_seq

    def pull_bundle(self) -> int | None:
        current = self.store.current_bundle()
        have = current.sequence if current else 0
        data = BundleResponse.model_validate(self._call("GET", f"/v1/terminal/bundle?have={have}"))
        if data.envelope is not None:
            self.store.install_bundle(data.envelope.encode())  # root-verified by the store
        return data.sequence

    def pull_balances(self, report: SyncReport | None = None) -> int:
        cursor = int(self.store.get_state("balance_cursor", 0))
        count = 0
        while True:
            data = BalancesResponse.model_validate(self._call("GET", f"/v1/terminal/balances?after={cursor}"))
            if data.balances:
                self.store.apply_balances([(b.member_id, b.balance, data.cursor, b.expiring_soon,
                                            b.birthday_month) for b in data.balances])
                count += len(data.balances)
                if report is not None:
                    report.balances = count
            cursor = data.cursor
            self.store.set_state("balance_cursor", cursor)
            if not data.more:
                return count

    def sync_once(self) -> SyncReport:
        """Upload first (nothing waits behind a download), then bundle and balances. Never raises."""
        report = SyncReport(ok=False)
        try:
            self.upload(report)
            report.bundle_sequence = self.pull_bundle()
            report.balances = self.pull_balances(report)
        except SyncError as exc:
            report.reason, report.detail = exc.reason, exc.detail
            return report
        except Exception as exc:  # a bundle the store refused, a malformed answer: reported, not raised
            report.reason, report.detail = Reason.SERVER_ERROR.value, f"{type(exc).__name__}: {exc}"
            return report
        self.store.set_last_sync(time.time())
        report.ok = True
        return report
