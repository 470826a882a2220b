"""The grade rule language: how a district writes, per framework, how proficiency on the
standards becomes a course grade or a letter (issue #16, "grade rules as data").

One rule per line, first match wins, and a last `otherwise` line gives the default:

    # Our district's rules for Grade 5 mathematics
    A: share(level >= 4) > 0.5 and none(level < 3)
    B: mean(level) >= 3
    C: mean(level) >= 2 or share(mastered) >= 0.5
    otherwise: D

A condition combines comparisons with `and`, `or`, `not` and parentheses. What it measures is
taken over the framework's standards that have a level (its assessed leaf competencies):
- `share(P)` (0 to 1) and `count(P)` of the standards where P holds, compared to a number;
- `mean(F)`, `min(F)`, `max(F)` of a field F, `level` or `score`, compared to a number;
- `all(P)`, `any(P)`, `none(P)`: true or false (false when no standard is assessed yet);
- P is `level OP number`, `score OP number`, or a status: `mastered`, `not_yet`,
  `insufficient_evidence`.
OP is one of `>=`, `>`, `<=`, `<`, `=`, `!=`.

Written by hand (decision 0045): the domain imports only the standard library, the language is
twenty lines of grammar, and its errors must point at a line and column in the district's words,
which a generated parser does not give for free."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from app.domain.errors import Invalid, Problem

Field = Literal["level", "score"]
Comparison = Literal[">=", ">", "<=", "<", "=", "!="]
COMPARISONS: tuple[Comparison, ...] = (">=", ">", "<=", "<", "=", "!=")
STATUSES = ("mastered", "not_yet", "insufficient_evidence")
MEASURES = ("share", "count", "mean", "min", "max")
QUANTIFIERS = ("all", "any", "none")
DEFAULT = "otherwise"
MAX_RULES = 50
MAX_TEXT = 10_000


@dataclass(frozen=True)
class FieldTest:
    """`level >= 3`: a standard's field compared to a number."""

    field: Field
    op: Comparison
    value: float


@dataclass(frozen=True)
class StatusTest:
    """`mastered`: a standard's shown status."""

    status: str


Predicate = FieldTest | StatusTest


@dataclass(frozen=True)
class Measured:
    """`share(level >= 4) > 0.5`, `mean(level) >= 3`: a measure of the standards compared."""

    measure: str
    of: Predicate | Field
    op: Comparison
    value: float


@dataclass(frozen=True)
class Quantified:
    """`none(level < 3)`: whether no, any or every assessed standard passes."""

    quantifier: str
    of: Predicate


@dataclass(frozen=True)
class Not:
    operand: Condition


@dataclass(frozen=True)
class Both:
    left: Condition
    right: Condition


@dataclass(frozen=True)
class Either:
    left: Condition
    right: Condition


Condition = Measured | Quantified | Not | Both | Either


@dataclass(frozen=True)
class Rule:
    grade: str
    condition: Condition
    text: str  # the condition as written, for explanations
    line: int


@dataclass(frozen=True)
class GradeRules:
    rules: tuple[Rule, ...]
    default: str
    text: str


_TOKEN = re.compile(
    r"\s*(?:(?P<number>-?\d+(?:\.\d+)?)|(?P<op>>=|<=|!=|>|<|=)|(?P<word>[a-z_]+)|(?P<punct>[()]))"
)
_GRADE = re.compile(r"[A-Za-z0-9+\- ]{1,20}")


class _Syntax(Exception):
    def __init__(self, column: int, msg: str) -> None:
        super().__init__(msg)
        self.column = column
        self.msg = msg


