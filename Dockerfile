# syntax=docker/dockerfile:1
# The HQ sync server: alliance-pos[server] only (no Qt, no OpenCV), as a non-root user.
#
#   docker build -t alliance-hq .
#   docker compose up -d          # with PostgreSQL: compose.yaml, docs/deploy.md
#
# Every command below is run by tests/packaging/test_wheels.py in a plain venv (same wheel,
# same `pip install`, same CMD and HEALTHCHECK), since no Docker engine runs where the tests do.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- build: the project's wheel and the wheels of the server set
FROM ${PYTHON_IMAGE} AS build
WORKDIR /src
COPY . .
RUN python -m pip wheel --no-cache-dir --no-deps -w /wheels . \
 && python -m pip wheel --no-cache-dir -w /wheels "$(ls /wheels/alliance_pos-*.whl)[server]"

# --- run
FROM ${PYTHON_IMAGE}
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SYNC_SERVER_HOME=/var/lib/alliance \
    SERVE_HOST=0.0.0.0 \
    SERVE_PORT=8765 \
    SERVE_WORKERS=2
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    python -m pip install --no-cache-dir --no-index --find-links /wheels "alliance-pos[server]" \
 && groupadd --system --gid 10001 alliance \
 && useradd --system --uid 10001 --gid alliance --home-dir /var/lib/alliance --create-home --shell /usr/sbin/nologin alliance
USER alliance:alliance
WORKDIR /var/lib/alliance
# database (SQLite when SYNC_SERVER_DATABASE_URL is unset) and the key ring (HOME/keys, or SYNC_SERVER_KEYS_DIR)
VOLUME ["/var/lib/alliance"]
EXPOSE 8765
HEALTHCHECK --interval=15s --timeout=6s --start-period=30s --retries=3 \
    CMD sync-server healthcheck --port "$SERVE_PORT" --timeout 5
# `serve` migrates the schema first (Alembic, idempotent); compose runs `sync-server migrate` once before it.
CMD ["sh", "-c", "exec sync-server serve --host \"$SERVE_HOST\" --port \"$SERVE_PORT\" --workers \"$SERVE_WORKERS\" --log-level info"]
