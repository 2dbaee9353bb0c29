"""The one-folder build of the counter app (`make dist`, PyInstaller) starts and reaches "ready to
scan" offscreen, enrolled against a real HQ on loopback, with its translations and sounds found
inside the bundle. Built once per source change (deploy/pyinstaller/build.py keeps a stamp); run
from a directory outside the repository with no path into the source tree."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path

import pytest

from sync_server.demo import init_demo
from sync_server.hq import HQ
from sync_server.local import start_local_server
from sync_server.settings import ServerSettings

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle() -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: PyInstaller must be installed (make test installs .[all,test,dist])")
        pytest.skip("PyInstaller not installed: pip install -e '.[dist]'")
    spec = importlib.util.spec_from_file_location("pyinstaller_build", REPO / "deploy/pyinstaller/build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build.build(REPO / "dist")


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("hq")
    hq = HQ.open(ServerSettings(home=home, database_url=f"sqlite:///{home / 'hq.sqlite3'}"), create_keys=True)
    init_demo(hq)
    local = start_local_server(hq)
    yield hq, local.url
    local.stop()
    hq.engine.dispose()


def run(exe: Path, cwd: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env=env)


def test_the_bundle_enrolls_and_reaches_ready_to_scan(bundle: Path, hq, tmp_path: Path) -> None:
    server, url = hq
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    home = str(tmp_path / "till")
    _terminal_id, code = server.create_terminal("M-CAFE", "bundle test")
    enrolled = run(bundle, cwd, "--home", home, "enroll", "--server", url, "--code", code)
    assert enrolled.returncode == 0, enrolled.stderr[-3000:]
    assert json.loads(enrolled.stdout.strip().splitlines()[-1])["merchant_id"] == "M-CAFE"

    done = run(bundle, cwd, "--home", home, "app", "--exit-when-ready", "90")
    assert done.returncode == 0, (done.stdout, done.stderr[-3000:])
    ready = json.loads(done.stdout.strip().splitlines()[-1])
    assert ready["ready"] is True
    assert ready["window_title"].startswith("联盟积分收银台")  # zh_CN by default: translated
    inside = bundle.parent.resolve()
    assert inside in Path(ready["translations"]).resolve().parents  # found in the bundle, not the source tree
    assert REPO / "terminal_app" not in Path(ready["translations"]).resolve().parents
    assert ready["sounds"] == ["approved.wav", "attention.wav", "declined.wav"]

    # the diagnostics work frozen too: a garbage code gets its typed answer
    verdict = run(bundle, cwd, "--home", home, "verify", "not a member code")
    assert verdict.returncode == 1 and json.loads(verdict.stdout)["reason"] == "UNKNOWN_FORMAT"


def test_the_bundle_holds_no_server_packages(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    present = {p.name for p in internal.iterdir()}
    assert not present & {"fastapi", "uvicorn", "psycopg", "starlette", "sync_server"}, present
    assert (internal / "terminal_app/ui/resources/i18n/zh_CN.qm").exists()
