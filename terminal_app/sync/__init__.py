"""The terminal's sync client: enrollment, signed batch upload, bundle and balance download."""

from .client import SyncClient, SyncError, SyncReport
from .loop import LoopStatus, SyncLoop, backoff_delay

__all__ = ["LoopStatus", "SyncClient", "SyncError", "SyncLoop", "SyncReport", "backoff_delay"]
