"""The terminal's Qt-free domain core.

The UI and the CLI use `terminal_app.core.service.TerminalService`, a thin facade; read its
docstring for the module map (terms, sessions, members, risk, decisions/, recorder, failures,
journal, reports, managers, lookup, logview). Every table is read and written through
terminal_app/store (the one data-access layer); pricing is alliance_protocol/pricing.py and the
record schema alliance_protocol/records.py, shared with HQ.
"""
