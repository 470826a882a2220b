"""Settings, read from the environment with the prefix MASTERY_ (and from a .env file)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, FilePath, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.domain.oneroster.retirement import DEFAULT_MAX_RETIRE_SHARE
from app.domain.reporting import COUNT_STEP, DEFAULT_MIN_CELL

EMBEDDED_DATABASE_URL = "sqlite+aiosqlite:///./mastery.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MASTERY_", env_file=".env", extra="ignore")

    database_url: str = EMBEDDED_DATABASE_URL
    # A streaming replica of `database_url` for reports and GraphQL (reads only, which may lag
    # the primary by the replica's replay delay); unset, they read the primary.
    read_database_url: str | None = Field(default=None, pattern=r"^postgresql\+asyncpg://")
    # Signs the bearer tokens. Required with PostgreSQL; with the embedded SQLite database a
    # development key is generated once and kept in `state_dir`.
    # At least 32 random bytes (`python -c 'import secrets; print(secrets.token_urlsafe(32))'`).
    secret_key: SecretStr | None = None
    # Keys being retired, comma-separated: they no longer sign, but tokens they signed (and
    # secrets they sealed) still verify until they are removed from this list.
    previous_secret_keys: Annotated[tuple[SecretStr, ...], NoDecode] = ()
    # How stale a process's view of a client may be: a rotated, disabled or deleted client's
    # tokens stop working within this many seconds (0: every request asks the database).
    client_standing_seconds: float = Field(default=5.0, ge=0, le=300)
    token_ttl_seconds: int = Field(default=3600, ge=60, le=86_400)
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    # OneRoster CSV sets uploaded to POST /v1/roster/imports (a district's zip is large).
    max_upload_bytes: int = Field(default=512 * 1024 * 1024, ge=1024)
    # On SQLite, how long a write waits for another write's lock before answering 503 with
    # Retry-After (reads never wait: docs/decisions/0015-sqlite-reads.md).
    sqlite_busy_timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    # A zipped OneRoster set: the most its files may hold once unzipped, how many files it may
    # have, and how many times larger than compressed a file may be (a zip bomb's signature).
    upload_max_unzipped_bytes: int = Field(default=4 * 1024 * 1024 * 1024, ge=1024)
    upload_max_entries: int = Field(default=100, ge=1)
    upload_max_ratio: int = Field(default=200, ge=1)
    # Where clients reach the service (a CASE URI it serves starts with it); never taken from
    # a request's Host header. Default: http://HOST:PORT of this process.
    public_base_url: str | None = Field(default=None, pattern=r"^https?://[^/?#\s]+(/[^?#\s]*)?$")
    # /docs, /redoc and /openapi.json; and GraphiQL at GET /graphql. On for the embedded
    # development setup; a deployment may turn them off.
    api_docs: bool = True
    graphiql: bool = True
    log_level: str = "INFO"
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(default=1, ge=1)
    max_batch: int = Field(default=1000, ge=1, le=100_000)
    # How long the change feed (GET /v1/changes) keeps an event, in days.
    changes_retention_days: int = Field(default=30, ge=1, le=3650)
    # How long webhook delivery attempts and finished jobs are kept, in days, and how often a
    # server forgets what is older (app/adapters/db/retention.py; 0: never).
    webhook_deliveries_retention_days: int = Field(default=30, ge=1, le=3650)
    jobs_retention_days: int = Field(default=30, ge=1, le=3650)
    retention_interval_seconds: float = Field(default=86_400.0, ge=0, le=7 * 86_400)
    # Report groups with fewer students are hidden; the domain's rule needs whole steps
    # (app/domain/reporting.py, docs/decisions/0010-disclosure-control.md).
    report_min_cell: int = Field(default=DEFAULT_MIN_CELL, ge=COUNT_STEP, multiple_of=COUNT_STEP)
    # GraphQL limits: the deepest selection, the estimated objects a query may return (see
    # app/api/graphql/limits.py) and the largest `first` of a connection.
    graphql_max_depth: int = Field(default=12, ge=2)
    graphql_max_cost: int = Field(default=100_000, ge=1)
    graphql_max_page_size: int = Field(default=100, ge=1, le=1000)
    # A GraphQL query still running after this many seconds is stopped (TIME_BUDGET_EXCEEDED).
    graphql_time_budget_seconds: float = Field(default=15.0, gt=0, le=600)
    # A framework change that must recompute more decisions than this runs as a job (202).
    recompute_inline_limit: int = Field(default=5000, ge=0)
    # Students whose decisions such a job stages per committed step (what a killed job redoes).
    recompute_step_students: int = Field(default=200, ge=1, le=10_000)
    state_dir: Path = Path(".mastery")
    # PostgreSQL: every this many seconds a server analyses the tables changed by more than
    # autovacuum's threshold since their last analysis, so plans never wait on autovacuum
    # (app/adapters/db/statistics.py); 0 leaves statistics to autovacuum alone. At 30 s a
    # district summary asked right after a 30-second load through the API still met the
    # statistics of the load's first seconds: half the runs overran their 15-s budget (#14).
    analyze_interval_seconds: float = Field(default=5.0, ge=0, le=3600)
    # PostgreSQL: every this many seconds a server vacuums the tables holding more dead rows
    # than autovacuum's threshold (app/adapters/db/vacuum.py, decision 0083): with autovacuum
    # off, nothing else takes them away and every lookup walks past them. 0 leaves it to
    # autovacuum alone.
    vacuum_interval_seconds: float = Field(default=5.0, ge=0, le=3600)
    # PostgreSQL: every this many seconds a server makes sure the decision history has its
    # partitions for this school year and the next (app/adapters/db/partitions.py); 0: never.
    partition_interval_seconds: float = Field(default=3600.0, ge=0, le=86_400)
    # How often a server drains the changes captured for the summary counts (decision 0056):
    # a summary catches up before it reads on the primary, so this bounds that catch-up and a
    # read replica's lag behind the decisions (0: never; summaries still catch up).
    summary_refresh_interval_seconds: float = Field(default=5.0, ge=0, le=3600)
    # Webhooks (decision 0048): how often a server looks for subscriptions with events to
    # deliver (0: never; deliveries then wait for another server), how long a receiver may take
    # to answer, and after how many days failing without a success a subscription is disabled.
    webhook_poll_seconds: float = Field(default=1.0, ge=0, le=3600)
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    webhook_disable_after_days: float = Field(default=3.0, gt=0, le=365)
    # Where jobs (imports, syncs, recomputes) run: `in_process`, as tasks of the serving
    # process (no other process to run; one server process per database), or `procrastinate`,
    # a queue on PostgreSQL run by `mastery worker` processes (any number of servers and
    # workers). docs/decisions/0022-job-queue.md.
    job_queue: Literal["in_process", "procrastinate"] = "in_process"
    # A stopping server waits this long for requests under way and for its in-process jobs;
    # the jobs still running are then put back in the queue, and the next start runs them.
    shutdown_grace_seconds: float = Field(default=10.0, ge=0, le=3600)
    # The queue's libpq connection string (psycopg's), when DATABASE_URL's cannot be used as
    # it is: by default DATABASE_URL without its driver (`postgresql://user@host/db`).
    job_queue_url: str | None = None
    # A worker silent (no heartbeat) this long is taken for dead, and its jobs are run again
    # by another worker; workers beat every third of it.
    worker_stalled_seconds: float = Field(default=30.0, ge=0.3, le=3600)
    # How often a worker looks for jobs to run again: a dead worker's, or a job whose row was
    # written by a process that died before queueing it.
    worker_recover_seconds: float = Field(default=10.0, ge=0.1, le=3600)
    # Jobs a worker runs at once.
    worker_concurrency: int = Field(default=2, ge=1, le=64)
    # A bulk roster import (or first sync) that would retire more than this share of the
    # district's records of one kind is refused unless confirmed (--allow-mass-retire).
    roster_max_retire_share: float = Field(default=DEFAULT_MAX_RETIRE_SHARE, gt=0, le=1)
    # Fetching a CASE package from another provider (POST /v1/frameworks/import/case with a url).
    case_fetch_timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    case_fetch_max_bytes: int = Field(default=50 * 1024 * 1024, ge=1024)
    # The service's own requests (CASE providers, the SIS) go only to public addresses, over
    # https, unless this comma-separated list names the host: a name, or an IP address or
    # network (CIDR), each optionally with :port (`sis.district.internal, 10.20.0.0/16:8443`).
    outbound_allowed_hosts: Annotated[tuple[str, ...], NoDecode] = ()
    # Plain http to any host; without it, http only to the hosts listed above.
    outbound_allow_http: bool = False
    # A PEM file of certificate authorities trusted besides the public ones (certifi's), for
    # hosts behind a district's own CA (an SIS, a self-hosted LMS); verification stays on.
    outbound_ca_file: FilePath | None = None
    # Each request to the SIS's OneRoster provider: its total time and its largest page.
    sis_fetch_timeout_seconds: float = Field(default=60.0, gt=0, le=600)
    sis_page_max_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    # Post each student's mastery level back to the LMS gradebook (LTI AGS), one column per
    # course and competency. Off by default: a district decides whether the LMS shows levels.
    lti_post_scores: bool = False
    # POST /oauth/token attempts a minute, per client id and per address (per process); more
    # answer 429 with Retry-After.
    token_requests_per_minute_per_client: int = Field(default=30, ge=1)
    token_requests_per_minute_per_address: int = Field(default=120, ge=1)
    # /lti/login requests a minute per address (per process); more answer a 429 page.
    lti_logins_per_minute_per_address: int = Field(default=120, ge=1)
    # Argon2 cost for client secrets; lower it only for tests.
    secret_hash_time_cost: int = Field(default=3, ge=1)
    secret_hash_memory_kib: int = Field(default=65536, ge=64)

    @field_validator("outbound_allowed_hosts", "previous_secret_keys", mode="before")
    @classmethod
    def _listed(cls, value: object) -> object:
        """A comma- or space-separated list in the environment."""
        if isinstance(value, str):
            return tuple(value.replace(",", " ").split())
        return value

    @property
    def public_url(self) -> str:
        """The public base URL, without a trailing slash."""
        return (self.public_base_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def embedded(self) -> bool:
        """Whether the service runs on the embedded SQLite database."""
        return self.database_url.startswith("sqlite")
