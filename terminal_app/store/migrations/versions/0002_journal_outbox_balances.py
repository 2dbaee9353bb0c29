"""Journal, outbox and pushed member balances.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("recorded_at", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("shift", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("points_earned", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("points_spent", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("coupon_id", sa.String(64), nullable=True),
        sa.Column("gift_id", sa.String(64), nullable=True),
        sa.Column("receipt_ref", sa.String(64), nullable=True),
        sa.Column("ref_seq", sa.Integer(), nullable=True),
        sa.Column("voided_by", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("sig", sa.String(128), nullable=False),
    )
    op.create_index("ix_journal_member_day", "journal", ["member_id", "day"])
    op.create_index("ix_journal_member_seq", "journal", ["member_id", "seq"])
    op.create_index("ix_journal_recorded_at", "journal", ["recorded_at"])
    op.create_index("ix_journal_coupon", "journal", ["coupon_id"])
    op.create_index("ix_journal_gift", "journal", ["gift_id"])
    op.create_index("ix_journal_receipt", "journal", ["receipt_ref"])
    op.create_index("ix_journal_shift", "journal", ["shift"])
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), sa.ForeignKey("journal.seq"), primary_key=True, autoincrement=False),
        sa.Column("synced", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "member_balances",
        sa.Column("member_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("balance", sa.Integer(), nullable=False),
        sa.Column("expiring_soon", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("birthday_month", sa.Integer(), nullable=True),
        sa.Column("as_of_cursor", sa.String(64), nullable=False, server_default=""),
        sa.Column("through_seq", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("updated_at", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("member_balances")
    op.drop_table("outbox")
    for name in ("shift", "receipt", "gift", "coupon", "recorded_at", "member_seq", "member_day"):
        op.drop_index(f"ix_journal_{name}", "journal")
    op.drop_table("journal")
