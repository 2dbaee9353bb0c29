"""HQ's own state out of the settings table: counters (the change cursor, the bundle sequence),
the bundle in force kept on its bundle_versions row (digest, envelope), HQ page merchant logins
as rows

Until now the settings table held, as JSON, the change cursor ("change_cursor"), the bundle in
force ({digest, issued_at, sequence, envelope} under "bundle") and every merchant login
({name: {merchant_id, salt, hash}} under "hq_merchant_logins") next to what operators set. Each
moves to its own typed home; the settings table keeps the operators' documents (rules, coupons,
gifts, books).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import json
import time

import sqlalchemy as sa
from alembic import op

from alliance_protocol import canonical

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

settings = sa.table('settings', sa.column('key', sa.String), sa.column('value', sa.Text))
counters = sa.table('counters', sa.column('name', sa.String), sa.column('value', sa.BigInteger))
versions = sa.table('bundle_versions', sa.column('sequence', sa.BigInteger),
                    sa.column('issued_at', sa.BigInteger), sa.column('payload', sa.Text),
                    sa.column('digest', sa.String), sa.column('envelope', sa.Text))
logins = sa.table('hq_logins', sa.column('name', sa.String), sa.column('merchant_id', sa.String),
                  sa.column('salt', sa.String), sa.column('hash', sa.String),
                  sa.column('created_at', sa.BigInteger))
MOVED = ['change_cursor', 'bundle', 'hq_merchant_logins']  # settings rows this revision gives a home


def _setting(bind, key: str):
    value = bind.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar()
    return None if value is None else json.loads(value)


def upgrade() -> None:
    op.create_table(
        'counters',
        sa.Column('name', sa.String(length=32), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('name'),
    )
    op.create_table(
        'hq_logins',
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('merchant_id', sa.String(length=32), nullable=False),
        sa.Column('salt', sa.String(length=32), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id']),
        sa.PrimaryKeyConstraint('name'),
    )
    op.create_index('ix_hq_logins_merchant_id', 'hq_logins', ['merchant_id'])
    with op.batch_alter_table('bundle_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digest', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('envelope', sa.Text(), nullable=True))

    bind = op.get_bind()
    cursor = _setting(bind, 'change_cursor') or 0
    bundle = _setting(bind, 'bundle')
    op.bulk_insert(counters, [{'name': 'change_cursor', 'value': int(cursor)},
                              {'name': 'bundle_sequence', 'value': int(bundle['sequence']) if bundle else 0}])
    if bundle:
        sequence = int(bundle['sequence'])
        known = bind.execute(sa.select(versions.c.sequence).where(versions.c.sequence == sequence)).scalar()
        if known is None:  # issued before every version was kept (migration 0003)
            payload = canonical.dumps(json.loads(bundle['envelope'])['payload']).decode()
            op.bulk_insert(versions, [{'sequence': sequence, 'issued_at': int(bundle['issued_at']),
                                       'payload': payload}])
        bind.execute(versions.update().where(versions.c.sequence == sequence)
                     .values(digest=bundle['digest'], envelope=bundle['envelope'],
                             issued_at=int(bundle['issued_at'])))
    merchants = set(bind.execute(sa.text('SELECT id FROM merchants')).scalars())
    rows = [{'name': name, 'merchant_id': entry['merchant_id'], 'salt': entry['salt'], 'hash': entry['hash'],
             'created_at': int(time.time())}
            for name, entry in sorted((_setting(bind, 'hq_merchant_logins') or {}).items())
            if entry.get('merchant_id') in merchants]
    if rows:
        op.bulk_insert(logins, rows)
    bind.execute(settings.delete().where(settings.c.key.in_(MOVED)))


def downgrade() -> None:
    bind = op.get_bind()
    values = dict(bind.execute(sa.select(counters.c.name, counters.c.value)).all())
    cursor, sequence = values.get('change_cursor', 0), values.get('bundle_sequence', 0)
    rows = [{'key': 'change_cursor', 'value': json.dumps(int(cursor))}]
    current = bind.execute(sa.select(versions).where(versions.c.sequence == sequence)).first()
    if current is not None and current.envelope is not None:
        rows.append({'key': 'bundle', 'value': json.dumps({
            'digest': current.digest, 'issued_at': current.issued_at, 'sequence': current.sequence,
            'envelope': current.envelope})})
    merchant_logins = {r.name: {'merchant_id': r.merchant_id, 'salt': r.salt, 'hash': r.hash}
                       for r in bind.execute(sa.select(logins))}
    if merchant_logins:
        rows.append({'key': 'hq_merchant_logins', 'value': json.dumps(merchant_logins)})
    bind.execute(settings.delete().where(settings.c.key.in_([r['key'] for r in rows])))
    op.bulk_insert(settings, rows)
    with op.batch_alter_table('bundle_versions', schema=None) as batch_op:
        batch_op.drop_column('envelope')
        batch_op.drop_column('digest')
    op.drop_index('ix_hq_logins_merchant_id', table_name='hq_logins')
    op.drop_table('hq_logins')
    op.drop_table('counters')
