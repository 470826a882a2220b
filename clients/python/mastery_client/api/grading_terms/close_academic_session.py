from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.term_close_read import TermCloseRead
from ...models.term_close_write import TermCloseWrite
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: None | TermCloseWrite | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/academic-sessions/{id}/close".format(
            id=quote(str(id), safe=""),
        ),
    }

    if isinstance(body, TermCloseWrite):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ProblemDetails | TermCloseRead | None:
    if response.status_code == 200:
        response_200 = TermCloseRead.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

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
) -> Response[Any | ProblemDetails | TermCloseRead]:
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
    body: None | TermCloseWrite | Unset = UNSET,
) -> Response[Any | ProblemDetails | TermCloseRead]:
    """Close a term or grading period: freeze every decision as its snapshot

     Freezes every decision of the district as it shows now (status, score, level, the
    engine's own beside any override): the snapshot report cards and term grades read from
    then on, while the live decisions keep moving with later results (they count for the next
    term). Only a `term` or `gradingPeriod` closes (409 otherwise, and when closed already).
    A large district is frozen by a job: 202 with `job`. Audited (`term.closed`). Scope
    `frameworks:write`, as grade rules: a close reaches every student of the district.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (None | TermCloseWrite | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | TermCloseRead]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: None | TermCloseWrite | Unset = UNSET,
) -> Any | ProblemDetails | TermCloseRead | None:
    """Close a term or grading period: freeze every decision as its snapshot

     Freezes every decision of the district as it shows now (status, score, level, the
    engine's own beside any override): the snapshot report cards and term grades read from
    then on, while the live decisions keep moving with later results (they count for the next
    term). Only a `term` or `gradingPeriod` closes (409 otherwise, and when closed already).
    A large district is frozen by a job: 202 with `job`. Audited (`term.closed`). Scope
    `frameworks:write`, as grade rules: a close reaches every student of the district.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (None | TermCloseWrite | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | TermCloseRead
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: None | TermCloseWrite | Unset = UNSET,
) -> Response[Any | ProblemDetails | TermCloseRead]:
    """Close a term or grading period: freeze every decision as its snapshot

     Freezes every decision of the district as it shows now (status, score, level, the
    engine's own beside any override): the snapshot report cards and term grades read from
    then on, while the live decisions keep moving with later results (they count for the next
    term). Only a `term` or `gradingPeriod` closes (409 otherwise, and when closed already).
    A large district is frozen by a job: 202 with `job`. Audited (`term.closed`). Scope
    `frameworks:write`, as grade rules: a close reaches every student of the district.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (None | TermCloseWrite | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails | TermCloseRead]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: None | TermCloseWrite | Unset = UNSET,
) -> Any | ProblemDetails | TermCloseRead | None:
    """Close a term or grading period: freeze every decision as its snapshot

     Freezes every decision of the district as it shows now (status, score, level, the
    engine's own beside any override): the snapshot report cards and term grades read from
    then on, while the live decisions keep moving with later results (they count for the next
    term). Only a `term` or `gradingPeriod` closes (409 otherwise, and when closed already).
    A large district is frozen by a job: 202 with `job`. Audited (`term.closed`). Scope
    `frameworks:write`, as grade rules: a close reaches every student of the district.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (None | TermCloseWrite | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails | TermCloseRead
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
