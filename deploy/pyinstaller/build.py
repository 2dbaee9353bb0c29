"""Build the counter app's one-folder bundle (dist/pos-terminal/) unless it is already current.

    python deploy/pyinstaller/build.py [--force] [--dist DIR]      (make dist)

"Current" means built from the same sources: a SHA-256 over the packages the bundle holds, this
spec and pyproject.toml is kept in DIR/pos-terminal/.sources.sha256, so the test of the bundle
(tests/packaging/test_dist.py) and `make dist` build once and reuse. A lock file serialises
concurrent builds into the same folder. Prints the bundle's executable.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "deploy" / "pyinstaller" / "pos-terminal.spec"
SOURCES = ["alliance_protocol", "alliance_common", "terminal_app", "member_wallet", "deploy/pyinstaller",
           "pyproject.toml"]
NAME = "pos-terminal"


def sources_digest() -> str:
    digest = hashlib.sha256()
    for top in SOURCES:
        path = ROOT / top
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()
                                                     and "__pycache__" not in p.parts)
        for f in files:
            digest.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()


def build(dist: Path, force: bool = False) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    exe = dist / NAME / NAME
    stamp = dist / NAME / ".sources.sha256"
    with open(dist / f".{NAME}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        from terminal_app.ui import i18n

        i18n.ensure_compiled()  # the .qm files go into the bundle
        digest = sources_digest()
        if not force and exe.exists() and stamp.exists() and stamp.read_text().strip() == digest:
            return exe
        work = ROOT / "build" / "pyinstaller"
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                        "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=ROOT)
        stamp.write_text(digest + "\n")
    return exe


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when current")
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder (default: dist/)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    print(build(Path(args.dist), args.force))
