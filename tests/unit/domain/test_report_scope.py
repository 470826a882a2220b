"""What a report covers: competencies by id, ancestor and kind; each dimension grouped once."""

import pytest

from app.domain.errors import Invalid
from app.domain.frameworks import Competency, Framework, Status
from app.domain.report_scope import ReportFilter, check_grouping, competencies_in_scope
from app.domain.reporting import Dimension

# math ── alg ── alg.0, alg.1 (retired), alg.2
#      └─ geo ── geo.0
FRAMEWORK = Framework(
    id="f",
    title="F",
    competencies=(
        Competency("math", "M", "m", kind="subject"),
        Competency("alg", "A", "a", kind="domain", parent_id="math"),
        Competency("alg.0", "A0", "a0", kind="standard", parent_id="alg"),
        Competency(
            "alg.1", "A1", "a1", kind="standard", parent_id="alg", position=1, status=Status.RETIRED
        ),
        Competency("alg.2", "A2", "a2", kind="cluster", parent_id="alg", position=2),
        Competency("geo", "G", "g", kind="domain", parent_id="math", position=1),
        Competency("geo.0", "G0", "g0", kind="standard", parent_id="geo"),
    ),
)


def ids(given: ReportFilter) -> list[str]:
    return [c.id for c in competencies_in_scope(FRAMEWORK, given)]


def test_without_a_filter_every_active_competency_in_framework_order() -> None:
    assert ids(ReportFilter()) == ["math", "alg", "alg.0", "alg.2", "geo", "geo.0"]


def test_filters_narrow_by_id_by_ancestor_and_by_kind_together() -> None:
    # alg.1 is retired: asked for by id, it is still left out.
    assert ids(ReportFilter(competency_ids=("geo.0", "alg.1", "alg"))) == ["alg", "geo.0"]
    # Under alg: its descendants, not alg itself.
    assert ids(ReportFilter(under_competency_id="alg")) == ["alg.0", "alg.2"]
    assert ids(ReportFilter(under_competency_id="math", competency_kind="standard")) == [
        "alg.0",
        "geo.0",
    ]
    both = ReportFilter(competency_ids=("alg.0", "geo.0"), under_competency_id="geo")
    assert ids(both) == ["geo.0"]


def test_every_competency_of_the_filter_not_in_the_framework_is_named() -> None:
    given = ReportFilter(competency_ids=("alg", "x", "y"), under_competency_id="z")
    with pytest.raises(Invalid) as refused:
        competencies_in_scope(FRAMEWORK, given)
    assert [(p.loc, p.msg) for p in refused.value.problems] == [
        (("filter", "competencyIds", 1), "'x' is not in this framework"),
        (("filter", "competencyIds", 2), "'y' is not in this framework"),
        (("filter", "underCompetencyId"), "is not a competency of this framework"),
    ]


def test_a_dimension_is_grouped_by_once() -> None:
    check_grouping([Dimension.SCHOOL, Dimension.COMPETENCY])
    with pytest.raises(Invalid) as refused:
        check_grouping([Dimension.SEX, Dimension.SCHOOL, Dimension.SEX, Dimension.SCHOOL])
    # Sorted by value: school before sex.
    assert [(p.loc, p.msg) for p in refused.value.problems] == [
        (("groupBy",), "SCHOOL is repeated"),
        (("groupBy",), "SEX is repeated"),
    ]


def test_a_kind_is_found_whatever_its_case() -> None:
    """CASE packages write "Standard", the schema's example says "standard": both find the
    same two active standards."""
    for written in ("standard", "Standard", "STANDARD"):
        assert ids(ReportFilter(competency_kind=written)) == ["alg.0", "geo.0"]
    assert ids(ReportFilter(competency_kind="standards")) == []
