import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_kind import DecisionKind
from ...models.decision_list import DecisionList
from ...models.mastery_status import MasteryStatus
from ...models.problem_details import ProblemDetails
from ...models.student_mastery_format import StudentMasteryFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    framework_id: None | str | Unset = UNSET,
    status: MasteryStatus | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: StudentMasteryFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_framework_id: None | str | Unset
    if isinstance(framework_id, Unset):
        json_framework_id = UNSET
    else:
        json_framework_id = framework_id
    params["framework_id"] = json_framework_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

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
        "url": "/v1/students/{id}/mastery".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionList | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = DecisionList.from_dict(response.json())

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
) -> Response[DecisionList | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: None | str | Unset = UNSET,
    status: MasteryStatus | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: StudentMasteryFormat | Unset = UNSET,
) -> Response[DecisionList | ProblemDetails]:
    """A student's decisions (every competency of a framework, with framework_id)

     The student's decision for every competency of every framework (or of `framework_id`): status
    (mastered, not_yet, insufficient_evidence, no_evidence), score, level, the method that
    decided it and any teacher's override. `status` narrows the list; `as_of` answers the
    decisions as they stood at that instant, given the results observed up to it. Also as CSV or
    Parquet. A student of another district is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (None | str | Unset):
        status (MasteryStatus | None | Unset):
        as_of (datetime.datetime | None | Unset): Decide from the evidence and overrides of this
            instant (ISO 8601)
        kind (DecisionKind | Unset): Which decisions a report counts: the academic ones, or habits
            of work (never mixed).
        format_ (StudentMasteryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        status=status,
        as_of=as_of,
        kind=kind,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: None | str | Unset = UNSET,
    status: MasteryStatus | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: StudentMasteryFormat | Unset = UNSET,
) -> DecisionList | ProblemDetails | None:
    """A student's decisions (every competency of a framework, with framework_id)

     The student's decision for every competency of every framework (or of `framework_id`): status
    (mastered, not_yet, insufficient_evidence, no_evidence), score, level, the method that
    decided it and any teacher's override. `status` narrows the list; `as_of` answers the
    decisions as they stood at that instant, given the results observed up to it. Also as CSV or
    Parquet. A student of another district is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (None | str | Unset):
        status (MasteryStatus | None | Unset):
        as_of (datetime.datetime | None | Unset): Decide from the evidence and overrides of this
            instant (ISO 8601)
        kind (DecisionKind | Unset): Which decisions a report counts: the academic ones, or habits
            of work (never mixed).
        format_ (StudentMasteryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionList | ProblemDetails
    """

    return sync_detailed(
        id=id,
        client=client,
        framework_id=framework_id,
        status=status,
        as_of=as_of,
        kind=kind,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: None | str | Unset = UNSET,
    status: MasteryStatus | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: StudentMasteryFormat | Unset = UNSET,
) -> Response[DecisionList | ProblemDetails]:
    """A student's decisions (every competency of a framework, with framework_id)

     The student's decision for every competency of every framework (or of `framework_id`): status
    (mastered, not_yet, insufficient_evidence, no_evidence), score, level, the method that
    decided it and any teacher's override. `status` narrows the list; `as_of` answers the
    decisions as they stood at that instant, given the results observed up to it. Also as CSV or
    Parquet. A student of another district is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (None | str | Unset):
        status (MasteryStatus | None | Unset):
        as_of (datetime.datetime | None | Unset): Decide from the evidence and overrides of this
            instant (ISO 8601)
        kind (DecisionKind | Unset): Which decisions a report counts: the academic ones, or habits
            of work (never mixed).
        format_ (StudentMasteryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionList | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        framework_id=framework_id,
        status=status,
        as_of=as_of,
        kind=kind,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    framework_id: None | str | Unset = UNSET,
    status: MasteryStatus | None | Unset = UNSET,
    as_of: datetime.datetime | None | Unset = UNSET,
    kind: DecisionKind | Unset = UNSET,
    format_: StudentMasteryFormat | Unset = UNSET,
) -> DecisionList | ProblemDetails | None:
    """A student's decisions (every competency of a framework, with framework_id)

     The student's decision for every competency of every framework (or of `framework_id`): status
    (mastered, not_yet, insufficient_evidence, no_evidence), score, level, the method that
    decided it and any teacher's override. `status` narrows the list; `as_of` answers the
    decisions as they stood at that instant, given the results observed up to it. Also as CSV or
    Parquet. A student of another district is a 404.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        framework_id (None | str | Unset):
        status (MasteryStatus | None | Unset):
        as_of (datetime.datetime | None | Unset): Decide from the evidence and overrides of this
            instant (ISO 8601)
        kind (DecisionKind | Unset): Which decisions a report counts: the academic ones, or habits
            of work (never mixed).
        format_ (StudentMasteryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionList | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            framework_id=framework_id,
            status=status,
            as_of=as_of,
            kind=kind,
            format_=format_,
        )
    ).parsed
