"""Which installable set a console program needs, checked before its commands load.

The sets are the extras of the `alliance-pos` distribution (pyproject.toml: `terminal`, `server`,
`wallet`), read back from the installed distribution's metadata, so they are written down once.
A program started where its set is not installed (e.g. `pos-terminal` on the HQ server) prints
what is missing and the command that installs it, instead of an ImportError traceback.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata

DISTRIBUTION = "alliance-pos"
EXIT_NOT_INSTALLED = 3

_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA = re.compile(r"""extra\s*==\s*['"]([^'"]+)['"]""")


def requirements(extra: str) -> list[str]:
    """The distribution names the set `extra` adds (empty where the metadata is not there: a
    PyInstaller folder or a bare source tree carry their dependencies with them)."""
    try:
        declared = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for line in declared:
        spec, _, marker = line.partition(";")
        found = _EXTRA.search(marker)
        name = _NAME.match(spec)
        if found and found.group(1) == extra and name:
            names.append(name.group(1))
    return names


def missing(extra: str) -> list[str]:
    out = []
    for name in requirements(extra):
        try:
            metadata.distribution(name)
        except metadata.PackageNotFoundError:
            out.append(name)
    return out


def require(prog: str, extra: str) -> int | None:
    """None when the set is installed; else an explanation on stderr and the exit code to return."""
    lacking = missing(extra)
    if not lacking:
        return None
    print(f"{prog}: this program needs the '{extra}' set of {DISTRIBUTION}, which is not installed here "
          f"(missing: {', '.join(lacking)}).\n"
          f"Install it with:  pip install '{DISTRIBUTION}[{extra}]'"
          "   (see docs/deploy.md, \"Installable sets\")",
          file=sys.stderr)
    return EXIT_NOT_INSTALLED
