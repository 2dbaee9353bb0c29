"""Drop ix_records_code (records by certificate serial and counter): no query reads it since a
code's single use is the claims table's unique key (0003, sync_server/evidence.py); it cost every
stored record one more index entry, written under the alliance-wide books lock (docs/benchmarks.md)

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_index('ix_records_code')


def downgrade() -> None:
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.create_index('ix_records_code', ['cert_serial', 'counter'], unique=False)
