"""A malicious but enrolled terminal, over real HTTP, on SQLite and PostgreSQL (docs/threat-model.md).

Each attack: the records are stored exactly as signed, flagged with their reason code, a case is
raised against the uploading terminal, balances and settlement are unchanged but for what the
evidence supports, and another terminal's upload, reconciliation, settlement and downloads still
work.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from sqlalchemy import select

from alliance_protocol import backup_code
from alliance_protocol.keys import b64
from sync_server.db.models import Anomaly, Member, Record

from .conftest import Books, Hostile, RunningServer, code_fields, honest_terminal_still_counts, new_member


def test_points_and_money_without_a_member_code_move_nothing(server: RunningServer, hostile: Hostile,
                                                              tmp_path: Path) -> None:
    victim = new_member(server, tmp_path, 40_000)
    friend = new_member(server, tmp_path, 0)
    v, f = victim.state.member_id, friend.state.member_id
    before = Books.read(server)
    h = hostile
    spend = h.body(member_id=v, cert_serial=1, counter=1, code_time=int(time.time()), tier=0, bill_fen=60_000,
                   discount_pct=0, discount_fen=0, cash_off_fen=30_000, paid_fen=30_000, points_spent=30_000,
                   points_earned=300, multiplier_pct=100)  # no "code": nothing HQ can verify
    credit = h.body(member_id=f, cert_serial=2, counter=1, code_time=int(time.time()), tier=0,
                    bill_fen=100_000_000, discount_pct=0, discount_fen=0, cash_off_fen=0,
                    paid_fen=100_000_000, points_spent=0, points_earned=1_000_000, multiplier_pct=100)
    owed = h.body(kind="gift", gift_id="G-CUP", points_spent=10_000_000)  # no member at all
    sale = h.body(bill_fen=10_000_000, discount_pct=0, discount_fen=0, cash_off_fen=0, paid_fen=10_000_000,
                  points_spent=0, points_earned=0, multiplier_pct=100)
    backfill = h.body(kind="backfill", member_id=f, bill_fen=100_000_000, receipt_ref="R-FAKE-1",
                      purchased_at=int(time.time()) - 60, manager="x", points_earned=1_000_000, review=True)
    ack, seqs = h.send(spend, credit, owed, sale, backfill)
    assert ack["stored"] == 5 and ack["flagged"] == 5 and ack["acked_seq"] == seqs[-1]
    for seq in seqs[:4]:
        h.assert_moved_nothing(seq, "RECORD_SCHEMA_INVALID")
    # A backfill carries no code either: its points are what the rules give for its bill, within the
    # member's daily cap, and it is held until a person reviews it; nothing moves meanwhile.
    held = h.assert_moved_nothing(seqs[4], "BACKFILL_HELD", "backfill_review", effect=("held",))
    assert held.points_delta == 5_000
    before.assert_unchanged(server)
    honest_terminal_still_counts(server, tmp_path)


def test_a_backfill_is_held_and_bounded_by_the_rules(server: RunningServer, hostile: Hostile,
                                                     tmp_path: Path) -> None:
    member = new_member(server, tmp_path, 0)
    m = member.state.member_id
    before = Books.read(server)
    h = hostile
    now = int(time.time())
    huge = h.body(kind="backfill", reason="DAILY_CAP_REACHED", member_id=m, bill_fen=100_000_000,
                  receipt_ref="R-BIG", purchased_at=now - 60, manager="x", points_earned=1_000_000,
                  review=True)
    old = h.body(kind="backfill", member_id=m, bill_fen=10_000, receipt_ref="R-OLD",
                 purchased_at=now - 3 * 86_400, manager="x", points_earned=100, review=True)
    again = h.body(kind="backfill", member_id=m, bill_fen=10_000, receipt_ref="R-BIG", purchased_at=now - 60,
                   manager="x", points_earned=100, review=True)
    ack, seqs = h.send(huge, old, again)
    rec = h.assert_moved_nothing(seqs[0], "BACKFILL_HELD", "backfill_review", effect=("held",))
    assert rec.points_delta == 5_000  # what it would do once accepted: the daily cap, not 1,000,000
    h.assert_moved_nothing(seqs[1], "BACKFILL_TOO_OLD")
    h.assert_moved_nothing(seqs[2], "DUPLICATE_RECEIPT", "duplicate_receipt")
    before.assert_unchanged(server)
    honest_terminal_still_counts(server, tmp_path)


def test_voids_must_name_a_real_record_of_the_same_terminal(server: RunningServer, hostile: Hostile,
                                                            tmp_path: Path) -> None:
    wallet = new_member(server, tmp_path, 5_000)
    m = wallet.state.member_id
    h = hostile
    real = h.purchase(wallet.next_code(), 10_000)
    ack, seqs = h.send(real)
    assert ack["flagged"] == 0
    earned = h.stored(seqs[0]).points_earned
    before = Books.read(server)
    ghost = h.body(kind="void", ref_seq=999, ref_kind="purchase", member_id=m, reversed_points_earned=0,
                   reversed_points_spent=50_000)
    of_scan = h.body(kind="void", ref_seq=seqs[0] + 1, ref_kind="purchase", reversed_points_earned=0,
                     reversed_points_spent=1_000)  # names itself / a later record
    ok = h.body(kind="void", ref_seq=seqs[0], ref_kind="purchase", member_id=m, reversed_points_earned=0,
                reversed_points_spent=9_999)  # a real target: HQ reverses what it credited, not the claim
    twice = h.body(kind="void", ref_seq=seqs[0], ref_kind="purchase", member_id=m, reversed_points_earned=0,
                   reversed_points_spent=9_999)
    ack, vs = h.send(ghost, of_scan, ok, twice)
    h.assert_moved_nothing(vs[0], "VOID_TARGET_INVALID")
    h.assert_moved_nothing(vs[1], "VOID_TARGET_INVALID")
    applied = h.stored(vs[2])
    assert (applied.effect, applied.points_delta, applied.member_id) == ("applied", -earned, m)
    h.assert_moved_nothing(vs[3], "VOID_TARGET_INVALID")
    before.assert_unchanged(server, allowed={m: -earned})
    honest_terminal_still_counts(server, tmp_path)


def test_negative_amounts_strings_floats_and_huge_integers(server: RunningServer, hostile: Hostile,
                                                           tmp_path: Path) -> None:
    wallet = new_member(server, tmp_path, 5_000)
    h = hostile
    before = Books.read(server)
    negative = h.purchase(wallet.next_code(), 10_000, points_earned=-500)
    text = h.purchase(wallet.next_code(), 10_000, points_earned="100")
    big = h.purchase(wallet.next_code(), 10_000, points_earned=2**62)
    ref = h.body(kind="void", ref_seq=2**63, ref_kind="purchase", reversed_points_earned=0,
                 reversed_points_spent=0)
    flag = h.purchase(wallet.next_code(), 10_000, points_earned=True)
    ack, seqs = h.send(negative, text, big, ref, flag)
    assert ack["stored"] == 5 and ack["flagged"] == 5
    for seq in seqs:
        h.assert_moved_nothing(seq, "RECORD_SCHEMA_INVALID")
    # A float (1e400 is infinity) cannot even be sealed canonically: stored, refused, the queue moves on.
    seq = h.seq + 1
    body = json.dumps(h.body(kind="scan", status="rejected", reason="MALFORMED", seq=seq, prev_hash=h.prev,
                             input_len=3)).replace('"input_len": 3', '"input_len": 1e400')
    raw = ('{"records": [{"body": ' + body + ', "hash": "' + "0" * 64 + '", "sig": "' + "A" * 86
           + '=="}]}').encode()
    response = h.post_raw(raw)
    assert response.status_code < 500, response.text
    if response.status_code == 200:
        assert h.stored(seq).effect == "refused"
    before.assert_unchanged(server)
    # Hostile query parameters: a typed 4xx, never a 5xx, and downloads keep working.
    for path in ("/v1/terminal/balances?after=" + str(10**23), "/v1/terminal/balances?after=-1&limit=10**9",
                 "/v1/terminal/bundle?have=" + "9" * 40):
        assert 400 <= h.get(path).status_code < 500, path
    assert h.get("/v1/terminal/balances?after=0").status_code == 200
    honest_terminal_still_counts(server, tmp_path)


def test_one_code_or_backup_code_five_times_at_one_terminal_counts_once(
        server: RunningServer, hostile: Hostile, tmp_path: Path) -> None:
    wallet = new_member(server, tmp_path, 50_000)
    m = wallet.state.member_id
    h = hostile
    before = Books.read(server)
    code = wallet.next_code()
    ack, seqs = h.send(*[h.purchase(code, 60_000, spend_points=6_000) for _ in range(5)])
    first = h.stored(seqs[0])
    assert first.effect == "applied" and first.points_spent == 6_000
    for seq in seqs[1:]:
        h.assert_moved_nothing(seq, "CODE_REUSED", "code_reused")
    cases = h.cases("code_reused")
    assert len(cases) == 1 and len(json.loads(cases[0].evidence)["uses"]) == 5
    # The backup numeric code: verified by HQ whatever member the record names, once alliance-wide.
    digits, _ = wallet.backup_code()
    other = new_member(server, tmp_path, 0)
    backup = dict(kind="backup", status="pending_verification", reason="BACKUP_CODE_PENDING",
                  backup_code=digits, bill_fen=10_000, cash_off_fen=0, paid_fen=10_000, points_spent=0,
                  points_earned=100)
    ack, bseqs = h.send(*[h.body(**backup) for _ in range(4)],
                        h.body(**backup, member_id=other.state.member_id),
                        h.body(**{**backup, "backup_code": str(m) + "000000"}, member_id=m))
    assert h.stored(bseqs[0]).effect == "applied" and h.stored(bseqs[0]).member_id == m
    for seq in bseqs[1:4]:
        h.assert_moved_nothing(seq, "BACKUP_CODE_REUSED", "backup_code_failed")
    h.assert_moved_nothing(bseqs[4], "CODE_MISMATCH")
    if backup_code.totp(backup_code.key_from_secret(f"victim-{m}"), int(time.time())) != "000000":
        h.assert_moved_nothing(bseqs[5], "BACKUP_CODE_FAILED", "backup_code_failed")
    before.assert_unchanged(server, allowed={m: first.points_delta + 100})
    honest_terminal_still_counts(server, tmp_path)


def test_back_dating_a_code_of_an_expired_certificate_moves_nothing(server: RunningServer, hostile: Hostile,
                                                                   tmp_path: Path) -> None:
    """HQ issued the certificate three hours ago, valid for one; the phone signs a code dated inside
    that hour and the terminal writes its record there too. The chain (its previous record, now)
    and the terminal's enrollment (now) say otherwise: held, nothing moves."""
    from alliance_protocol.keys import b64, public_raw
    from alliance_protocol.member_code import make_code
    from alliance_protocol.testkit import derive_key
    from sync_server.db.models import Device

    wallet = new_member(server, tmp_path, 20_000)
    m = wallet.state.member_id
    hq = server.hq
    device = derive_key("expired", str(m))
    issued = int(time.time()) - 3 * 3600
    cert = hq.ring.issue_certificate(now=issued, member_id=m, serial=900_000 + m % 10_000, tier=0,
                                     allowance=20_000, device_public=public_raw(device), valid_s=3600)
    with hq.session() as s, s.begin():
        s.add(Device(serial=cert.serial, member_id=m, device_public_key=b64(public_raw(device)),
                     issued_at=issued, not_after=cert.not_after))
    h = hostile
    before = Books.read(server)
    then = cert.not_after - 600
    code = make_code(cert, device, code_time=then, counter=1)
    ack, seqs = h.send(h.purchase(code, 50_000, spend_points=10_000, at_ms=then * 1000))
    h.assert_moved_nothing(seqs[0], "TIME_INCONSISTENT", "time_inconsistent", effect=("held",))
    now_code = make_code(cert, device, code_time=int(time.time()), counter=2)
    ack, seqs = h.send(h.purchase(now_code, 50_000, spend_points=10_000))
    h.assert_moved_nothing(seqs[0], "CERT_EXPIRED")
    before.assert_unchanged(server)
    honest_terminal_still_counts(server, tmp_path)


