"""POST /v1/enroll: a terminal's one-time code (its id and an HMAC proof; the code never travels)
and its public key -> its identity and the alliance root key. The answer is MACed with the code
(alliance_protocol.enrollment_code) on top of HQ's response signature; failed codes are bounded
per client address (429)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from alliance_protocol import enrollment_code, request_auth
from alliance_protocol.wire import EnrollRequest, EnrollResponse

from ..asgi_layers import request_nonce
from ..hq import HQError, now_ms
from ..ratelimit import client_address
from .deps import HQDep, LimitsDep

router = APIRouter(prefix="/v1", tags=["enroll"])


@router.post("/enroll", response_model=EnrollResponse)
def enroll(req: EnrollRequest, request: Request, hq: HQDep, limits: LimitsDep) -> Response:
    with limits.limiter.attempt([(limits.enroll_per_address, client_address(request))]) as attempt:
        try:
            terminal, merchant, key = hq.enroll_with_proof(req.code_id, req.public_key, req.label, req.proof)
        except HQError as exc:
            if exc.reason.startswith("ENROLLMENT_CODE_"):
                attempt.failed()
            raise
    answer = EnrollResponse(terminal_id=terminal.id, merchant_id=merchant.id, merchant_name=merchant.name,
                            public_key=req.public_key, root_public_keys=hq.root_public_keys(),
                            response_key_certs=[hq.ring.response_signer().cert_text],
                            server_time_ms=now_ms())
    body = answer.model_dump_json().encode()
    nonce = request_nonce(request.headers.get(request_auth.H_NONCE))
    mac = enrollment_code.answer_mac(key, nonce, 200, body)
    return Response(body, media_type="application/json", headers={enrollment_code.H_MAC: mac})
