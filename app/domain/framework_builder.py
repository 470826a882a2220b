"""Reading a framework from its REST body: a nested tree in, a flat validated Framework out.

Every problem is reported at once and located in the body as the client wrote it, for
instance ("competencies", 0, "children", 2, "code").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from app.domain.errors import Invalid, Location, ProblemList
from app.domain.frameworks import (
    DEFAULT_CALCULATION,
    DEFAULT_SCALE,
    Calculation,
    Competency,
    Framework,
    RollupKind,
    RollupRule,
    Status,
)
from app.domain.scales import Level, Scale, is_number

_T = TypeVar("_T")


def scale_from_dict(data: Mapping[str, object]) -> Scale:
    """Read {"levels": [{"value", "label"}], "mastery_threshold"}; problems located in `data`."""
    problems = ProblemList()
    levels: list[Level] = []
    raw = data.get("levels")
    if not isinstance(raw, list):
        problems.add(("levels",), "must be a list of levels")
    else:
        for i, item in enumerate(raw):
            if not isinstance(item, Mapping):
                problems.add(("levels", i), "must be an object with value and label")
                continue
            value = _read_number(item, "value", ("levels", i), problems, required=True)
            label = _read_text(item, "label", ("levels", i), problems, required=True)
            if value is not None and label is not None:
                levels.append(Level(value, label))
    threshold = _read_number(data, "mastery_threshold", (), problems, required=True)
    if problems or threshold is None:
        raise Invalid("The scale is invalid", problems.problems)
    return Scale(tuple(levels), threshold)


def calculation_from_dict(data: Mapping[str, object]) -> Calculation:
    """Read {"method", "weight"?, "n"?} ("name" is accepted for "method", as `as_dict` writes)."""
    problems = ProblemList()
    key = "name" if "method" not in data and "name" in data else "method"
    method = _read_text(data, key, (), problems, required=True)
    weight = _read_number(data, "weight", (), problems)
    n = _read_integer(data, "n", (), problems)
    problems.raise_if_any("The calculation is invalid")
    return Calculation(method, weight, n)  # type: ignore[arg-type]  # Calculation checks the name


def rollup_from_dict(data: Mapping[str, object]) -> RollupRule:
    """Read {"rule", "k"?, "percent"?}; the rule defaults to all."""
    problems = ProblemList()
    rule = _read_text(data, "rule", (), problems) or RollupKind.ALL.value
    k = _read_integer(data, "k", (), problems)
    percent = _read_number(data, "percent", (), problems)
    problems.raise_if_any("The rollup rule is invalid")
    return RollupRule(rule, k, percent)  # type: ignore[arg-type]  # RollupRule checks the name


def framework_from_dict(
    body: Mapping[str, object], *, new_id: Callable[[], str], framework_id: str | None = None
) -> Framework:
    """Build a flat, validated Framework from the REST body (competencies nest `children`).

    Ids missing from the body come from `new_id`, called in framework order (the framework's
    own id first, unless `framework_id` is given).
    """
    problems = ProblemList()
    the_id = framework_id if framework_id is not None else new_id()
    title = _read_text(body, "title", (), problems, required=True)
    description = _read_text(body, "description", (), problems)
    version = _read_text(body, "version", (), problems)
    status = _read_text(body, "status", (), problems) or Status.ACTIVE.value
    min_evidence = _read_integer(body, "min_evidence", (), problems)
    include_formative = body.get("include_formative", False)
    if not isinstance(include_formative, bool):
        problems.add(("include_formative",), "must be true or false")
        include_formative = False
    # A part that fails is replaced by a valid placeholder so the rest can still be checked.
    scale = _read_part(body, "scale", scale_from_dict, problems) or DEFAULT_SCALE
    calculation = _read_part(body, "calculation", calculation_from_dict, problems)
    competencies: list[Competency] = []
    locations: list[Location] = []
    raw = body.get("competencies", [])
    if isinstance(raw, list):
        _read_children(raw, ("competencies",), None, new_id, problems, competencies, locations)
    else:
        problems.add(("competencies",), "must be a list")
    framework: Framework | None = None
    try:
        framework = Framework(
            id=the_id,
            title="-" if title is None else title,
            description=description,
            version=version,
            status=status,  # type: ignore[arg-type]  # Framework checks the name
            scale=scale,
            calculation=calculation or DEFAULT_CALCULATION,
            min_evidence=1 if min_evidence is None else min_evidence,
            include_formative=include_formative,
            competencies=tuple(competencies),
        )
    except Invalid as error:
        for p in error.problems:
            if p.loc[:1] == ("competencies",) and len(p.loc) > 1 and isinstance(p.loc[1], int):
                problems.add(locations[p.loc[1]] + p.loc[2:], p.msg)
            else:
                problems.add(p.loc, p.msg)
    if problems or framework is None:
        raise Invalid("The framework is invalid", problems.problems)
    return framework


def competency_tree_from_dict(
    body: Mapping[str, object],
    *,
    parent_id: str | None,
    position: int,
    new_id: Callable[[], str],
) -> list[Competency]:
    """One competency body with nested `children`, flattened parent first; problems located.

    The caller adds the result to its framework and validates the whole (ids, rollup k).
    """
    problems = ProblemList()
    out: list[Competency] = []
    _read_competency(body, (), parent_id, position, new_id, problems, out, [])
    problems.raise_if_any("The competency is invalid")
    return out


def _read_children(
    items: list[object],
    loc: Location,
    parent_id: str | None,
    new_id: Callable[[], str],
    problems: ProblemList,
    out: list[Competency],
    locations: list[Location],
) -> None:
    for i, item in enumerate(items):
        if isinstance(item, Mapping):
            _read_competency(item, (*loc, i), parent_id, i, new_id, problems, out, locations)
        else:
            problems.add((*loc, i), "must be an object")


def _read_competency(
    data: Mapping[str, object],
    loc: Location,
    parent_id: str | None,
    position: int,
    new_id: Callable[[], str],
    problems: ProblemList,
    out: list[Competency],
    locations: list[Location],
) -> None:
    given = _read_text(data, "id", loc, problems)
    competency_id = given if given is not None else new_id()
    code = _read_text(data, "code", loc, problems, required=True)
    statement = _read_text(data, "statement", loc, problems, required=True)
    kind = _read_text(data, "kind", loc, problems)
    status = _read_text(data, "status", loc, problems) or Status.ACTIVE.value
    calculation = _read_part(data, "calculation", calculation_from_dict, problems, loc)
    rollup = _read_part(data, "rollup", rollup_from_dict, problems, loc) or RollupRule()
    if code is not None and statement is not None:
        try:
            out.append(
                Competency(
                    id=competency_id,
                    code=code,
                    statement=statement,
                    kind=kind,
                    parent_id=parent_id,
                    position=position,
                    calculation=calculation,
                    rollup=rollup,
                    status=status,  # type: ignore[arg-type]  # Competency checks the name
                )
            )
            locations.append(loc)
        except Invalid as error:
            problems.extend(error.problems, prefix=loc)
    children = data.get("children", [])
    if isinstance(children, list):
        _read_children(
            children, (*loc, "children"), competency_id, new_id, problems, out, locations
        )
    else:
        problems.add((*loc, "children"), "must be a list")


def _read_part(
    data: Mapping[str, object],
    key: str,
    read: Callable[[Mapping[str, object]], _T],
    problems: ProblemList,
    loc: Location = (),
) -> _T | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        problems.add((*loc, key), "must be an object")
        return None
    try:
        return read(value)
    except Invalid as error:
        problems.extend(error.problems, prefix=(*loc, key))
        return None


def _read_text(
    data: Mapping[str, object],
    key: str,
    loc: Location,
    problems: ProblemList,
    *,
    required: bool = False,
) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            problems.add((*loc, key), "is required")
        return None
    if not isinstance(value, str):
        problems.add((*loc, key), "must be a string")
        return None
    return value


def _read_number(
    data: Mapping[str, object],
    key: str,
    loc: Location,
    problems: ProblemList,
    *,
    required: bool = False,
) -> float | None:
    value = data.get(key)
    if value is None:
        if required:
            problems.add((*loc, key), "is required")
        return None
    if not is_number(value):
        problems.add((*loc, key), "must be a finite number")
        return None
    return float(value)


def _read_integer(
    data: Mapping[str, object], key: str, loc: Location, problems: ProblemList
) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        problems.add((*loc, key), "must be a whole number")
        return None
    return value