def test_a_record_dated_years_ahead_neither_counts_nor_expires_a_balance(
        server: RunningServer, hostile: Hostile, tmp_path: Path) -> None:
    wallet = new_member(server, tmp_path, 30_000)
    m = wallet.state.member_id
    h = hostile
    before = Books.read(server)
    ahead = int(time.time()) + 5 * 365 * 86_400
    from alliance_protocol.member_code import parse

    code = wallet.next_code(at=ahead)
    assert parse(code).code_time == ahead
    ack, seqs = h.send(h.purchase(code, 10_000, at_ms=ahead * 1000),
                       h.body(kind="backfill", member_id=m, bill_fen=10_000, receipt_ref="R-FUT",
                              purchased_at=ahead - 60, manager="x", points_earned=100, review=True,
                              at_ms=ahead * 1000))
    # Dated beyond the issuer key's life: refused (and held for its time in any case).
    h.assert_moved_nothing(seqs[0], "ISSUER_KEY_RETIRED")
    late = h.stored(seqs[1])  # held for its time, refused for naming rules out of date by then
    assert late.flag_reason in ("TIME_INCONSISTENT", "BUNDLE_UNKNOWN") and late.effect in ("held", "refused")
    assert {c.dedupe_key for c in h.cases()} >= {f"{h.terminal_id}:{q}" for q in seqs}
    after = before.assert_unchanged(server)
    with server.hq.session() as s:
        assert s.get(Member, m).expiring_soon == 0 and after.balances[m] == 30_000
    honest_terminal_still_counts(server, tmp_path)


