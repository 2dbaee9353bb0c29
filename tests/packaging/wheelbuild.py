"""Build the wheel from a clean copy of the tree and install installable sets into fresh venvs.

Used by tests/packaging (and by hand: `python -m tests.packaging.wheelbuild`). Offline after the
first run: every dependency wheel is downloaded once into build/wheelhouse (kept until the
declared dependencies change), and each set is installed with `--no-index` from there.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WHEELHOUSE = REPO / "build" / "wheelhouse"
# What a wheel is built from: the tree less what is not source (and the tests, docs and benchmarks).
_NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                     ".pytest_cache", ".hypothesis", "tests", "docs", "bench", "*.sqlite3*")


def pip(*args: str, python: str | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """The test venv's pip, acting on `python`'s environment (pip --python) when given."""
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    if python:
        cmd += ["--python", python]
    done = subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"pip {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


def build_wheel(out: Path) -> Path:
    """The wheel of the tree as it is now (compiled .qm included: the build step runs first)."""
    from terminal_app.ui import i18n

    i18n.ensure_compiled()
    src = out / "src"
    shutil.copytree(REPO, src, ignore=_NOT_SOURCE)
    pip("wheel", "--no-deps", "-w", str(out), str(src))
    (wheel,) = out.glob("alliance_pos-*.whl")
    return wheel


def requires_dist(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        lines = z.read(name).decode().splitlines()
    return sorted(line for line in lines if line.startswith("Requires-Dist:"))


def fill_wheelhouse(wheel: Path) -> Path:
    """Every dependency of every set as a wheel in build/wheelhouse (downloaded once per change)."""
    stamp = WHEELHOUSE / ".requires.sha256"
    digest = hashlib.sha256("\n".join(requires_dist(wheel)).encode()).hexdigest()
    if not (stamp.exists() and stamp.read_text().strip() == digest):
        WHEELHOUSE.mkdir(parents=True, exist_ok=True)
        pip("download", "--only-binary", ":all:", "-d", str(WHEELHOUSE), f"{wheel}[all]")
        for own in WHEELHOUSE.glob("alliance_pos-*.whl"):
            own.unlink()  # the project's own wheel always comes from the build, never from here
        stamp.write_text(digest + "\n")
    return WHEELHOUSE


def fresh_venv(where: Path, wheel: Path, extra: str) -> Path:
    """A new venv (no pip of its own) with only `alliance-pos[extra]` installed; returns its bin dir."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=120)
    python = where / "bin" / "python"
    # by name, from local folders only: the same `pip install` as the Dockerfile's
    house = fill_wheelhouse(wheel)
    pip("install", "--no-index", "--find-links", str(wheel.parent), "--find-links", str(house),
        f"alliance-pos[{extra}]", python=str(python))
    return where / "bin"


def clean_env() -> dict[str, str]:
    """The environment an installed program sees: no path into the source tree."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


if __name__ == "__main__":
    import tempfile

    target = Path(tempfile.mkdtemp(prefix="alliance-wheel-"))
    print(build_wheel(target))
