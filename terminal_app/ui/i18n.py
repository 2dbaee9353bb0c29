"""Languages of the counter app: zh_CN (default) and en.

UI strings go through self.tr() / QCoreApplication.translate(); their translations live in
terminal_app/ui/resources/i18n/<lang>.ts (the sources, in git, shipped in the wheel). The build step
compiles them to .qm with pyside6-lrelease (`python -m terminal_app.ui.i18n`, `make translations`;
the app and the test suite run it too, through `ensure_compiled()`). A .qm is used only when its
stamp (<lang>.qm.sha256) matches the current .ts content; otherwise the .ts is read directly by
TsTranslator, so a fresh clone works even where nothing can be compiled or written.

Reason texts (verdicts, declines) are NOT translated here: they come from
alliance_protocol.reasons.MESSAGES, zh or en by the current language (`reason_text`).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from alliance_protocol.reasons import Reason, message

LANGUAGES = ("zh_CN", "en")
# each language by its own name (the convention for a language menu: the same in every UI language)
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
# inside the package, so an installed wheel (or a PyInstaller folder) has them too
I18N_DIR = Path(__file__).resolve().parent / "resources" / "i18n"

_current = DEFAULT_LANGUAGE
_installed: QTranslator | None = None


class TsTranslator(QTranslator):
    """Translations read from a Qt Linguist .ts file (used when no up-to-date .qm exists)."""

    def __init__(self, ts_path: Path) -> None:
        super().__init__()
        self.table: dict[tuple[str, str], str] = {}
        root = ET.parse(ts_path).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not tr.text:
                    continue
                self.table[(name, msg.findtext("source") or "")] = tr.text

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self.table.get((context, source), "")

    def isEmpty(self) -> bool:
        return not self.table


def current_language() -> str:
    return _current


def _ts_digest(ts: Path) -> str:
    return hashlib.sha256(ts.read_bytes()).hexdigest()


def _stamp(qm: Path) -> Path:
    return qm.with_name(qm.name + ".sha256")


def qm_is_current(lang: str) -> bool:
    """The .qm was compiled from the .ts as it is now (content, not file times: a clone sets those)."""
    qm, ts = I18N_DIR / f"{lang}.qm", I18N_DIR / f"{lang}.ts"
    try:
        return qm.exists() and _stamp(qm).read_text().strip() == _ts_digest(ts)
    except OSError:
        return False


def load_translator(lang: str) -> QTranslator | None:
    qm, ts = I18N_DIR / f"{lang}.qm", I18N_DIR / f"{lang}.ts"
    if qm_is_current(lang):
        translator = QTranslator()
        if translator.load(str(qm)):
            return translator
    if ts.exists():
        return TsTranslator(ts)
    return None


_qt_own: QTranslator | None = None


def _install_qt_own(app: QCoreApplication, lang: str) -> None:
    """Qt's own words (a text field's Copy/Paste menu, standard dialog buttons) in `lang`: the
    qtbase translations that ship with PySide6."""
    global _qt_own
    from PySide6.QtCore import QLibraryInfo

    if _qt_own is not None:
        app.removeTranslator(_qt_own)
        _qt_own = None
    if lang == "en":
        return
    qt = QTranslator()
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _qt_own = qt


def set_language(lang: str) -> str:
    """Install `lang`'s translator; every widget gets a LanguageChange event and retranslates."""
    global _current, _installed
    from PySide6.QtCore import QEvent

    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    _current = lang  # before any LanguageChange: reason texts follow it
    app = QCoreApplication.instance()
    if app is None:
        return lang
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    translator = load_translator(lang)
    if translator is not None and not translator.isEmpty():
        app.installTranslator(translator)
        _installed = translator
    _install_qt_own(app, lang)
    # Qt sends no LanguageChange for an empty translator (English is the source language): send one
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    # QApplication posts the event to each window: deliver now, so the switch is visible on return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


def reason_text(reason: Reason | str) -> str:
    msg = message(Reason(reason))
    return msg.zh if _current == "zh_CN" else msg.en


def other_reason_text(reason: Reason | str) -> str:
    """The message in the other language (shown small under the main one)."""
    msg = message(Reason(reason))
    return msg.en if _current == "zh_CN" else msg.zh


def pick(item: dict, key: str = "name") -> str:
    """A catalogue entry's name in the current language (name_zh / name_en)."""
    zh, en = item.get(f"{key}_zh"), item.get(f"{key}_en")
    return str((zh if _current == "zh_CN" else en) or en or zh or item.get("id", ""))


def _tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def build(update_sources: bool = False) -> int:
    """Compile I18N_DIR/*.ts to .qm (and optionally refresh the .ts from the sources first)."""
    ui_dir = Path(__file__).resolve().parent
    if update_sources:
        lupdate = _tool("pyside6-lupdate")
        if lupdate is None:
            print("pyside6-lupdate not found", file=sys.stderr)
            return 1
        files = [str(p) for p in sorted(ui_dir.rglob("*.py"))]
        files.append(str(ui_dir.parents[1] / "member_wallet" / "window.py"))  # the wallet window shares them
        for lang in LANGUAGES:
            subprocess.run([lupdate, *files, "-ts", str(I18N_DIR / f"{lang}.ts")], check=True)
    return compile_all(force=True)


def compile_all(force: bool = False) -> int:
    """Compile each .ts whose .qm is missing or stale (all of them with `force`). 0 when every
    language has a current .qm or lrelease is unavailable (the .ts is then read directly)."""
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        print("pyside6-lrelease not found: the app reads the .ts files directly", file=sys.stderr)
        return 0
    for lang in LANGUAGES:
        ts, qm = I18N_DIR / f"{lang}.ts", I18N_DIR / f"{lang}.qm"
        if not ts.exists() or (not force and qm_is_current(lang)):
            continue
        digest = _ts_digest(ts)
        tmp = qm.with_name(qm.name + ".tmp")
        done = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(tmp)], capture_output=True, text=True,
                              check=False)
        if done.returncode != 0 or not tmp.exists():
            print(f"lrelease failed for {ts.name}: {done.stderr.strip()[:500]}", file=sys.stderr)
            return 1
        tmp.replace(qm)
        _stamp(qm).write_text(digest + "\n")
    return 0


def ensure_compiled() -> bool:
    """The build step as the app and the tests run it: compile stale .qm files if possible.
    Never fails the caller (read-only install, no lrelease): returns whether all .qm are current."""
    try:
        compile_all()
    except OSError:
        pass
    return all(qm_is_current(lang) for lang in LANGUAGES)


if __name__ == "__main__":
    sys.exit(build(update_sources="update" in sys.argv[1:]))
