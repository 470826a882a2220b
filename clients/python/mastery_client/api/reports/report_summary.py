import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_kind import DecisionKind
from ...models.denominator import Denominator
from ...models.dimension import Dimension
from ...models.problem_details import ProblemDetails
from ...models.race_ethnicity import RaceEthnicity
from ...models.report_read import ReportRead
from ...models.report_summary_format import ReportSummaryFormat
from ...models.sex import Sex
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    framework_id: str,
    group_by: list[Dimension],
    school_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    grade: None | str | Unset = UNSET,
    competency_id: list[str] | None | Unset = UNSET,
    competency_kind: None | str | Unset = UNSET,
    under_competency_id: None | str | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    race_ethnicity: None | RaceEthnicity | Unset = UNSET,
    english_learner: bool | None | Unset = UNSET,
    special_education: bool | None | Unset = UNSET,
    economically_disadvantaged: bool | None | Unset = UNSET,
    known_at: datetime.datetime | None | Unset = UNSET,
    denominator: Denominator | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: ReportSummaryFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["framework_id"] = framework_id

    json_group_by = []
    for group_by_item_data in group_by:
        group_by_item: str = group_by_item_data
        json_group_by.append(group_by_item)

    params["group_by"] = json_group_by

    json_school_id: None | str | Unset
    if isinstance(school_id, Unset):
        json_school_id = UNSET
    else:
        json_school_id = school_id
    params["school_id"] = json_school_id

    json_class_id: None | str | Unset
    if isinstance(class_id, Unset):
        json_class_id = UNSET
    else:
        json_class_id = class_id
    params["class_id"] = json_class_id

    json_grade: None | str | Unset
    if isinstance(grade, Unset):
        json_grade = UNSET
    else:
        json_grade = grade
    params["grade"] = json_grade

    json_competency_id: list[str] | None | Unset
    if isinstance(competency_id, Unset):
        json_competency_id = UNSET
    elif isinstance(competency_id, list):
        json_competency_id = competency_id

    else:
        json_competency_id = competency_id
    params["competency_id"] = json_competency_id

    json_competency_kind: None | str | Unset
    if isinstance(competency_kind, Unset):
        json_competency_kind = UNSET
    else:
        json_competency_kind = competency_kind
    params["competency_kind"] = json_competency_kind

    json_under_competency_id: None | str | Unset
    if isinstance(under_competency_id, Unset):
        json_under_competency_id = UNSET
    else:
        json_under_competency_id = under_competency_id
    params["under_competency_id"] = json_under_competency_id

    json_sex: None | str | Unset
    if isinstance(sex, Unset):
        json_sex = UNSET
    elif isinstance(sex, str):
        json_sex = sex
    else:
        json_sex = sex
    params["sex"] = json_sex

    json_race_ethnicity: None | str | Unset
    if isinstance(race_ethnicity, Unset):
        json_race_ethnicity = UNSET
    elif isinstance(race_ethnicity, str):
        json_race_ethnicity = race_ethnicity
    else:
        json_race_ethnicity = race_ethnicity
    params["race_ethnicity"] = json_race_ethnicity

    json_english_learner: bool | None | Unset
    if isinstance(english_learner, Unset):
        json_english_learner = UNSET
    else:
        json_english_learner = english_learner
    params["english_learner"] = json_english_learner

    json_special_education: bool | None | Unset
    if isinstance(special_education, Unset):
        json_special_education = UNSET
    else:
        json_special_education = special_education
    params["special_education"] = json_special_education

    json_economically_disadvantaged: bool | None | Unset
    if isinstance(economically_disadvantaged, Unset):
        json_economically_disadvantaged = UNSET
    else:
        json_economically_disadvantaged = economically_disadvantaged
    params["economically_disadvantaged"] = json_economically_disadvantaged

    json_known_at: None | str | Unset
    if isinstance(known_at, Unset):
        json_known_at = UNSET
    elif isinstance(known_at, datetime.datetime):
        json_known_at = known_at.isoformat()
    else:
        json_known_at = known_at
    params["known_at"] = json_known_at

    json_denominator: str | Unset = UNSET
    if not isinstance(denominator, Unset):
        json_denominator = denominator

    params["denominator"] = json_denominator

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.datetime):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/summary",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | ReportRead | None:
    if response.status_code == 200:
        response_200 = ReportRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProblemDetails | ReportRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    framework_id: str,
    group_by: list[Dimension],
    school_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    grade: None | str | Unset = UNSET,
    competency_id: list[str] | None | Unset = UNSET,
    competency_kind: None | str | Unset = UNSET,
    under_competency_id: None | str | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    race_ethnicity: None | RaceEthnicity | Unset = UNSET,
    english_learner: bool | None | Unset = UNSET,
    special_education: bool | None | Unset = UNSET,
    economically_disadvantaged: bool | None | Unset = UNSET,
    known_at: datetime.datetime | None | Unset = UNSET,
    denominator: Denominator | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: ReportSummaryFormat | Unset = UNSET,
) -> Response[ProblemDetails | ReportRead]:
    """A framework's decisions counted per group (masterySummary), small groups protected

     The district's decisions on a framework, counted for each group of `group_by` (school,
    class, grade, competency and the demographic dimensions) within the filters: students,
    decisions, mastered, not_yet, insufficient_evidence and no_evidence. By default a student
    counts for their grade level's competencies (`denominator=grade_level`); `all` counts every
    competency. A group with fewer students than the smallest reportable cell is suppressed, and
    counts are rounded to protect students, with the percentage's bounds given. `as_of` gives the
    decisions as they stood then, from the results observed up to it; `known_at` counts only what
    the service had recorded by then, for an audit. `kind=habits_of_work` counts the
    habits-of-work decisions instead, decided apart from the academic ones. The same report as
    GraphQL's masterySummary; also as CSV or Parquet.

    Scope: `reports:read` (or `admin`).

    Args:
        framework_id (str):
        group_by (list[Dimension]): Repeat for several: group_by=school&group_by=grade
        school_id (None | str | Unset):
        class_id (None | str | Unset):
        grade (None | str | Unset):
        competency_id (list[str] | None | Unset):
        competency_kind (None | str | Unset): e.g. "standard" (any case)
        under_competency_id (None | str | Unset):
        sex (None | Sex | Unset):
        race_ethnicity (None | RaceEthnicity | Unset):
        english_learner (bool | None | Unset):
        special_education (bool | None | Unset):
        economically_disadvantaged (bool | None | Unset):
        known_at (datetime.datetime | None | Unset): Count only what the service had recorded by
            this instant.
        denominator (Denominator | Unset): Which competencies a student counts for in a report.
        as_of (datetime.datetime | None | Unset): The decisions as they stood at this instant,
            given the results observed up to it (as a student's own read)
        kind (DecisionKind | Unset): Which decisions a report counts: the academic ones, or habits
            of work (never mixed).
        format_ (ReportSummaryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReportRead]
    """

    kwargs = _get_kwargs(
        framework_id=framework_id,
        group_by=group_by,
        school_id=school_id,
        class_id=class_id,
        grade=grade,
        competency_id=competency_id,
        competency_kind=competency_kind,
        under_competency_id=under_competency_id,
        sex=sex,
        race_ethnicity=race_ethnicity,
        english_learner=english_learner,
        special_education=special_education,
        economically_disadvantaged=economically_disadvantaged,
        known_at=known_at,
        denominator=denominator,
        as_of=as_of,
        kind=kind,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    framework_id: str,
    group_by: list[Dimension],
    school_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    grade: None | str | Unset = UNSET,
    competency_id: list[str] | None | Unset = UNSET,
    competency_kind: None | str | Unset = UNSET,
    under_competency_id: None | str | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    race_ethnicity: None | RaceEthnicity | Unset = UNSET,
    english_learner: bool | None | Unset = UNSET,
    special_education: bool | None | Unset = UNSET,
    economically_disadvantaged: bool | None | Unset = UNSET,
    known_at: datetime.datetime | None | Unset = UNSET,
    denominator: Denominator | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: ReportSummaryFormat | Unset = UNSET,
) -> ProblemDetails | ReportRead | None:
    """A framework's decisions counted per group (masterySummary), small groups protected

     The district's decisions on a framework, counted for each group of `group_by` (school,
    class, grade, competency and the demographic dimensions) within the filters: students,
    decisions, mastered, not_yet, insufficient_evidence and no_evidence. By default a student
    counts for their grade level's competencies (`denominator=grade_level`); `all` counts every
    competency. A group with fewer students than the smallest reportable cell is suppressed, and
    counts are rounded to protect students, with the percentage's bounds given. `as_of` gives the
    decisions as they stood then, from the results observed up to it; `known_at` counts only what
    the service had recorded by then, for an audit. `kind=habits_of_work` counts the
    habits-of-work decisions instead, decided apart from the academic ones. The same report as
    GraphQL's masterySummary; also as CSV or Parquet.

    Scope: `reports:read` (or `admin`).

    Args:
        framework_id (str):
        group_by (list[Dimension]): Repeat for several: group_by=school&group_by=grade
        school_id (None | str | Unset):
        class_id (None | str | Unset):
        grade (None | str | Unset):
        competency_id (list[str] | None | Unset):
        competency_kind (None | str | Unset): e.g. "standard" (any case)
        under_competency_id (None | str | Unset):
        sex (None | Sex | Unset):
        race_ethnicity (None | RaceEthnicity | Unset):
        english_learner (bool | None | Unset):
        special_education (bool | None | Unset):
        economically_disadvantaged (bool | None | Unset):
        known_at (datetime.datetime | None | Unset): Count only what the service had recorded by
            this instant.
        denominator (Denominator | Unset): Which competencies a student counts for in a report.
        as_of (datetime.datetime | None | Unset): The decisions as they stood at this instant,
            given the results observed up to it (as a student's own read)
        kind (DecisionKind | Unset): Which decisions a report counts: the academic ones, or habits
            of work (never mixed).
        format_ (ReportSummaryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReportRead
    """

    return sync_detailed(
        client=client,
        framework_id=framework_id,
        group_by=group_by,
        school_id=school_id,
        class_id=class_id,
        grade=grade,
        competency_id=competency_id,
        competency_kind=competency_kind,
        under_competency_id=under_competency_id,
        sex=sex,
        race_ethnicity=race_ethnicity,
        english_learner=english_learner,
        special_education=special_education,
        economically_disadvantaged=economically_disadvantaged,
        known_at=known_at,
        denominator=denominator,
        as_of=as_of,
        kind=kind,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    framework_id: str,
    group_by: list[Dimension],
    school_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    grade: None | str | Unset = UNSET,
    competency_id: list[str] | None | Unset = UNSET,
    competency_kind: None | str | Unset = UNSET,
    under_competency_id: None | str | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    race_ethnicity: None | RaceEthnicity | Unset = UNSET,
    english_learner: bool | None | Unset = UNSET,
    special_education: bool | None | Unset = UNSET,
    economically_disadvantaged: bool | None | Unset = UNSET,
    known_at: datetime.datetime | None | Unset = UNSET,
    denominator: Denominator | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: ReportSummaryFormat | Unset = UNSET,
) -> Response[ProblemDetails | ReportRead]:
    """A framework's decisions counted per group (masterySummary), small groups protected

     The district's decisions on a framework, counted for each group of `group_by` (school,
    class, grade, competency and the demographic dimensions) within the filters: students,
    decisions, mastered, not_yet, insufficient_evidence and no_evidence. By default a student
    counts for their grade level's competencies (`denominator=grade_level`); `all` counts every
    competency. A group with fewer students than the smallest reportable cell is suppressed, and
    counts are rounded to protect students, with the percentage's bounds given. `as_of` gives the
    decisions as they stood then, from the results observed up to it; `known_at` counts only what
    the service had recorded by then, for an audit. `kind=habits_of_work` counts the
    habits-of-work decisions instead, decided apart from the academic ones. The same report as
    GraphQL's masterySummary; also as CSV or Parquet.

    Scope: `reports:read` (or `admin`).

    Args:
        framework_id (str):
        group_by (list[Dimension]): Repeat for several: group_by=school&group_by=grade
        school_id (None | str | Unset):
        class_id (None | str | Unset):
        grade (None | str | Unset):
        competency_id (list[str] | None | Unset):
        competency_kind (None | str | Unset): e.g. "standard" (any case)
        under_competency_id (None | str | Unset):
        sex (None | Sex | Unset):
        race_ethnicity (None | RaceEthnicity | Unset):
        english_learner (bool | None | Unset):
        special_education (bool | None | Unset):
        economically_disadvantaged (bool | None | Unset):
        known_at (datetime.datetime | None | Unset): Count only what the service had recorded by
            this instant.
        denominator (Denominator | Unset): Which competencies a student counts for in a report.
        as_of (datetime.datetime | None | Unset): The decisions as they stood at this instant,
            given the results observed up to it (as a student's own read)
        kind (DecisionKind | Unset): Which decisions a report counts: the academic ones, or habits
            of work (never mixed).
        format_ (ReportSummaryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ReportRead]
    """

    kwargs = _get_kwargs(
        framework_id=framework_id,
        group_by=group_by,
        school_id=school_id,
        class_id=class_id,
        grade=grade,
        competency_id=competency_id,
        competency_kind=competency_kind,
        under_competency_id=under_competency_id,
        sex=sex,
        race_ethnicity=race_ethnicity,
        english_learner=english_learner,
        special_education=special_education,
        economically_disadvantaged=economically_disadvantaged,
        known_at=known_at,
        denominator=denominator,
        as_of=as_of,
        kind=kind,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    framework_id: str,
    group_by: list[Dimension],
    school_id: None | str | Unset = UNSET,
    class_id: None | str | Unset = UNSET,
    grade: None | str | Unset = UNSET,
    competency_id: list[str] | None | Unset = UNSET,
    competency_kind: None | str | Unset = UNSET,
    under_competency_id: None | str | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    race_ethnicity: None | RaceEthnicity | Unset = UNSET,
    english_learner: bool | None | Unset = UNSET,
    special_education: bool | None | Unset = UNSET,
    economically_disadvantaged: bool | None | Unset = UNSET,
    known_at: datetime.datetime | None | Unset = UNSET,
    denominator: Denominator | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: ReportSummaryFormat | Unset = UNSET,
) -> ProblemDetails | ReportRead | None:
    """A framework's decisions counted per group (masterySummary), small groups protected

     The district's decisions on a framework, counted for each group of `group_by` (school,
    class, grade, competency and the demographic dimensions) within the filters: students,
    decisions, mastered, not_yet, insufficient_evidence and no_evidence. By default a student
    counts for their grade level's competencies (`denominator=grade_level`); `all` counts every
    competency. A group with fewer students than the smallest reportable cell is suppressed, and
    counts are rounded to protect students, with the percentage's bounds given. `as_of` gives the
    decisions as they stood then, from the results observed up to it; `known_at` counts only what
    the service had recorded by then, for an audit. `kind=habits_of_work` counts the
    habits-of-work decisions instead, decided apart from the academic ones. The same report as
    GraphQL's masterySummary; also as CSV or Parquet.

    Scope: `reports:read` (or `admin`).

    Args:
        framework_id (str):
        group_by (list[Dimension]): Repeat for several: group_by=school&group_by=grade
        school_id (None | str | Unset):
        class_id (None | str | Unset):
        grade (None | str | Unset):
        competency_id (list[str] | None | Unset):
        competency_kind (None | str | Unset): e.g. "standard" (any case)
        under_competency_id (None | str | Unset):
        sex (None | Sex | Unset):
        race_ethnicity (None | RaceEthnicity | Unset):
        english_learner (bool | None | Unset):
        special_education (bool | None | Unset):
        economically_disadvantaged (bool | None | Unset):
        known_at (datetime.datetime | None | Unset): Count only what the service had recorded by
            this instant.
        denominator (Denominator | Unset): Which competencies a student counts for in a report.
        as_of (datetime.datetime | None | Unset): The decisions as they stood at this instant,
            given the results observed up to it (as a student's own read)
        kind (DecisionKind | Unset): Which decisions a report counts: the academic ones, or habits
            of work (never mixed).
        format_ (ReportSummaryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ReportRead
    """

    return (
        await asyncio_detailed(
            client=client,
            framework_id=framework_id,
            group_by=group_by,
            school_id=school_id,
            class_id=class_id,
            grade=grade,
            competency_id=competency_id,
            competency_kind=competency_kind,
            under_competency_id=under_competency_id,
            sex=sex,
            race_ethnicity=race_ethnicity,
            english_learner=english_learner,
            special_education=special_education,
            economically_disadvantaged=economically_disadvantaged,
            known_at=known_at,
            denominator=denominator,
            as_of=as_of,
            kind=kind,
            format_=format_,
        )
    ).parsed
