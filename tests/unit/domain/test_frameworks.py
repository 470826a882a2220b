import pytest

from app.domain.errors import Invalid, NotFound
from app.domain.frameworks import (
    DEFAULT_CALCULATION,
    DEFAULT_SCALE,
    Calculation,
    CalculationMethod,
    Competency,
    Framework,
    MasteryPolicy,
    RollupKind,
    RollupRule,
    Status,
)

M = CalculationMethod


def locs(error: Invalid) -> list[tuple[object, ...]]:
    return [p.loc for p in error.problems]


def test_calculation_fills_default_parameters() -> None:
    assert Calculation(M.STANDARD_DECAYING_AVERAGE).weight == 0.65
    assert Calculation(M.DECAYING_AVERAGE).weight == 0.65
    assert Calculation(M.N_MASTERY).n == 3
    assert Calculation(M.MOST_RECENT_AVERAGE).n == 3
    assert Calculation(M.MEDIAN) == Calculation(M.MEDIAN, None, None)
    assert Calculation(M.STANDARD_DECAYING_AVERAGE, 0.65) == DEFAULT_CALCULATION


def test_calculation_as_dict_names_the_method_with_its_parameters() -> None:
    assert Calculation(M.STANDARD_DECAYING_AVERAGE, 0.5).as_dict() == {
        "name": "standard_decaying_average",
        "weight": 0.5,
    }
    assert Calculation(M.N_MASTERY, n=2).as_dict() == {"name": "n_mastery", "n": 2}
    assert Calculation(M.POWER_LAW).as_dict() == {"name": "power_law"}


@pytest.mark.parametrize(
    ("method", "weight", "n", "where"),
    [
        (M.STANDARD_DECAYING_AVERAGE, 0.0, None, [("weight",)]),
        (M.STANDARD_DECAYING_AVERAGE, 1.0, None, [("weight",)]),
        (M.DECAYING_AVERAGE, float("nan"), None, [("weight",)]),
        (M.N_MASTERY, None, 0, [("n",)]),
        (M.MOST_RECENT_AVERAGE, None, 2.5, [("n",)]),
        (M.N_MASTERY, None, True, [("n",)]),
        (M.AVERAGE, 0.5, 2, [("weight",), ("n",)]),
        ("nonsense", None, None, [("method",)]),
    ],
)
def test_calculation_rejects_bad_or_meaningless_parameters(
    method: M, weight: float | None, n: int | None, where: list[tuple[str]]
) -> None:
    with pytest.raises(Invalid) as caught:
        Calculation(method, weight, n)
    assert locs(caught.value) == where


def test_a_method_name_given_as_text_is_accepted() -> None:
    assert Calculation("median").method is M.MEDIAN  # type: ignore[arg-type]


def test_rollup_rules_count_mastered_children() -> None:
    assert RollupRule().rule is RollupKind.ALL
    assert RollupRule().is_met(3, 3)
    assert not RollupRule().is_met(2, 3)
    at_least = RollupRule(RollupKind.AT_LEAST, k=2)
    assert at_least.is_met(2, 5)
    assert not at_least.is_met(1, 5)
    # 70% of 4 children is 2.8, so 3 are needed: 3 * 100 = 300 >= 70 * 4 = 280.
    percent = RollupRule(RollupKind.PERCENT, percent=70)
    assert percent.needed(4) == 3
    assert percent.is_met(3, 4)
    assert not percent.is_met(2, 4)
    assert RollupRule(RollupKind.PERCENT, percent=50).needed(4) == 2  # 200 >= 200


@pytest.mark.parametrize(
    ("rule", "k", "percent", "where"),
    [
        (RollupKind.AT_LEAST, None, None, [("k",)]),
        (RollupKind.AT_LEAST, 0, None, [("k",)]),
        (RollupKind.PERCENT, None, 0, [("percent",)]),
        (RollupKind.PERCENT, None, 101, [("percent",)]),
        (RollupKind.ALL, 2, 50, [("k",), ("percent",)]),
        ("most", None, None, [("rule",)]),
    ],
)
def test_rollup_rule_validation(
    rule: RollupKind, k: int | None, percent: float | None, where: list[tuple[str]]
) -> None:
    with pytest.raises(Invalid) as caught:
        RollupRule(rule, k, percent)
    assert locs(caught.value) == where


def tree() -> Framework:
    # math
    # ├── alg (position 0)
    # │   ├── alg.1 (position 1)
    # │   └── alg.0 (position 0)
    # └── geo (position 1)
    return Framework(
        id="f1",
        title="Math",
        competencies=(
            Competency("geo", "G", "Geometry", parent_id="math", position=1),
            Competency("alg.1", "A.1", "Linear", parent_id="alg", position=1),
            Competency("math", "M", "Mathematics"),
            Competency(
                "alg",
                "A",
                "Algebra",
                parent_id="math",
                position=0,
                calculation=Calculation(M.POWER_LAW),
            ),
            Competency("alg.0", "A.0", "Expressions", parent_id="alg", position=0),
        ),
    )


def test_framework_order_is_depth_first_by_position() -> None:
    assert [c.id for c in tree().ordered] == ["math", "alg", "alg.0", "alg.1", "geo"]