def test_amounts_the_rules_do_not_give_are_refused(server: RunningServer, hostile: Hostile,
                                                   tmp_path: Path) -> None:
    wallet = new_member(server, tmp_path, 20_000, tier=0)
    h = hostile
    before = Books.read(server)
    attacks = [
        # free goods
        h.purchase(wallet.next_code(), 10_000, discount_pct=100, discount_fen=10_000, paid_fen=0),
        h.purchase(wallet.next_code(), 10_000, points_earned=1_000),  # ten times the points
        # a multiplier not in force
        h.purchase(wallet.next_code(), 10_000, multiplier_pct=500, points_earned=500),
        h.purchase(wallet.next_code(), 2_000, cash_off_fen=1_000, paid_fen=1_000, points_spent=1_000,
                   points_earned=10),  # points as cash below the minimum bill
        # a cheap cup
        h.body(kind="gift", gift_id="G-CUP", points_spent=1, **code_fields(wallet.next_code())),
        # no such gift
        h.body(kind="gift", gift_id="G-YACHT", points_spent=1, **code_fields(wallet.next_code())),
        h.body(kind="coupon", coupon_id="C-WASH", **code_fields(wallet.next_code())),  # gold and above only
        h.body(kind="coupon", coupon_id="C-FREE-MONEY", **code_fields(wallet.next_code())),
        h.purchase(wallet.next_code(), 10_000, bundle_seq=999_999),  # rules HQ never issued
        h.purchase(wallet.next_code(), 10_000, merchant_id="M-AUTO"),  # another merchant's sale
        h.purchase(wallet.next_code(), 10_000, terminal_id="M-AUTO-T1"),
    ]
    expected = ["AMOUNT_NOT_PER_RULES", "AMOUNT_NOT_PER_RULES", "AMOUNT_NOT_PER_RULES",
                "AMOUNT_NOT_PER_RULES", "AMOUNT_NOT_PER_RULES", "GIFT_UNKNOWN", "COUPON_NOT_ELIGIBLE",
                "COUPON_UNKNOWN", "BUNDLE_UNKNOWN", "RECORD_WRONG_TERMINAL", "RECORD_WRONG_TERMINAL"]
    ack, seqs = h.send(*attacks)
    got = [h.stored(q).flag_reason for q in seqs]
    assert got == expected
    for seq, reason in zip(seqs, expected, strict=True):
        h.assert_moved_nothing(seq, reason)
    before.assert_unchanged(server)
    honest_terminal_still_counts(server, tmp_path)


