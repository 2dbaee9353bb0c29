"""The terminal's Qt-free domain core: pricing rules, offline risk limits, the journal, the service.

The UI and the CLI use `terminal_app.core.service.TerminalService`; read its docstring.
"""
