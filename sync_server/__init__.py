"""The HQ sync server: enrollment, batch ingest, reconciliation, settlement, and its admin commands."""
