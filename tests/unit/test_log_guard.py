"""The log guard: what a record keeps (class, frames, a database error's codes and schema
names) and what it loses (every message, the drivers' arguments), whoever formats it."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator

import asyncpg
import pytest
import sqlalchemy.exc

from app.api.logs import WITHHELD, guard_personal_data, redact

NAME = "Zqfeedbeef01"
EMAIL = "zq.parent@zq-family.example"


def _record(name: str, level: int, msg: object, *args: object, exc: bool = False) -> str:
    """The line a plain formatter writes for a redacted record."""
    record = logging.LogRecord(name, level, __file__, 1, msg, args, sys.exc_info() if exc else None)
    redact(record)
    return logging.Formatter("%(levelname)s %(name)s %(message)s").format(record)


def _unique_violation() -> sqlalchemy.exc.IntegrityError:
    """What SQLAlchemy raises for asyncpg's unique violation, DETAIL and parameters included."""
    driver = asyncpg.exceptions.PostgresError.new(
        {
            "S": "ERROR",
            "C": "23505",
            "M": 'duplicate key value violates unique constraint "uq_evidence_source_id"',
            "D": f"Key (tenant_id, source_id)=(1, {NAME}) already exists.",
            "n": "uq_evidence_source_id",
            "t": "evidence",
        }
    )
    assert NAME in str(driver)  # asyncpg's own message quotes the DETAIL
    return sqlalchemy.exc.IntegrityError("INSERT INTO evidence ...", (1, NAME, EMAIL), driver)


def test_a_database_error_keeps_its_codes_and_frames_and_loses_its_data() -> None:
    error = _unique_violation()
    try:
        try:
            raise error.orig  # type: ignore[misc]
        except asyncpg.PostgresError as driver:
            raise error from driver
    except sqlalchemy.exc.IntegrityError:
        line = _record("mastery.api", logging.ERROR, "unhandled error", exc=True)
    assert NAME not in line
    assert EMAIL not in line
    assert line.startswith("ERROR mastery.api unhandled error\nTraceback (most recent call last):")
    assert "The above exception was the direct cause of the following exception:" in line
    assert line.count("raise error") == 2  # the frames: the source line of both raises
    facts = "sqlstate=23505 constraint_name=uq_evidence_source_id table_name=evidence"
    assert line.endswith(f"sqlalchemy.exc.IntegrityError: [message withheld; {facts}]")
    assert f"asyncpg.exceptions.UniqueViolationError: [message withheld; {facts}]" in line


def test_any_exception_loses_its_message_whether_raised_logged_or_formatted() -> None:
    try:
        {}[NAME]
    except KeyError as exc:
        raised = _record("uvicorn.error", logging.ERROR, "Exception in ASGI application", exc=True)
        as_message = _record("strawberry.execution", logging.ERROR, exc)
        as_argument = _record("mastery.jobs", logging.WARNING, "failed: %s", exc)
    assert raised.endswith("KeyError: [message withheld]")
    assert as_message == "ERROR strawberry.execution KeyError: [message withheld]"
    assert as_argument == "WARNING mastery.jobs failed: KeyError: [message withheld]"


def test_every_exception_of_a_group_is_shown_without_its_message() -> None:
    try:
        raise ExceptionGroup("two", [ValueError(NAME), _unique_violation()])
    except ExceptionGroup:
        line = _record("asyncio", logging.ERROR, "task failed", exc=True)
    assert NAME not in line
    assert "ExceptionGroup: [message withheld]\n+---------------- 1 ----------------" in line
    assert "\nValueError: [message withheld]\n+---------------- 2 ----------------" in line
    assert line.endswith("table_name=evidence]")


def test_the_drivers_debug_lines_lose_their_arguments_and_keep_their_text() -> None:
    executing = _record("aiosqlite", logging.DEBUG, "executing %s", ("INSERT ...", (NAME,)))
    row = _record("sqlalchemy.engine.Engine", logging.DEBUG, "Row %r", (1, NAME, EMAIL))
    statement = _record("sqlalchemy.engine.Engine", logging.INFO, "[%s] %r", "cached", "(1,)")
    assert executing == f"DEBUG aiosqlite executing {WITHHELD}"
    assert row == f"DEBUG sqlalchemy.engine.Engine Row '{WITHHELD}'"
    # INFO lines keep their arguments: the engine hides parameters itself (hide_parameters).
    assert statement == "INFO sqlalchemy.engine.Engine [cached] '(1,)'"


@pytest.fixture
def record_factory() -> Iterator[None]:
    saved = logging.getLogRecordFactory()
    logging.setLogRecordFactory(logging.LogRecord)
    yield
    logging.setLogRecordFactory(saved)


@pytest.mark.usefixtures("record_factory")
def test_the_guard_applies_to_every_handler_once_installed() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    log = logging.getLogger("tests.guard")
    log.addHandler(handler)
    log.propagate = False
    try:
        guard_personal_data()
        installed = logging.getLogRecordFactory()
        assert installed is not logging.LogRecord
        guard_personal_data()  # idempotent: not a second guard wrapping the first
        assert logging.getLogRecordFactory() is installed
        try:
            raise ValueError(EMAIL)
        except ValueError:
            log.exception("bad value")
    finally:
        log.removeHandler(handler)
    assert EMAIL not in stream.getvalue()
    assert stream.getvalue().endswith("ValueError: [message withheld]\n")
