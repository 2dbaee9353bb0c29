"""`sync-server rules | coupon | gift | books-config`: the settings an operator changes.

    sync-server rules                                   # show the rules in force (the bundle's "rules")
    sync-server rules --set min_bill_fen=8000 --set offline.txn_max_points=30000 --set tier_discount_pct.3=25
    sync-server rules --file rules.json                 # replace (missing keys take the defaults)
    sync-server coupon list | add ID --name-zh .. --name-en .. [--kind quota --quota 50] [--min-tier 1]
    sync-server coupon update ID [--quota N ...] | remove ID | import FILE.json
    sync-server gift   list | add ID --name-zh .. --name-en .. --points 500 --stock 20
    sync-server gift   update ID [--stock N ...] | remove ID | import FILE.json
    sync-server books-config [--set rebate_pct=2 ...] [--file books.json]

Every value is checked by the schema the terminals and the books use (AllianceRules.from_dict,
validate_catalogue, BooksConfig.from_dict) before anything is stored; an unknown key is refused
too (the schemas ignore unknown keys so that old terminals read new bundles). A refusal prints
one JSON line with SETTING_INVALID (or NOT_FOUND / ALREADY_EXISTS) and its zh/en message, exit 1.
A change to rules or catalogues re-signs the trust bundle at once (its new sequence is printed);
terminals get it on their next sync.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from alliance_protocol.reasons import message_for
from alliance_protocol.rules import AllianceRules, OfflineLimits, RulesError, validate_catalogue

from ..books_config import BooksConfig
from ..db.models import Setting
from ..hq import HQ, HQError
from .server import _open, _print, db_opt


class SettingRefused(HQError):
    pass


def refuse(exc: HQError) -> int:
    msg = message_for(exc.reason)
    _print({"ok": False, "reason": exc.reason, "message_zh": msg.zh, "message_en": msg.en,
            "detail": str(exc)})
    return 1


def _guard(func):
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except HQError as exc:
            return refuse(exc)
    return run


# --- reading what an operator typed
def parse_value(text: str) -> Any:
    """A JSON literal (8000, true, [5, 6], {"1": 10}); anything else is taken as a string."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def apply_sets(doc: dict[str, Any], assignments: list[str]) -> dict[str, Any]:
    """KEY=VALUE pairs onto a copy of doc; a dotted key reaches into objects (offline.txn_max_points)."""
    out = json.loads(json.dumps(doc))
    for item in assignments:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise SettingRefused("SETTING_INVALID", f"--set wants KEY=VALUE, got {item!r}")
        *parents, last = key.strip().split(".")
        node = out
        for name in parents:
            child = node.get(name)
            if not isinstance(child, dict):
                raise SettingRefused("SETTING_INVALID", f"{key}: {name} is not an object")
            node = child
        node[last] = parse_value(value)
    return out


