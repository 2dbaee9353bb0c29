"""`make demo`: the counter app on an embedded demo alliance, with a local server and SQLite.

1. HQ: a sync server on loopback (SQLite) with the demo alliance: keys, five merchants of
   different industries, members of every tier with balances, coupons, gifts.
2. The terminal of 拾光咖啡 Timeless Café enrolls with its one-time code and syncs.
3. Member 10002 (gold) registers a simulated phone with the server.
4. A first real transaction runs headless (scan, purchase, sync, HQ's ledger moves), so the
   demo proves the path even without a screen.
5. With a display: the counter app opens next to the member wallet window showing the rotating
   code. A real camera is used where one is present (--camera auto); otherwise a virtual camera
   feeds the wallet's current code to the scanner. First manager: 王经理, PIN 1234 (a manager adds
   the others, each with their own PIN). Receipts print to a file printer (terminal/receipts.bin,
   ESC/POS bytes with the text in GB18030); the customer display opens as a second window.
   Before Qt starts, the demo checks the system libraries Qt's X11 plugin needs and, where one
   is missing, prints the one-line install command instead of letting Qt abort.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from member_wallet import server_client
from member_wallet.wallet import Wallet
from sync_server.demo import init_demo, member_secret
from sync_server.hq import HQ
from sync_server.local import start_local_server
from sync_server.settings import ServerSettings
from terminal_app.core.service import TerminalService
from terminal_app.store import open_store
from terminal_app.sync import SyncClient

GREEN, RED, RESET = "\033[32m", "\033[31m", "\033[0m"
DEMO_MEMBER = 10002
DEMO_MERCHANT = "M-CAFE"
DEMO_MANAGER = "王经理"
DEMO_PIN = "1234"


def say(result, label: str) -> None:
    colour = GREEN if result.ok else RED
    print(
        f"   {label:<34} {colour}{result.reason.value:<20}{RESET} {result.message_zh} / {result.message_en}"
    )


def real_camera_present() -> bool:
    import cv2

    cap = cv2.VideoCapture(0)
    try:
        return bool(cap.isOpened())
    finally:
        cap.release()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", help="where to keep the demo's files (default: a new temp dir)")
    parser.add_argument("--gui", action="store_true", help="open the windows even without $DISPLAY")
    parser.add_argument("--no-gui", action="store_true", help="never open a window")
    parser.add_argument(
        "--camera", default="auto", help="auto (a real camera if present), virtual, or a device index"
    )
    args = parser.parse_args(argv)

    base = Path(args.dir or tempfile.mkdtemp(prefix="alliance-demo-"))
    print(f"demo files: {base}")
    print("1. HQ: local sync server with the demo alliance (SQLite)")
    hq = HQ.open(ServerSettings(home=base / "hq"), create_keys=True)
    demo = init_demo(hq)
    server = start_local_server(hq)
    print(f"   serving on {server.url}; merchants: " + ", ".join(t["merchant_id"] for t in demo["terminals"]))
    try:
        print(f"2. the {DEMO_MERCHANT} counter terminal enrolls with its one-time code")
        code = next(t["enrollment_code"] for t in demo["terminals"] if t["merchant_id"] == DEMO_MERCHANT)
        store = open_store(base / "terminal")
        client = SyncClient(store)
        identity = client.enroll(code, server.url)
        report = client.sync_once()
        print(
            f"   terminal {identity.terminal_id} of {identity.merchant_name}: "
            f"bundle {report.bundle_sequence}, "
            f"{report.balances} member balances, clock offset {store.clock().offset_s:+.3f} s"
        )

        print(f"3. member {DEMO_MEMBER}'s phone registers its device key with HQ")
        wallet = Wallet(base / "wallet")
        # The alliance app would carry the root key built in; the demo hands it over (no first-use trust).
        cert = server_client.register(
            wallet,
            server.url,
            DEMO_MEMBER,
            member_secret(DEMO_MEMBER),
            root_public_keys=[hq.ring.root_public],
        )
        print(
            f"   certificate serial {cert.serial}, tier {cert.tier}, "
            f"offline allowance {cert.allowance} points"
        )

        print("4. a first purchase, headless: scan -> 150.00 yuan bill, 1,000 points as cash -> sync")
        service = TerminalService(store)
        shown = wallet.next_code()
        scan = service.scan(shown)
        say(scan, "scan")
        quote = service.quote(scan.token, bill_fen=15_000, spend_points=1_000)
        print(
            f"   quote: tier discount {quote.discount_fen / 100:.2f}, "
            f"points off {quote.cash_off_fen / 100:.2f}, "
            f"to pay {quote.paid_fen / 100:.2f} yuan, earns {quote.points_earned} points"
        )
        say(service.commit_purchase(scan.token, bill_fen=15_000, spend_points=1_000), "purchase")
        say(service.scan(shown), "the same code again (screenshot)")
        report = client.sync_once()
        balance = server_client.balance(wallet, server.url, DEMO_MEMBER, member_secret(DEMO_MEMBER))
        print(
            f"   synced {report.uploaded} record(s); "
            f"HQ balance of member {DEMO_MEMBER}: {balance.balance} points"
        )
        store.close()

        from terminal_app.core.managers import ManagerBook

        store = open_store(base / "terminal")
        ManagerBook(store).ensure_first(DEMO_MANAGER, DEMO_PIN)
        store.close()
        print(f"   first manager: {DEMO_MANAGER}, PIN {DEMO_PIN} (change it under Manager -> Managers)")

        want_gui = args.gui or (
            not args.no_gui and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        )
        if not want_gui:
            print("no display: the counter app and the wallet window need a desktop (or pass --gui)")
            return 0
        from terminal_app.ui.display import display_problem

        problem = display_problem()  # before Qt starts: Qt would abort (SIGABRT) without these libraries
        if problem:
            print(problem)
            return 3
        return run_windows(base, wallet, server.url, args.camera)
    finally:
        server.stop()
        hq.engine.dispose()


def run_windows(base: Path, wallet: Wallet, server_url: str, camera: str) -> int:
    from PySide6.QtWidgets import QApplication

    from member_wallet.window import WalletWindow
    from terminal_app.ui.app import run_app
    from terminal_app.ui.settings import UiSettings

    print(
        "5. the counter app, its customer display and the member wallet window "
        f"(manager {DEMO_MANAGER}, PIN {DEMO_PIN})"
    )
    settings = UiSettings.load(base / "terminal")
    if settings.printer == "none":  # receipts to a file printer: ESC/POS bytes, Chinese in GB18030
        settings.printer = f"file:{base / 'terminal' / 'receipts.bin'}"
    if settings.customer_display == "auto":
        settings.customer_display = "window"  # one screen here: the customer's side in its own window
    settings.save()
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # before any window
    wallet_window = WalletWindow(wallet, refresh_s=20)
    wallet_window.move(40, 40)
    wallet_window.show()
    use_real = camera.isdigit() or (camera == "auto" and real_camera_present())
    if use_real:
        settings.camera = camera if camera.isdigit() else "0"
        settings.save()
        print(f"   camera: device {settings.camera} (hold the phone, or this screen, to it)")
        return run_app(base / "terminal", server_url=server_url)
    print("   camera: virtual (it films the wallet window's current code)")
    from member_wallet.virtual_camera import VirtualCamera

    return run_app(base / "terminal", camera_source=lambda: VirtualCamera(lambda: wallet_window.current_code),
                   server_url=server_url)


if __name__ == "__main__":
    sys.exit(main())
