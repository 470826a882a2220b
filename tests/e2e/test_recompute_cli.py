"""`mastery recompute` as an operator runs it, on SQLite and PostgreSQL: a stored decision that
no longer matches what the engine computes (as after a change of the engine's rounding) is
recomputed, and only that one; a framework that is not there is refused plainly."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from tests.conftest import _postgres_admin_url, as_admin
from tests.e2e.launcher import e2e_env, mastery, mastery_run, prepare

PICK = sa.text(
    "SELECT student_id, competency_id, framework_id, score FROM decisions "
    "WHERE score IS NOT NULL AND score = computed_score ORDER BY student_id, competency_id LIMIT 1"
)
# Both the shown score and the engine's, as a decision stored by an older engine would be.
SKEW = sa.text(
    "UPDATE decisions SET score = score - 0.25, computed_score = computed_score - 0.25 "
    "WHERE student_id = :s AND competency_id = :c"
)
READ = sa.text("SELECT score FROM decisions WHERE student_id = :s AND competency_id = :c")


async def _sql(url: str, *statements: tuple[sa.TextClause, dict[str, str]]) -> list[object]:
    engine = create_async_engine(url)
    found: list[object] = []
    try:
        async with engine.begin() as connection:
            for statement, parameters in statements:
                result = await connection.execute(statement, parameters)
                found.append(result.all() if result.returns_rows else [])
    finally:
        await engine.dispose()
    return found


def _run(url: str, *statements: tuple[sa.TextClause, dict[str, str]]) -> list[object]:
    """Run statements as the administrator (who bypasses PostgreSQL's row-level security)."""
    admin = _postgres_admin_url()
    if url.startswith("postgresql") and admin is not None:
        url = as_admin(admin, url)
    return asyncio.run(_sql(url, *statements))


def test_recompute_restores_a_decision_the_engine_would_compute_otherwise(
    empty_database: str, tmp_path: Path
) -> None:
    env = e2e_env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    mastery(env, "demo", "load", "--tenant", "lakeside")
    [[row]] = _run(empty_database, (PICK, {}))
    student, competency, framework, score = row
    key = {"s": student, "c": competency}
    _run(empty_database, (SKEW, key))

    done = mastery(env, "recompute", "--tenant", "lakeside", "--framework", framework, "--json")
    # Exactly the decision skewed changes back: its stored score differed, nothing else did.
    assert json.loads(done.stdout) == {
        "frameworks": [{"framework_id": framework, "decisions_changed": 1}]
    }
    [[(restored,)]] = _run(empty_database, (READ, key))
    assert restored == score
    again = mastery(env, "recompute", "--tenant", "lakeside")  # every framework, as text
    assert f"{framework}: recomputed, 0 decision(s) changed" in again.stdout

    missing = mastery_run(env, "recompute", "--tenant", "lakeside", "--framework", "nope")
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr
    assert "error:" in missing.stderr
