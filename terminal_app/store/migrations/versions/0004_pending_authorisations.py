"""Online authorisation's intent: the record a terminal asked HQ to authorise, kept until its
outcome is journaled (terminal_app/core/online.py, docs/online-authorisation.md)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_authorisations",
        # the journal seq the outcome takes: the idempotency key (terminal, seq) HQ decides under
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),  # the intended record (JSON), as sent to HQ
        sa.Column("day", sa.String(10), nullable=False),  # its local date (the journal row's `day`)
        sa.Column("created_at", sa.Integer(), nullable=False),  # unix ms, the host clock
        sa.Column("owner_pid", sa.Integer(), nullable=False),  # the process waiting for HQ's answer
    )


def downgrade() -> None:
    op.drop_table("pending_authorisations")
