from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.job_read import JobRead
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    skip_invalid: bool | Unset = False,
    allow_mass_retire: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["skip_invalid"] = skip_invalid

    params["allow_mass_retire"] = allow_mass_retire

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/roster/sync",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> JobRead | ProblemDetails | None:
    if response.status_code == 202:
        response_202 = JobRead.from_dict(response.json())

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
) -> Response[JobRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    skip_invalid: bool | Unset = False,
    allow_mass_retire: bool | Unset = False,
) -> Response[JobRead | ProblemDetails]:
    """Sync the roster from the SIS's OneRoster REST provider

     A job: the first sync reads every collection (records the provider no longer lists are retired);
    later ones ask only for records changed since the newest change read. Rows are checked by the same
    rules as a CSV import, and a sync that would retire more than the configured share of a kind of
    record (default 30%) fails unless `allow_mass_retire`.

    Scope: `roster:write` (or `admin`).

    Args:
        skip_invalid (bool | Unset): Import every valid record and report the rest. Default:
            False.
        allow_mass_retire (bool | Unset): Confirm an import that retires more than the configured
            share of a kind of record (MASTERY_ROSTER_MAX_RETIRE_SHARE, default 0.3); the audit trail
            notes it. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        skip_invalid=skip_invalid,
        allow_mass_retire=allow_mass_retire,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    skip_invalid: bool | Unset = False,
    allow_mass_retire: bool | Unset = False,
) -> JobRead | ProblemDetails | None:
    """Sync the roster from the SIS's OneRoster REST provider

     A job: the first sync reads every collection (records the provider no longer lists are retired);
    later ones ask only for records changed since the newest change read. Rows are checked by the same
    rules as a CSV import, and a sync that would retire more than the configured share of a kind of
    record (default 30%) fails unless `allow_mass_retire`.

    Scope: `roster:write` (or `admin`).

    Args:
        skip_invalid (bool | Unset): Import every valid record and report the rest. Default:
            False.
        allow_mass_retire (bool | Unset): Confirm an import that retires more than the configured
            share of a kind of record (MASTERY_ROSTER_MAX_RETIRE_SHARE, default 0.3); the audit trail
            notes it. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        skip_invalid=skip_invalid,
        allow_mass_retire=allow_mass_retire,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    skip_invalid: bool | Unset = False,
    allow_mass_retire: bool | Unset = False,
) -> Response[JobRead | ProblemDetails]:
    """Sync the roster from the SIS's OneRoster REST provider

     A job: the first sync reads every collection (records the provider no longer lists are retired);
    later ones ask only for records changed since the newest change read. Rows are checked by the same
    rules as a CSV import, and a sync that would retire more than the configured share of a kind of
    record (default 30%) fails unless `allow_mass_retire`.

    Scope: `roster:write` (or `admin`).

    Args:
        skip_invalid (bool | Unset): Import every valid record and report the rest. Default:
            False.
        allow_mass_retire (bool | Unset): Confirm an import that retires more than the configured
            share of a kind of record (MASTERY_ROSTER_MAX_RETIRE_SHARE, default 0.3); the audit trail
            notes it. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        skip_invalid=skip_invalid,
        allow_mass_retire=allow_mass_retire,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    skip_invalid: bool | Unset = False,
    allow_mass_retire: bool | Unset = False,
) -> JobRead | ProblemDetails | None:
    """Sync the roster from the SIS's OneRoster REST provider

     A job: the first sync reads every collection (records the provider no longer lists are retired);
    later ones ask only for records changed since the newest change read. Rows are checked by the same
    rules as a CSV import, and a sync that would retire more than the configured share of a kind of
    record (default 30%) fails unless `allow_mass_retire`.

    Scope: `roster:write` (or `admin`).

    Args:
        skip_invalid (bool | Unset): Import every valid record and report the rest. Default:
            False.
        allow_mass_retire (bool | Unset): Confirm an import that retires more than the configured
            share of a kind of record (MASTERY_ROSTER_MAX_RETIRE_SHARE, default 0.3); the audit trail
            notes it. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            skip_invalid=skip_invalid,
            allow_mass_retire=allow_mass_retire,
        )
    ).parsed
