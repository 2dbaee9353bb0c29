"""Dependencies point one way: the protocol <- the shared infrastructure <- the three programs.

Every import statement of every module is read (ast; imports inside functions too, so a lazy
import does not slip through) and checked against what each top-level package may import:

    alliance_protocol   nothing of this project but itself
    alliance_common     alliance_protocol
    terminal_app        alliance_protocol, alliance_common
    sync_server         alliance_protocol, alliance_common
    member_wallet       alliance_protocol, alliance_common
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = {"alliance_protocol", "alliance_common", "terminal_app", "sync_server", "member_wallet"}
MAY_IMPORT = {
    "alliance_protocol": set(),
    "alliance_common": {"alliance_protocol"},
    "terminal_app": {"alliance_protocol", "alliance_common"},
    "sync_server": {"alliance_protocol", "alliance_common"},
    "member_wallet": {"alliance_protocol", "alliance_common"},
}
# Known edges still to remove, each with its plan. The test fails when one is gone too (so that this
# list is kept true) and on any edge not listed.
KNOWN = {
    # The wallet window borrows the counter app's Qt support: the PySide6 None-reference workaround
    # and the translation catalogue its strings live in (context "WalletWindow"). Plan: both into a
    # shared Qt package (alliance_common.qt: qtfix and the translation loader with its catalogue),
    # used by terminal_app/ui and member_wallet alike.
    ("member_wallet.window", "terminal_app.ui.qtfix"),
    ("member_wallet.cli", "terminal_app.ui"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved to absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args and isinstance(node.args[0], ast.Constant)):
            found.add(str(node.args[0].value))
    return found


def edges() -> set[tuple[str, str]]:
    out = set()
    for top in OURS:
        for path in sorted((ROOT / top).rglob("*.py")):  # migrations and resources included
            for target in imports_of(path):
                out.add((module_name(path), target))
    return out


def test_every_package_imports_only_what_lies_below_it() -> None:
    wrong = sorted((src, dst) for src, dst in edges()
                   if dst.split(".")[0] in OURS and dst.split(".")[0] != src.split(".")[0]
                   and dst.split(".")[0] not in MAY_IMPORT[src.split(".")[0]]
                   and (src, dst) not in KNOWN)
    assert not wrong, "imports against the direction protocol <- common <- programs:\n" + "\n".join(
        f"  {src} imports {dst}" for src, dst in wrong)


def test_the_known_exceptions_are_still_true() -> None:
    assert KNOWN <= edges(), f"no longer imported (remove from KNOWN): {sorted(KNOWN - edges())}"


def test_the_walk_sees_lazy_and_relative_imports() -> None:
    wallet = imports_of(ROOT / "member_wallet" / "wallet.py")
    assert "alliance_common.issuer_files" in wallet  # imported inside issue_from_local_issuer
    assert "member_wallet.wallet" in imports_of(ROOT / "member_wallet" / "cli.py")  # from .wallet import ...
    assert "sync_server.db.models" in imports_of(ROOT / "sync_server" / "routers" / "deps.py")  # ..db.models
