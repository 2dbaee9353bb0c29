"""Words for the journal's codes (record kinds, statuses, sync outcomes) in the current language.

The codes are data (journal records, filters); what a manager reads goes through Qt's translation
system. `pyside6-lupdate` cannot see `tr(variable)`, so the words are marked here with
QT_TRANSLATE_NOOP (context "Labels") and looked up with QCoreApplication.translate at run time.
Reason codes are not here: their words come from alliance_protocol.reasons (i18n.reason_text).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

KINDS = {
    "scan": QT_TRANSLATE_NOOP("Labels", "Scan"),
    "purchase": QT_TRANSLATE_NOOP("Labels", "Purchase"),
    "coupon": QT_TRANSLATE_NOOP("Labels", "Coupon"),
    "gift": QT_TRANSLATE_NOOP("Labels", "Gift"),
    "backup": QT_TRANSLATE_NOOP("Labels", "Backup code"),
    "void": QT_TRANSLATE_NOOP("Labels", "Void"),
    "backfill": QT_TRANSLATE_NOOP("Labels", "Backfill"),
    "shift_close": QT_TRANSLATE_NOOP("Labels", "Shift close"),
}

STATUSES = {
    "approved": QT_TRANSLATE_NOOP("Labels", "Approved"),
    "pending_verification": QT_TRANSLATE_NOOP("Labels", "Pending server check"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Declined"),
}

ANY = QT_TRANSLATE_NOOP("Labels", "(any)")

# which path decided a transaction (records.DecidedBy; docs/online-authorisation.md)
PATHS = {
    "online": QT_TRANSLATE_NOOP("Labels", "Online (HQ)"),
    "offline": QT_TRANSLATE_NOOP("Labels", "Offline (this terminal)"),
    "offline_near_limit": QT_TRANSLATE_NOOP("Labels", "Offline, near a limit"),
}
CODE_KINDS = ("purchase", "coupon", "gift")  # the kinds a path decides (others: no path shown)


def _tr(text: object) -> str:
    # the words marked with QT_TRANSLATE_NOOP, which returns its text (PySide6 types it `object`)
    if not isinstance(text, str):
        raise TypeError(f"not a text to translate: {text!r}")
    return QCoreApplication.translate(CONTEXT, text)


def kind_text(kind: str | None) -> str:
    """A record kind in words; an unknown code is shown as it is (never hidden)."""
    return _tr(KINDS[kind]) if kind in KINDS else str(kind or "")


def status_text(status: str | None) -> str:
    return _tr(STATUSES[status]) if status in STATUSES else str(status or "")


def path_text(decided_by: str | None, kind: str | None = "purchase") -> str:
    """Which path decided a record, in words ("" for kinds no path decides). A code-backed record
    written before online authorisation says nothing: it was decided offline."""
    if kind not in CODE_KINDS:
        return ""
    return _tr(PATHS.get(decided_by or "offline", PATHS["offline"]))


def any_text() -> str:
    return _tr(ANY)


def count_key_text(key: str) -> str:
    """A Z-report count key "kind:status" in words."""
    kind, _, status = key.partition(":")
    if kind == "decided":
        return path_text(status)
    return f"{kind_text(kind)} · {status_text(status)}" if status else kind_text(kind)


LIMITS = {
    "txn_max_points": QT_TRANSLATE_NOOP("Labels", "Points spent per transaction, at most"),
    "member_max_points": QT_TRANSLATE_NOOP("Labels", "Unsynced points spent per member, at most"),
    "terminal_max_points": QT_TRANSLATE_NOOP("Labels", "Unsynced points spent on this terminal, at most"),
    "max_since_sync_s": QT_TRANSLATE_NOOP("Labels", "Longest time without a sync (hours)"),
    "backup_max_bill_fen": QT_TRANSLATE_NOOP("Labels", "Backup code: bill at most (yuan)"),
    "backup_max_points": QT_TRANSLATE_NOOP("Labels", "Backup code: points at most"),
    "backup_max_pending": QT_TRANSLATE_NOOP("Labels", "Backup code: records awaiting the server, at most"),
    "near_limit_pct": QT_TRANSLATE_NOOP(
        "Labels", "Offline decisions shown as near a limit from (% of a limit used)"
    ),
}


def limit_lines(limits: dict) -> list[str]:
    """The bundle's offline limits as "<words>: <value>" lines (fen as yuan, seconds as hours)."""
    lines = []
    for key, value in sorted(limits.items()):
        if key.endswith("_fen") and isinstance(value, int):
            shown = f"{value // 100}.{value % 100:02d}"
        elif key.endswith("_s") and isinstance(value, int):
            shown = f"{value / 3600:g}"
        else:
            shown = str(value)
        lines.append(f"{_tr(LIMITS[key]) if key in LIMITS else key}: {shown}")
    return lines


CAMERAS = {
    "virtual": QT_TRANSLATE_NOOP("Labels", "Virtual camera (the demo wallet's code)"),
    "none": QT_TRANSLATE_NOOP("Labels", "No camera"),
}


def camera_text(value: str) -> str:
    if value in CAMERAS:
        return _tr(CAMERAS[value])
    return _tr(QT_TRANSLATE_NOOP("Labels", "Camera device %1")).replace("%1", value)
