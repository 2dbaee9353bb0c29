"""The installed product, not the source tree: build the wheel, install each set into a fresh venv,
and run it from a directory outside the repository.

- the terminal set finds its translations (.ts and compiled .qm) and verdict sounds inside the
  installed package, and has no FastAPI, uvicorn or psycopg;
- the server set has no PySide6, OpenCV or numpy, migrates a database and answers /healthz the way
  the Dockerfile runs it (`sync-server migrate`, `sync-server serve`);
- the wallet set has neither the server's packages nor OpenCV;
- a console script whose set is missing says what to install (exit 3), never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from .wheelbuild import REPO, build_wheel, clean_env, fresh_venv

SERVER_ONLY = {"fastapi", "uvicorn", "psycopg", "psycopg-binary", "starlette", "pydantic-settings"}
QT_AND_CAMERA = {"pyside6-essentials", "shiboken6", "opencv-python-headless", "zxing-cpp", "pyzbar"}

CHECK_TERMINAL = r"""
import json, sys
from importlib import metadata
from PySide6.QtCore import QCoreApplication
from terminal_app.ui import i18n, sounds

app = QCoreApplication([])
i18n.set_language("zh_CN")
print(json.dumps({
    "prefix": sys.prefix,
    "i18n_dir": str(i18n.I18N_DIR),
    "sound_dir": str(sounds.SOUND_DIR),
    "ts": sorted(p.name for p in i18n.I18N_DIR.glob("*.ts")),
    "qm_current": {lang: i18n.qm_is_current(lang) for lang in i18n.LANGUAGES},
    "translator": type(i18n._installed).__name__,
    "title_zh": QCoreApplication.translate("MainWindow", "Alliance points counter"),
    "wavs": {p.name: p.stat().st_size for p in sounds.SOUND_DIR.glob("*.wav")},
    "tones": sorted(sounds.TONES),
}))
"""

LIST_DISTS = ("import json, re; from importlib import metadata; print(json.dumps(sorted("
              "{re.sub(r'[-_.]+', '-', d.metadata['Name']).lower() for d in metadata.distributions()})))")


def run(bin_dir: Path, cwd: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    exe = args[0] if args[0].startswith("/") else str(bin_dir / args[0])
    return subprocess.run([exe, *args[1:]], capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env=clean_env())


def dists(bin_dir: Path, cwd: Path) -> set[str]:
    done = run(bin_dir, cwd, "python", "-I", "-c", LIST_DISTS)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


def assert_refused(bin_dir: Path, cwd: Path, script: str, extra: str) -> None:
    done = run(bin_dir, cwd, script, "--help")
    assert done.returncode == 3, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert f"pip install 'alliance-pos[{extra}]'" in done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A working directory outside the repository (nothing importable from the source tree)."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    assert REPO not in cwd.parents
    return cwd


def test_the_wheel_ships_translations_and_sounds(wheel: Path) -> None:
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("zh_CN", "en"):
        for suffix in (".ts", ".qm", ".qm.sha256"):
            assert f"terminal_app/ui/resources/i18n/{lang}{suffix}" in names
    for sound in ("approved", "attention", "declined"):
        assert f"terminal_app/ui/resources/sounds/{sound}.wav" in names
    assert "sync_server/db/migrations/script.py.mako" in names
    assert not any(n.startswith(("tests/", "bench/", "scripts/")) for n in names)


def test_terminal_set_finds_its_resources_in_the_installed_package(wheel: Path, tmp_path: Path,
                                                                    outside: Path) -> None:
    bin_dir = fresh_venv(tmp_path / "venv", wheel, "terminal")
    done = run(bin_dir, outside, "python", "-I", "-c", CHECK_TERMINAL)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout)
    site = Path(found["prefix"]).resolve()
    for key in ("i18n_dir", "sound_dir"):
        assert site in Path(found[key]).parents, found[key]  # the installed copy, not the source tree
        assert REPO not in Path(found[key]).parents
    assert found["ts"] == ["en.ts", "zh_CN.ts"]
    assert found["qm_current"] == {"zh_CN": True, "en": True}  # compiled .qm shipped and current
    assert found["translator"] == "QTranslator"  # the .qm was loaded (TsTranslator is the fallback)
    assert found["title_zh"] == "联盟积分收银台"
    assert set(found["wavs"]) == {f"{t}.wav" for t in found["tones"]}
    assert all(size > 1000 for size in found["wavs"].values())

    installed = dists(bin_dir, outside)
    assert not installed & SERVER_ONLY, installed & SERVER_ONLY
    assert {"pyside6-essentials", "opencv-python-headless", "sqlalchemy"} <= installed
    assert run(bin_dir, outside, "pos-terminal", "--help").returncode == 0
    assert_refused(bin_dir, outside, "sync-server", "server")


def dockerfile() -> dict[str, object]:
    """The parts of the Dockerfile a plain venv can run: the set it installs, its CMD, its HEALTHCHECK."""
    text = (REPO / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    install = next(line for line in lines if "pip install" in line and "--no-index" in line)
    (extra,) = re.findall(r'"alliance-pos\[(\w+)\]"', install)
    cmd = json.loads(next(line for line in lines if line.startswith("CMD "))[4:])
    health = next(line for line in lines if line.startswith("HEALTHCHECK "))
    return {"extra": extra, "cmd": cmd, "healthcheck": health.split(" CMD ", 1)[1].strip(),
            "user": next(line for line in lines if line.startswith("USER ")).split()[1]}


def test_server_set_has_no_qt_and_runs_the_containers_commands(wheel: Path, tmp_path: Path,
                                                                outside: Path) -> None:
    from sync_server.local import free_port

    docker = dockerfile()
    assert docker["extra"] == "server" and not str(docker["user"]).startswith(("root", "0"))
    bin_dir = fresh_venv(tmp_path / "venv", wheel, str(docker["extra"]))
    installed = dists(bin_dir, outside)
    assert not installed & (QT_AND_CAMERA | {"numpy", "pyside6"}), installed & QT_AND_CAMERA
    assert {"fastapi", "uvicorn", "psycopg", "sqlalchemy", "alembic"} <= installed
    assert_refused(bin_dir, outside, "pos-terminal", "terminal")
    assert_refused(bin_dir, outside, "member-wallet", "wallet")

    # the container's own commands, with its environment (loopback and a free port instead of 0.0.0.0:8765)
    env = {**clean_env(), "PATH": f"{bin_dir}:/usr/bin:/bin", "SYNC_SERVER_HOME": str(tmp_path / "hq"),
           "SERVE_HOST": "127.0.0.1", "SERVE_PORT": str(free_port()), "SERVE_WORKERS": "2"}
    done = subprocess.run(["sync-server", "migrate"], capture_output=True, text=True, timeout=120,
                          cwd=outside, env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["ok"] is True, done.stderr[-2000:]
    probe = ["sh", "-c", str(docker["healthcheck"])]
    not_up = subprocess.run(probe, capture_output=True, timeout=60, cwd=outside, env=env)
    assert not_up.returncode == 1
    server = subprocess.Popen(docker["cmd"], cwd=outside, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            health = subprocess.run(probe, capture_output=True, text=True, timeout=60, cwd=outside, env=env)
            if health.returncode == 0:
                break
            assert server.poll() is None and time.monotonic() < deadline, health.stdout
            time.sleep(0.3)
        assert json.loads(health.stdout)["ok"] is True
        answer = httpx.get(f"http://127.0.0.1:{env['SERVE_PORT']}/healthz", timeout=5)
        assert answer.status_code == 200 and isinstance(answer.json()["server_time_ms"], int)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(10)
        server.stdout.close()


def test_wallet_set_has_neither_server_nor_camera(wheel: Path, tmp_path: Path, outside: Path) -> None:
    bin_dir = fresh_venv(tmp_path / "venv", wheel, "wallet")
    installed = dists(bin_dir, outside)
    assert not installed & (SERVER_ONLY | {"opencv-python-headless", "zxing-cpp", "sqlalchemy"})
    assert {"pyside6-essentials", "qrcode", "httpx"} <= installed
    assert run(bin_dir, outside, "member-wallet", "--help").returncode == 0
    # the wallet works installed: a device key and a certificate from a local issuer's key ring
    keys = tmp_path / "keys"
    from sync_server.hq_keys import KeyRing

    KeyRing.create(keys, int(time.time()) - 60)
    done = run(bin_dir, outside, "member-wallet", "--home", str(tmp_path / "phone"), "register",
               "--local-issuer", str(keys), "--member-id", "7001")
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["member_id"] == 7001
    code = run(bin_dir, outside, "member-wallet", "--home", str(tmp_path / "phone"), "code")
    assert code.returncode == 0 and len(code.stdout.strip()) == 304
    assert_refused(bin_dir, outside, "sync-server", "server")
