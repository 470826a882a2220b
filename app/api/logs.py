"""Structured JSON logs on stdout, each line carrying the request id when there is one; and the
guard that keeps students' data out of every log line, whatever logs it and whoever formats it.

An exception's message can quote the data that caused it: SQLAlchemy adds the statement's
parameters, asyncpg adds PostgreSQL's DETAIL ("Key (source_id)=(...)", "Failing row contains
(...)"), and `KeyError`, `ValueError` or pydantic quote their input. So a logged exception keeps
its traceback (files, lines, code) and its class, and loses every message; a database error
keeps the codes and schema names it carries (SQLSTATE, constraint, table, column), which are
what find the bug. The drivers' debug lines, which quote rows and statement arguments, keep
their text and lose their arguments. See docs/decisions/0012-row-level-security-and-logs.md."""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Mapping
from typing import Any

from pythonjsonlogger.json import JsonFormatter

from app.api.context import request_id

WITHHELD = "<withheld>"

# Loggers whose debug lines quote stored values: aiosqlite logs each call with its arguments,
# SQLAlchemy's engine logs every fetched row. (Its INFO lines quote statement parameters unless
# the engine hides them, which ours do.)
_VALUE_LOGGERS = ("aiosqlite", "sqlalchemy.engine")

# What a driver's error says about the schema, never about the data: asyncpg's fields (also on
# SQLAlchemy's adapted error) and the SQLite error name (Python 3.11+).
_DATABASE_FIELDS = (
    "sqlstate",
    "sqlite_errorname",
    "constraint_name",
    "table_name",
    "column_name",
)
_IDENTIFIER = re.compile(r"^[A-Za-z0-9_.$]{1,128}$")
_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def configure_logging(level: str) -> None:
    """Send every log line to stdout as one JSON object, with personal data kept out."""
    guard_personal_data()
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        )
    )
    handler.addFilter(_RequestIdFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Our own access log replaces uvicorn's, which has no request id.
    logging.getLogger("uvicorn.access").disabled = True


def guard_personal_data() -> None:
    """Redact every log record of this process as it is made (idempotent).

    A record factory rather than a handler's filter or formatter: it applies to every logger
    and every handler, pytest's and an operator's own included."""
    made = logging.getLogRecordFactory()
    if getattr(made, "redacts_personal_data", False):
        return

    def redacted_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = made(*args, **kwargs)
        redact(record)
        return record

    redacted_record.redacts_personal_data = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(redacted_record)


def redact(record: logging.LogRecord) -> None:
    """Replace what in a record can carry data: exceptions, and value loggers' arguments."""
    if record.exc_info and record.exc_info[1] is not None:
        # Rendered now, without messages; no exception object is left for a handler to print
        # (or to walk for its frames' local variables).
        record.exc_text = redacted_traceback(record.exc_info[1])
        record.exc_info = None
    if isinstance(record.msg, BaseException):
        record.msg = describe_exception(record.msg)
    if record.levelno <= logging.DEBUG and record.name.startswith(_VALUE_LOGGERS):
        record.args = _withheld(record.args)
    elif isinstance(record.args, tuple):
        record.args = tuple(
            describe_exception(a) if isinstance(a, BaseException) else a for a in record.args
        )


def _withheld(args: Any) -> Any:
    if isinstance(args, Mapping):
        return dict.fromkeys(args, WITHHELD)
    if isinstance(args, tuple):
        return (WITHHELD,) * len(args)
    return args


def redacted_traceback(exc: BaseException) -> str:
    """The exception's traceback as Python prints it, chained exceptions and groups included,
    with each exception's message replaced by `describe_exception`."""
    parts: list[str] = []
    _render(exc, parts, set())
    return "".join(parts).rstrip("\n")


def _render(exc: BaseException, parts: list[str], seen: set[int]) -> None:
    seen.add(id(exc))
    if exc.__cause__ is not None and id(exc.__cause__) not in seen:
        _render(exc.__cause__, parts, seen)
        parts.append(_CAUSE)
    elif (
        exc.__context__ is not None
        and not exc.__suppress_context__
        and id(exc.__context__) not in seen
    ):
        _render(exc.__context__, parts, seen)
        parts.append(_CONTEXT)
    if exc.__traceback__ is not None:
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(exc.__traceback__))
    parts.append(describe_exception(exc) + "\n")
    if isinstance(exc, BaseExceptionGroup):
        for number, inner in enumerate(exc.exceptions, 1):
            if id(inner) not in seen:
                parts.append(f"+---------------- {number} ----------------\n")
                _render(inner, parts, seen)


def describe_exception(exc: BaseException) -> str:
    """The exception's class and, for a database error, its codes and schema names."""
    kind = type(exc)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    facts = [f"{key}={value}" for key, value in _database_facts(exc).items()]
    return f"{name}: [message withheld{'; ' if facts else ''}{' '.join(facts)}]"


def _database_facts(exc: BaseException) -> dict[str, str]:
    facts: dict[str, str] = {}
    # SQLAlchemy's wrapper keeps the driver's error as `orig`.
    for source in (exc, getattr(exc, "orig", None)):
        for key in _DATABASE_FIELDS:
            value = getattr(source, key, None)
            if isinstance(value, str) and _IDENTIFIER.match(value):
                facts.setdefault(key, value)
    return facts