def test_coupons_and_gift_stock_are_enforced_at_hq(server: RunningServer, hostile: Hostile,
                                                   tmp_path: Path) -> None:
    wallet = new_member(server, tmp_path, 40_000, tier=2)
    m = wallet.state.member_id
    h = hostile
    before = Books.read(server)
    coffee = [h.body(kind="coupon", coupon_id="C-COFFEE", **code_fields(wallet.next_code()))
              for _ in range(2)]
    cups = [h.body(kind="gift", gift_id="G-CUP", points_spent=2_000, **code_fields(wallet.next_code()))
            for _ in range(11)]  # this terminal's stock is 10
    umbrella = h.body(kind="gift", gift_id="G-UMBRELLA", points_spent=5_000,
                      **code_fields(wallet.next_code()))
    ack, seqs = h.send(*coffee, *cups, umbrella)
    assert h.stored(seqs[0]).uses == 1
    h.assert_moved_nothing(seqs[1], "COUPON_USED", "coupon_overuse")
    assert all(h.stored(q).effect == "applied" for q in seqs[2:12])
    h.assert_moved_nothing(seqs[12], "GIFT_OUT_OF_STOCK")
    h.assert_moved_nothing(seqs[13], "GIFT_OUT_OF_STOCK")  # stock 0
    before.assert_unchanged(server, allowed={m: -20_000})
    honest_terminal_still_counts(server, tmp_path)


