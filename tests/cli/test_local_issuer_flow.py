"""The three console scripts together, with no server: HQ keys -> wallet -> terminal verify.

Runs the real entry points (`main(argv)` of each CLI) against real files in a temp dir.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from member_wallet import cli as wallet_cli
from sync_server import cli as server_cli
from terminal_app import cli as terminal_cli


def run(main, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    rc = main(argv)
    return rc, capsys.readouterr().out


def last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def flow(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    srv, wallet, term = str(tmp_path / "srv"), str(tmp_path / "wallet"), str(tmp_path / "term")
    rc, out = run(server_cli.main, ["--home", srv, "keys", "init"], capsys)
    root_key = last_json(out)["root_public_key"]
    keys_dir = last_json(out)["keys_dir"]
    register = ["--home", wallet, "register", "--local-issuer", keys_dir, "--member-id", "5001",
                "--tier", "gold", "--allowance", "3000"]
    assert run(wallet_cli.main, register, capsys)[0] == 0
    bundle = str(tmp_path / "bundle.json")
    assert run(server_cli.main, ["--home", srv, "keys", "bundle", "--out", bundle], capsys)[0] == 0
    rc, out = run(terminal_cli.main, ["--home", term, "trust", "install", bundle, "--root-key", root_key],
                  capsys)
    assert rc == 0, out
    return {"srv": srv, "wallet": wallet, "term": term, "root_key": root_key, "bundle": bundle,
            "keys_dir": keys_dir, "tmp": tmp_path}


def fresh_code(flow: dict, capsys: pytest.CaptureFixture[str]) -> str:
    rc, out = run(wallet_cli.main, ["--home", flow["wallet"], "code"], capsys)
    assert rc == 0
    return out.strip()


def test_unconfirmed_clock_then_verified_then_replayed(flow: dict,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """`verify` is a check: it never uses a code up (the member can still pay with it) and journals
    nothing; the code is used by the sale that journals it, and then `verify` says CODE_REPLAYED."""
    code = fresh_code(flow, capsys)
    rc, out = run(terminal_cli.main, ["--home", flow["term"], "verify", code], capsys)
    assert (rc, last_json(out)["reason"]) == (1, "CLOCK_UNCONFIRMED")

    assert run(terminal_cli.main, ["--home", flow["term"], "clock", "confirm"], capsys)[0] == 0
    for _ in range(2):  # twice: the first check did not use it up
        rc, out = run(terminal_cli.main, ["--home", flow["term"], "verify", code], capsys)
        verdict = last_json(out)
        assert rc == 0 and verdict["ok"] is True
    assert (verdict["member_id"], verdict["tier"], verdict["allowance"]) == (5001, 2, 3000)
    assert verdict["message_zh"] and verdict["message_en"]
    assert run(terminal_cli.main, ["--home", flow["term"], "log"], capsys)[1] == ""  # nothing journaled
    local_identity(flow)
    rc, out = run(terminal_cli.main, ["--home", flow["term"], "sale", code, "--bill-fen", "10000"], capsys)
    assert rc == 0 and last_json(out)["ok"] is True
    rc, out = run(terminal_cli.main, ["--home", flow["term"], "verify", code], capsys)
    assert (rc, last_json(out)["reason"]) == (1, "CODE_REPLAYED")
    rc, out = run(terminal_cli.main, ["--home", flow["term"], "log"], capsys)
    assert [json.loads(line)["kind"] for line in out.splitlines()] == ["purchase"]  # the sale's record only


def local_identity(flow: dict) -> None:
    """A terminal identity without enrollment (no server in this flow), so a sale can be journaled."""
    from terminal_app.store import open_store

    store = open_store(Path(flow["term"]))
    store.ensure_local_identity("T-LOCAL", "M-LOCAL")
    store.close()


def test_replay_is_remembered_by_a_new_process(flow: dict, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(terminal_cli.main, ["--home", flow["term"], "clock", "confirm"], capsys)[0] == 0
    local_identity(flow)
    code = fresh_code(flow, capsys)
    base = [sys.executable, "-m", "terminal_app.cli", "--home", flow["term"]]
    sale = subprocess.run([*base, "sale", code, "--bill-fen", "10000"], capture_output=True, text=True,
                          timeout=60)
    second = subprocess.run([*base, "verify", code], capture_output=True, text=True, timeout=60)
    assert json.loads(sale.stdout)["ok"] is True, sale.stderr
    assert json.loads(second.stdout)["reason"] == "CODE_REPLAYED"


def test_revocation_arrives_with_a_new_bundle(flow: dict, capsys: pytest.CaptureFixture[str]) -> None:
    run(terminal_cli.main, ["--home", flow["term"], "clock", "confirm"], capsys)
    rc, out = run(wallet_cli.main, ["--home", flow["wallet"], "info"], capsys)
    serial = last_json(out)["serial"]
    v2 = str(flow["tmp"] / "bundle2.json")
    run(server_cli.main, ["--home", flow["srv"], "keys", "bundle", "--sequence", "2", "--deny-serial",
                          str(serial), "--out", v2], capsys)
    assert run(terminal_cli.main, ["--home", flow["term"], "trust", "install", v2], capsys)[0] == 0
    rc, out = run(terminal_cli.main, ["--home", flow["term"], "verify", fresh_code(flow, capsys)], capsys)
    assert last_json(out)["reason"] == "CERT_REVOKED"


def test_a_forged_bundle_is_refused_and_the_old_one_kept(flow: dict,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(Path(flow["bundle"]).read_text())
    doc["payload"]["sequence"] = 9
    doc["payload"]["deny"]["member_ids"] = [5001]
    forged = flow["tmp"] / "forged.json"
    forged.write_text(json.dumps(doc))
    rc, out = run(terminal_cli.main, ["--home", flow["term"], "trust", "install", str(forged)], capsys)
    assert (rc, last_json(out)["reason"]) == (1, "TRUST_BUNDLE_INVALID")
    rc, out = run(terminal_cli.main, ["--home", flow["term"], "trust", "show"], capsys)
    assert last_json(out)["bundle"]["sequence"] == 1


def test_garbage_code_gets_a_typed_answer(flow: dict, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out = run(terminal_cli.main, ["--home", flow["term"], "verify", "hello; DROP TABLE journal;--"],
                  capsys)
    verdict = last_json(out)
    assert rc == 1 and verdict["reason"] == "UNKNOWN_FORMAT" and verdict["message_zh"]


@pytest.mark.parametrize("script", ["pos-terminal", "sync-server", "member-wallet"])
def test_console_scripts_have_help(script: str) -> None:
    exe = Path(sys.executable).parent / script
    result = subprocess.run([str(exe), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "usage:" in result.stdout
