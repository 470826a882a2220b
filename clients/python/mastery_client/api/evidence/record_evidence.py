from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evidence_batch import EvidenceBatch
from ...models.problem_details import ProblemDetails
from ...models.recorded_read import RecordedRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EvidenceBatch,
    prefer: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = prefer

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/evidence",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | RecordedRead | None:
    if response.status_code == 200:
        response_200 = RecordedRead.from_dict(response.json())

        return response_200

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
) -> Response[ProblemDetails | RecordedRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EvidenceBatch,
    prefer: None | str | Unset = UNSET,
) -> Response[ProblemDetails | RecordedRead]:
    """Record a batch of results (all or nothing)

     How a gradebook, an assessment platform or a district script sends students' results on
    competencies: each result is scored on its own scale (`score` of `max_score`) and the decisions it
    feeds are recomputed at once and answered. 1 to MASTERY_MAX_BATCH items. If any item is invalid the
    answer is 422 listing every bad item by index and field, and nothing is written. Sending an item
    again (same source, source_id and competency) is an upsert: `unchanged` or `updated`. With `Prefer:
    return=minimal` the answer is only the counts `{"created": n, "updated": n, "unchanged": n,
    "decisions_changed": n}` and carries `Preference-Applied: return=minimal`.

    Scope: `evidence:write` (or `admin`).

    Args:
        prefer (None | str | Unset): RFC 7240. `return=minimal` answers counts instead of every
            decision the batch changed (cheaper for high-volume senders); the answer then carries
            `Preference-Applied: return=minimal`. Anything else keeps the default answer.
        body (EvidenceBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RecordedRead]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EvidenceBatch,
    prefer: None | str | Unset = UNSET,
) -> ProblemDetails | RecordedRead | None:
    """Record a batch of results (all or nothing)

     How a gradebook, an assessment platform or a district script sends students' results on
    competencies: each result is scored on its own scale (`score` of `max_score`) and the decisions it
    feeds are recomputed at once and answered. 1 to MASTERY_MAX_BATCH items. If any item is invalid the
    answer is 422 listing every bad item by index and field, and nothing is written. Sending an item
    again (same source, source_id and competency) is an upsert: `unchanged` or `updated`. With `Prefer:
    return=minimal` the answer is only the counts `{"created": n, "updated": n, "unchanged": n,
    "decisions_changed": n}` and carries `Preference-Applied: return=minimal`.

    Scope: `evidence:write` (or `admin`).

    Args:
        prefer (None | str | Unset): RFC 7240. `return=minimal` answers counts instead of every
            decision the batch changed (cheaper for high-volume senders); the answer then carries
            `Preference-Applied: return=minimal`. Anything else keeps the default answer.
        body (EvidenceBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RecordedRead
    """

    return sync_detailed(
        client=client,
        body=body,
        prefer=prefer,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EvidenceBatch,
    prefer: None | str | Unset = UNSET,
) -> Response[ProblemDetails | RecordedRead]:
    """Record a batch of results (all or nothing)

     How a gradebook, an assessment platform or a district script sends students' results on
    competencies: each result is scored on its own scale (`score` of `max_score`) and the decisions it
    feeds are recomputed at once and answered. 1 to MASTERY_MAX_BATCH items. If any item is invalid the
    answer is 422 listing every bad item by index and field, and nothing is written. Sending an item
    again (same source, source_id and competency) is an upsert: `unchanged` or `updated`. With `Prefer:
    return=minimal` the answer is only the counts `{"created": n, "updated": n, "unchanged": n,
    "decisions_changed": n}` and carries `Preference-Applied: return=minimal`.

    Scope: `evidence:write` (or `admin`).

    Args:
        prefer (None | str | Unset): RFC 7240. `return=minimal` answers counts instead of every
            decision the batch changed (cheaper for high-volume senders); the answer then carries
            `Preference-Applied: return=minimal`. Anything else keeps the default answer.
        body (EvidenceBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RecordedRead]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EvidenceBatch,
    prefer: None | str | Unset = UNSET,
) -> ProblemDetails | RecordedRead | None:
    """Record a batch of results (all or nothing)

     How a gradebook, an assessment platform or a district script sends students' results on
    competencies: each result is scored on its own scale (`score` of `max_score`) and the decisions it
    feeds are recomputed at once and answered. 1 to MASTERY_MAX_BATCH items. If any item is invalid the
    answer is 422 listing every bad item by index and field, and nothing is written. Sending an item
    again (same source, source_id and competency) is an upsert: `unchanged` or `updated`. With `Prefer:
    return=minimal` the answer is only the counts `{"created": n, "updated": n, "unchanged": n,
    "decisions_changed": n}` and carries `Preference-Applied: return=minimal`.

    Scope: `evidence:write` (or `admin`).

    Args:
        prefer (None | str | Unset): RFC 7240. `return=minimal` answers counts instead of every
            decision the batch changed (cheaper for high-volume senders); the answer then carries
            `Preference-Applied: return=minimal`. Anything else keeps the default answer.
        body (EvidenceBatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RecordedRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            prefer=prefer,
        )
    ).parsed
