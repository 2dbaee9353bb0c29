"""Online authorisation (sync_server/authorisation.py, docs/online-authorisation.md), every request
signed by an enrolled terminal and every answer signed by HQ:

    POST /v1/terminal/authorisations          AuthoriseRequest -> AuthorisationAnswer (idempotent on
                                              the key (terminal, record.seq))
    POST /v1/terminal/authorisations/resolve  ResolveRequest -> AuthorisationAnswer (what became of a
                                              key; none decided: given up)
    POST /v1/terminal/members/lookup          MemberLookup -> MemberLive (the member panel online)
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from alliance_protocol.wire import (
    AuthorisationAnswer,
    AuthoriseRequest,
    MemberLive,
    MemberLookup,
    ResolveRequest,
)

from .. import authorisation
from ..hq import HQError
from .deps import HQDep, SessionDep, SignedTerminalDep

router = APIRouter(prefix="/v1/terminal", tags=["authorisation"])


def _body(model: type[BaseModel], raw: bytes) -> BaseModel:
    try:
        return model.model_validate_json(raw)
    except ValueError as exc:
        raise HQError("REQUEST_INVALID", str(exc)[:300], 422) from None


@router.post("/authorisations", response_model=AuthorisationAnswer)
def authorise(signed: SignedTerminalDep, s: SessionDep, hq: HQDep) -> AuthorisationAnswer:
    req = _body(AuthoriseRequest, signed.body)
    assert isinstance(req, AuthoriseRequest)
    # The member code's signatures are checked before the transaction opens (no lock held meanwhile).
    examined = authorisation.examine_request(hq, signed.terminal, req.record)
    with s.begin():
        # The terminal's row locked, as an upload locks it: its chain's state (acked_seq) cannot move
        # while this key is decided.
        terminal = signed.record_use(s)
        return authorisation.authorise(hq, s, terminal, examined)


@router.post("/authorisations/resolve", response_model=AuthorisationAnswer)
def resolve(signed: SignedTerminalDep, s: SessionDep, hq: HQDep) -> AuthorisationAnswer:
    req = _body(ResolveRequest, signed.body)
    assert isinstance(req, ResolveRequest)
    with s.begin():
        terminal = signed.record_use(s)
        return authorisation.resolve(hq, s, terminal, req.seq)


@router.post("/members/lookup", response_model=MemberLive)
def lookup(signed: SignedTerminalDep, s: SessionDep, hq: HQDep) -> MemberLive:
    req = _body(MemberLookup, signed.body)
    assert isinstance(req, MemberLookup)
    examined = authorisation.examine_lookup(hq, signed.terminal, req.code)  # (before the transaction)
    with s.begin():  # one transaction and one connection: the nonce stored, the member's state read
        signed.record_use(s)
        return authorisation.lookup(hq, s, signed.terminal, examined)
