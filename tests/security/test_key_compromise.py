"""An issuer key leaked (`sync-server keys revoke KID --compromised-since T`): from T on, nothing it
certified moves anything, however the record is dated; terminals refuse it with their next bundle.
(Its own module: the revocation changes this module's alliance for good.)"""

from __future__ import annotations

import json
import time
from pathlib import Path

from alliance_protocol.keys import public_raw
from alliance_protocol.member_code import make_code
from alliance_protocol.testkit import derive_key
from sync_server.hq_keys import KeyRing
from sync_server.reviews import review
from terminal_app.core.service import TerminalService
from tests.server.conftest import as_if_enrolled_at, enroll_terminal

from .conftest import Books, Hostile, RunningServer, honest_terminal_still_counts, new_member


def test_a_leaked_issuer_key_stops_counting_at_the_time_it_leaked(server: RunningServer, tmp_path: Path,
                                                                  capsys) -> None:
    hq = server.hq
    keys_dir = hq.ring.directory
    old_kid = KeyRing.load(keys_dir).current_issuer(int(time.time())).kid
    genuine = new_member(server, tmp_path, 30_000)  # certified by the key that will leak
    now = int(time.time())
    ring = KeyRing.load(keys_dir)
    ring.add_issuer(now - 5, now + 365 * 86_400)  # the alliance rotates to a fresh key ...
    later = new_member(server, tmp_path, 30_000)  # ... which certifies this member
    assert later.certificate().issuer_kid.hex() != old_kid == genuine.certificate().issuer_kid.hex()
    till = enroll_terminal(server, tmp_path / "hostile", "M-MALL")
    as_if_enrolled_at(hq, till.terminal_id, now - 3 * 3600)  # in service (and offline) for hours
    h = Hostile(server, till)
    honest = enroll_terminal(server, tmp_path / "honest", "M-CAFE")

    leaked_at = now - 1800
    from sync_server.cli import main

    assert main(["--home", str(hq.settings.resolved_home()), "keys", "revoke", old_kid,
                 "--compromised-since", str(leaked_at)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and out["compromised_since"] == leaked_at and out["not_after"] == leaked_at
    hq.bundle_changed()
    before = Books.read(server)

    # (a) a certificate minted with the leaked key, dated before the leak: HQ never issued it.
    device = derive_key("minted", "device")
    minted = ring.issue_certificate(now=leaked_at - 3600, member_id=genuine.state.member_id,
                                    serial=987_654, tier=3, allowance=100_000,
                                    device_public=public_raw(device), valid_s=86_400)
    assert minted.issuer_kid.hex() == old_kid
    t_minted = leaked_at - 2400
    a = h.purchase(make_code(minted, device, code_time=t_minted, counter=1), 100_000, spend_points=20_000,
                   at_ms=t_minted * 1000)
    # (b) the genuine certificate's code, now (after the leak).
    b = h.purchase(genuine.next_code(), 60_000, spend_points=5_000)
    # (c) the genuine certificate's code dated before the leak, arriving after it.
    t_before = leaked_at - 600
    c = h.purchase(genuine.next_code(at=t_before), 60_000, spend_points=5_000, at_ms=t_before * 1000)
    ack, seqs = h.send(a, c, b)
    h.assert_moved_nothing(seqs[0], "CERT_NOT_ISSUED")
    h.assert_moved_nothing(seqs[1], "ISSUER_KEY_COMPROMISED", "key_compromised", effect=("held",))
    h.assert_moved_nothing(seqs[2], "ISSUER_KEY_COMPROMISED", "key_compromised")
    before.assert_unchanged(server)

    # (d) the fresh key's member counts as usual, at any terminal.
    service = TerminalService(honest.store)
    assert honest.client.sync_once().ok  # the bundle now ends the leaked key at the leak
    # refused at the counter too
    assert service.scan(genuine.next_code()).reason.value == "ISSUER_KEY_RETIRED"
    scan = service.scan(later.next_code())
    assert scan.ok, scan
    result = service.commit_purchase(scan.token, bill_fen=10_000)
    assert result.ok and honest.client.sync_once().ok
    before.assert_unchanged(server, allowed={later.state.member_id: result.points_earned})

    # A person looks at the held one: accepted, it counts (it was the member's own, offline).
    case = h.cases("key_compromised")[0]
    out = review(hq, case.id, "accept", "hq-ops", "till was offline since the morning; receipt checked")
    assert out["applied"]
    member_id = genuine.state.member_id
    assert Books.read(server).balances[member_id] == (before.balances[member_id]
                                                       + h.stored(seqs[1]).points_delta)
    honest_terminal_still_counts(server, tmp_path)
    for t in (till, honest):
        t.client.close()
        t.store.close()