def test_a_blocked_member_s_codes_after_the_block_move_nothing(server: RunningServer, hostile: Hostile,
                                                               tmp_path: Path) -> None:
    wallet = new_member(server, tmp_path, 10_000)
    m = wallet.state.member_id
    code = wallet.next_code()
    server.hq.block_member(m)
    h = hostile
    before = Books.read(server)
    ack, seqs = h.send(h.purchase(code, 60_000, spend_points=5_000))
    h.assert_moved_nothing(seqs[0], "MEMBER_BLOCKED", "denied_member_activity")
    before.assert_unchanged(server)
    honest_terminal_still_counts(server, tmp_path)


def test_a_tier_cannot_be_lifted_through_the_record_text(server: RunningServer, hostile: Hostile,
                                                        tmp_path: Path) -> None:
    wallet = new_member(server, tmp_path, 0)
    m = wallet.state.member_id
    h = hostile
    before = Books.read(server)
    nested = h.purchase(wallet.next_code(), 100, note={"paid_fen": 10**10})
    detail = h.body(kind="scan", status="rejected", reason="MALFORMED", detail='"paid_fen":9999999999')
    receipt = h.purchase(wallet.next_code(), 100, receipt_ref='x","paid_fen":9999999999,"y":"')
    ack, seqs = h.send(nested, detail, receipt)
    h.assert_moved_nothing(seqs[0], "RECORD_SCHEMA_INVALID")
    assert h.stored(seqs[1]).effect == "none"
    assert h.stored(seqs[2]).effect == "applied" and h.stored(seqs[2]).sale_fen == 100
    after = before.assert_unchanged(server, allowed={m: h.stored(seqs[2]).points_delta})
    assert after.tiers[m] == 0
    honest_terminal_still_counts(server, tmp_path)


