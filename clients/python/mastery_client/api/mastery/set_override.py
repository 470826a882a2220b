from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_read import DecisionRead
from ...models.override_write import OverrideWrite
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    id: str,
    competency_id: str,
    *,
    body: OverrideWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/students/{id}/mastery/{competency_id}/override".format(
            id=quote(str(id), safe=""),
            competency_id=quote(str(competency_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = DecisionRead.from_dict(response.json())

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

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

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
) -> Response[DecisionRead | ProblemDetails]:
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
    body: OverrideWrite,
) -> Response[DecisionRead | ProblemDetails]:
    """Set a teacher's override of a decision (level or status, with a reason)

     A teacher's judgement in place of the engine's: a `level` on the framework's scale or a
    `status`, with a `reason` and optionally `expires_at`. The engine's own decision is kept
    beside it (`computed`) and shows again when the override is cleared or expires. Audited.

    Scope: `mastery:override` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        body (OverrideWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        competency_id=competency_id,
        body=body,
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
    body: OverrideWrite,
) -> DecisionRead | ProblemDetails | None:
    """Set a teacher's override of a decision (level or status, with a reason)

     A teacher's judgement in place of the engine's: a `level` on the framework's scale or a
    `status`, with a `reason` and optionally `expires_at`. The engine's own decision is kept
    beside it (`computed`) and shows again when the override is cleared or expires. Audited.

    Scope: `mastery:override` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        body (OverrideWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionRead | ProblemDetails
    """

    return sync_detailed(
        id=id,
        competency_id=competency_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    body: OverrideWrite,
) -> Response[DecisionRead | ProblemDetails]:
    """Set a teacher's override of a decision (level or status, with a reason)

     A teacher's judgement in place of the engine's: a `level` on the framework's scale or a
    `status`, with a `reason` and optionally `expires_at`. The engine's own decision is kept
    beside it (`computed`) and shows again when the override is cleared or expires. Audited.

    Scope: `mastery:override` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        body (OverrideWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        competency_id=competency_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    body: OverrideWrite,
) -> DecisionRead | ProblemDetails | None:
    """Set a teacher's override of a decision (level or status, with a reason)

     A teacher's judgement in place of the engine's: a `level` on the framework's scale or a
    `status`, with a `reason` and optionally `expires_at`. The engine's own decision is kept
    beside it (`computed`) and shows again when the override is cleared or expires. Audited.

    Scope: `mastery:override` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        body (OverrideWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            competency_id=competency_id,
            client=client,
            body=body,
        )
    ).parsed
