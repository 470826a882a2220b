from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_patch import FrameworkPatch
from ...models.framework_updated import FrameworkUpdated
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: FrameworkPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/frameworks/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | FrameworkUpdated | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = FrameworkUpdated.from_dict(response.json())

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
) -> Response[Any | FrameworkUpdated | ProblemDetails]:
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
    body: FrameworkPatch,
) -> Response[Any | FrameworkUpdated | ProblemDetails]:
    """Change part of a framework (JSON Merge Patch); a policy change recomputes

     Any part of the framework as GET answers it, as a JSON Merge Patch (RFC 7396, `application/merge-
    patch+json`; `application/json` is read the same way): a member left out stays, `null` removes it
    (its default applies), an object merges into the one it names (`{"scale": {"mastery_threshold":
    2.5}}` keeps the levels), an array replaces the whole. A calculation naming another method starts
    from that method's parameters. Answers 202 with `recompute_job` when the recomputation runs in the
    background.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (FrameworkPatch): Any part of a framework as GET answers it, as a JSON Merge Patch
            (RFC 7396): a member
            left out stays, null removes it (its default applies), an object merges into the one it
            names, an array (`competencies`, `levels`) replaces the whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FrameworkUpdated | ProblemDetails]
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
    body: FrameworkPatch,
) -> Any | FrameworkUpdated | ProblemDetails | None:
    """Change part of a framework (JSON Merge Patch); a policy change recomputes

     Any part of the framework as GET answers it, as a JSON Merge Patch (RFC 7396, `application/merge-
    patch+json`; `application/json` is read the same way): a member left out stays, `null` removes it
    (its default applies), an object merges into the one it names (`{"scale": {"mastery_threshold":
    2.5}}` keeps the levels), an array replaces the whole. A calculation naming another method starts
    from that method's parameters. Answers 202 with `recompute_job` when the recomputation runs in the
    background.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (FrameworkPatch): Any part of a framework as GET answers it, as a JSON Merge Patch
            (RFC 7396): a member
            left out stays, null removes it (its default applies), an object merges into the one it
            names, an array (`competencies`, `levels`) replaces the whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FrameworkUpdated | ProblemDetails
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
    body: FrameworkPatch,
) -> Response[Any | FrameworkUpdated | ProblemDetails]:
    """Change part of a framework (JSON Merge Patch); a policy change recomputes

     Any part of the framework as GET answers it, as a JSON Merge Patch (RFC 7396, `application/merge-
    patch+json`; `application/json` is read the same way): a member left out stays, `null` removes it
    (its default applies), an object merges into the one it names (`{"scale": {"mastery_threshold":
    2.5}}` keeps the levels), an array replaces the whole. A calculation naming another method starts
    from that method's parameters. Answers 202 with `recompute_job` when the recomputation runs in the
    background.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (FrameworkPatch): Any part of a framework as GET answers it, as a JSON Merge Patch
            (RFC 7396): a member
            left out stays, null removes it (its default applies), an object merges into the one it
            names, an array (`competencies`, `levels`) replaces the whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FrameworkUpdated | ProblemDetails]
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
    body: FrameworkPatch,
) -> Any | FrameworkUpdated | ProblemDetails | None:
    """Change part of a framework (JSON Merge Patch); a policy change recomputes

     Any part of the framework as GET answers it, as a JSON Merge Patch (RFC 7396, `application/merge-
    patch+json`; `application/json` is read the same way): a member left out stays, `null` removes it
    (its default applies), an object merges into the one it names (`{"scale": {"mastery_threshold":
    2.5}}` keeps the levels), an array replaces the whole. A calculation naming another method starts
    from that method's parameters. Answers 202 with `recompute_job` when the recomputation runs in the
    background.

    Scope: `frameworks:write` (or `admin`).

    Args:
        id (str):
        body (FrameworkPatch): Any part of a framework as GET answers it, as a JSON Merge Patch
            (RFC 7396): a member
            left out stays, null removes it (its default applies), an object merges into the one it
            names, an array (`competencies`, `levels`) replaces the whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FrameworkUpdated | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
