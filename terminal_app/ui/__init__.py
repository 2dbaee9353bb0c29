"""The counter app (PySide6 widgets). Entry point: `terminal_app.ui.app.run_app(home)`.

Layout: `app.py` (main window composing pages), `views/` (pages), `viewmodel.py` (the composition
root: builds the parts below and hands them to the views), `counter.py` (the cashier's flow, the
one owner of the open transaction), `managing.py` (the manager pages' operations), `syncstatus.py`
(the connection to HQ: status bar, sync page, "sync now"; the network on the sync loop's thread),
`printjobs.py` (printing on its own worker), `changes.py` (what an operation changed: the views
refresh only that, nothing polls), `verdictinfo.py`, `tasks.py` (the database worker),
`camera.py` (the frame-source interface, the real camera, the decoding worker; the demo's virtual
camera is member_wallet.virtual_camera), `wedge.py` (keyboard-wedge scanner), `i18n.py`,
`sounds.py`, `settings.py`, `theme.py`, `labels.py`, `display.py`, `qtfix.py` (a guard for
PySide6 6.12's None refcount leak on Python 3.11).
"""
