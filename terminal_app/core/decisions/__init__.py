"""One decision per record kind, each a small typed class: what the rules say, as an Outcome.

- scanned.py: what every code-backed decision decides on (ScannedContext) and the shared checks
- purchase.py: a bill (tier discount, points as cash, earning, the daily cap); also the quote
- coupon.py, gift.py: a coupon written off, a gift exchanged for points
- backup.py: the member's numeric backup code (pending HQ's verification)
- backfill.py, void.py: a manager's points for an earlier purchase, a compensating void
(shift close: terminal_app/core/reports.py, with the totals it writes)

A decision reads through the transaction it is given (terminal_app/store) and never writes the
journal itself: terminal_app/core/recorder.py journals its Outcome.
"""
