"""Trust bundles, named state, and the replay guard.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "trust_bundles",
        sa.Column("sequence", sa.Integer(), primary_key=True),
        sa.Column("issued_at", sa.Integer(), nullable=False),
        sa.Column("installed_at", sa.Integer(), nullable=False),
        sa.Column("envelope", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "seen_codes",
        sa.Column("serial", sa.Integer(), primary_key=True),
        sa.Column("counter", sa.Integer(), primary_key=True),
        sa.Column("code_time", sa.Integer(), nullable=False),
    )
    op.create_index("ix_seen_codes_code_time", "seen_codes", ["code_time"])


def downgrade() -> None:
    op.drop_index("ix_seen_codes_code_time", "seen_codes")
    op.drop_table("seen_codes")
    op.drop_table("trust_bundles")
    op.drop_table("state")
