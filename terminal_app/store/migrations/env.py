"""Alembic environment for the terminal store: always run programmatically with a live connection."""

from __future__ import annotations

from alembic import context

from terminal_app.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
