"""What the three programs (pos-terminal, sync-server, member-wallet) share that is not the
protocol: the console plumbing, the installed-set check, the SQLite and Alembic setup, the issuer
half of the alliance key directory. It imports the protocol at most, never a program
(tests/test_imports.py).

    cli.py           where a program keeps its files (--home > env > user data dir); subcommands
    installed.py     which installable set (extra) a program needs, checked before it loads
    sqlite.py        SQLite engines: WAL, synchronous=FULL, foreign keys, busy timeout, BEGIN mode
    migrations.py    Alembic run programmatically on a live connection (upgrade / downgrade)
    issuer_files.py  the issuer keys in an alliance key directory: issue a device certificate
"""
