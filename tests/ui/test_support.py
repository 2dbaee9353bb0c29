"""Small parts of the counter app: amounts, translations, sounds, receipts, the None-refcount guard."""

from __future__ import annotations

import sys
import wave

import pytest

from alliance_protocol.reasons import MESSAGES, Reason
from terminal_app.ui import i18n
from terminal_app.ui.qtfix import none_leaks_per_call, protect_none
from terminal_app.ui.sounds import TONES, SoundPlayer, write_wavs
from terminal_app.ui.viewmodel import parse_yuan, yuan


@pytest.mark.parametrize(
    "text,fen",
    [
        ("", 0),
        ("0", 0),
        ("12", 1200),
        ("12.5", 1250),
        ("12.05", 1205),
        (".5", 50),
        ("7.", 700),
        ("1.234", None),
        ("abc", None),
        ("1e3", None),
        ("-5", None),
        ("1.2.3", None),
        (".", None),
    ],
)
def test_parse_yuan_is_integer_fen(text, fen):
    assert parse_yuan(text) == fen


def test_yuan_formats_fen():
    assert yuan(1205) == "12.05" and yuan(0) == "0.00" and yuan(-50) == "-0.50" and yuan(None) == "-"


def test_ts_fallback_translates_like_the_compiled_qm(qapp):
    ts = i18n.TsTranslator(i18n.I18N_DIR / "zh_CN.ts")
    qm = i18n.load_translator("zh_CN")
    assert not ts.isEmpty() and len(ts.table) > 100
    for (ctx, src), text in list(ts.table.items())[:40]:
        assert qm.translate(ctx, src) == text


def test_every_ui_string_has_a_chinese_translation():
    import xml.etree.ElementTree as ET

    root = ET.parse(i18n.I18N_DIR / "zh_CN.ts").getroot()
    untranslated = [
        m.findtext("source")
        for m in root.iter("message")
        if not (m.findtext("translation") or "").strip() or m.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == []


def test_reason_text_follows_the_language(qapp):
    try:
        i18n.set_language("zh_CN")
        assert i18n.reason_text(Reason.COUPON_USED) == MESSAGES[Reason.COUPON_USED].zh
        i18n.set_language("en")
        assert i18n.reason_text("COUPON_USED") == MESSAGES[Reason.COUPON_USED].en
        assert i18n.other_reason_text("COUPON_USED") == MESSAGES[Reason.COUPON_USED].zh
    finally:
        i18n.set_language("en")


def test_sounds_are_distinct_wavs_and_silent_player_records(tmp_path, qapp):
    paths = write_wavs(tmp_path)
    frames = {}
    for name, path in paths.items():
        with wave.open(str(path)) as w:
            assert w.getframerate() == 22_050 and w.getnchannels() == 1
            frames[name] = w.readframes(w.getnframes())
    assert len(set(frames.values())) == len(TONES) == 3
    player = SoundPlayer(enabled=False)
    player.play("declined")
    assert player.played == ["declined"]


def test_none_refcount_guard_survives_many_void_calls(qapp):
    from PySide6.QtCore import QCoreApplication

    applied = protect_none()
    assert applied or none_leaks_per_call() == 0 or sys.version_info >= (3, 12)
    before = sys.getrefcount(None)
    for _ in range(50_000):
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) > 1_000_000 or before - sys.getrefcount(None) < 100
    if applied:
        assert sys.getrefcount(True) > 1_000_000 and sys.getrefcount(False) > 1_000_000


def test_every_tr_string_in_the_sources_is_in_the_ts_file():
    import re
    from pathlib import Path

    import terminal_app.ui as ui

    ts_sources = {src for (_ctx, src) in i18n.TsTranslator(i18n.I18N_DIR / "zh_CN.ts").table}
    pattern = re.compile(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"\s*\)', re.S)
    missing = []
    for path in Path(ui.__file__).parent.rglob("*.py"):
        text = path.read_text("utf-8")
        # adjacent string literals inside tr(...) are joined like Python does
        text = re.sub(r'"\s*\n\s*"', "", text)
        for literal in pattern.findall(text):
            if literal.encode().decode("unicode_escape") not in ts_sources and literal not in ts_sources:
                missing.append(f"{path.name}: {literal}")
    assert missing == []


def test_build_step_compiles_and_a_stale_qm_is_never_used(qapp, tmp_path, monkeypatch):
    import shutil

    from PySide6.QtCore import QTranslator

    for lang in i18n.LANGUAGES:
        shutil.copy(i18n.I18N_DIR / f"{lang}.ts", tmp_path / f"{lang}.ts")
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    assert not i18n.qm_is_current("zh_CN")  # fresh clone: no .qm yet
    assert isinstance(i18n.load_translator("zh_CN"), i18n.TsTranslator)  # works anyway, from the .ts
    assert i18n.ensure_compiled() is True  # the build step (pyside6-lrelease ships with PySide6)
    compiled = i18n.load_translator("zh_CN")
    assert (
        type(compiled) is QTranslator and compiled.translate("ReadyView", "Ready to scan") == "请出示会员码"
    )
    # the .ts changes after the build (a pull): the old .qm is not used, whatever its file time
    ts = tmp_path / "zh_CN.ts"
    ts.write_text(ts.read_text("utf-8").replace("请出示会员码", "请扫码"), "utf-8")
    assert not i18n.qm_is_current("zh_CN")
    assert i18n.load_translator("zh_CN").translate("ReadyView", "Ready to scan") == "请扫码"
    i18n.ensure_compiled()
    again = i18n.load_translator("zh_CN")
    assert type(again) is QTranslator and again.translate("ReadyView", "Ready to scan") == "请扫码"
