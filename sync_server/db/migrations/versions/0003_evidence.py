"""HQ's evidence: the backup-code key apart from the wallet login (more tables follow in this revision)

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
    op.execute("UPDATE members SET backup_key = secret_hash")


def downgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('backup_key')
