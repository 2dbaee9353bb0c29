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
    return {
        "p50": percentile(v, 50),
        "p90": percentile(v, 90),
        "p99": percentile(v, 99),
        "max": v[-1],
        "mean": statistics.fmean(v),
    }


def machine() -> str:
    return (
        f"{platform.machine()} {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{platform.system()} {platform.release()}"
    )


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


def worker_pids(server_pid: int) -> list[int]:
    """The worker processes of a multi-process uvicorn (spawned children; Linux /proc)."""
    from pathlib import Path

    return sorted(
        int(c)
        for task in Path(f"/proc/{server_pid}/task").iterdir()
        for c in (task / "children").read_text().split()
        if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()
    )


def start_server(home, url: str, workers: int):
    """`sync-server serve` as a process of its own on a free loopback port, answering, with every
    worker started: (process, base URL). The caller terminates it."""
    import subprocess
    import time

    import httpx

    from sync_server.local import free_port

    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "sync_server.cli",
        "--home",
        str(home),
        "serve",
        "--port",
        str(port),
        "--database-url",
        url,
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/v1/time", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        if workers > 1:
            wait_workers_started(proc.pid, workers)
    except BaseException:
        proc.terminate()
        proc.wait(30)
        raise
    return proc, base


def wait_workers_started(server_pid: int, workers: int, timeout_s: float = 60.0) -> None:
    """Until every worker has finished starting (its CPU time stops rising). A server answers as soon
    as its first worker is up; clients that connect before the others are listening all land on it
    and stay there (keep-alive), which would measure one worker instead of N."""
    import time

    deadline = time.monotonic() + timeout_s
    last: dict[int, float] = {}
    while time.monotonic() < deadline:
        try:
            now = worker_cpu_s(server_pid)
        except OSError:
            return
        if len(now) >= workers and now == last:
            return
        last = now
        time.sleep(0.5)


def worker_cpu_s(server_pid: int) -> dict[int, float]:
    """CPU seconds (user + system) each worker process has used so far (Linux /proc)."""
    return {pid: process_cpu_s(pid) for pid in worker_pids(server_pid)}


def process_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (Linux /proc); 0 once it is gone."""
    from pathlib import Path

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_and_database_cpu_s(server_pid: int) -> tuple[float, float]:
    """CPU seconds used so far by the server's processes (itself and its workers) and by every
    PostgreSQL process of this machine (all its backends: run nothing else meanwhile). CPU time
    does not count what a busy virtual machine's host takes away (steal), so it compares runs
    that wall-clock latency cannot."""
    from pathlib import Path

    server = process_cpu_s(server_pid) + sum(process_cpu_s(p) for p in worker_pids(server_pid))
    database = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    database += process_cpu_s(int(entry.name))
            except OSError:
                pass
    return server, database


class CommitProbe:
    """What one bare commit costs on this machine while a benchmark runs: a connection of its own
    inserts a row into a table of its own and commits, every `every_s` (PostgreSQL; nothing for
    SQLite). A commit waits for the write-ahead log to reach the disk, so a latency that no code of
    ours can go below: on a virtual machine whose disk is shared, it is also where most of a slow
    request's time goes. `with CommitProbe(url) as probe: ...`, then `probe.line()`."""

    def __init__(self, url: str, every_s: float = 0.1) -> None:
        import threading

        self.url, self.every_s = url, every_s
        self.times: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="commit-probe", daemon=True)

    def __enter__(self) -> CommitProbe:
        if self.url.startswith("postgresql"):
            self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(10)

    def _run(self) -> None:
        import time

        import psycopg

        with psycopg.connect(self.url) as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS bench_commit_probe (at bigint)")
            conn.commit()
            while not self._stop.wait(self.every_s):
                conn.execute("INSERT INTO bench_commit_probe VALUES (%s)", (time.time_ns(),))
                t0 = time.perf_counter()
                conn.commit()
                self.times.append(time.perf_counter() - t0)

    def line(self) -> str:
        if not self.times:
            return "bare commit: not measured"
        s = summary_ms(self.times)
        return (
            f"bare commit meanwhile ({len(self.times)}): p50 {s['p50']:.1f} ms  p99 {s['p99']:.1f} ms  "
            f"max {s['max']:.1f} ms"
        )
