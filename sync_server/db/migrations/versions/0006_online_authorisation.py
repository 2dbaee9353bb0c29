"""Online authorisation: HQ's decisions keyed by (terminal, seq), the holds they keep until their
record arrives, and a claim that an online reservation takes before its record exists

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

HELD = sa.text("state = 'held'")


def upgrade() -> None:
    op.create_table(
        'authorisations',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True,
                  nullable=False),
        sa.Column('auth_id', sa.String(length=21), nullable=False),
        sa.Column('terminal_id', sa.String(length=64), nullable=False),
        sa.Column('merchant_id', sa.String(length=32), nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('reason', sa.String(length=40), nullable=False),
        sa.Column('detail', sa.String(length=200), nullable=False, server_default=''),
        sa.Column('member_id', sa.BigInteger(), nullable=True),
        sa.Column('cert_serial', sa.BigInteger(), nullable=True),
        sa.Column('counter', sa.BigInteger(), nullable=True),
        sa.Column('points_spent', sa.BigInteger(), nullable=False, server_default='0'),
        sa.Column('points_earned', sa.BigInteger(), nullable=False, server_default='0'),
        sa.Column('local_day', sa.Integer(), nullable=True),
        sa.Column('item_id', sa.String(length=70), nullable=True),
        sa.Column('uses', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('created_at', sa.BigInteger(), nullable=False),
        sa.Column('expires_at', sa.BigInteger(), nullable=False),
        sa.Column('settled_at', sa.BigInteger(), nullable=True),
        sa.Column('record_id', sa.BigInteger(), nullable=True),
        sa.Column('note', sa.String(length=200), nullable=False, server_default=''),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('auth_id'),
        sa.UniqueConstraint('terminal_id', 'seq', name='uq_authorisations_terminal_seq'),
    )
    # What is held, looked up by member (points, the day's earnings) and by item (coupon uses, gift
    # stock), and the holds that run out: only rows still holding are indexed.
    op.create_index('ix_authorisations_held_member', 'authorisations', ['member_id'],
                    postgresql_where=HELD, sqlite_where=HELD)
    op.create_index('ix_authorisations_held_item', 'authorisations', ['item_id'],
                    postgresql_where=HELD, sqlite_where=HELD)
    op.create_index('ix_authorisations_held_expiry', 'authorisations', ['expires_at'],
                    postgresql_where=HELD, sqlite_where=HELD)
    # An online reservation takes the code's claim for (terminal, seq) before its record exists.
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.alter_column('record_id', existing_type=sa.BigInteger(), nullable=True)
    # Which path decided a record (the record's decided_by; NULL: offline, from before this revision).
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decided_by', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_column('decided_by')
    op.execute("DELETE FROM claims WHERE record_id IS NULL")  # reservations whose record never came
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.alter_column('record_id', existing_type=sa.BigInteger(), nullable=False)
    op.drop_index('ix_authorisations_held_expiry', table_name='authorisations')
    op.drop_index('ix_authorisations_held_item', table_name='authorisations')
    op.drop_index('ix_authorisations_held_member', table_name='authorisations')
    op.drop_table('authorisations')