def read_json_file(path: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SettingRefused("SETTING_INVALID", f"{path}: {exc}") from None


def refuse_unknown(doc: Any, known: set[str], where: str) -> None:
    if not isinstance(doc, dict):
        raise SettingRefused("SETTING_INVALID", f"{where} must be a JSON object")
    unknown = sorted(set(doc) - known)
    if unknown:
        raise SettingRefused("SETTING_INVALID", f"{where}: unknown key(s) {', '.join(unknown)}; "
                             f"known: {', '.join(sorted(known))}")


def check_rules(doc: Any) -> dict[str, Any]:
    refuse_unknown(doc, {f.name for f in fields(AllianceRules)}, "rules")
    if isinstance(doc.get("offline"), dict):
        refuse_unknown(doc["offline"], {f.name for f in fields(OfflineLimits)}, "rules.offline")
    try:
        return AllianceRules.from_dict(doc).to_dict()
    except (RulesError, TypeError) as exc:
        raise SettingRefused("SETTING_INVALID", str(exc)) from None


def check_books(doc: Any) -> dict[str, Any]:
    refuse_unknown(doc, {f.name for f in fields(BooksConfig)}, "books")
    try:
        return BooksConfig.from_dict(doc).to_dict()
    except (ValueError, TypeError) as exc:
        raise SettingRefused("SETTING_INVALID", str(exc)) from None


# --- one read-modify-write of a settings row, locked against a concurrent operator
def change_setting(hq: HQ, key: str, default: Any, change) -> Any:
    with hq.session() as s, s.begin():
        s.get(Setting, key, with_for_update=True)
        new = change(hq.get_setting(s, key, default))
        hq.put_setting(s, key, new)
    return new


def bundle_sequence(hq: HQ) -> int:
    hq.bundle_changed()
    return hq.current_bundle()[0]


def show_setting(hq: HQ, key: str, default: Any) -> Any:
    with hq.session() as s:
        return hq.get_setting(s, key, default)


# --- rules and books settings
@_guard
def cmd_rules(args: argparse.Namespace) -> int:
    hq = _open(args)
    if not args.set and not args.file:
        _print({"ok": True, "rules": AllianceRules.from_dict(show_setting(hq, "rules", None)).to_dict()})
        return 0

    def change(current: Any) -> dict[str, Any]:
        base = read_json_file(args.file) if args.file else AllianceRules.from_dict(current).to_dict()
        refuse_unknown(base, {f.name for f in fields(AllianceRules)}, "rules")
        return check_rules(apply_sets(base, args.set))

    rules = change_setting(hq, "rules", None, change)
    _print({"ok": True, "rules": rules, "bundle_sequence": bundle_sequence(hq)})
    return 0


@_guard
def cmd_books_config(args: argparse.Namespace) -> int:
    hq = _open(args)
    if not args.set and not args.file:
        _print({"ok": True, "books": BooksConfig.from_dict(show_setting(hq, "books", None)).to_dict()})
        return 0

    def change(current: Any) -> dict[str, Any]:
        base = read_json_file(args.file) if args.file else BooksConfig.from_dict(current).to_dict()
        refuse_unknown(base, {f.name for f in fields(BooksConfig)}, "books")
        return check_books(apply_sets(base, args.set))

    _print({"ok": True, "books": change_setting(hq, "books", None, change)})
    return 0


# --- coupons and gifts: one implementation for both lists
# field -> (argparse type, help); "id" is positional
CATALOGUE_FIELDS: dict[str, dict[str, tuple[Any, str]]] = {
    "coupons": {
        "name_zh": (str, "name in Chinese"),
        "name_en": (str, "name in English"),
        "kind": (str, "single_use (once per member) or quota (a number of uses alliance-wide)"),
        "quota": (int, "kind quota: uses each terminal may grant (docs/rules.md)"),
        "min_tier": (int, "lowest tier that may use it (0..3)"),
    },
    "gifts": {
        "name_zh": (str, "name in Chinese"),
        "name_en": (str, "name in English"),
        "points": (int, "points it costs"),
        "stock": (int, "units each terminal may hand out (docs/rules.md)"),
    },
}
REQUIRED_TO_ADD = {"coupons": ("name_zh", "name_en"), "gifts": ("name_zh", "name_en", "points", "stock")}


def checked_catalogue(name: str, items: Any) -> list[dict[str, Any]]:
    if not isinstance(items, list):
        raise SettingRefused("SETTING_INVALID", f"{name} must be a JSON list")
    known = {"id", *CATALOGUE_FIELDS[name]}
    for item in items:
        refuse_unknown(item, known, f"{name} entry")
    try:
        validate_catalogue({name: items})
    except RulesError as exc:
        raise SettingRefused("SETTING_INVALID", str(exc)) from None
    for item in items:
        if "min_tier" in item and not 0 <= item["min_tier"] <= 3:
            raise SettingRefused("SETTING_INVALID", f"{name}.min_tier must be 0..3")
    return items


def given(args: argparse.Namespace, name: str) -> dict[str, Any]:
    return {f: getattr(args, f) for f in CATALOGUE_FIELDS[name] if getattr(args, f) is not None}


@_guard
def cmd_catalogue(args: argparse.Namespace) -> int:
    name, action, hq = args.catalogue, args.catalogue_action, _open(args)
    if action == "list":
        _print({"ok": True, name: show_setting(hq, name, [])})
        return 0

    def change(current: list[dict[str, Any]]) -> list[dict[str, Any]]:
        items = [dict(x) for x in current]
        index = {x.get("id"): i for i, x in enumerate(items)}
        if action == "import":
            return checked_catalogue(name, read_json_file(args.file))
        if action == "add":
            if args.id in index:
                raise SettingRefused("ALREADY_EXISTS", f"{name}: {args.id} exists (use update)")
            entry = {"id": args.id, **given(args, name)}
            needed = [*REQUIRED_TO_ADD[name], *(["quota"] if entry.get("kind") == "quota" else [])]
            missing = [f"--{f.replace('_', '-')}" for f in needed if f not in entry]
            if missing:
                raise SettingRefused("SETTING_INVALID", f"{name} add needs {', '.join(missing)}")
            return checked_catalogue(name, [*items, entry])
        if args.id not in index:
            raise SettingRefused("NOT_FOUND", f"{name}: no entry {args.id}")
        if action == "remove":
            del items[index[args.id]]
        else:  # update
            changes = given(args, name)
            if not changes:
                raise SettingRefused("SETTING_INVALID", "update: nothing to change")
            items[index[args.id]].update(changes)
        return checked_catalogue(name, items)

    items = change_setting(hq, name, [], change)
    _print({"ok": True, name: items, "bundle_sequence": bundle_sequence(hq)})
    return 0


def _set_opts(p: argparse.ArgumentParser, what: str) -> argparse.ArgumentParser:
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help=f"change one {what} value (repeatable; dotted keys reach into objects; JSON values)")
    p.add_argument("--file", help=f"replace the {what} with this JSON object (then --set applies on top)")
    return db_opt(p)


def register(sub: argparse._SubParsersAction) -> None:
    _set_opts(sub.add_parser("rules", help="show or change the alliance rules terminals apply (signed into "
                                           "the trust bundle)"), "rules").set_defaults(func=cmd_rules)
    books = sub.add_parser("books-config",
                           help="show or change HQ's books settings (tiers, expiry, commission, rebate)")
    _set_opts(books, "books").set_defaults(func=cmd_books_config)
    for command, name in (("coupon", "coupons"), ("gift", "gifts")):
        actions = sub.add_parser(command, help=f"the {name} in the trust bundle").add_subparsers(
            dest="catalogue_action", required=True)
        db_opt(actions.add_parser("list")).set_defaults(func=cmd_catalogue, catalogue=name)
        for action in ("add", "update"):
            p = db_opt(actions.add_parser(action))
            p.add_argument("id")
            for field, (kind, text) in CATALOGUE_FIELDS[name].items():
                flag = f"--{field.replace('_', '-')}"
                if field == "kind":
                    p.add_argument(flag, choices=["single_use", "quota"], help=text)
                else:
                    p.add_argument(flag, type=kind, help=text)
            p.set_defaults(func=cmd_catalogue, catalogue=name)
        p = db_opt(actions.add_parser("remove"))
        p.add_argument("id")
        p.set_defaults(func=cmd_catalogue, catalogue=name)
        p = db_opt(actions.add_parser("import", help=f"replace all {name} with a JSON list from FILE"))
        p.add_argument("file")
        p.set_defaults(func=cmd_catalogue, catalogue=name)
