"""HQ's evidence: what each record does to the books, single-use claims, every issued bundle,
the time of a block or a revocation, and the backup-code key apart from the wallet login

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        # The HOTP key of the member's backup numeric code (hex). Until now the login hash doubled
        # as this key (SHA-256 of the wallet secret); it is copied here so the login can change form.
        batch_op.add_column(sa.Column('backup_key', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('blocked_at', sa.BigInteger(), nullable=True))
    op.execute("UPDATE members SET backup_key = secret_hash")
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revoked_at', sa.BigInteger(), nullable=True))
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('effect', sa.String(length=10), nullable=False, server_default='none'))
        batch_op.add_column(sa.Column('flag_reason', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('points_earned', sa.BigInteger(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('points_spent', sa.BigInteger(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('sale_fen', sa.BigInteger(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('item_id', sa.String(length=70), nullable=True))
        batch_op.add_column(sa.Column('uses', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('local_day', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('receipt_ref', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('void_of_id', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('voided_by_id', sa.BigInteger(), nullable=True))
        batch_op.create_index('ix_records_item', ['item_id'], unique=False,
                              postgresql_where=sa.text('item_id IS NOT NULL'),
                              sqlite_where=sa.text('item_id IS NOT NULL'))
        batch_op.create_index('ix_records_receipt', ['merchant_id', 'receipt_ref'], unique=False,
                              postgresql_where=sa.text('receipt_ref IS NOT NULL'),
                              sqlite_where=sa.text('receipt_ref IS NOT NULL'))
    # Records stored before this revision keep the effect ingest gave them then (their points);
    # their other derived columns stay empty (settlement and tiers of those days read zero).
    op.execute("UPDATE records SET effect = CASE WHEN flag IS NOT NULL THEN 'refused' "
               "WHEN points_delta <> 0 THEN 'applied' ELSE 'none' END")
    op.create_table(
        'claims',
        sa.Column('claim', sa.String(length=80), nullable=False),
        sa.Column('record_id', sa.BigInteger(), nullable=False),
        sa.Column('terminal_id', sa.String(length=64), nullable=False),
        sa.Column('seq', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('claim'),
    )
    op.create_table(
        'member_days',
        sa.Column('member_id', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('local_day', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('earned', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('member_id', 'local_day'),
    )
    op.create_table(
        'bundle_versions',
        sa.Column('sequence', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('issued_at', sa.BigInteger(), nullable=False),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('sequence'),
    )


def downgrade() -> None:
    op.drop_table('bundle_versions')
    op.drop_table('member_days')
    op.drop_table('claims')
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_index('ix_records_receipt')
        batch_op.drop_index('ix_records_item')
        for name in ('voided_by_id', 'void_of_id', 'receipt_ref', 'local_day', 'uses', 'item_id', 'sale_fen',
                     'points_spent', 'points_earned', 'flag_reason', 'effect'):
            batch_op.drop_column(name)
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_column('revoked_at')
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('blocked_at')
        batch_op.drop_column('backup_key')
