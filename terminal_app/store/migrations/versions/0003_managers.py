"""Managers at the counter: each with their own PIN (slow salted hash), persisted lockout, and
an audit trail of what each manager did on this terminal.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "managers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("pin_hash", sa.String(200), nullable=False),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),  # the manager who added this one (None: first)
        sa.Column("active", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("default_pin", sa.Integer(), nullable=False, server_default="0"),  # must be changed
        sa.Column("failed_attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("lockouts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "manager_audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.Integer(), nullable=False),  # unix s
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", sa.String(200), nullable=False, server_default=""),
    )
    op.create_index("ix_manager_audit_at", "manager_audit", ["at"])


def downgrade() -> None:
    op.drop_index("ix_manager_audit_at", "manager_audit")
    op.drop_table("manager_audit")
    op.drop_table("managers")
