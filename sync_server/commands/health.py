"""`sync-server healthcheck`: ask a running server's GET /healthz (the container HEALTHCHECK runs it).

Standard library only (no HTTP client is in the server's set). Exit 0 when the server answers 200
with ok=true (its database answered), 1 otherwise; one JSON line either way.
"""

from __future__ import annotations

import argparse
import json
import os
import urllib.error
import urllib.request

from .server import _print


def cmd_healthcheck(args: argparse.Namespace) -> int:
    url = args.url or f"http://127.0.0.1:{args.port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=args.timeout) as answer:  # noqa: S310 - an operator's URL
            body = json.loads(answer.read() or b"{}")
            healthy = answer.status == 200 and body.get("ok") is True
    except urllib.error.HTTPError as exc:  # 503: up, but its database is not
        try:
            body = json.loads(exc.read() or b"{}")
        except ValueError:
            body = {}
        _print({"ok": False, "url": url, "status": exc.code, "reason": body.get("reason", "SERVER_ERROR"),
                "detail": body.get("detail", "")})
        return 1
    except (OSError, ValueError) as exc:  # refused, timed out, not JSON
        _print({"ok": False, "url": url, "reason": "SERVER_UNREACHABLE",
                "detail": f"{type(exc).__name__}: {exc}"})
        return 1
    _print({"ok": healthy, "url": url, "server_time_ms": body.get("server_time_ms")})
    return 0 if healthy else 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("healthcheck", help="ask a running server's /healthz; exit 0 when healthy")
    p.add_argument("--port", type=int, default=int(os.environ.get("SERVE_PORT") or 8765),
                   help="on 127.0.0.1 (default: $SERVE_PORT or 8765)")
    p.add_argument("--url", help="the full URL instead (e.g. https://hq.example/healthz)")
    p.add_argument("--timeout", type=float, default=4.0, help="seconds")
    p.set_defaults(func=cmd_healthcheck)
