"""The deployment files that cannot run here as a whole (no Docker engine, no systemd as PID 1):
checked as far as this machine can check them. The Dockerfile's own commands run in
test_wheels.py; here the compose file's wiring, the systemd units (systemd-analyze verify, with
their ExecStart pointed at programs that exist) and the XDG autostart entry."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KIOSK_EXEC = "/opt/alliance-pos-terminal/pos-terminal"
SERVER_BIN = "/opt/alliance-pos/venv/bin/"


def test_compose_runs_migrations_once_before_the_server_on_postgresql() -> None:
    yaml = pytest.importorskip("yaml")
    doc = yaml.safe_load((REPO / "compose.yaml").read_text())
    services = doc["services"]
    assert set(services) == {"db", "migrate", "server"}
    assert services["db"]["image"].startswith("postgres:") and services["db"]["healthcheck"]["test"]
    assert services["migrate"]["command"] == ["sync-server", "migrate"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["server"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["build"] == services["server"]["build"] == "."  # never pulled from a registry
    assert services["server"]["image"] == services["migrate"]["image"]
    for name in ("migrate", "server"):
        env = services[name]["environment"]
        assert env["SYNC_SERVER_DATABASE_URL"].startswith("postgresql://alliance:")
        assert "@db:5432/alliance" in env["SYNC_SERVER_DATABASE_URL"]
        assert services[name]["volumes"] == ["hq-data:/var/lib/alliance"]
    assert services["server"]["ports"][0].endswith(":8765")
    assert "pg-data" in doc["volumes"] and "hq-data" in doc["volumes"]


def verify_unit(unit: Path, replacements: dict[str, str], tmp_path: Path, user: bool = False) -> str:
    text = unit.read_text()
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    copy = tmp_path / unit.name
    copy.write_text(text)
    done = subprocess.run(["systemd-analyze", "verify", "--man=no", str(copy)], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    return (done.stdout + done.stderr).strip()


@pytest.fixture
def systemd_analyze() -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze not installed (Debian package systemd)")


def test_server_unit_verifies(systemd_analyze, tmp_path: Path) -> None:
    out = verify_unit(REPO / "deploy/server/alliance-sync-server.service",
                      {SERVER_BIN: str(Path(sys.executable).parent) + "/"}, tmp_path)
    assert out == "", out


def test_kiosk_unit_verifies_and_restarts_the_app(systemd_analyze, tmp_path: Path) -> None:
    unit = REPO / "deploy/kiosk/alliance-pos-terminal.service"
    out = verify_unit(unit, {KIOSK_EXEC: str(Path(sys.executable).parent / "pos-terminal")}, tmp_path)
    assert out == "", out
    parsed = configparser.ConfigParser(interpolation=None, strict=False)
    parsed.read_string(unit.read_text())
    assert parsed["Service"]["Restart"] == "always"
    assert parsed["Service"]["ExecStart"] == f"{KIOSK_EXEC} app"
    assert parsed["Install"]["WantedBy"] == "graphical-session.target"


def test_autostart_entry_starts_the_same_app() -> None:
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str  # keys are case-sensitive in desktop entries
    parsed.read_string((REPO / "deploy/kiosk/alliance-pos-terminal.desktop").read_text())
    entry = parsed["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"] == f"{KIOSK_EXEC} app"
    assert entry["Terminal"] == "false" and entry["Name[zh_CN]"]
