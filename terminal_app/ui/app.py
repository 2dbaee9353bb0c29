"""The counter app's main window and entry point.

    from terminal_app.ui.app import run_app
    run_app(home, camera_source=lambda: VirtualCamera(...), server_url="http://127.0.0.1:8000")

`run_app(home, *, camera_source=None, server_url=None) -> int` opens the terminal store at `home`
(it must be enrolled: identity + terminal key; else the window shows NO_TERMINAL_IDENTITY), shows
the window and runs the Qt event loop; returns the exit code.
- `camera_source`: a callable making the camera's FrameSource (camera.py's interface). The demo
  passes member_wallet.virtual_camera.VirtualCamera filming the wallet window's current code;
  its frames are decoded on the camera thread like a real camera's. Without it, the camera
  setting decides (an OpenCV device index, or none). The counter app never imports the simulator.
- `server_url`: the HQ server for terminal_app.sync (status bar online/offline, "sync now").

The window only composes pages (QStackedWidget): cashier, verdict, PIN, manager. Every store and
service call goes through the view-model's task runner (off the UI thread).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from . import i18n, theme
from .qtfix import protect_none

protect_none()  # PySide6 6.12 on Python 3.11 leaks references to None: see qtfix.py

# imported after protect_none() on purpose (E402): the modules below make Qt calls
from .camera import CameraWorker, FrameSource, OpenCvCamera  # noqa: E402
from .settings import UiSettings  # noqa: E402
from .sounds import SoundPlayer  # noqa: E402
from .syncstatus import ConnectionStatus  # noqa: E402
from .viewmodel import CounterViewModel  # noqa: E402
from .views.cashier import CashierPage  # noqa: E402
from .views.customer import CustomerDisplay  # noqa: E402
from .views.manager import ManagerPage  # noqa: E402
from .views.pin import PinPage  # noqa: E402
from .views.verdict import VerdictPage  # noqa: E402
from .wedge import WedgeScanner  # noqa: E402

CameraSource = Callable[[], FrameSource]
# a manager left signed in is signed out after this long without a touch or key
MANAGER_IDLE_MS = 5 * 60 * 1000


class ActivityWatch(QObject):
    """Restarts `timer` on every touch, click or key in `window` (installed while a manager is signed in)."""

    def __init__(self, window: QWidget, timer: QTimer) -> None:
        super().__init__(window)
        self.window, self.timer = window, timer

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin) and (
            isinstance(obj, QWidget) and obj.window() in (self.window, QApplication.activeModalWidget())
        ):
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    CASHIER, VERDICT, PIN, MANAGER = range(4)

    def __init__(
        self,
        store,
        home: Path,
        *,
        settings: UiSettings | None = None,
        camera_source: CameraSource | None = None,
        server_url: str | None = None,
        sounds: bool | None = None,
        camera: bool = True,
        confirm_close: bool = False,
        service_factory: Callable | None = None,
        customer_display: bool | None = None,
    ) -> None:
        super().__init__()
        self.home = Path(home)
        self.settings = settings or UiSettings.load(self.home)
        self.camera_source = camera_source
        self.confirm_close = confirm_close
        self.vm = CounterViewModel(store, server_url=server_url, service_factory=service_factory, parent=self)
        self.vm.settings = self.settings
        self.sound = SoundPlayer(enabled=self.settings.sounds if sounds is None else sounds)
        self.cashier = CashierPage(self.vm)
        self.verdict = VerdictPage(seconds=self.settings.verdict_seconds)
        self.pin = PinPage()
        self._manager: ManagerPage | None = None  # built on first use: the counter starts without it
        self.pages = QStackedWidget()
        for page in (self.cashier, self.verdict, self.pin, QWidget()):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.setStyleSheet(theme.SHEET)  # the one look (terminal_app/ui/theme.py)
        self._pin_purpose = ""
        self.manager_idle = QTimer(self)  # signs an idle manager out (MANAGER_IDLE_MS)
        self.manager_idle.setSingleShot(True)
        self.manager_idle.setInterval(MANAGER_IDLE_MS)
        self.manager_idle.timeout.connect(self.manager_timed_out)
        self.activity = ActivityWatch(self, self.manager_idle)
        self._last_manager_id: int | None = None
        self._unlocked_close = False
        # status bar: online/offline + queued, always visible
        self.online_label = QLabel()
        self.online_label.setObjectName("statusOnline")
        self.queue_label = QLabel()
        self.queue_label.setObjectName("statusQueued")
        self.busy_label = QLabel()
        self.where_label = QLabel()  # merchant and terminal, always on screen
        self.where_label.setObjectName("statusWhere")
        self.manager_button = QPushButton()
        self.manager_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.manager_button.clicked.connect(lambda: self.ask_pin("manager"))
        bar = self.statusBar()
        bar.addWidget(self.online_label)
        bar.addWidget(self.queue_label)
        bar.addWidget(self.busy_label, 1)
        bar.addPermanentWidget(self.where_label)
        bar.addPermanentWidget(self.manager_button)
        self.status: ConnectionStatus | None = None
        # wiring
        self.vm.counter.verdict.connect(self.show_verdict)
        self.vm.sync.status_changed.connect(self.show_status)
        self.vm.counter.member_opened.connect(lambda _s: self.pages.setCurrentIndex(self.CASHIER))
        self.vm.service_failed.connect(self.service_failed)
        self.vm.service_ready.connect(self.retranslate)
        self.vm.busy_changed.connect(lambda b: self.busy_label.setText("…" if b else ""))
        self.verdict.dismissed.connect(self.after_verdict)
        self.verdict.receipt_requested.connect(self.print_verdict_receipt)
        self.vm.counter.verdict_info.connect(self.verdict.show_info)
        self.vm.printer.printed.connect(self.show_printed)
        self.pin.submitted.connect(lambda mid, pin: self.vm.managers.check_pin(mid, pin, self.pin.show_check))
        self.pin.accepted.connect(self.pin_ok)
        self.pin.cancelled.connect(lambda: self.pages.setCurrentIndex(self.CASHIER))
        self.customer: CustomerDisplay | None = None
        self.place_customer_display(customer_display)
        self.wedge = WedgeScanner(self)
        self.wedge.scanned.connect(self.code_arrived)
        self.wedge.install()
        QShortcut(QKeySequence("F12"), self).activated.connect(lambda: self.ask_pin("manager"))
        QShortcut(QKeySequence("Escape"), self).activated.connect(self.escape)
        self.camera_worker: CameraWorker | None = None
        self._want_camera = camera
        i18n.set_language(self.settings.language)
        self.retranslate()
        self.resize(1100, 760)
        if camera:  # after the service is ready: an early sighting would be dropped, then held off
            self.vm.service_ready.connect(self.start_camera)
        self.vm.start()

    # --- codes from the wedge scanner and the camera (the typed field goes straight to the view-model)
    def code_arrived(self, text: str, source: str = "scanner") -> None:
        if self.pages.currentIndex() not in (self.CASHIER, self.VERDICT):
            return  # PIN and manager pages: a scan is not a transaction
        if self.pages.currentIndex() == self.VERDICT:
            if source == "camera":
                return  # the verdict stays until it is read (a phone in view does not wipe it)
            self.verdict.dismiss()  # a deliberate scan: the next customer
        self.vm.counter.submit_code(text, source)

    def camera_code(self, text: str) -> None:
        self.code_arrived(text, "camera")

    # --- verdict
    def show_verdict(self, result, kind: str) -> None:
        self.verdict.show_result(result, kind)
        self.pages.setCurrentIndex(self.VERDICT)
        self.verdict.setFocus()
        self.sound.play(result.severity.value)

    def after_verdict(self) -> None:
        self.pages.setCurrentIndex(self.CASHIER)
        self.cashier.show_ready()
        if self.customer is not None:
            self.customer.after_verdict()

    @property
    def manager(self) -> ManagerPage:
        """The manager pages, made the first time they are needed (they are not part of the start)."""
        if self._manager is None:
            page = ManagerPage(self.vm, self.settings, self.home, self.sound.problem)
            page.leave.connect(self.leave_manager)
            page.quit_requested.connect(self.quit_app)
            page.settings.applied.connect(self.apply_settings)
            placeholder = self.pages.widget(self.MANAGER)
            current = self.pages.currentIndex()
            self.pages.insertWidget(self.MANAGER, page)
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages.setCurrentIndex(current)
            self._manager = page
        return self._manager

    # --- the customer-facing display
    def place_customer_display(self, wanted: bool | None = None) -> None:
        """On a second screen where one exists (setting "auto"), always ("window"), or never ("off");
        `wanted` overrides the setting (tests)."""
        from PySide6.QtGui import QGuiApplication

        screens = QGuiApplication.screens()
        mode = self.settings.customer_display
        show = wanted if wanted is not None else (mode == "window" or (mode == "auto" and len(screens) > 1))
        if not show:
            if self.customer is not None:
                self.customer.close()
                self.customer.deleteLater()
                self.customer = None
            return
        if self.customer is None:
            self.customer = CustomerDisplay(self.vm)
            self.customer.setWindowTitle(self.tr("Customer display"))
        own = self.screen()
        other = next((sc for sc in screens if sc is not own), None)
        if other is not None and wanted is None:
            self.customer.setScreen(other)
            self.customer.setGeometry(other.geometry())
            self.customer.showFullScreen()
        else:
            self.customer.resize(800, 480)
            if wanted is None and own is not None:  # one screen: the customer's window at its bottom left
                area = own.availableGeometry()
                self.customer.move(area.left() + 20, max(area.top(), area.bottom() - 500))
            self.customer.show()

    def print_verdict_receipt(self) -> None:
        info = self.vm.counter.last_info
        if info is not None and info.record is not None:
            self.vm.printer.print_receipt(info.record, info)

    def show_printed(self, error) -> None:
        """How printing went, in the status bar (the transaction is recorded either way)."""
        self._printed = error
        self.retranslate_printed()

    def retranslate_printed(self) -> None:
        error = getattr(self, "_printed", False)
        if error is False:
            return
        if error is None:
            self.statusBar().showMessage(self.tr("Receipt printed"), 5000)
        else:
            reason = getattr(error, "reason", None)
            self.statusBar().showMessage(
                i18n.reason_text(reason) if reason is not None else i18n.reason_text("PRINTER_FAILED"), 15000
            )

    # --- manager and PIN
    def ask_pin(self, purpose: str) -> None:
        if self.pages.currentIndex() == self.MANAGER and purpose == "manager":
            return
        self._pin_purpose = purpose
        self.pin.open(purpose)
        last = self._last_manager_id
        self.vm.managers.load_managers(lambda managers: self.pin.set_managers(managers, last))
        self.pages.setCurrentIndex(self.PIN)
        self.pin.field.setFocus()

    def pin_ok(self, manager) -> None:
        """A manager signed in (their own PIN): they are who every manager action records."""
        self.vm.managers.current = manager
        self._last_manager_id = manager.id
        if self._pin_purpose == "exit_kiosk":
            self.vm.managers.audit("exit_kiosk")
            self.vm.managers.current = None
            self.settings.kiosk = False
            self.settings.save()
            self.showNormal()
            self.pages.setCurrentIndex(self.CASHIER)
            return
        page = self.manager
        self.pages.setCurrentIndex(self.MANAGER)
        page.enter()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.activity)
        self.manager_idle.start()

    def manager_timed_out(self) -> None:
        if self.pages.currentIndex() == self.MANAGER and self.vm.managers.current is not None:
            self.vm.managers.audit("signed_out_idle")
            self.leave_manager()
            self.statusBar().showMessage(
                self.tr("The manager was signed out after 5 minutes without use"), 10000
            )

    def leave_manager(self) -> None:
        self.manager_idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.activity)
        self.vm.managers.current = None  # signed out: the next manager action asks for a PIN again
        self.pages.setCurrentIndex(self.CASHIER)
        self.cashier.show_ready()

    def escape(self) -> None:
        if self.pages.currentIndex() == self.VERDICT:
            self.verdict.dismiss()
        elif self.settings.kiosk and self.pages.currentIndex() != self.PIN:
            self.ask_pin("exit_kiosk")
        elif self.pages.currentIndex() == self.PIN:
            self.pages.setCurrentIndex(self.CASHIER)

    def apply_settings(self) -> None:
        self.sound.set_enabled(self.settings.sounds)
        self.verdict.set_seconds(self.settings.verdict_seconds)
        if self.settings.language != i18n.current_language():
            i18n.set_language(self.settings.language)
        if self.settings.kiosk and not self.isFullScreen():
            self.showFullScreen()
        self.place_customer_display()
        if self._want_camera:
            self.start_camera()

    def set_language(self, lang: str) -> None:
        self.settings.language = i18n.set_language(lang)

    # --- camera
    def start_camera(self) -> None:
        self.stop_camera()
        source: FrameSource | None = None
        if self.camera_source is not None:
            source = self.camera_source()
        elif self.settings.camera == "virtual":
            source = None  # no source was given: nothing to show
        elif self.settings.camera != "none":
            dev = self.settings.camera
            cam = OpenCvCamera(int(dev) if dev.isdigit() else dev)
            source = cam if cam.opened() else None
        if source is None:
            return
        self.camera_worker = CameraWorker(source, self.settings.decoder)
        self.camera_worker.code_seen.connect(self.camera_code)
        self.camera_worker.frame_ready.connect(self.cashier.ready.show_frame)
        self.camera_worker.failed.connect(lambda r: self.statusBar().showMessage(i18n.reason_text(r), 10000))
        self.camera_worker.start()

    def stop_camera(self) -> None:
        if self.camera_worker is not None:
            self.camera_worker.stop()
            self.camera_worker = None

    # --- status
    def show_status(self, st: ConnectionStatus) -> None:
        self.status = st
        self.retranslate_status()

    def retranslate_status(self) -> None:
        st = self.status
        if st is None:
            self.online_label.setText(self.tr("Starting…"))
            self.queue_label.setText("")
            return
        if st.connecting:
            self.online_label.setText(self.tr("◌ Connecting to HQ…"))
            self.online_label.setProperty("state", "connecting")
        else:
            self.online_label.setText(self.tr("● Online") if st.online else self.tr("○ Offline"))
            self.online_label.setProperty("state", "online" if st.online else "offline")
        self.online_label.style().unpolish(self.online_label)
        self.online_label.style().polish(self.online_label)
        self.queue_label.setText(self.tr("Queued: %1").replace("%1", str(st.queued)))

    def service_failed(self, reason: str) -> None:
        self.cashier.ready.title.setText(i18n.reason_text(reason))

    def where_text(self) -> str:
        ident = self.vm.service.identity if self.vm.service is not None else None
        if ident is None:
            return ""
        merchant = ident.merchant_name or ident.merchant_id
        return self.tr("%1 · terminal %2").replace("%1", merchant).replace("%2", ident.terminal_id)

    def retranslate(self) -> None:
        self.where_label.setText(self.where_text())
        self.setWindowTitle(self.tr("Alliance points counter"))
        self.manager_button.setText(self.tr("Manager"))
        self.retranslate_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- closing
    def quit_app(self) -> None:
        """The manager's "quit the app": unlocked for this one close only. Answering "keep running"
        to the unsynced-records question locks the kiosk again (Alt+F4 then asks for the PIN)."""
        self.vm.managers.audit("quit")
        self._unlocked_close = True
        try:
            self.close()
        finally:
            self._unlocked_close = False

    def confirm_quit(self, queued: int) -> bool:
        """Ask before quitting with unsynced records; the buttons say what they do, in the UI language."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Unsynced records"),
            self.tr(
                "%1 records are not on the server yet. They stay on this terminal and sync on the next "
                "start. Quit anyway?"
            ).replace("%1", str(queued)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("quitQuestion")
        quit_button = box.addButton(self.tr("Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        quit_button.setObjectName("quitAnyway")
        keep = box.addButton(self.tr("Keep running"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepRunning")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is quit_button

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.settings.kiosk and not self._unlocked_close:  # full screen or not (a WM can drop it)
            event.ignore()
            self.ask_pin("exit_kiosk")
            return
        queued = self.status.queued if self.status else 0
        if self.confirm_close and queued and not self.confirm_quit(queued):
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        self.manager_idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.activity)
        self.sound.close()
        if self.customer is not None:
            self.customer.close()
        self.wedge.remove()
        self.stop_camera()
        self.vm.shutdown()


def run_app(
    home: str | Path, *, camera_source: CameraSource | None = None, server_url: str | None = None
) -> int:
    from terminal_app.store import open_store

    i18n.ensure_compiled()  # the .ts -> .qm build step, if a .qm is missing or stale (else .ts is read)
    if QApplication.instance() is None:
        from .display import display_problem

        problem = display_problem()  # Qt would abort (SIGABRT) without its X11 libraries: say what to install
        if problem:
            print(problem, file=sys.stderr)
            return 3
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = open_store(Path(home))
    window = MainWindow(
        store, Path(home), camera_source=camera_source, server_url=server_url, confirm_close=True
    )
    if window.settings.kiosk:
        window.showFullScreen()
    else:
        window.show()
    try:
        return app.exec()
    finally:
        window.shutdown()
        store.close()
