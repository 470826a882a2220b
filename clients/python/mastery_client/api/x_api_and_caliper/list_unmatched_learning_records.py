from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_unmatched_learning_records_kind import (
    ListUnmatchedLearningRecordsKind,
)
from ...models.problem_details import ProblemDetails
from ...models.unmatched_page_read import UnmatchedPageRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: ListUnmatchedLearningRecordsKind | Unset = "xapi",
    limit: int | Unset = 100,
    after: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    params["limit"] = limit

    json_after: None | str | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/xapi/unmatched",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | UnmatchedPageRead | None:
    if response.status_code == 200:
        response_200 = UnmatchedPageRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

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
) -> Response[ProblemDetails | UnmatchedPageRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListUnmatchedLearningRecordsKind | Unset = "xapi",
    limit: int | Unset = 100,
    after: None | str | Unset = UNSET,
) -> Response[ProblemDetails | UnmatchedPageRead]:
    """Statements and events that made no evidence

     The xAPI statements (or Caliper events) this district's clients sent that name no
    student on the roster, no competency of its frameworks, or no score, newest first, each
    with the reason. They are stored all the same: fix the roster or the alignment and send
    them again under new ids.

    Scope: `mastery:read` (or `admin`).

    Args:
        kind (ListUnmatchedLearningRecordsKind | Unset): Statements or events. Default: 'xapi'.
        limit (int | Unset): Records per page. Default: 100.
        after (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | UnmatchedPageRead]
    """

    kwargs = _get_kwargs(
        kind=kind,
        limit=limit,
        after=after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    kind: ListUnmatchedLearningRecordsKind | Unset = "xapi",
    limit: int | Unset = 100,
    after: None | str | Unset = UNSET,
) -> ProblemDetails | UnmatchedPageRead | None:
    """Statements and events that made no evidence

     The xAPI statements (or Caliper events) this district's clients sent that name no
    student on the roster, no competency of its frameworks, or no score, newest first, each
    with the reason. They are stored all the same: fix the roster or the alignment and send
    them again under new ids.

    Scope: `mastery:read` (or `admin`).

    Args:
        kind (ListUnmatchedLearningRecordsKind | Unset): Statements or events. Default: 'xapi'.
        limit (int | Unset): Records per page. Default: 100.
        after (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | UnmatchedPageRead
    """

    return sync_detailed(
        client=client,
        kind=kind,
        limit=limit,
        after=after,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListUnmatchedLearningRecordsKind | Unset = "xapi",
    limit: int | Unset = 100,
    after: None | str | Unset = UNSET,
) -> Response[ProblemDetails | UnmatchedPageRead]:
    """Statements and events that made no evidence

     The xAPI statements (or Caliper events) this district's clients sent that name no
    student on the roster, no competency of its frameworks, or no score, newest first, each
    with the reason. They are stored all the same: fix the roster or the alignment and send
    them again under new ids.

    Scope: `mastery:read` (or `admin`).

    Args:
        kind (ListUnmatchedLearningRecordsKind | Unset): Statements or events. Default: 'xapi'.
        limit (int | Unset): Records per page. Default: 100.
        after (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | UnmatchedPageRead]
    """

    kwargs = _get_kwargs(
        kind=kind,
        limit=limit,
        after=after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: ListUnmatchedLearningRecordsKind | Unset = "xapi",
    limit: int | Unset = 100,
    after: None | str | Unset = UNSET,
) -> ProblemDetails | UnmatchedPageRead | None:
    """Statements and events that made no evidence

     The xAPI statements (or Caliper events) this district's clients sent that name no
    student on the roster, no competency of its frameworks, or no score, newest first, each
    with the reason. They are stored all the same: fix the roster or the alignment and send
    them again under new ids.

    Scope: `mastery:read` (or `admin`).

    Args:
        kind (ListUnmatchedLearningRecordsKind | Unset): Statements or events. Default: 'xapi'.
        limit (int | Unset): Records per page. Default: 100.
        after (None | str | Unset): `next_cursor` of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | UnmatchedPageRead
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            limit=limit,
            after=after,
        )
    ).parsed
