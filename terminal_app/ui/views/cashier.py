"""The cashier's page: ready to scan -> member panel with the operation -> (verdict page).

Inner pages: ReadyView (camera preview, typed/pasted code, backup-code button), TransactionView
(member panel, operation with keypad and live quote), BackupView (numeric backup code).

Nothing moves under the cashier's finger: the notice strip above the pages has a fixed height and
is always there; what a scan during an open transaction has to say (another member offered, a code
that is not a member code, the transaction that was dropped) appears inside it, and an offer's
button takes taps only after ARM_MS (a tap already on its way lands on nothing).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_protocol.member_code import Tier
from terminal_app.core.results import ScanResult

from ..i18n import pick, reason_text
from ..viewmodel import CounterViewModel, parse_yuan, yuan
from ..wedge import ascii_only
from .keypad import Keypad, apply_key

AMOUNT_RE = QRegularExpression(r"^\d{0,7}(\.\d{0,2})?$")
INT_RE = QRegularExpression(r"^\d{0,7}$")
DIGITS_RE = QRegularExpression(r"^\d{0,20}$")
ARM_MS = 700
STRIP_HEIGHT = 52


class ReadyView(QWidget):
    code_entered = Signal(str)
    backup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("readyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("font-size: 18px; color: #555;")
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 240)
        self.preview.setStyleSheet("background: #222; color: #aaa;")
        self.code_field = QLineEdit()
        self.code_field.setObjectName("codeField")
        ascii_only(self.code_field)
        self.code_field.setMinimumHeight(40)
        self.code_field.returnPressed.connect(self._submit)
        self.submit_button = QPushButton()
        self.submit_button.clicked.connect(self._submit)
        self.backup_button = QPushButton()
        self.backup_button.clicked.connect(self.backup_requested)
        row = QHBoxLayout()
        row.addWidget(self.code_field, 1)
        row.addWidget(self.submit_button)
        row.addWidget(self.backup_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)
        self.retranslate()

    def _submit(self) -> None:
        text = self.code_field.text().strip()
        self.code_field.clear()
        if text:
            self.code_entered.emit(text)

    def show_frame(self, image: QImage) -> None:
        if self.isVisible():
            self.preview.setPixmap(
                QPixmap.fromImage(image).scaled(
                    self.preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,
                )
            )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Ready to scan"))
        self.hint.setText(self.tr("Show the member code to the camera, scan it, or paste it below"))
        self.code_field.setPlaceholderText(self.tr("Member code"))
        self.submit_button.setText(self.tr("Check code"))
        self.backup_button.setText(self.tr("Backup code"))
        if self.preview.pixmap() is None or self.preview.pixmap().isNull():
            self.preview.setText(self.tr("No camera"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class TransactionView(QWidget):
    """Member panel (left) and the operation (right): earn / spend / coupon / gift."""

    MODES = ("earn", "spend", "coupon", "gift")

    def __init__(self, vm: CounterViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.pricing = None
        # member panel
        self.member_title = QLabel()
        self.member_title.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.member_id = QLabel()
        self.member_id.setObjectName("memberId")
        self.member_id.setStyleSheet("font-size: 26px;")
        self.source = QLabel()  # where the numbers come from: HQ live, or this terminal (offline)
        self.source.setObjectName("memberSource")
        self.source.setWordWrap(True)
        self.tier = QLabel()
        self.balance = QLabel()
        self.expiring = QLabel()
        self.spendable = QLabel()
        self.labels: dict[str, QLabel] = {k: QLabel() for k in ("tier", "balance", "expiring", "spendable")}
        form = QFormLayout()
        for key, value in (
            ("tier", self.tier),
            ("balance", self.balance),
            ("expiring", self.expiring),
            ("spendable", self.spendable),
        ):
            value.setStyleSheet("font-size: 20px;")
            form.addRow(self.labels[key], value)
        self.coupons_label = QLabel()
        self.coupons = QListWidget()
        self.gifts_label = QLabel()
        self.gifts = QListWidget()
        left = QVBoxLayout()
        left.addWidget(self.member_title)
        left.addWidget(self.member_id)
        left.addWidget(self.source)
        left.addLayout(form)
        left.addWidget(self.coupons_label)
        left.addWidget(self.coupons, 1)
        left.addWidget(self.gifts_label)
        left.addWidget(self.gifts, 1)
        # operation
        self.mode_buttons: dict[str, QPushButton] = {}
        self.mode_group = QButtonGroup(self)
        modes = QHBoxLayout()
        for i, mode in enumerate(self.MODES):
            b = QPushButton()
            b.setObjectName(f"mode_{mode}")
            b.setCheckable(True)
            b.setMinimumHeight(52)
            b.setFocusPolicy(
                Qt.FocusPolicy.NoFocus
            )  # a tap keeps the field being typed in (F1-F4 on a keyboard)
            self.mode_group.addButton(b)
            b.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            QShortcut(
                QKeySequence(f"F{i + 1}"),
                self,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            ).activated.connect(lambda m=mode: self.set_mode(m))
            modes.addWidget(b)
            self.mode_buttons[mode] = b
        self.bill_label = QLabel()
        self.bill = QLineEdit()
        self.bill.setObjectName("billField")
        self.bill.setValidator(QRegularExpressionValidator(AMOUNT_RE, self.bill))
        self.points_label = QLabel()
        self.points = QLineEdit()
        self.points.setObjectName("pointsField")
        self.points.setValidator(QRegularExpressionValidator(INT_RE, self.points))
        for f in (self.bill, self.points):
            f.setProperty("wedgeAware", True)
            ascii_only(f)
            f.setMinimumHeight(44)
            f.setStyleSheet("font-size: 24px;")
            f.textChanged.connect(self._schedule_quote)
            f.textChanged.connect(self.update_confirm)
            f.installEventFilter(self)
            f.returnPressed.connect(self.confirm)
        self.target = self.bill
        amounts = QGridLayout()
        amounts.addWidget(self.bill_label, 0, 0)
        amounts.addWidget(self.bill, 0, 1)
        amounts.addWidget(self.points_label, 1, 0)
        amounts.addWidget(self.points, 1, 1)
        self.keypad = Keypad()
        self.keypad.key.connect(lambda k: apply_key(self.target, k))
        self.catalogue_list = QListWidget()
        self.catalogue_list.setObjectName("catalogueList")
        self.catalogue_list.setStyleSheet("font-size: 20px;")
        self.catalogue_list.currentRowChanged.connect(lambda _row: self.update_confirm())
        self.catalogue_list.itemActivated.connect(lambda _item: self.confirm())
        self.op_stack = QStackedWidget()
        amount_page = QWidget()
        ap = QVBoxLayout(amount_page)
        ap.setContentsMargins(0, 0, 0, 0)
        ap.addLayout(amounts)
        ap.addWidget(self.keypad, 1)
        self.op_stack.addWidget(amount_page)
        self.op_stack.addWidget(self.catalogue_list)
        self.quote_label = QLabel()
        self.quote_label.setObjectName("quoteLabel")
        self.quote_label.setWordWrap(True)
        self.quote_label.setFixedHeight(84)  # one line or three: the keypad above never moves
        self.quote_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setMinimumHeight(52)
        self.confirm_button.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton()
        self.cancel_button.setMinimumHeight(52)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(vm.counter.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button, 2)
        right = QVBoxLayout()
        right.addLayout(modes)
        right.addWidget(self.op_stack, 1)
        right.addWidget(self.quote_label)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setLayout(left)
        layout.addWidget(panel, 2)
        layout.addLayout(right, 3)
        self.quote_timer = QTimer(self)
        self.quote_timer.setSingleShot(True)
        self.quote_timer.setInterval(120)
        self.quote_timer.timeout.connect(self._quote)
        vm.counter.quote_ready.connect(self.show_quote)
        self.mode = "earn"
        self.retranslate()

    @property
    def scan(self):
        """The open transaction's scan: the counter model's (the one owner), never a copy."""
        return self.vm.counter.open_scan

    # --- filling
    def open(self, _scan) -> None:
        self.bill.clear()
        self.points.clear()
        self.pricing = None
        self.target = self.bill
        self.set_mode("earn")
        self.fill_member()

    def fill_member(self) -> None:
        m = self.scan.member if self.scan else None
        if m is None:
            return
        self.member_id.setText(m.masked_id)
        self.source.setText(self.source_text(m))
        self.tier.setText(self.tier_name(m.tier))
        self.balance.setText(self.tr("unknown (not synced)") if m.balance is None else str(m.balance))
        self.expiring.setText(str(m.expiring_soon))
        self.spendable.setText(str(m.spendable))
        self.coupons.clear()
        for c in m.coupons:
            self.coupons.addItem(pick(c))
        self.gifts.clear()
        for g in m.gifts:
            self.gifts.addItem(f"{pick(g)} — {g.get('points', 0)}")
        if self.mode in ("coupon", "gift"):
            self._fill_catalogue()

    def source_text(self, m) -> str:
        if getattr(m, "online", False):
            return self.tr("● Live from HQ")
        return self.tr("○ Offline: as of the last sync")

    def tier_name(self, tier: int | None) -> str:
        names: dict[int, str] = {
            Tier.BASIC: self.tr("Basic"),
            Tier.SILVER: self.tr("Silver"),
            Tier.GOLD: self.tr("Gold"),
            Tier.DIAMOND: self.tr("Diamond"),
        }
        return names.get(tier, self.tr("Unknown")) if tier is not None else self.tr("Unknown")

    def _fill_catalogue(self) -> None:
        m = self.scan.member if self.scan else None
        self.catalogue_list.clear()
        items = (m.coupons if self.mode == "coupon" else m.gifts) if m else []
        for entry in items:
            text = (
                pick(entry)
                if self.mode == "coupon"
                else self.tr("%1 (%2 points)")
                .replace("%1", pick(entry))
                .replace("%2", str(entry.get("points", 0)))
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(entry["id"]))
            self.catalogue_list.addItem(item)
        if self.catalogue_list.count():
            self.catalogue_list.setCurrentRow(0)

    def set_mode(self, mode: str) -> None:
        """Switch the operation; what was typed stays (the points are kept, hidden, when earning)."""
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        amounts = mode in ("earn", "spend")
        self.op_stack.setCurrentIndex(0 if amounts else 1)
        self.points.setVisible(mode == "spend")
        self.points_label.setVisible(mode == "spend")
        if not amounts:
            self._fill_catalogue()
            self.catalogue_list.setFocus()
        else:
            if self.target is self.points and mode != "spend":
                self.target = self.bill
            self.target.setFocus()
        self.update_confirm()
        self._schedule_quote()

    def can_confirm(self) -> bool:
        """Confirm only what can be recorded as asked: an amount above zero, or a chosen item."""
        if self.scan is None:
            return False
        if self.mode in ("coupon", "gift"):
            return self.catalogue_list.currentItem() is not None
        bill, points = self.amounts()
        return bool(bill) and points is not None

    def update_confirm(self) -> None:
        self.confirm_button.setEnabled(self.can_confirm())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - the keypad types into the last focused field
        if event.type() == QEvent.Type.FocusIn and obj in (self.bill, self.points):
            self.target = obj
        return False

    # --- quote
    def amounts(self) -> tuple[int | None, int | None]:
        bill = parse_yuan(self.bill.text())
        pts = self.points.text().strip()
        points = int(pts) if pts.isdigit() else (0 if not pts else None)
        return bill, (points if self.mode == "spend" else 0)

    def _schedule_quote(self) -> None:
        self.quote_timer.start()

    def _quote(self) -> None:
        if self.mode not in ("earn", "spend"):
            self.quote_label.setText(self.tr("Choose an item, then confirm"))
            return
        bill, points = self.amounts()
        if not bill or points is None:
            self.pricing = None
            self.quote_label.setText(self.tr("Enter the bill amount"))
            return
        self.vm.counter.quote(bill, points)

    def show_quote(self, p) -> None:
        self.pricing = p
        if p is None:
            self.quote_label.setText(reason_text("SCAN_SESSION_EXPIRED"))
            return
        text = (
            self.tr("Bill %1 · tier discount %2% (-%3) · points used %4 (-%5) · to pay %6 · points earned %7")
            .replace("%1", yuan(p.bill_fen))
            .replace("%2", str(p.discount_pct))
            .replace("%3", yuan(p.discount_fen))
            .replace("%4", str(p.points_spent))
            .replace("%5", yuan(p.cash_off_fen))
            .replace("%6", yuan(p.paid_fen))
            .replace("%7", str(p.points_earned))
        )
        if not p.ok:
            text += "\n⚠ " + reason_text(p.reason)
        self.quote_label.setText(text)

    # --- confirm
    def confirm(self) -> None:
        if not self.can_confirm():
            self.quote_label.setText(
                self.tr("Choose an item, then confirm")
                if self.mode in ("coupon", "gift")
                else self.tr("Enter the bill amount")
            )
            return
        if self.mode in ("coupon", "gift"):
            item = self.catalogue_list.currentItem()
            if item is None:
                return
            ident = item.data(Qt.ItemDataRole.UserRole)
            (self.vm.counter.use_coupon if self.mode == "coupon" else self.vm.counter.redeem_gift)(ident)
            return
        bill, points = self.amounts()
        if bill is None or points is None:
            self.quote_label.setText(reason_text("INVALID_AMOUNT"))
            return
        self.vm.counter.commit_purchase(bill, points)

    def retranslate(self) -> None:
        self.member_title.setText(self.tr("Member"))
        m = self.scan.member if getattr(self, "scan", None) else None
        if m is not None:
            self.source.setText(self.source_text(m))
        self.labels["tier"].setText(self.tr("Tier"))
        self.labels["balance"].setText(self.tr("Points balance"))
        self.labels["expiring"].setText(self.tr("Expiring soon"))
        self.labels["spendable"].setText(self.tr("Spendable now"))
        self.coupons_label.setText(self.tr("Coupons and benefits"))
        self.gifts_label.setText(self.tr("Gifts"))
        for mode, text in zip(
            self.MODES,
            (
                self.tr("Earn on a bill"),
                self.tr("Pay with points"),
                self.tr("Use a coupon"),
                self.tr("Redeem a gift"),
            ),
            strict=False,
        ):
            self.mode_buttons[mode].setText(text)
        self.bill_label.setText(self.tr("Bill (yuan)"))
        self.points_label.setText(self.tr("Points to use"))
        self.confirm_button.setText(self.tr("Confirm"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.fill_member()
        if self.pricing is not None:
            self.show_quote(self.pricing)
        else:
            self._quote()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class BackupView(QWidget):
    """The member's numeric backup code, typed when the QR cannot be read (pending server check)."""

    done = Signal()

    def __init__(self, vm: CounterViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 26px; font-weight: bold;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("backupCodeField")
        self.code.setValidator(QRegularExpressionValidator(DIGITS_RE, self.code))
        self.bill = QLineEdit()
        self.bill.setObjectName("backupBillField")
        self.bill.setValidator(QRegularExpressionValidator(AMOUNT_RE, self.bill))
        self.target = self.code
        for f in (self.code, self.bill):
            f.setProperty("wedgeAware", True)
            ascii_only(f)
            f.setMinimumHeight(44)
            f.setStyleSheet("font-size: 24px;")
            f.installEventFilter(self)
            f.textChanged.connect(lambda _t: self.update_confirm())
        self.code.returnPressed.connect(self._code_entered)  # Enter: on to the amount
        self.bill.returnPressed.connect(self.confirm)
        self.code_label, self.bill_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.code_label, self.code)
        form.addRow(self.bill_label, self.bill)
        self.keypad = Keypad()
        self.keypad.key.connect(lambda k: apply_key(self.target, k))
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("backupConfirm")
        self.confirm_button.setMinimumHeight(56)
        self.confirm_button.clicked.connect(self.confirm)
        self.back_button = QPushButton()
        self.back_button.setMinimumHeight(56)
        self.back_button.clicked.connect(self.done)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.confirm_button, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.keypad, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.update_confirm()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn and obj in (self.code, self.bill):
            self.target = obj
        return False

    def reset(self) -> None:
        self.code.clear()
        self.bill.clear()
        self.target = self.code
        self.update_confirm()

    def _code_entered(self) -> None:
        self.bill.setFocus()
        self.target = self.bill

    def can_confirm(self) -> bool:
        return len(self.code.text().strip()) >= 6 and bool(parse_yuan(self.bill.text()))

    def update_confirm(self) -> None:
        self.confirm_button.setEnabled(self.can_confirm())

    def confirm(self) -> None:
        bill = parse_yuan(self.bill.text())
        if not self.can_confirm() or bill is None:
            self.note.setText(
                reason_text("INVALID_AMOUNT")
                if self.code.text().strip()
                else reason_text("BACKUP_CODE_MALFORMED")
            )
            return
        self.vm.counter.backup_code(self.code.text().strip(), bill)
        self.reset()
        self.done.emit()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Backup numeric code"))
        self.note.setText(
            self.tr(
                "Only when the QR code cannot be read. Accepted within the backup limits "
                "and checked by the server after sync."
            )
        )
        self.code_label.setText(self.tr("Member's numeric code"))
        self.bill_label.setText(self.tr("Bill (yuan)"))
        self.confirm_button.setText(self.tr("Confirm"))
        self.back_button.setText(self.tr("Back"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class NoticeStrip(QFrame):
    """A fixed-height strip above the cashier's pages: always there, so nothing below it moves.

    Shows one notice at a time: another member's code offered while a transaction is open (with
    "serve them instead" / "keep", armed after ARM_MS), a scanned code that is not a usable member
    code, or the transaction that an offer replaced (nothing of it was recorded)."""

    take = Signal()
    keep = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeStrip")
        self.setFixedHeight(STRIP_HEIGHT)
        self.kind = ""  # "", "offer", "rejected", "replaced"
        # offer: the other member's ScanResult; rejected: the refused ScanResult; replaced: the
        # dropped transaction's masked member id
        self.payload: ScanResult | str | None = None
        self.text = QLabel()
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.take_button = QPushButton()
        self.take_button.setObjectName("takeOffer")
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keepCurrent")
        for b in (self.take_button, self.keep_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            policy = b.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # hidden or shown, the label keeps its width
            b.setSizePolicy(policy)
            b.hide()
        self.take_button.clicked.connect(self.take)
        self.keep_button.clicked.connect(self.keep)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.take_button)
        self.arm_timer = QTimer(self)
        self.arm_timer.setSingleShot(True)
        self.arm_timer.setInterval(ARM_MS)
        self.arm_timer.timeout.connect(lambda: self.take_button.setEnabled(True))
        self.clear_timer = QTimer(self)
        self.clear_timer.setSingleShot(True)
        self.clear_timer.setInterval(8000)
        self.clear_timer.timeout.connect(lambda: self.show_notice("", None))
        self.retranslate()

    def show_notice(self, kind: str, payload: ScanResult | str | None) -> None:
        self.kind, self.payload = kind, payload
        self.setProperty("notice", kind or "none")
        self.style().unpolish(self)
        self.style().polish(self)
        offer = kind == "offer"
        self.take_button.setVisible(offer)
        self.keep_button.setVisible(offer)
        self.take_button.setEnabled(False)
        if offer:
            self.arm_timer.start()
            self.clear_timer.stop()
        elif kind:
            self.clear_timer.start()
        self.retranslate()

    def retranslate(self) -> None:
        kind, p = self.kind, self.payload
        if kind == "offer":
            assert isinstance(p, ScanResult) and p.member is not None  # an offer is a member's code
            self.text.setText(
                self.tr(
                    "Member %1's code was scanned. This transaction stays open until you choose."
                ).replace("%1", p.member.masked_id)
            )
            self.take_button.setText(self.tr("Serve %1 instead").replace("%1", p.member.masked_id))
        elif kind == "rejected":
            assert isinstance(p, ScanResult)
            self.text.setText(
                self.tr("Not accepted: %1 The open transaction is unchanged.").replace(
                    "%1", reason_text(p.reason)
                )
            )
        elif kind == "replaced":
            self.text.setText(
                self.tr("The transaction for %1 was cancelled; nothing of it was recorded.").replace(
                    "%1", str(p)
                )
            )
        else:
            self.text.setText("")
        self.keep_button.setText(self.tr("Keep current"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CashierPage(QWidget):
    READY, TRANSACTION, BACKUP = 0, 1, 2

    def __init__(self, vm: CounterViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.ready = ReadyView()
        self.transaction = TransactionView(vm)
        self.backup = BackupView(vm)
        self.stack = QStackedWidget()
        for page in (self.ready, self.transaction, self.backup):
            self.stack.addWidget(page)
        self.strip = NoticeStrip()
        self.strip.take.connect(vm.counter.take_offer)
        self.strip.keep.connect(vm.counter.decline_offer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.strip)
        layout.addWidget(self.stack, 1)
        self.ready.code_entered.connect(vm.counter.submit_code)
        self.ready.backup_requested.connect(self.show_backup)
        self.backup.done.connect(self.show_ready)
        vm.counter.member_opened.connect(self.show_member)
        vm.counter.transaction_closed.connect(self.show_ready)
        vm.counter.offer_changed.connect(self.show_offer)
        vm.counter.notice.connect(self.strip.show_notice)

    def show_ready(self) -> None:
        self.stack.setCurrentIndex(self.READY if self.vm.counter.open_scan is None else self.TRANSACTION)
        if self.vm.counter.open_scan is None and self.strip.kind == "offer":
            self.strip.show_notice("", None)

    def show_backup(self) -> None:
        self.backup.reset()
        self.stack.setCurrentIndex(self.BACKUP)
        self.backup.code.setFocus()

    def show_member(self, scan) -> None:
        self.transaction.open(scan)
        self.stack.setCurrentIndex(self.TRANSACTION)
        self.transaction.bill.setFocus()

    def show_offer(self, scan) -> None:
        if scan is not None:
            self.strip.show_notice("offer", scan)
        elif self.strip.kind == "offer":
            self.strip.show_notice("", None)
