import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.denominator import Denominator
from ...models.dimension import Dimension
from ...models.interval import Interval
from ...models.problem_details import ProblemDetails
from ...models.race_ethnicity import RaceEthnicity
from ...models.report_read import ReportRead
from ...models.report_trend_format import ReportTrendFormat
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
    from_: datetime.datetime,
    to: datetime.datetime | None | Unset = UNSET,
    interval: Interval | Unset = UNSET,
    format_: ReportTrendFormat | Unset = UNSET,
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

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_interval: str | Unset = UNSET
    if not isinstance(interval, Unset):
        json_interval = interval

    params["interval"] = json_interval

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/trend",
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
    from_: datetime.datetime,
    to: datetime.datetime | None | Unset = UNSET,
    interval: Interval | Unset = UNSET,
    format_: ReportTrendFormat | Unset = UNSET,
) -> Response[ProblemDetails | ReportRead]:
    """The summary at the end of each week or month (masteryTrend), one row per period and group

     The summary at the end of each `interval` (week or month) from `from` to `to`: one row per
    period and group, with the same groups, filters, denominators and protection of small groups
    as the summary. For the question an analyst asks first: is the gap closing? Also as CSV or
    Parquet.

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
        from_ (datetime.datetime): The first period holds this instant
        to (datetime.datetime | None | Unset): The last period holds it (now)
        interval (Interval | Unset):
        format_ (ReportTrendFormat | Unset):

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
        from_=from_,
        to=to,
        interval=interval,
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
    from_: datetime.datetime,
    to: datetime.datetime | None | Unset = UNSET,
    interval: Interval | Unset = UNSET,
    format_: ReportTrendFormat | Unset = UNSET,
) -> ProblemDetails | ReportRead | None:
    """The summary at the end of each week or month (masteryTrend), one row per period and group

     The summary at the end of each `interval` (week or month) from `from` to `to`: one row per
    period and group, with the same groups, filters, denominators and protection of small groups
    as the summary. For the question an analyst asks first: is the gap closing? Also as CSV or
    Parquet.

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
        from_ (datetime.datetime): The first period holds this instant
        to (datetime.datetime | None | Unset): The last period holds it (now)
        interval (Interval | Unset):
        format_ (ReportTrendFormat | Unset):

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
        from_=from_,
        to=to,
        interval=interval,
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
    from_: datetime.datetime,
    to: datetime.datetime | None | Unset = UNSET,
    interval: Interval | Unset = UNSET,
    format_: ReportTrendFormat | Unset = UNSET,
) -> Response[ProblemDetails | ReportRead]:
    """The summary at the end of each week or month (masteryTrend), one row per period and group

     The summary at the end of each `interval` (week or month) from `from` to `to`: one row per
    period and group, with the same groups, filters, denominators and protection of small groups
    as the summary. For the question an analyst asks first: is the gap closing? Also as CSV or
    Parquet.

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
        from_ (datetime.datetime): The first period holds this instant
        to (datetime.datetime | None | Unset): The last period holds it (now)
        interval (Interval | Unset):
        format_ (ReportTrendFormat | Unset):

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
        from_=from_,
        to=to,
        interval=interval,
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
    from_: datetime.datetime,
    to: datetime.datetime | None | Unset = UNSET,
    interval: Interval | Unset = UNSET,
    format_: ReportTrendFormat | Unset = UNSET,
) -> ProblemDetails | ReportRead | None:
    """The summary at the end of each week or month (masteryTrend), one row per period and group

     The summary at the end of each `interval` (week or month) from `from` to `to`: one row per
    period and group, with the same groups, filters, denominators and protection of small groups
    as the summary. For the question an analyst asks first: is the gap closing? Also as CSV or
    Parquet.

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
        from_ (datetime.datetime): The first period holds this instant
        to (datetime.datetime | None | Unset): The last period holds it (now)
        interval (Interval | Unset):
        format_ (ReportTrendFormat | Unset):

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
            from_=from_,
            to=to,
            interval=interval,
            format_=format_,
        )
    ).parsed
