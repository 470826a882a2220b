"""A real SQLite error, logged: its class and SQLite's error name stay, its message (which can
quote a row) goes (the unit tests of the log guard may not open a database)."""

from __future__ import annotations

import logging
import sqlite3

from tests.unit.test_log_guard import NAME, _record


def test_a_sqlite_error_keeps_its_error_name() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE users (name TEXT UNIQUE)")
    conn.execute("INSERT INTO users VALUES (?)", (NAME,))
    try:
        conn.execute("INSERT INTO users VALUES (?)", (NAME,))
    except sqlite3.IntegrityError:
        line = _record("mastery.jobs", logging.ERROR, "job failed", exc=True)
    assert line.endswith(
        "sqlite3.IntegrityError: [message withheld; sqlite_errorname=SQLITE_CONSTRAINT_UNIQUE]"
    )
