"""Server settings (pydantic-settings; environment prefix SYNC_SERVER_)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from .paths import server_home


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SYNC_SERVER_", extra="ignore")

    home: Path | None = None
    database_url: str = ""  # default: sqlite file under home; production: postgresql://...
    keys_dir: Path | None = None  # default: home/keys
    alliance_id: str = "demo-alliance"
    bundle_max_age_s: int = 7 * 24 * 3600
    bundle_refresh_s: int = 24 * 3600  # re-sign (new sequence) when the bundle is older than this
    enrollment_code_ttl_s: int = 24 * 3600
    max_body_bytes: int = 4 * 1024 * 1024
    # Batch uploads examined and stored at once per worker process (CPU-bound; the rest wait idle).
    # 2 and 4 measured alike on 2 cores with PostgreSQL on loopback, 6 % over no limit (docs/benchmarks.md);
    # 4 leaves room to overlap round trips to a PostgreSQL on another host.
    batch_slots: int = Field(default=4, ge=1)
    clock_tolerance_ms: int = 120_000  # a terminal clock further off than this is an anomaly
    review_window_s: int = 48 * 3600
    cert_valid_s: int = 30 * 24 * 3600
    max_offline_allowance: int = 20_000  # points; a certificate allows min(balance, this)
    hq_user: str = "hq"
    hq_password: str = ""  # the HQ page is closed until one is set
    # Abuse limits (sync_server/ratelimit.py): failed attempts per window, counted in the database so
    # they hold across worker processes and restarts; a refused attempt gets 429 RATE_LIMITED.
    login_window_s: int = Field(default=900, ge=1)
    wallet_failures_per_member: int = Field(default=10, ge=1)  # register / refresh / balance, per member id
    wallet_failures_per_address: int = Field(default=50, ge=1)  # the same, per client address
    hq_login_failures: int = Field(default=10, ge=1)  # the HQ page, per client address and per login name
    enroll_window_s: int = Field(default=3600, ge=1)
    enroll_failures_per_address: int = Field(default=10, ge=1)  # wrong, used or expired enrollment codes
    # The client address is the connection's peer, or X-Forwarded-For from a proxy uvicorn trusts
    # (FORWARDED_ALLOW_IPS, uvicorn's own setting; default loopback only): docs/deploy.md.

    def resolved_home(self) -> Path:
        return server_home(self.home)

    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.resolved_home() / 'server.sqlite3'}"

    def resolved_keys_dir(self) -> Path:
        return self.keys_dir or self.resolved_home() / "keys"