def test_children_and_ancestors() -> None:
    framework = tree()
    assert [c.id for c in framework.children_of("alg")] == ["alg.0", "alg.1"]
    assert [c.id for c in framework.children_of(None)] == ["math"]
    assert framework.children_of("geo") == ()
    assert [c.id for c in framework.ancestors_of("alg.1")] == ["alg", "math"]
    assert framework.ancestors_of("math") == ()
    assert framework.rank("math") < framework.rank("alg") < framework.rank("alg.1")


def test_policy_for_uses_the_competencys_own_calculation_first() -> None:
    framework = tree()
    assert framework.policy_for("alg") == MasteryPolicy(
        DEFAULT_SCALE, Calculation(M.POWER_LAW), 1, False
    )
    assert framework.policy_for("alg.0").calculation == DEFAULT_CALCULATION
    with pytest.raises(NotFound):
        framework.policy_for("nope")


def test_with_policy_changes_only_what_is_given() -> None:
    framework = tree().with_policy(mastery_threshold=2.5, min_evidence=2)
    assert framework.scale.mastery_threshold == 2.5
    assert framework.scale.levels == DEFAULT_SCALE.levels
    assert (framework.min_evidence, framework.include_formative) == (2, False)
    assert framework.calculation == DEFAULT_CALCULATION
    assert framework.competencies == tree().competencies


def test_framework_reports_every_structural_problem() -> None:
    with pytest.raises(Invalid) as caught:
        Framework(
            id="f1",
            title=" ",
            min_evidence=0,
            competencies=(
                Competency("a", "A", "a"),
                Competency("a", "A2", "again"),
                Competency("b", "B", "b", parent_id="missing"),
            ),
        )
    assert locs(caught.value) == [
        ("title",),
        ("min_evidence",),
        ("competencies", 1, "id"),
        ("competencies", 2, "parent_id"),
    ]


def test_a_cycle_of_parents_is_rejected() -> None:
    with pytest.raises(Invalid) as caught:
        Framework(
            id="f1",
            title="Loop",
            competencies=(
                Competency("root", "R", "root"),
                Competency("x", "X", "x", parent_id="y"),
                Competency("y", "Y", "y", parent_id="x"),
                Competency("self", "S", "s", parent_id="self"),
            ),
        )
    assert locs(caught.value) == [
        ("competencies", 1, "parent_id"),
        ("competencies", 2, "parent_id"),
        ("competencies", 3, "parent_id"),
    ]


def test_at_least_k_cannot_exceed_the_active_children() -> None:
    with pytest.raises(Invalid) as caught:
        Framework(
            id="f1",
            title="T",
            competencies=(
                Competency("p", "P", "p", rollup=RollupRule(RollupKind.AT_LEAST, k=2)),
                Competency("c1", "C1", "c", parent_id="p"),
                Competency("c2", "C2", "c", parent_id="p", status=Status.RETIRED),
            ),
        )
    assert locs(caught.value) == [("competencies", 0, "rollup", "k")]


def test_competency_requires_code_and_statement() -> None:
    with pytest.raises(Invalid) as caught:
        Competency("", " ", "")
    assert locs(caught.value) == [("id",), ("code",), ("statement",)]


def _tree(status: Status = Status.ACTIVE) -> Framework:
    # r (active) with children a (retired) and b (active); a has a child a1 (active).
    return Framework(
        id="f",
        title="F",
        status=status,
        competencies=(
            Competency("r", "R", "root"),
            Competency("a", "A", "a", parent_id="r", position=0, status=Status.RETIRED),
            Competency("a1", "A1", "a1", parent_id="a", position=0),
            Competency("b", "B", "b", parent_id="r", position=1),
        ),
    )


def test_active_competencies_leave_out_the_retired_ones_in_framework_order() -> None:
    # Framework order is r, a, a1, b; only a is retired (its child a1 is not).
    assert [c.id for c in _tree().active_competencies()] == ["r", "a1", "b"]


def test_only_an_active_competency_of_an_active_framework_takes_evidence() -> None:
    framework = _tree()
    assert [framework.takes_evidence(c) for c in ("r", "a", "a1", "b", "nope")] == [
        True,
        False,
        True,
        True,
        False,
    ]
    retired = _tree(Status.RETIRED)
    assert [retired.takes_evidence(c) for c in ("r", "a1", "b")] == [False, False, False]


def _chain(length: int) -> list[Competency]:
    return [
        Competency(id=f"c{n}", code=f"C{n}", statement="s", parent_id=f"c{n - 1}" if n else None)
        for n in range(length)
    ]


def test_a_tree_may_be_64_levels_deep_and_no_deeper() -> None:
    assert len(Framework(id="f", title="t", competencies=tuple(_chain(64))).competencies) == 64
    with pytest.raises(Invalid) as raised:
        Framework(id="f", title="t", competencies=tuple(_chain(1500)))
    assert [(p.loc, p.msg) for p in raised.value.problems] == [
        (
            ("competencies", 64, "parent_id"),
            "nests the competency deeper than the 64 levels a framework may have",
        )
    ]