class _Parser:
    """Recursive descent over one line's condition."""

    def __init__(self, text: str, offset: int) -> None:
        self.tokens: list[tuple[str, str, int]] = []
        position = 0
        stripped = text.rstrip()
        while position < len(stripped):
            match = _TOKEN.match(stripped, position)
            if match is None or match.end() == position:
                rest = stripped[position:]
                column = offset + position + len(rest) - len(rest.lstrip()) + 1
                raise _Syntax(column, f"unexpected {rest.split()[0]!r}")
            kind = match.lastgroup or ""
            start = match.start(kind)
            self.tokens.append((kind, match.group(kind), offset + start + 1))
            position = match.end()
        self.index = 0
        self.end_column = offset + len(stripped) + 1

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, expected: str | None = None, what: str = "") -> tuple[str, str, int]:
        token = self.peek()
        if token is None:
            raise _Syntax(self.end_column, f"expected {what or expected} at the end of the line")
        if expected is not None and token[1] != expected:
            raise _Syntax(token[2], f"expected {what or repr(expected)}, found {token[1]!r}")
        self.index += 1
        return token

    def condition(self) -> Condition:
        found = self.conjunction()
        while (token := self.peek()) is not None and token[1] == "or":
            self.take()
            found = Either(found, self.conjunction())
        return found

    def conjunction(self) -> Condition:
        found = self.negation()
        while (token := self.peek()) is not None and token[1] == "and":
            self.take()
            found = Both(found, self.negation())
        return found

    def negation(self) -> Condition:
        token = self.peek()
        if token is not None and token[1] == "not":
            self.take()
            return Not(self.negation())
        return self.atom()

    def atom(self) -> Condition:
        _, word, column = self.take(what="a condition")
        if word == "(":
            inner = self.condition()
            self.take(")", "')'")
            return inner
        if word in QUANTIFIERS:
            self.take("(", "'('")
            predicate = self.predicate()
            self.take(")", "')'")
            return Quantified(word, predicate)
        if word in MEASURES:
            self.take("(", "'('")
            of: Predicate | Field = self.predicate() if word in ("share", "count") else self.field()
            self.take(")", "')'")
            op, value = self.comparison(f"{word}(...)")
            return Measured(word, of, op, value)
        known = ", ".join((*MEASURES, *QUANTIFIERS))
        raise _Syntax(column, f"expected one of {known}, found {word!r}")

    def field(self) -> Field:
        _, word, column = self.take(what="'level' or 'score'")
        if word == "level":
            return "level"
        if word == "score":
            return "score"
        raise _Syntax(column, f"expected 'level' or 'score', found {word!r}")

    def predicate(self) -> Predicate:
        token = self.peek()
        if token is not None and token[1] in STATUSES:
            self.take()
            return StatusTest(token[1])
        if token is not None and token[1] not in ("level", "score"):
            raise _Syntax(
                token[2],
                f"expected 'level', 'score' or a status ({', '.join(STATUSES)}), "
                f"found {token[1]!r}",
            )
        name = self.field()
        op, value = self.comparison(name)
        return FieldTest(name, op, value)

    def comparison(self, after: str) -> tuple[Comparison, float]:
        kind, op, column = self.take(what=f"a comparison after {after}")
        if kind != "op":
            raise _Syntax(column, f"expected a comparison ({' '.join(COMPARISONS)}) after {after}")
        kind, number, column = self.take(what=f"a number after {op!r}")
        if kind != "number":
            raise _Syntax(column, f"expected a number after {op!r}, found {number!r}")
        return next(c for c in COMPARISONS if c == op), float(number)


def _rule(grade: str, line: str, number: int) -> tuple[Rule | None, list[Problem]]:
    """One `GRADE: condition` line read, or what is wrong with it."""
    where: tuple[str | int, ...] = ("rules", number)
    problems = []
    if not _GRADE.fullmatch(grade):
        problems.append(Problem(where, "a grade is 1 to 20 letters, digits, + or -"))
    condition = line.partition(":")[2]
    try:
        parser = _Parser(condition, offset=line.index(":") + 1)
        parsed = parser.condition()
        if (extra := parser.peek()) is not None:
            raise _Syntax(extra[2], f"unexpected {extra[1]!r} after a complete condition")
    except _Syntax as error:
        return None, [*problems, Problem(where, f"column {error.column}: {error.msg}")]
    return Rule(grade, parsed, condition.strip(), number), problems


def _whole(default: str | None, written: int) -> list[Problem]:
    problems = []
    if default is None:
        problems.append(
            Problem(("rules",), "the last line must be 'otherwise: GRADE' (the default)")
        )
    if not written:
        problems.append(Problem(("rules",), "at least one rule before the 'otherwise' line"))
    if written > MAX_RULES:
        problems.append(Problem(("rules",), f"at most {MAX_RULES} rules"))
    return problems


def parse(text: str) -> GradeRules:
    """The rules of `text`, or Invalid listing every problem, each at ("rules", line) with its
    column in the message."""
    if len(text) > MAX_TEXT:
        raise Invalid(
            "The grade rules are too long", [Problem(("rules",), f"at most {MAX_TEXT} characters")]
        )
    problems: list[Problem] = []
    rules: list[Rule] = []
    default: str | None = None
    written = 0  # rule lines, read or not
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0]
        if not line.strip():
            continue
        where: tuple[str | int, ...] = ("rules", number)
        grade, colon, rest = line.partition(":")
        if not colon:
            problems.append(
                Problem(where, "line must read 'GRADE: condition' or 'otherwise: GRADE'")
            )
            continue
        if default is not None:
            problems.append(Problem(where, "no rule may follow the 'otherwise' line"))
        if grade.strip() == DEFAULT:
            default = rest.strip()
            if not _GRADE.fullmatch(default):
                problems.append(
                    Problem(where, "'otherwise' names a grade: 1 to 20 letters, digits, + or -")
                )
            continue
        written += 1
        rule, wrong = _rule(grade.strip(), line, number)
        problems.extend(wrong)
        if rule is not None:
            rules.append(rule)
    problems.extend(_whole(default, written))
    if problems or default is None:
        raise Invalid("The grade rules cannot be read", problems)
    return GradeRules(tuple(rules), default, text)
