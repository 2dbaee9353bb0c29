"""HQ's edge: abuse-limit counters, the enrollment code's MAC key, slow wallet-login hashes,
certificate serials from a sequence (PostgreSQL)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# The wallet login's legacy form (SHA-256 of the secret) was also the backup code's HOTP key, which
# 0003 copied to members.backup_key. The login column keeps only this marker: the secret is checked
# once against that SHA-256 and rehashed with scrypt (sync_server/member_login.py).
LEGACY_MARKER = 'legacy-sha256'


def upgrade() -> None:
    op.create_table(
        'rate_limits',
        sa.Column('scope', sa.String(length=32), nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('bucket', sa.BigInteger(), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('expires_at', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('scope', 'key', 'bucket'),
    )
    op.create_index('ix_rate_limits_expires_at', 'rate_limits', ['expires_at'])
    with op.batch_alter_table('enrollment_codes', schema=None) as batch_op:
        # HMAC key derived from the code (alliance_protocol.enrollment_code); NULL for codes printed
        # before this revision: those cannot authenticate HQ's answer and are refused.
        batch_op.add_column(sa.Column('mac_key', sa.String(length=64), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.alter_column('members', 'secret_hash', type_=sa.String(length=200),
                        existing_type=sa.String(length=64))
        op.execute("CREATE SEQUENCE device_serial_seq")
        op.execute("SELECT setval('device_serial_seq', "
                   "COALESCE((SELECT max(serial) FROM devices), 0) + 1, false)")
    # (SQLite does not enforce VARCHAR lengths; its serials stay max + 1 under its single writer.)
    op.execute(sa.text("UPDATE members SET secret_hash = :marker "
                       "WHERE secret_hash <> '' AND secret_hash = backup_key")
               .bindparams(marker=LEGACY_MARKER))


def downgrade() -> None:
    bind = op.get_bind()
    op.execute(sa.text("UPDATE members SET secret_hash = backup_key WHERE secret_hash = :marker")
               .bindparams(marker=LEGACY_MARKER))
    # scrypt strings are not the old form (nor do they fit its width): those members need a new secret
    op.execute("UPDATE members SET secret_hash = '' WHERE length(secret_hash) > 64")
    if bind.dialect.name == 'postgresql':
        op.execute("DROP SEQUENCE IF EXISTS device_serial_seq")
        op.alter_column('members', 'secret_hash', type_=sa.String(length=64),
                        existing_type=sa.String(length=200))
    with op.batch_alter_table('enrollment_codes', schema=None) as batch_op:
        batch_op.drop_column('mac_key')
    op.drop_index('ix_rate_limits_expires_at', table_name='rate_limits')
    op.drop_table('rate_limits')
