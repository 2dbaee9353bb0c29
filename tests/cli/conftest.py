"""The admin-command tests use the server tests' PostgreSQL fixture (clear skip; failure under CI=true)."""

from tests.server.conftest import pg_admin  # noqa: F401 - re-exported fixture
