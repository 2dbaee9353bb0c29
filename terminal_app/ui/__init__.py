"""The counter app (PySide6 widgets). Entry point: `terminal_app.ui.app.run_app(home)`.

Layout: `app.py` (main window composing pages), `views/` (pages), `viewmodel.py` (state and
service calls, Qt signals), `tasks.py` (service calls off the UI thread), `camera.py` (frame
sources and the decoding worker), `wedge.py` (keyboard-wedge scanner), `i18n.py`, `sounds.py`,
`settings.py`, `receipt.py`.
"""
