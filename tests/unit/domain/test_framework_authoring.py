"""Authoring a framework from typed commands: a nested tree becomes a flat, validated framework
with every problem located where the author wrote it; changes leave UNSET fields alone."""

from collections.abc import Callable, Iterator

import pytest

from app.domain.errors import Invalid
from app.domain.framework_authoring import (
    add_competency,
    build_framework,
    calculation_of,
    competency_tree,
    rollup_of,
    scale_of,
)
from app.domain.framework_changes import candidate_policy, update_competency, update_framework
from app.domain.framework_commands import (
    AddCompetency,
    CalculationSpec,
    CandidatePolicy,
    CompetencySpec,
    CreateFramework,
    LevelSpec,
    RollupSpec,
    ScaleSpec,
    UpdateCompetency,
    UpdateFramework,
)
from app.domain.frameworks import (
    DEFAULT_CALCULATION,
    DEFAULT_SCALE,
    Calculation,
    CalculationMethod,
    RollupKind,
    RollupRule,
    Status,
)
from app.domain.scales import Level, Scale

M = CalculationMethod


def ids() -> Callable[[], str]:
    counter: Iterator[int] = iter(range(1, 1000))
    return lambda: f"id-{next(counter)}"


def locs(error: Invalid) -> list[tuple[object, ...]]:
    return [p.loc for p in error.problems]


GRADE_5 = CreateFramework(
    title="Grade 5 Math",
    scale=ScaleSpec(
        (LevelSpec(1, "Emerging"), LevelSpec(2, "Approaching"), LevelSpec(3, "Meets")), 2.5
    ),
    calculation=CalculationSpec(M.N_MASTERY, n=2),
    min_evidence=2,
    include_formative=True,
    competencies=(
        CompetencySpec(
            "5.NBT",
            "Number and operations in base ten",
            kind="domain",
            rollup=RollupSpec(RollupKind.AT_LEAST, k=1),
            children=(
                CompetencySpec("5.NBT.1", "Place value", id="case-1"),
                CompetencySpec("5.NBT.2", "Powers of ten", calculation=CalculationSpec(M.LATEST)),
            ),
        ),
        CompetencySpec("5.G", "Geometry"),
    ),
)


def test_a_nested_tree_becomes_a_flat_framework_with_ids_from_the_factory() -> None:
    framework = build_framework(GRADE_5, ids())
    # The factory is called in framework order: the framework, then 5.NBT, 5.NBT.2, 5.G.
    assert framework.id == "id-1"
    assert [(c.id, c.code, c.parent_id, c.position) for c in framework.ordered] == [
        ("id-2", "5.NBT", None, 0),
        ("case-1", "5.NBT.1", "id-2", 0),
        ("id-3", "5.NBT.2", "id-2", 1),
        ("id-4", "5.G", None, 1),
    ]
    assert framework.scale.mastery_threshold == 2.5
    assert framework.calculation == Calculation(M.N_MASTERY, n=2)
    assert (framework.min_evidence, framework.include_formative) == (2, True)
    assert framework.competency("id-2").rollup == RollupRule(RollupKind.AT_LEAST, k=1)
    assert framework.competency("id-2").kind == "domain"
    assert framework.policy_for("id-3").calculation == Calculation(M.LATEST)


def test_missing_parts_take_the_defaults() -> None:
    framework = build_framework(CreateFramework(title="T", id="given"), ids())
    assert framework.id == "given"
    assert (framework.scale, framework.calculation) == (DEFAULT_SCALE, DEFAULT_CALCULATION)
    assert (framework.min_evidence, framework.include_formative) == (1, False)
    assert (framework.status, framework.competencies) == (Status.ACTIVE, ())


def test_problems_are_located_in_the_nested_tree() -> None:
    command = CreateFramework(
        title="",
        scale=ScaleSpec((LevelSpec(1, "A"), LevelSpec(-1, " ")), 1),
        calculation=CalculationSpec(M.STANDARD_DECAYING_AVERAGE, weight=2),
        min_evidence=0,
        competencies=(
            CompetencySpec(
                "A",
                "a",
                children=(
                    CompetencySpec("A.1", "a1", id="dup"),
                    CompetencySpec("A.2", "a2", rollup=RollupSpec(RollupKind.PERCENT)),
                    CompetencySpec("", "no code"),
                ),
            ),
            CompetencySpec("B", "b", id="dup", children=(CompetencySpec("B.1", ""),)),
        ),
    )
    with pytest.raises(Invalid) as caught:
        build_framework(command, ids())
    # The parts as they are read (depth-first), then the framework as a whole.
    assert locs(caught.value) == [
        ("scale", "levels", 1, "value"),
        ("scale", "levels", 1, "label"),
        ("calculation", "weight"),
        ("competencies", 0, "children", 1, "rollup", "percent"),
        ("competencies", 0, "children", 2, "code"),
        ("competencies", 1, "children", 0, "statement"),
        ("title",),
        ("min_evidence",),
        ("competencies", 1, "id"),
    ]


