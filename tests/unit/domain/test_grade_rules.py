"""The grade rule language (issue #16, "grade rules as data"), table by table: what parses,
where a mistake is reported, what each measure evaluates to, and the reason given. Every
expected value below is worked out by hand from the standings beside it."""

from __future__ import annotations

import pytest

from app.domain.errors import Invalid
from app.domain.grade_rules.evaluation import Standing, grade
from app.domain.grade_rules.language import parse

DISTRICT = """\
# Grade 5 mathematics
A: share(level >= 4) > 0.5 and none(level < 3)
B: mean(level) >= 3
C: mean(level) >= 2 or share(mastered) >= 0.5
otherwise: D
"""


def _standings(*levels: float | None, mastered_from: float = 3) -> list[Standing]:
    return [
        Standing(
            f"s-{n}",
            "no_evidence" if lv is None else "mastered" if lv >= mastered_from else "not_yet",
            lv,
            None if lv is None else lv * 25,
        )
        for n, lv in enumerate(levels)
    ]


@pytest.mark.parametrize(
    ("levels", "expected", "line", "reason"),
    [
        (
            (4, 4, 4, 3),
            "A",
            2,
            "A because share(level ≥ 4) = 0.75 > 0.5 and none(level < 3) is true (0 of 4)",
        ),
        (
            (4, 4, 3, 2, None),
            "B",
            3,
            "B because mean(level) = 3.25 ≥ 3; not A because share(level ≥ 4) = 0.5, not > 0.5",
        ),
        (
            (4, 4, 4, 1),
            "B",
            3,
            # share 3/4 > 0.5 but one standard is below 3; mean 13/4 = 3.25.
            "B because mean(level) = 3.25 ≥ 3; not A because none(level < 3) is false (1 of 4)",
        ),
        (
            (2, 2, 1, 3),
            "C",
            4,
            # mean 8/4 = 2; share(level ≥ 4) = 0.
            "C because mean(level) = 2 ≥ 2; not A because share(level ≥ 4) = 0, not > 0.5; "
            "not B because mean(level) = 2, not ≥ 3",
        ),
    ],
)
def test_the_first_rule_that_holds_gives_the_grade_with_its_reason(
    levels: tuple[float | None, ...], expected: str, line: int, reason: str
) -> None:
    found = grade(parse(DISTRICT), _standings(*levels))
    assert (found.grade, found.rule_line, found.reason) == (expected, line, reason)
    assert found.assessed == sum(1 for lv in levels if lv is not None)
    assert found.standards == len(levels)


def test_an_or_holds_by_its_second_branch_and_the_default_names_every_failed_rule() -> None:
    rules = parse(DISTRICT)
    # Levels 1, 1, 1, 3, 3 (mastered from 3): mean 9/5 = 1.8 < 2, share(mastered) 2/5 = 0.4.
    d = grade(rules, _standings(1, 1, 1, 3, 3))
    assert d.grade == "D"
    assert d.rule_line is None
    assert d.reason == (
        "D: no rule above it holds; "
        "not A because share(level ≥ 4) = 0, not > 0.5; "
        "not B because mean(level) = 1.8, not ≥ 3; "
        "not C because mean(level) = 1.8, not ≥ 2 and share(mastered) = 0.4, not ≥ 0.5"
    )
    # Levels 1, 1, 1, 1, 3, 3, all mastered (from level 1): mean 10/6 = 1.67 < 2, so C holds by
    # its second branch, share(mastered) = 6/6 = 1.
    c = grade(rules, _standings(1, 1, 1, 1, 3, 3, mastered_from=1))
    assert (c.grade, c.rule_line) == ("C", 4)
    assert c.reason.startswith("C because share(mastered) = 1 ≥ 0.5;")


def test_nothing_assessed_yet_falls_to_the_default_and_says_why() -> None:
    found = grade(parse(DISTRICT), _standings(None, None))
    assert (found.grade, found.assessed, found.standards) == ("D", 0, 2)
    assert found.reason == (
        "D: no rule above it holds; "
        "not A because share(level ≥ 4) has no value: no standard is assessed yet; "
        "not B because mean(level) has no value: no standard is assessed yet; "
        "not C because mean(level) has no value: no standard is assessed yet and "
        "share(mastered) has no value: no standard is assessed yet"
    )


@pytest.mark.parametrize(
    ("condition", "levels", "holds"),
    [
        ("count(level >= 3) >= 2", (3, 4, 1), True),  # 2 of them
        ("count(level >= 3) >= 3", (3, 4, 1), False),
        ("min(level) >= 2", (3, 4, 1), False),  # min 1
        ("max(level) = 4", (3, 4, 1), True),
        ("mean(score) > 60", (3, 4, 1), True),  # scores 75, 100, 25: mean 66.67
        ("mean(score) > 70", (3, 4, 1), False),
        ("all(level > 0)", (3, 4, 1), True),
        ("any(level = 2)", (3, 4, 1), False),
        ("not any(level = 2)", (3, 4, 1), True),
        ("none(not_yet)", (3, 4, 1), False),  # the 1 is not yet mastered
        ("share(level != 4) < 0.7", (3, 4, 1), True),  # 2/3 = 0.667
        ("(max(level) >= 4 or min(level) >= 3) and count(mastered) = 2", (3, 4, 1), True),
        ("max(level) >= 4 and not (min(level) >= 1)", (3, 4, 1), False),
    ],
)
def test_each_measure(condition: str, levels: tuple[float, ...], holds: bool) -> None:
    rules = parse(f"YES: {condition}\notherwise: NO")
    assert grade(rules, _standings(*levels)).grade == ("YES" if holds else "NO")


def test_every_mistake_is_reported_at_its_line_and_column() -> None:
    text = (
        "A: share(level >= 4) > 0.5 and nne(level < 3)\n"  # 'nne' begins at column 32
        "B mean(level) >= 3\n"
        "C: mean(level) >=\n"  # the number is missing at the end: column 18
        "D: share(grade >= 2) > 0\n"  # 'grade' begins at column 10
        "E: mean(level) >= 2 2\n"  # the second 2 at column 21
    )
    with pytest.raises(Invalid) as raised:
        parse(text)
    found = [(p.loc, p.msg) for p in raised.value.problems]
    assert found == [
        (
            ("rules", 1),
            "column 32: expected one of share, count, mean, min, max, all, any, none, found 'nne'",
        ),
        (("rules", 2), "line must read 'GRADE: condition' or 'otherwise: GRADE'"),
        (("rules", 3), "column 18: expected a number after '>=' at the end of the line"),
        (
            ("rules", 4),
            "column 10: expected 'level', 'score' or a status (mastered, not_yet, "
            "insufficient_evidence), found 'grade'",
        ),
        (("rules", 5), "column 21: unexpected '2' after a complete condition"),
        (("rules",), "the last line must be 'otherwise: GRADE' (the default)"),
    ]


def test_the_default_comes_last_and_names_a_grade() -> None:
    with pytest.raises(Invalid) as raised:
        parse("otherwise: D\nA: mean(level) >= 3\n")
    assert [(p.loc, p.msg) for p in raised.value.problems] == [
        (("rules", 2), "no rule may follow the 'otherwise' line")
    ]
    with pytest.raises(Invalid) as raised:
        parse("otherwise: ???")
    assert [(p.loc, p.msg) for p in raised.value.problems] == [
        (("rules", 1), "'otherwise' names a grade: 1 to 20 letters, digits, + or -"),
        (("rules",), "at least one rule before the 'otherwise' line"),
    ]
