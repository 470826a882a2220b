"""PostgreSQL trigger functions whose statements read a statement's transition tables, planned
at every call (docs/decisions/0072-transition-tables-planned-per-call.md).

PL/pgSQL keeps the plan of each of its statements for the life of the connection, made at the
function's first call there. The planner sizes a transition table by what it held at that
call: after a first update of one decision, the summary capture's join of a statement's old
and new rows stayed a nested loop for good, and an ingest batch of 1,100 decisions compared
1.21 million pairs in it, 86 of the statement's 102 ms. Run through `EXECUTE`, a statement is
planned again at each call, with the tables' real sizes: 0.1 to 0.3 ms of planning for a plan
that stays linear (a hash join or anti-join) at every size."""

from __future__ import annotations


def executed(statement: str, *, into: str = "") -> str:
    """A PL/pgSQL statement that plans and runs `statement` at each call (its first row `into`
    a variable, if named; `GET DIAGNOSTICS … = ROW_COUNT` tells whether there was one, since
    EXECUTE does not set FOUND)."""
    target = f" INTO {into}" if into else ""
    return f"EXECUTE $statement${statement}$statement${target};\n"


def run(statement: str, *, per_call: bool) -> str:
    """A PL/pgSQL statement running `statement`: planned at each call, or (as before migration
    0041, for its downgrade) once per connection."""
    return executed(statement) if per_call else f"{statement};\n"


def trigger_function(name: str, body: str, *, declare: str = "") -> str:
    """`CREATE OR REPLACE FUNCTION` of a trigger function running `body` (PL/pgSQL)."""
    declared = f"DECLARE {declare}\n" if declare else ""
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"{declared}BEGIN\n{body}RETURN NULL;\nEND $$"
    )