def test_parts_read_on_their_own() -> None:
    levels = tuple(LevelSpec(lv.value, lv.label) for lv in DEFAULT_SCALE.levels)
    assert scale_of(ScaleSpec(levels, 3)) == DEFAULT_SCALE
    assert calculation_of(CalculationSpec(M.MEDIAN)) == Calculation(M.MEDIAN)
    assert calculation_of(CalculationSpec(M.N_MASTERY)) == Calculation(M.N_MASTERY, n=3)
    assert rollup_of(RollupSpec()) == RollupRule()
    with pytest.raises(Invalid) as caught:
        calculation_of(CalculationSpec(M.MEDIAN, weight=0.5, n=0))
    assert locs(caught.value) == [("weight",), ("n",)]
    assert scale_of(ScaleSpec((LevelSpec(0, "No"), LevelSpec(10, "Yes")), 5)) == Scale(
        (Level(0.0, "No"), Level(10.0, "Yes")), 5.0
    )


def test_a_competency_subtree_is_read_under_a_parent() -> None:
    spec = CompetencySpec("X", "x", children=(CompetencySpec("X.1", "x1"),))
    made = competency_tree(spec, parent_id="p", position=4, new_id=ids())
    assert [(c.id, c.parent_id, c.position) for c in made] == [
        ("id-1", "p", 4),
        ("id-2", "id-1", 0),
    ]
    with pytest.raises(Invalid) as caught:
        competency_tree(
            CompetencySpec("X", "x", children=(CompetencySpec("X.1", ""),)),
            parent_id=None,
            position=0,
            new_id=ids(),
        )
    assert locs(caught.value) == [("children", 0, "statement")]


def test_an_added_competency_goes_last_among_its_siblings_unless_placed() -> None:
    framework = build_framework(GRADE_5, ids())  # 5.NBT (id-2) holds case-1 at 0, id-3 at 1
    last, added = add_competency(
        framework, AddCompetency(CompetencySpec("5.NBT.3", "Round", id="new"), "id-2"), ids()
    )
    assert [(c.id, c.parent_id, c.position) for c in added] == [("new", "id-2", 2)]
    assert [c.id for c in last.children_of("id-2")] == ["case-1", "id-3", "new"]
    first, _ = add_competency(
        framework, AddCompetency(CompetencySpec("0", "Zero", id="zero"), None, position=-1), ids()
    )
    assert [c.id for c in first.children_of(None)] == ["zero", "id-2", "id-4"]
    with pytest.raises(Invalid) as caught:
        add_competency(framework, AddCompetency(CompetencySpec("Y", "y"), "nope"), ids())
    assert [(p.loc, p.msg) for p in caught.value.problems] == [
        (("parent_id",), "must be a competency of this framework, or null")
    ]


def test_a_change_leaves_unset_fields_alone_and_null_clears_or_is_refused() -> None:
    framework = build_framework(GRADE_5, ids())
    changed = update_framework(framework, UpdateFramework(title="Math", version="2"))
    assert (changed.title, changed.version, changed.scale) == ("Math", "2", framework.scale)
    cleared = update_framework(changed, UpdateFramework(version=None))
    assert (cleared.title, cleared.version) == ("Math", None)
    with pytest.raises(Invalid) as caught:
        update_framework(
            framework, UpdateFramework(title=None, include_formative=None, min_evidence=None)
        )
    assert [(p.loc, p.msg) for p in caught.value.problems] == [
        (("title",), "is required"),
        (("include_formative",), "must be true or false"),
        (("min_evidence",), "must not be null"),
    ]


def test_a_competency_change_moves_it_and_a_null_calculation_clears_its_own() -> None:
    framework = build_framework(GRADE_5, ids())
    moved = update_competency(
        framework, "id-3", UpdateCompetency(parent_id=None, position=5, calculation=None)
    )
    assert [c.id for c in moved.children_of(None)] == ["id-2", "id-4", "id-3"]
    # Its own latest is gone: the framework's n_mastery applies.
    assert moved.policy_for("id-3").calculation == Calculation(M.N_MASTERY, n=2)
    with pytest.raises(Invalid) as caught:
        update_competency(framework, "id-2", UpdateCompetency(rollup=RollupSpec(k=1)))
    # k applies only to at_least (the rule left out is all); a part refused is also reported
    # as missing, as the REST API has always listed it.
    assert [(p.loc, p.msg) for p in caught.value.problems] == [
        (("rollup", "k"), "applies only to the at_least rule"),
        (("rollup",), "must not be null"),
    ]


def test_a_candidate_policy_changes_only_what_it_names() -> None:
    framework = build_framework(GRADE_5, ids())
    candidate = candidate_policy(
        framework, CandidatePolicy(calculation=CalculationSpec(M.LATEST), mastery_threshold=2)
    )
    assert (candidate.calculation, candidate.scale.mastery_threshold) == (Calculation(M.LATEST), 2)
    assert (candidate.min_evidence, candidate.include_formative) == (2, True)
    with pytest.raises(Invalid) as caught:
        candidate_policy(framework, CandidatePolicy(mastery_threshold=7))
    assert locs(caught.value) == [("mastery_threshold",)]
