"""Receipts and reports on ESC/POS printers: GB18030 bytes, a real TCP "printer" on loopback for
the paper sensor, a printer that is not there, a file printer (terminal_app/printing)."""

from __future__ import annotations

import socket
import threading

import pytest

from alliance_protocol.reasons import Reason
from terminal_app.printing import PrinterConfig, PrinterError, ReceiptContext, print_document, receipt_lines
from terminal_app.printing import printer as printing
from terminal_app.printing.layout import cells, two_columns

RECORD = {
    "seq": 12,
    "kind": "purchase",
    "status": "approved",
    "reason": "OK",
    "recorded_at": 1_764_600_000_000,
    "terminal_id": "M-CAFE-T1",
    "merchant_id": "M-CAFE",
    "member_id": 10002,
    "bill_fen": 15_000,
    "discount_pct": 20,
    "discount_fen": 3_000,
    "cash_off_fen": 1_000,
    "paid_fen": 11_000,
    "points_spent": 1_000,
    "points_earned": 110,
}
CTX = ReceiptContext("拾光咖啡", "M-CAFE", "M-CAFE-T1", "****0002", new_balance=29_110, pending_sync=True)


def _text(data: bytes) -> str:
    start, end = data.index(printing.CHINESE_ON) + 2, data.rindex(printing.CHINESE_OFF)
    body = data[start:end]
    for style in printing.STYLES.values():
        body = body.replace(style, b"")
    return body.decode("gb18030")


def test_receipt_bytes_decode_in_gb18030_to_the_receipt():
    printing.DUMMY_OUTPUT.clear()
    lines = receipt_lines(RECORD, CTX, "zh_CN", 32)
    data = print_document(PrinterConfig.parse("dummy"), lines)
    assert printing.DUMMY_OUTPUT == [data]
    assert data.startswith(printing.INIT + printing.CHINESE_ON)  # the printer's Chinese mode, set by us
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # not UTF-8 (which a Chinese printer prints as garbage)
    text = _text(data)
    assert text.splitlines() == [line.text for line in lines]
    for expected in (
        "拾光咖啡",
        "积分消费凭条",
        "流水号",
        "12",
        "****0002",
        "消费金额",
        "150.00",
        "等级折扣 20%",
        "-30.00",
        "积分抵现",
        "-10.00",
        "实付",
        "110.00",
        "使用积分",
        "1000",
        "获得积分",
        "110",
        "积分余额",
        "29110",
        "离线记录,待同步",
    ):
        assert expected in text, expected
    assert "10002" not in text.replace("****0002", "")  # the member id only masked
    assert all(cells(line.text) <= 32 for line in lines if line.style != "title")
    assert (
        "实付" + " " * (32 - 4 - 6) + "110.00" in text
    )  # columns line up in Chinese (a Han character = 2 cells)


def test_english_receipt_and_alignment():
    lines = receipt_lines(RECORD, CTX, "en", 48)
    text = "\n".join(line.text for line in lines)
    assert "Paid" in text and "110.00" in text and "Recorded offline, pending sync" in text
    assert two_columns("实付", "110.00", 20) == "实付" + " " * 10 + "110.00"


def test_file_printer_appends(tmp_path):
    cfg = PrinterConfig.parse(f"file:{tmp_path / 'out' / 'receipts.bin'}")
    one = print_document(cfg, receipt_lines(RECORD, CTX))
    print_document(cfg, receipt_lines(RECORD, CTX))
    assert (tmp_path / "out" / "receipts.bin").read_bytes() == one * 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_missing_printer_is_a_typed_error():
    with pytest.raises(PrinterError) as e:
        print_document(PrinterConfig.parse(f"network:127.0.0.1:{_free_port()}"), receipt_lines(RECORD, CTX))
    assert e.value.reason is Reason.PRINTER_MISSING
    with pytest.raises(PrinterError) as e:
        print_document(PrinterConfig.parse("none"), receipt_lines(RECORD, CTX))
    assert e.value.reason is Reason.PRINTER_NOT_SET
    assert PrinterConfig.parse("usb:zz:1").kind == "none"  # a mistyped setting: no printer, no crash


class FakeNetworkPrinter:
    """A TCP listener on loopback that answers the paper-sensor query (DLE EOT 4) like an ESC/POS printer."""

    def __init__(self, paper_byte: int) -> None:
        self.paper_byte = paper_byte
        self.received = bytearray()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        conn, _ = self.sock.accept()
        conn.settimeout(5)
        with conn:
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.received += chunk
                if chunk.endswith(b"\x10\x04\x04"):
                    conn.sendall(bytes([self.paper_byte]))

    def close(self) -> None:
        self.sock.close()
        self.thread.join(5)


@pytest.mark.parametrize("paper_byte,ok", [(0x12, True), (0x72, False)])
def test_network_printer_paper_sensor(paper_byte, ok):
    fake = FakeNetworkPrinter(paper_byte)
    try:
        cfg = PrinterConfig.parse(f"network:127.0.0.1:{fake.port}")
        lines = receipt_lines(RECORD, CTX)
        if ok:
            data = print_document(cfg, lines)
            fake.thread.join(5)
            assert bytes(fake.received).endswith(data) and "实付" in _text(data)
        else:
            with pytest.raises(PrinterError) as e:
                print_document(cfg, lines)
            assert e.value.reason is Reason.PRINTER_NO_PAPER
            fake.thread.join(5)
            assert printing.CHINESE_ON not in fake.received  # nothing printed on an empty roll
    finally:
        fake.close()