def test_integrity_signature_hash_and_chain(server: RunningServer, hostile: Hostile, tmp_path: Path) -> None:
    wallet = new_member(server, tmp_path, 10_000)
    h = hostile
    before = Books.read(server)
    tampered = h.seal(h.purchase(wallet.next_code(), 10_000))
    tampered["body"]["points_earned"] = 10_000  # the hash no longer matches
    forged = h.seal(h.purchase(wallet.next_code(), 10_000))
    forged["sig"] = b64(bytes(64))  # a well-formed signature that does not verify
    broken = h.seal(h.purchase(wallet.next_code(), 10_000), prev="f" * 64)
    ack = h.post_records([tampered, forged, broken])
    assert ack["stored"] == 3 and ack["acked_seq"] == broken["body"]["seq"]
    h.assert_moved_nothing(tampered["body"]["seq"], "RECORD_HASH_MISMATCH")
    h.assert_moved_nothing(forged["body"]["seq"], "RECORD_SIGNATURE_INVALID")
    h.assert_moved_nothing(broken["body"]["seq"], "RECORD_CHAIN_BROKEN", "chain_broken")
    # The same seq again with other contents: the first copy stands, the rewrite is a case.
    honest_first = h.seal(h.purchase(wallet.next_code(), 10_000))
    assert h.post_records([honest_first])["flagged"] == 0
    first_effect = h.stored(honest_first["body"]["seq"]).points_delta
    h.seq -= 1
    h.prev = broken["hash"]
    rewrite = h.seal(h.purchase(wallet.next_code(), 90_000))
    assert rewrite["body"]["seq"] == honest_first["body"]["seq"] and rewrite["hash"] != honest_first["hash"]
    ack = h.post_records([rewrite])
    assert (ack["stored"], ack["duplicates"], ack["flagged"]) == (0, 1, 1)
    kept = h.stored(honest_first["body"]["seq"])
    assert kept.hash == honest_first["hash"] and kept.points_delta == first_effect
    assert f"{h.terminal_id}:{kept.seq}" in {c.dedupe_key for c in h.cases("record_rewritten")}
    h.prev = honest_first["hash"]
    # Beyond a gap a record waits, moving nothing, until the chain reaches it.
    gap_seq = h.seq + 2
    ahead = h.seal(h.purchase(wallet.next_code(), 10_000), seq=gap_seq, prev="0" * 64)
    assert h.post_records([ahead])["acked_seq"] == honest_first["body"]["seq"]
    assert h.stored(gap_seq).effect == "pending" and h.stored(gap_seq).points_delta == 0
    before.assert_unchanged(server, allowed={wallet.state.member_id: first_effect})
    honest_terminal_still_counts(server, tmp_path)


def test_nothing_a_terminal_sends_breaks_another_terminal(server: RunningServer, hostile: Hostile,
                                                          tmp_path: Path) -> None:
    """A batch of every hostile shape at once, then honest traffic: no 5xx, nothing blocked."""
    wallet = new_member(server, tmp_path, 10_000)
    h = hostile
    junk = [h.body(kind="purchase", member_id=2**70, points_earned=10**30, recorded_at=10**25),
            h.body(kind="no\x00te", status="rejected", reason="A\x00B"),
            h.body(kind="void", ref_seq=2**63, ref_kind="purchase", reversed_points_earned=0,
                   reversed_points_spent=0),
            h.purchase(wallet.next_code(), 10**11), h.body(totals={"a" * 10_000: 1})]
    ack, seqs = h.send(*junk)
    assert ack["stored"] == len(junk)
    reconcile_report = Books.read(server)
    assert reconcile_report.balances
    honest_terminal_still_counts(server, tmp_path)
    with server.hq.session() as s:
        assert s.scalar(select(Record.id).where(Record.terminal_id == h.terminal_id,
                                                Record.seq == seqs[-1])) is not None
        assert s.scalars(select(Anomaly).where(Anomaly.terminal_id == h.terminal_id)).all()


def test_a_revoked_device_s_codes_after_the_revocation_move_nothing(server: RunningServer, hostile: Hostile,
                                                                    tmp_path: Path, capsys) -> None:
    """`sync-server member revoke-device SERIAL` (a lost or cloned phone): the next bundle denies the
    certificate, and at HQ its codes recorded afterwards move nothing, even from a terminal that
    had not received the deny list; codes recorded before still count."""
    from sync_server.cli import main

    wallet = new_member(server, tmp_path, 10_000)
    before_code = wallet.next_code()
    h = hostile
    ack, (first,) = h.send(h.purchase(before_code, 10_000))
    assert h.stored(first).effect == "applied"
    serial = wallet.certificate().serial
    assert main(["--home", str(server.hq.settings.resolved_home()), "member", "revoke-device", str(serial),
                 "--database-url", server.hq.settings.resolved_database_url()]) == 0
    assert json.loads(capsys.readouterr().out)["serial"] == serial
    server.hq.bundle_changed()  # (the command ran in another HQ object; a server sees it within seconds)
    assert serial in server.hq.bundle().payload["deny"]["cert_serials"]
    before = Books.read(server)
    time.sleep(0.01)
    ack, (seq,) = h.send(h.purchase(wallet.next_code(), 60_000, spend_points=5_000))
    h.assert_moved_nothing(seq, "CERT_REVOKED", "denied_member_activity")
    before.assert_unchanged(server)
    honest_terminal_still_counts(server, tmp_path)
