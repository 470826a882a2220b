import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_detail_read import DecisionDetailRead
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    competency_id: str,
    *,
    as_of: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.datetime):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/students/{id}/mastery/{competency_id}".format(
            id=quote(str(id), safe=""),
            competency_id=quote(str(competency_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionDetailRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = DecisionDetailRead.from_dict(response.json())

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
) -> Response[DecisionDetailRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.datetime | None | Unset = UNSET,
) -> Response[DecisionDetailRead | ProblemDetails]:
    """One decision with its explanation and the next score to master

     One decision with its explanation in words: each result, whether it counted and with what
    weight, the children a rollup read, and the score the next result needs for mastery
    (`next_score_to_master`). `as_of` explains the decision as it stood then. For a teacher or a
    family asking why.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        as_of (datetime.datetime | None | Unset): Decide from the evidence and overrides of this
            instant (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionDetailRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        competency_id=competency_id,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.datetime | None | Unset = UNSET,
) -> DecisionDetailRead | ProblemDetails | None:
    """One decision with its explanation and the next score to master

     One decision with its explanation in words: each result, whether it counted and with what
    weight, the children a rollup read, and the score the next result needs for mastery
    (`next_score_to_master`). `as_of` explains the decision as it stood then. For a teacher or a
    family asking why.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        as_of (datetime.datetime | None | Unset): Decide from the evidence and overrides of this
            instant (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionDetailRead | ProblemDetails
    """

    return sync_detailed(
        id=id,
        competency_id=competency_id,
        client=client,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.datetime | None | Unset = UNSET,
) -> Response[DecisionDetailRead | ProblemDetails]:
    """One decision with its explanation and the next score to master

     One decision with its explanation in words: each result, whether it counted and with what
    weight, the children a rollup read, and the score the next result needs for mastery
    (`next_score_to_master`). `as_of` explains the decision as it stood then. For a teacher or a
    family asking why.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        as_of (datetime.datetime | None | Unset): Decide from the evidence and overrides of this
            instant (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionDetailRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        competency_id=competency_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.datetime | None | Unset = UNSET,
) -> DecisionDetailRead | ProblemDetails | None:
    """One decision with its explanation and the next score to master

     One decision with its explanation in words: each result, whether it counted and with what
    weight, the children a rollup read, and the score the next result needs for mastery
    (`next_score_to_master`). `as_of` explains the decision as it stood then. For a teacher or a
    family asking why.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        as_of (datetime.datetime | None | Unset): Decide from the evidence and overrides of this
            instant (ISO 8601)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionDetailRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            competency_id=competency_id,
            client=client,
            as_of=as_of,
        )
    ).parsed
