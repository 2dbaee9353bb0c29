"""The counter app (PySide6 widgets). Entry point: `terminal_app.ui.app.run_app(home)`.

Layout: `app.py` (main window composing pages), `views/` (pages), `viewmodel.py` (state and
service calls, Qt signals), `tasks.py` (service calls off the UI thread), `camera.py` (frame
sources and the decoding worker), `wedge.py` (keyboard-wedge scanner), `i18n.py`, `sounds.py`,
`settings.py`, `receipt.py`, `syncstatus.py` (terminal_app.sync for the status bar and sync page),
`qtfix.py` (a guard for PySide6 6.12's None refcount leak on Python 3.11).
"""
