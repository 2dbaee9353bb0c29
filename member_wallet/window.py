"""The wallet's Qt window: the member's rotating QR code with a countdown, like the phone app.

Its words go through Qt's translation system (the counter app's translation files,
terminal_app/ui/resources/i18n, context "WalletWindow"; Chinese by default, as a phone in China
shows it) and follow a language switch."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from alliance_protocol.member_code import Tier
from terminal_app.ui.qtfix import protect_none

from .qr_render import qr_matrix
from .wallet import DEFAULT_REFRESH_S, Wallet, WalletError

protect_none()  # PySide6 6.12 on Python 3.11 leaks references to None: see terminal_app/ui/qtfix.py

_TIER_NAMES = {  # looked up when shown (translated then), not when this module is imported
    Tier.BASIC: QT_TRANSLATE_NOOP("WalletWindow", "Member"),
    Tier.SILVER: QT_TRANSLATE_NOOP("WalletWindow", "Silver"),
    Tier.GOLD: QT_TRANSLATE_NOOP("WalletWindow", "Gold"),
    Tier.DIAMOND: QT_TRANSLATE_NOOP("WalletWindow", "Diamond"),
}


def qr_pixmap(text: str, size: int) -> QPixmap:
    matrix = qr_matrix(text)
    n = matrix.shape[0]
    scale = max(1, size // n)
    image = QImage(n * scale, n * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, x in zip(*matrix.nonzero(), strict=False):
        painter.fillRect(int(x) * scale, int(y) * scale, scale, scale, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


class WalletWindow(QWidget):
    """Shows `wallet.next_code()` and replaces it every `refresh_s` seconds (counter increases)."""

    code_changed = Signal(str)

    def __init__(self, wallet: Wallet, refresh_s: int = DEFAULT_REFRESH_S, qr_size: int = 420) -> None:
        super().__init__()
        self.wallet = wallet
        self.refresh_s = refresh_s
        self.qr_size = qr_size
        self.current_code = ""
        self._remaining = refresh_s
        self.cert = wallet.certificate()
        self.header = QLabel()
        self.header.setObjectName("walletHeader")
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(QSize(qr_size, qr_size))
        self.countdown = QLabel()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.backup = QLabel()  # the numeric code, for a counter that cannot scan
        self.backup.setObjectName("backupCode")
        self.backup.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.backup.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        for widget in (self.header, self.qr_label, self.countdown, self.backup):
            layout.addWidget(widget)
        self.rotate_timer = QTimer(self)
        self.rotate_timer.timeout.connect(self.rotate)
        self.tick_timer = QTimer(self)
        self.tick_timer.timeout.connect(self._tick)
        self.retranslate()
        self.rotate()
        self.rotate_timer.start(refresh_s * 1000)
        self.tick_timer.start(1000)

    def retranslate(self) -> None:
        member = str(self.cert.member_id)
        tier = _TIER_NAMES.get(Tier(self.cert.tier))
        self.setWindowTitle(self.tr("Member code — member %1").replace("%1", member))
        self.header.setText(
            self.tr("%1 member %2")
            .replace("%1", QCoreApplication.translate("WalletWindow", tier) if isinstance(tier, str) else "?")
            .replace("%2", member)
        )
        self._show_countdown()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rotate(self) -> None:
        self.current_code = self.wallet.next_code()
        self.qr_label.setPixmap(qr_pixmap(self.current_code, self.qr_size))
        self._remaining = self.refresh_s
        self._show_countdown()
        self.code_changed.emit(self.current_code)

    def _tick(self) -> None:
        self._remaining = max(0, self._remaining - 1)
        self._show_countdown()

    def _show_countdown(self) -> None:
        if not self.current_code:
            return
        self.countdown.setText(
            self.tr("Refreshes in %1 s · counter %2")
            .replace("%1", str(self._remaining))
            .replace("%2", str(self.wallet.state.counter))
        )
        self._show_backup()

    def _show_backup(self) -> None:
        try:
            digits, seconds_left = self.wallet.backup_code()
        except WalletError:  # a wallet without a member login (local issuer) has none
            self.backup.hide()
            return
        self.backup.setText(
            self.tr("Can't scan? Backup code %1 (changes in %2 s)")
            .replace("%1", digits)
            .replace("%2", str(seconds_left))
        )
        self.backup.show()
