from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_status_info import CaseStatusInfo
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    sourced_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ims/case/v1p0/CFAssociations/{sourced_id}".format(
            sourced_id=quote(str(sourced_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CaseStatusInfo | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = CaseStatusInfo.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CaseStatusInfo.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CaseStatusInfo.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CaseStatusInfo.from_dict(response.json())

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
) -> Response[Any | CaseStatusInfo | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | CaseStatusInfo | ProblemDetails]:
    """One CFAssociation

     One association between two items or an item and its document: isChildOf for the tree, precedes for
    a prerequisite. As CASE 1.0 serves it, for a CASE consumer (a vendor's platform, another district's
    system) to read the district's frameworks. The answer carries an ETag: sent back in If-None-Match,
    an unchanged object answers 304. An unknown identifier, or another district's, is a 404 in
    imsx_StatusInfo form.

    Scope: `frameworks:read` (or `admin`).

    Args:
        sourced_id (str): The identifier

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseStatusInfo | ProblemDetails]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | CaseStatusInfo | ProblemDetails | None:
    """One CFAssociation

     One association between two items or an item and its document: isChildOf for the tree, precedes for
    a prerequisite. As CASE 1.0 serves it, for a CASE consumer (a vendor's platform, another district's
    system) to read the district's frameworks. The answer carries an ETag: sent back in If-None-Match,
    an unchanged object answers 304. An unknown identifier, or another district's, is a 404 in
    imsx_StatusInfo form.

    Scope: `frameworks:read` (or `admin`).

    Args:
        sourced_id (str): The identifier

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CaseStatusInfo | ProblemDetails
    """

    return sync_detailed(
        sourced_id=sourced_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | CaseStatusInfo | ProblemDetails]:
    """One CFAssociation

     One association between two items or an item and its document: isChildOf for the tree, precedes for
    a prerequisite. As CASE 1.0 serves it, for a CASE consumer (a vendor's platform, another district's
    system) to read the district's frameworks. The answer carries an ETag: sent back in If-None-Match,
    an unchanged object answers 304. An unknown identifier, or another district's, is a 404 in
    imsx_StatusInfo form.

    Scope: `frameworks:read` (or `admin`).

    Args:
        sourced_id (str): The identifier

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseStatusInfo | ProblemDetails]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | CaseStatusInfo | ProblemDetails | None:
    """One CFAssociation

     One association between two items or an item and its document: isChildOf for the tree, precedes for
    a prerequisite. As CASE 1.0 serves it, for a CASE consumer (a vendor's platform, another district's
    system) to read the district's frameworks. The answer carries an ETag: sent back in If-None-Match,
    an unchanged object answers 304. An unknown identifier, or another district's, is a 404 in
    imsx_StatusInfo form.

    Scope: `frameworks:read` (or `admin`).

    Args:
        sourced_id (str): The identifier

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CaseStatusInfo | ProblemDetails
    """

    return (
        await asyncio_detailed(
            sourced_id=sourced_id,
            client=client,
        )
    ).parsed
