"""The serving process's cycle-collector tuning (sync_server/gc_tuning.py), in a fresh process."""

from __future__ import annotations

import subprocess
import sys


def test_a_serving_process_freezes_its_start_up_objects_and_collects_young_objects_less_often() -> None:
    script = (
        "import gc, sync_server.api; from sync_server.gc_tuning import tune_for_serving;"
        "default = gc.get_threshold()[0]; tune_for_serving();"
        "print(default, gc.get_threshold()[0], gc.get_freeze_count())"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    default, tuned, frozen = (int(v) for v in out)
    assert default == 700 and tuned >= 10_000
    assert frozen > 50_000  # the app's modules, ORM mappers and schemas: never walked again
