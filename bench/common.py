"""Small helpers for benchmark scripts: percentiles and a machine line for docs/benchmarks.md."""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import sys


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    v = sorted(s * 1000 for s in seconds)
    return {"p50": percentile(v, 50), "p90": percentile(v, 90), "p99": percentile(v, 99), "max": v[-1],
            "mean": statistics.fmean(v)}


def machine() -> str:
    return (f"{platform.machine()} {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
            f"{platform.system()} {platform.release()}")


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


@contextlib.contextmanager
def temp_database(kind: str, home):
    """A database URL for one benchmark run: a SQLite file under `home`, or a PostgreSQL database
    on 127.0.0.1:5432 created for the run and dropped after it."""
    if kind == "sqlite":
        yield f"sqlite:///{home / 'server.sqlite3'}"
        return
    import uuid

    import psycopg

    name = f"alliance_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
