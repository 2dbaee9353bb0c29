"""`pos-terminal scan-image`: decode image files, verify each code, one JSON line per code."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from alliance_protocol.testkit import T0, TestAlliance
from bench.qr_corpus import render
from member_wallet.qr_render import render_gray
from terminal_app import cli
from terminal_app.commands.scan_image import scan_files
from terminal_app.qr import get_decoder


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.strip().splitlines()]


def test_scan_files_reports_codes_no_code_and_unreadable(tmp_path: Path) -> None:
    alliance = TestAlliance(seed="scan")
    code = alliance.member(9).code(T0)
    good = tmp_path / "phone.png"
    cv2.imwrite(str(good), render(code, "640x480", np.random.default_rng(5)).image)
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((480, 640), 200, np.uint8))
    junk = tmp_path / "notes.png"
    junk.write_text("not an image")
    verifier = alliance.verifier()
    out = list(scan_files([good, blank, junk, tmp_path / "missing.png"], get_decoder(), verifier.verify))
    assert out[0]["text"] == code and out[0]["ok"] is True and out[0]["decoder"] == "zxing"
    assert out[0]["member_id"] == 9
    assert (out[1]["codes"], out[1]["reason"]) == (0, "NO_CODE_IN_IMAGE")
    assert out[2]["reason"] == out[3]["reason"] == "IMAGE_UNREADABLE"
    assert all(line["message_zh"] and line["message_en"] for line in out)


def test_cli_scan_image_against_the_terminal_store(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from terminal_app.store import open_store

    alliance = TestAlliance(seed="scan", now=int(__import__("time").time()))
    store = open_store(tmp_path / "term")
    store.set_root_keys([alliance.root_public])
    store.install_bundle(alliance.bundle_bytes())
    store.record_server_time(alliance.now * 1000, alliance.now * 1000, alliance.now * 1000)
    store.ensure_local_identity("T-SCAN", "M-SCAN")
    store.close()
    a, b = alliance.member(1), alliance.member(2)
    code_a = a.code(alliance.now)
    two = np.full((480, 1100), 255, np.uint8)
    two[20:20 + 65 * 6, 20:20 + 65 * 6] = render_gray(code_a, 6)
    two[20:20 + 65 * 6, 600:600 + 65 * 6] = render_gray(b.code(alliance.now), 6)
    path = tmp_path / "two.png"
    cv2.imwrite(str(path), two)
    home = ["--home", str(tmp_path / "term")]
    assert cli.main([*home, "scan-image", str(path)]) == 0
    first = lines(capsys.readouterr().out)
    assert sorted(line["member_id"] for line in first) == [1, 2]
    assert all(line["ok"] and line["file"] == str(path) for line in first)
    # A check uses nothing up: the same image again verifies the same.
    assert cli.main([*home, "scan-image", str(path)]) == 0
    assert all(line["ok"] for line in lines(capsys.readouterr().out))
    # Once a journaled sale used a's code, the image shows it as used here; b's is still fine.
    assert cli.main([*home, "sale", code_a, "--bill-fen", "10000"]) == 0
    capsys.readouterr()
    assert cli.main([*home, "scan-image", str(path)]) == 1
    again = {line["member_id"]: line["reason"] for line in lines(capsys.readouterr().out)}
    assert again == {1: "CODE_REPLAYED", 2: "OK"}


def test_cli_unavailable_decoder_is_a_typed_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import terminal_app.qr.pyzbar_backend as pz
    from terminal_app.qr import DecoderUnavailable

    def missing():
        raise DecoderUnavailable("pyzbar cannot load the zbar system library; install libzbar0")

    monkeypatch.setattr(pz, "_load", missing)  # simulate a machine without libzbar0
    rc = cli.main(["--home", str(tmp_path / "t"), "scan-image", "--decoder", "pyzbar", "x.png"])
    out = lines(capsys.readouterr().out)[0]
    assert rc == 2 and out["reason"] == "DECODER_UNAVAILABLE" and "libzbar0" in out["detail"]


def test_scan_files_non_ascii_names_empty_files_and_directories(tmp_path: Path) -> None:
    alliance = TestAlliance(seed="scan")
    code = alliance.member(11).code(T0)
    ok, jpeg = cv2.imencode(".jpg", render(code, "1280x720", np.random.default_rng(2)).image)
    named = tmp_path / "会员码 扫描.jpg"  # a cashier's file name in Chinese, with a space
    named.write_bytes(jpeg.tobytes())
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    out = list(scan_files([named, empty, tmp_path], get_decoder(), alliance.verifier().verify))
    assert (out[0]["file"], out[0]["text"], out[0]["ok"]) == (str(named), code, True)
    assert [line["reason"] for line in out[1:]] == ["IMAGE_UNREADABLE", "IMAGE_UNREADABLE"]
    assert all(line["detail"] and line["codes"] == 0 for line in out[1:])
