from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.org_read import OrgRead
from ...models.org_write import OrgWrite
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: OrgWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/orgs/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrgRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = OrgRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = OrgRead.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

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
) -> Response[OrgRead | ProblemDetails]:
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
    body: OrgWrite,
) -> Response[OrgRead | ProblemDetails]:
    """Create or replace an org

     A district, school or other organisation (OneRoster org), written under its sourcedId, as a roster
    import or the SIS sync would write it: for a district script or a vendor keeping the roster current.
    201 when created, 200 when replaced; a body `id` must equal the path's. Every problem of the body is
    listed in one 422 and nothing is written.

    Scope: `roster:write` (or `admin`).

    Args:
        id (str): The record's sourcedId.
        body (OrgWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgRead | ProblemDetails]
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
    body: OrgWrite,
) -> OrgRead | ProblemDetails | None:
    """Create or replace an org

     A district, school or other organisation (OneRoster org), written under its sourcedId, as a roster
    import or the SIS sync would write it: for a district script or a vendor keeping the roster current.
    201 when created, 200 when replaced; a body `id` must equal the path's. Every problem of the body is
    listed in one 422 and nothing is written.

    Scope: `roster:write` (or `admin`).

    Args:
        id (str): The record's sourcedId.
        body (OrgWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgRead | ProblemDetails
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
    body: OrgWrite,
) -> Response[OrgRead | ProblemDetails]:
    """Create or replace an org

     A district, school or other organisation (OneRoster org), written under its sourcedId, as a roster
    import or the SIS sync would write it: for a district script or a vendor keeping the roster current.
    201 when created, 200 when replaced; a body `id` must equal the path's. Every problem of the body is
    listed in one 422 and nothing is written.

    Scope: `roster:write` (or `admin`).

    Args:
        id (str): The record's sourcedId.
        body (OrgWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgRead | ProblemDetails]
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
    body: OrgWrite,
) -> OrgRead | ProblemDetails | None:
    """Create or replace an org

     A district, school or other organisation (OneRoster org), written under its sourcedId, as a roster
    import or the SIS sync would write it: for a district script or a vendor keeping the roster current.
    201 when created, 200 when replaced; a body `id` must equal the path's. Every problem of the body is
    listed in one 422 and nothing is written.

    Scope: `roster:write` (or `admin`).

    Args:
        id (str): The record's sourcedId.
        body (OrgWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
