"""Protocol code shared by the terminal, the sync server and the member wallet.

Everything that crosses a boundary between them lives here exactly once: the member-code
byte layout and its text encoding, the trust bundle, the offline verifier, the reason codes
with their bilingual messages. Nothing in this package imports Qt or does network I/O, and
nothing here imports another package of this project (tests/test_imports.py): what the programs
share beyond the protocol (console plumbing, SQLite and Alembic, key files) is alliance_common.
"""
