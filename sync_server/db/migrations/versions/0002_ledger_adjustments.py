"""ledger adjustments (opening balances, compensating entries, expiry) and the event-time index

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'ledger_adjustments',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True,
                  nullable=False),
        sa.Column('member_id', sa.BigInteger(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('ref', sa.String(length=64), nullable=False),
        sa.Column('points', sa.BigInteger(), nullable=False),
        sa.Column('effective_at', sa.BigInteger(), nullable=False),
        sa.Column('anomaly_id', sa.BigInteger(), nullable=True),
        sa.Column('created_by', sa.String(length=100), nullable=False),
        sa.Column('created_at', sa.BigInteger(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('member_id', 'kind', 'ref', name='uq_ledger_adjustments_member_kind_ref'),
    )
    with op.batch_alter_table('ledger_adjustments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_adjustments_member_id'), ['member_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('ledger_adjustments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_adjustments_member_id'))
    op.drop_table('ledger_adjustments')
