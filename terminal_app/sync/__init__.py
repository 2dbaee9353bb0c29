"""The terminal's sync client: enrollment, signed batch upload, bundle and balance download."""

from .client import SyncClient, SyncError, SyncReport
from .loop import SyncLoop, SyncStatus, backoff_delay

__all__ = ["SyncClient", "SyncError", "SyncLoop", "SyncReport", "SyncStatus", "backoff_delay"]
