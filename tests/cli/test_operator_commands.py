"""The operators' commands, end to end: `sync-server rules | coupon | gift | books-config |
member create --birthday-month | records list` and `pos-terminal sale`, run through the real
console entry points against HQ's real database (SQLite and PostgreSQL) while a real server on
loopback serves terminals; what an operator sets reaches an enrolled terminal over HTTP."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alliance_protocol.rules import AllianceRules
from member_wallet import cli as wallet_cli
from sync_server import cli as server_cli
from sync_server.books_config import load_books_config
from sync_server.db.models import Member
from sync_server.demo import init_demo, member_secret
from sync_server.hq import HQ
from sync_server.hq_keys import KeyRing
from sync_server.local import LocalServer, start_local_server
from sync_server.settings import ServerSettings
from terminal_app import cli as terminal_cli
from terminal_app.store import open_store
from terminal_app.sync import SyncClient
from tests.server.conftest import create_pg_database, drop_pg_database


@dataclass
class Site:
    hq: HQ
    local: LocalServer
    home: Path
    db_url: str

    @property
    def url(self) -> str:
        return self.local.url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    home = tmp_path_factory.mktemp("hq")
    if request.param == "sqlite":
        url = f"sqlite:///{home / 'server.sqlite3'}"
    else:
        request.getfixturevalue("pg_admin")  # skip (or fail under CI) without PostgreSQL
        name, url = create_pg_database()
        request.addfinalizer(lambda: drop_pg_database(name))
    KeyRing.create(home / "keys", int(time.time()) - 60)
    hq = HQ.open(ServerSettings(home=home, database_url=url))
    init_demo(hq)
    running = Site(hq, start_local_server(hq), home, url)
    yield running
    running.local.stop()
    hq.engine.dispose()


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.strip().splitlines() if line.strip()]


def admin(site: Site, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    """`sync-server --home HOME ARGV... --database-url URL`; the last JSON line printed."""
    capsys.readouterr()
    rc = server_cli.main(["--home", str(site.home), *argv, "--database-url", site.db_url])
    return rc, lines(capsys.readouterr().out)[-1]


def refused(site: Site, capsys: pytest.CaptureFixture[str], *argv: str,
            reason: str = "SETTING_INVALID") -> str:
    rc, out = admin(site, capsys, *argv)
    assert (rc, out["ok"], out["reason"]) == (1, False, reason), out
    assert out["message_zh"] and out["message_en"]
    return out["detail"]


def synced_bundle(site: Site, home: Path, at_least: int):
    """An enrolled terminal's bundle once it holds sequence `at_least` (the server reuses a signed
    bundle for up to 2 s after another process changed it)."""
    store = open_store(home)
    client = SyncClient(store)
    try:
        deadline = time.monotonic() + 20
        while True:
            assert client.sync_once().ok
            bundle = store.current_bundle()
            if bundle.sequence >= at_least or time.monotonic() > deadline:
                return bundle
            time.sleep(0.25)
    finally:
        client.close()
        store.close()


@pytest.fixture
def till(site: Site, tmp_path: Path) -> Path:
    """An enrolled terminal's home (enrolled with the terminal's own command)."""
    _tid, code = site.hq.create_terminal("M-CAFE", "operator test")
    home = tmp_path / "till"
    assert terminal_cli.main(["--home", str(home), "enroll", "--server", site.url, "--code", code]) == 0
    return home


def test_rules_set_by_an_operator_reach_a_terminal(site: Site, till: Path, capsys) -> None:
    rc, out = admin(site, capsys, "rules", "--set", "min_bill_fen=8000",
                    "--set", "offline.txn_max_points=30000", "--set", "tier_discount_pct.3=25",
                    "--set", "member_day_weekdays=[5, 6]")
    assert rc == 0 and out["ok"] is True, out
    rules = AllianceRules.from_dict(synced_bundle(site, till, out["bundle_sequence"]).rules)
    assert (rules.min_bill_fen, rules.offline.txn_max_points) == (8000, 30_000)
    assert rules.tier_discount_pct == {1: 10, 2: 20, 3: 25}
    assert rules.member_day_weekdays == (5, 6)
    assert rules.points_per_yuan_cash == AllianceRules().points_per_yuan_cash  # the rest untouched

    assert "non-negative integer" in refused(site, capsys, "rules", "--set", "min_bill_fen=-1")
    assert "non-negative integer" in refused(site, capsys, "rules", "--set", "min_bill_fen=50.5")  # no floats
    assert "min_bil_fen" in refused(site, capsys, "rules", "--set", "min_bil_fen=1")  # a typo is not ignored
    assert "nope" in refused(site, capsys, "rules", "--set", "offline.nope=1")
    assert "unknown tier" in refused(site, capsys, "rules", "--set", "tier_discount_pct.7=10")
    assert "0..100" in refused(site, capsys, "rules", "--set", "tier_discount_pct.1=150")
    assert "KEY=VALUE" in refused(site, capsys, "rules", "--set", "min_bill_fen")
    rc, out = admin(site, capsys, "rules")
    assert rc == 0 and out["rules"]["min_bill_fen"] == 8000  # nothing refused was stored


def test_rules_from_a_file_replace_the_document(site: Site, capsys, tmp_path: Path) -> None:
    doc = tmp_path / "rules.json"
    doc.write_text(json.dumps({"daily_earn_cap_points": 3000, "offline": {"backup_max_points": 500}}))
    rc, out = admin(site, capsys, "rules", "--file", str(doc))
    assert rc == 0 and out["rules"]["daily_earn_cap_points"] == 3000
    assert out["rules"]["offline"]["backup_max_points"] == 500
    assert out["rules"]["min_bill_fen"] == AllianceRules().min_bill_fen  # missing keys take the defaults
    doc.write_text("[1, 2]")
    assert "JSON object" in refused(site, capsys, "rules", "--file", str(doc))
    doc.write_text("{not json")
    refused(site, capsys, "rules", "--file", str(doc))


def test_gifts_and_coupons_set_by_an_operator_reach_a_terminal(site: Site, till: Path, capsys,
                                                               tmp_path: Path) -> None:
    rc, out = admin(site, capsys, "gift", "add", "G-MUG", "--name-zh", "马克杯", "--name-en", "Mug",
                    "--points", "800", "--stock", "5")
    assert rc == 0, out
    pen = ("gift", "add", "G-PEN", "--name-zh", "笔", "--name-en", "Pen")
    refused(site, capsys, "gift", "add", "G-MUG", "--name-zh", "x", "--name-en", "x", "--points", "1",
            "--stock", "1", reason="ALREADY_EXISTS")
    assert "--stock" in refused(site, capsys, *pen, "--points", "100")
    assert "non-negative" in refused(site, capsys, *pen, "--points", "-100", "--stock", "1")
    rc, out = admin(site, capsys, "gift", "update", "G-MUG", "--stock", "3")
    assert rc == 0 and next(g for g in out["gifts"] if g["id"] == "G-MUG")["stock"] == 3
    refused(site, capsys, "gift", "remove", "G-NONE", reason="NOT_FOUND")

    rc, out = admin(site, capsys, "coupon", "add", "C-TEA", "--name-zh", "免费茶", "--name-en", "Free tea",
                    "--kind", "quota", "--quota", "40", "--min-tier", "1")
    assert rc == 0, out
    assert "min_tier" in refused(site, capsys, "coupon", "update", "C-TEA", "--min-tier", "9")
    assert "--quota" in refused(site, capsys, "coupon", "add", "C-NOQ", "--name-zh", "无", "--name-en", "No",
                                "--kind", "quota")
    rc, out = admin(site, capsys, "coupon", "remove", "C-COFFEE")
    assert rc == 0 and "C-COFFEE" not in {c["id"] for c in out["coupons"]}

    bundle = synced_bundle(site, till, out["bundle_sequence"])
    gifts = {g["id"]: g for g in bundle.payload["gifts"]}
    coupons = {c["id"]: c for c in bundle.payload["coupons"]}
    assert gifts["G-MUG"] == {"id": "G-MUG", "name_zh": "马克杯", "name_en": "Mug", "points": 800, "stock": 3}
    assert coupons["C-TEA"]["quota"] == 40 and "C-COFFEE" not in coupons

    gifts_file = tmp_path / "gifts.json"
    gifts_file.write_text(json.dumps([{"id": "G-X", "name_zh": "礼", "name_en": "X", "points": 1, "stock": 1,
                                       "min_tier": 2}]))  # gifts have no tier limit (docs/rules.md)
    assert "min_tier" in refused(site, capsys, "gift", "import", str(gifts_file))
    listing = tmp_path / "coupons.json"
    listing.write_text(json.dumps([{"id": "C-A"}, {"id": "C-A"}]))
    assert "distinct" in refused(site, capsys, "coupon", "import", str(listing))
    listing.write_text(json.dumps([{"id": "C-A", "name_zh": "甲", "name_en": "A", "colour": "red"}]))
    assert "colour" in refused(site, capsys, "coupon", "import", str(listing))
    listing.write_text(json.dumps([{"id": "C-A", "name_zh": "甲", "name_en": "A"}]))
    rc, out = admin(site, capsys, "coupon", "import", str(listing))
    assert rc == 0 and [c["id"] for c in out["coupons"]] == ["C-A"]
    rc, out = admin(site, capsys, "coupon", "list")
    assert [c["id"] for c in out["coupons"]] == ["C-A"]


def test_books_config_command_validates_and_stores(site: Site, capsys) -> None:
    rc, out = admin(site, capsys, "books-config")
    assert rc == 0 and out["books"]["rebate_pct"] == 1
    rc, out = admin(site, capsys, "books-config", "--set", "rebate_pct=2", "--set",
                    "tier_thresholds_fen=[3000000, 500000, 1500000]")
    assert rc == 0 and out["books"]["tier_thresholds_fen"] == [500_000, 1_500_000, 3_000_000]
    with site.hq.session() as s:
        assert load_books_config(site.hq, s).rebate_pct == 2  # what settlement reads
    assert "rebate_pct" in refused(site, capsys, "books-config", "--set", "rebate_pct=3")
    assert "non-negative" in refused(site, capsys, "books-config", "--set", "expiry_years=-1")
    assert "rebate" in refused(site, capsys, "books-config", "--set", "rebate=2")
    with site.hq.session() as s:
        assert load_books_config(site.hq, s).rebate_pct == 2


def test_member_create_with_a_birthday_month(site: Site, capsys) -> None:
    rc, out = admin(site, capsys, "member", "create", "20001", "--tier", "1", "--birthday-month", "7")
    assert rc == 0, out
    with site.hq.session() as s:
        assert s.get(Member, 20001).birthday_month == 7
    with pytest.raises(SystemExit) as exit_:
        server_cli.main(["--home", str(site.home), "member", "create", "20002", "--birthday-month", "13"])
    assert exit_.value.code == 2


def wallet_code(site: Site, home: Path, capsys) -> str:
    capsys.readouterr()
    assert wallet_cli.main(["--home", str(home), "code"]) == 0
    return capsys.readouterr().out.strip()


def sale(till: Path, capsys, *argv: str) -> tuple[int, dict]:
    capsys.readouterr()
    rc = terminal_cli.main(["--home", str(till), "sale", *argv])
    return rc, lines(capsys.readouterr().out)[-1]


def test_a_scripted_sale_and_hq_records_listing(site: Site, till: Path, capsys, tmp_path: Path) -> None:
    phone = tmp_path / "phone"
    assert wallet_cli.main(["--home", str(phone), "register", "--server", site.url, "--member-id", "10002",
                            "--secret", member_secret(10002)]) == 0

    code = wallet_code(site, phone, capsys)
    rc, quote = sale(till, capsys, code, "--bill-fen", "15000", "--points", "1000", "--quote")
    assert rc == 0 and quote["step"] == "quote" and quote["seq"] is None
    assert quote["pricing"]["paid_fen"] == 15000 - 3000 - 1000  # gold: 20 % off, 1,000 points = 10.00 yuan
    rc, done = sale(till, capsys, code, "--bill-fen", "15000", "--points", "1000", "--receipt", "R-1")
    assert rc == 0 and done["ok"] is True and done["step"] == "purchase", done
    assert done["points_spent"] == 1000 and done["seq"] >= 1 and done["member"]["tier"] == 2
    rc, again = sale(till, capsys, code, "--bill-fen", "15000")
    assert (rc, again["step"], again["reason"]) == (1, "scan", "CODE_REPLAYED")
    rc, bad = sale(till, capsys, wallet_code(site, phone, capsys), "--bill-fen", "-5")
    assert (rc, bad["reason"]) == (1, "INVALID_AMOUNT")
    rc, garbage = sale(till, capsys, "hello", "--bill-fen", "100")
    assert (rc, garbage["reason"]) == (1, "UNKNOWN_FORMAT") and garbage["message_zh"]
    assert terminal_cli.main(["--home", str(till), "sync"]) == 0
    store = open_store(till)
    terminal_id = store.identity().terminal_id
    store.close()

    capsys.readouterr()
    assert server_cli.main(["--home", str(site.home), "records", "list", "--member", "10002",
                            "--kind", "purchase", "--database-url", site.db_url]) == 0
    found = lines(capsys.readouterr().out)
    assert found[-1]["page"]["next_after"] is None
    purchases = [r for r in found[:-1] if r["body"].get("receipt_ref") == "R-1"]
    assert len(purchases) == 1
    rec = purchases[0]
    assert rec["kind"] == "purchase" and rec["status"] == "approved" and rec["points_delta"] < 0
    assert rec["body"]["bill_fen"] == 15000 and rec["seq"] == done["seq"]
    assert rec["terminal_id"] == terminal_id

    # paging over this terminal's records, one at a time, then by day
    seen: list[int] = []
    after = 0
    while True:
        capsys.readouterr()
        assert server_cli.main(["--home", str(site.home), "records", "list", "--terminal", rec["terminal_id"],
                                "--limit", "1", "--after", str(after), "--database-url", site.db_url]) == 0
        page = lines(capsys.readouterr().out)
        seen += [r["id"] for r in page[:-1]]
        after = page[-1]["page"]["next_after"]
        if after is None:
            break
    # the purchase and the two refused scans (replayed, garbage), each once, in order
    assert len(seen) == 3 and seen == sorted(seen) and rec["id"] in seen
    local_day = (datetime.fromtimestamp(rec["recorded_at"] / 1000, UTC) + timedelta(minutes=480)).date()
    capsys.readouterr()
    server_cli.main(["--home", str(site.home), "records", "list", "--terminal", rec["terminal_id"], "--day",
                     local_day.isoformat(), "--database-url", site.db_url])
    assert rec["id"] in [r["id"] for r in lines(capsys.readouterr().out)[:-1]]
    server_cli.main(["--home", str(site.home), "records", "list", "--day", "2001-01-01", "--database-url",
                     site.db_url])
    assert lines(capsys.readouterr().out) == [{"page": {"count": 0, "next_after": None}}]
    refused(site, capsys, "records", "list", "--day", "yesterday", reason="REQUEST_INVALID")
    refused(site, capsys, "records", "list", "--limit", "0", reason="REQUEST_INVALID")
