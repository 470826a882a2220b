from collections.abc import Callable, Iterator

import pytest

from app.domain.errors import Invalid
from app.domain.framework_builder import (
    calculation_from_dict,
    competency_tree_from_dict,
    framework_from_dict,
    rollup_from_dict,
    scale_from_dict,
)
from app.domain.frameworks import (
    DEFAULT_CALCULATION,
    DEFAULT_SCALE,
    Calculation,
    CalculationMethod,
    RollupKind,
    RollupRule,
)


def ids() -> Callable[[], str]:
    counter: Iterator[int] = iter(range(1, 1000))
    return lambda: f"id-{next(counter)}"


BODY = {
    "title": "Grade 5 Math",
    "scale": {
        "levels": [
            {"value": 1, "label": "Emerging"},
            {"value": 2, "label": "Approaching"},
            {"value": 3, "label": "Meets"},
        ],
        "mastery_threshold": 2.5,
    },
    "calculation": {"method": "n_mastery", "n": 2},
    "min_evidence": 2,
    "include_formative": True,
    "competencies": [
        {
            "code": "5.NBT",
            "statement": "Number and operations in base ten",
            "kind": "domain",
            "rollup": {"rule": "at_least", "k": 1},
            "children": [
                {"id": "case-1", "code": "5.NBT.1", "statement": "Place value"},
                {
                    "code": "5.NBT.2",
                    "statement": "Powers of ten",
                    "calculation": {"method": "latest"},
                },
            ],
        },
        {"code": "5.G", "statement": "Geometry"},
    ],
}


def test_a_nested_body_becomes_a_flat_framework_with_ids_from_the_factory() -> None:
    framework = framework_from_dict(BODY, new_id=ids())
    # The factory is called in framework order: the framework, then 5.NBT, 5.NBT.2, 5.G.
    assert framework.id == "id-1"
    assert [(c.id, c.code, c.parent_id, c.position) for c in framework.ordered] == [
        ("id-2", "5.NBT", None, 0),
        ("case-1", "5.NBT.1", "id-2", 0),
        ("id-3", "5.NBT.2", "id-2", 1),
        ("id-4", "5.G", None, 1),
    ]
    assert framework.scale.mastery_threshold == 2.5
    assert framework.calculation == Calculation(CalculationMethod.N_MASTERY, n=2)
    assert (framework.min_evidence, framework.include_formative) == (2, True)
    assert framework.competency("id-2").rollup == RollupRule(RollupKind.AT_LEAST, k=1)
    assert framework.competency("id-2").kind == "domain"
    assert framework.policy_for("id-3").calculation == Calculation(CalculationMethod.LATEST)


def test_missing_parts_take_the_defaults() -> None:
    framework = framework_from_dict({"title": "T"}, new_id=ids(), framework_id="given")
    assert framework.id == "given"
    assert framework.scale == DEFAULT_SCALE
    assert framework.calculation == DEFAULT_CALCULATION
    assert (framework.min_evidence, framework.include_formative) == (1, False)
    assert framework.competencies == ()


def test_problems_are_located_in_the_nested_body() -> None:
    body = {
        "title": "",
        "scale": {"levels": [{"value": 1, "label": "A"}, {"value": "x"}], "mastery_threshold": 1},
        "calculation": {"method": "decaying_average", "weight": 2},
        "min_evidence": 0,
        "competencies": [
            {
                "code": "A",
                "statement": "a",
                "children": [
                    {"id": "dup", "code": "A.1", "statement": "a1"},
                    {"code": "A.2", "statement": "a2", "rollup": {"rule": "percent"}},
                    {"statement": "no code"},
                ],
            },
            {"id": "dup", "code": "B", "statement": "b", "children": "nope"},
        ],
    }
    with pytest.raises(Invalid) as caught:
        framework_from_dict(body, new_id=ids())
    assert [p.loc for p in caught.value.problems] == [
        ("scale", "levels", 1, "value"),
        ("scale", "levels", 1, "label"),
        ("calculation", "weight"),
        ("competencies", 0, "children", 1, "rollup", "percent"),
        ("competencies", 0, "children", 2, "code"),
        ("competencies", 1, "children"),
        ("title",),
        ("min_evidence",),
        ("competencies", 1, "id"),
    ]


def test_parts_read_on_their_own() -> None:
    assert scale_from_dict(DEFAULT_SCALE.as_dict()) == DEFAULT_SCALE
    assert calculation_from_dict({"name": "median"}) == Calculation(CalculationMethod.MEDIAN)
    assert calculation_from_dict(Calculation(CalculationMethod.N_MASTERY).as_dict()) == (
        Calculation(CalculationMethod.N_MASTERY, n=3)
    )
    assert rollup_from_dict({}) == RollupRule()
    with pytest.raises(Invalid) as caught:
        calculation_from_dict({"method": 3, "n": "two"})
    assert [p.loc for p in caught.value.problems] == [("method",), ("n",)]


def test_a_competency_subtree_is_read_under_a_parent() -> None:
    body = {"code": "X", "statement": "x", "children": [{"code": "X.1", "statement": "x1"}]}
    made = competency_tree_from_dict(body, parent_id="p", position=4, new_id=ids())
    assert [(c.id, c.parent_id, c.position) for c in made] == [
        ("id-1", "p", 4),
        ("id-2", "id-1", 0),
    ]
    with pytest.raises(Invalid) as caught:
        competency_tree_from_dict(
            {"code": "X", "statement": "x", "children": [{"code": ""}]},
            parent_id=None,
            position=0,
            new_id=ids(),
        )
    assert [p.loc for p in caught.value.problems] == [("children", 0, "statement")]
