from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.term_reopen_write import TermReopenWrite
from ...models.term_reopened_read import TermReopenedRead
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: TermReopenWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/academic-sessions/{id}/reopen".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | TermReopenedRead | None:
    if response.status_code == 200:
        response_200 = TermReopenedRead.from_dict(response.json())

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
) -> Response[ProblemDetails | TermReopenedRead]:
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
    body: TermReopenWrite,
) -> Response[ProblemDetails | TermReopenedRead]:
    """Reopen a closed term: discard its snapshot

     Discards the snapshot (a later close freezes the decisions again); 409 when the session
    is open. Audited (`term.reopened`) with the close undone and the `reason`.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (TermReopenWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | TermReopenedRead]
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
    body: TermReopenWrite,
) -> ProblemDetails | TermReopenedRead | None:
    """Reopen a closed term: discard its snapshot

     Discards the snapshot (a later close freezes the decisions again); 409 when the session
    is open. Audited (`term.reopened`) with the close undone and the `reason`.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (TermReopenWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | TermReopenedRead
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
    body: TermReopenWrite,
) -> Response[ProblemDetails | TermReopenedRead]:
    """Reopen a closed term: discard its snapshot

     Discards the snapshot (a later close freezes the decisions again); 409 when the session
    is open. Audited (`term.reopened`) with the close undone and the `reason`.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (TermReopenWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | TermReopenedRead]
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
    body: TermReopenWrite,
) -> ProblemDetails | TermReopenedRead | None:
    """Reopen a closed term: discard its snapshot

     Discards the snapshot (a later close freezes the decisions again); 409 when the session
    is open. Audited (`term.reopened`) with the close undone and the `reason`.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (TermReopenWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | TermReopenedRead
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
