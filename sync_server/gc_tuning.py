"""The interpreter's cycle collector, tuned for a serving process (each worker calls it once).

A 500-record batch allocates some 200,000 short-lived objects (the parsed records, their typed
fields, the rows written). With CPython's defaults (a young collection every 700 net allocations)
that means hundreds of collections per batch, and the full ones walk every object the process
holds, the imported modules, the ORM's mappers and the pydantic models included: ~10 % of a
batch's CPU, half of it inside the alliance-wide books lock (bench/server_ingest.py,
docs/benchmarks.md). Almost all of that garbage is freed by reference counting anyway; the
collector is only needed for cycles.

So: what exists once the app is built (modules, mappers, schemas) is frozen into the permanent
generation (never walked again), and the young generation is collected after 50,000 net
allocations instead of 700. Memory stays bounded: cycles are still collected, just in larger,
rarer steps."""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000
OLDER_THRESHOLDS = (20, 20)


def tune_for_serving() -> None:
    gc.collect()  # what start-up left behind goes now, not into the permanent generation
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
