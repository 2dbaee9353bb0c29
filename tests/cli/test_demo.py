"""`make demo` runs scripts/demo.py: it must complete and show the verdicts it promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts import demo


def test_demo_runs_headless_and_shows_accepts_and_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert demo.main(["--no-gui", "--dir", str(tmp_path / "demo")]) == 0
    out = re.sub(r"\x1b\[\d+m", "", capsys.readouterr().out)
    assert out.count(" OK ") == 3
    for reason in ("CODE_REPLAYED", "CODE_SIGNATURE_INVALID", "CODE_EXPIRED", "ISSUER_KEY_UNKNOWN",
                   "UNKNOWN_FORMAT", "MEMBER_BLOCKED"):
        assert reason in out
    assert (tmp_path / "demo" / "terminal" / "terminal.sqlite3").exists()
