from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.put_score_scale_body import PutScoreScaleBody
from ...models.single_score_scale import SingleScoreScale
from ...models.status_info import StatusInfo
from ...types import Response


def _get_kwargs(
    sourced_id: str,
    *,
    body: PutScoreScaleBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/ims/oneroster/gradebook/v1p2/scoreScales/{sourced_id}".format(
            sourced_id=quote(str(sourced_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | SingleScoreScale | StatusInfo | None:
    if response.status_code == 200:
        response_200 = SingleScoreScale.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = SingleScoreScale.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = StatusInfo.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = StatusInfo.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = StatusInfo.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = StatusInfo.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if 400 <= response.status_code <= 499:
        response_4xx = StatusInfo.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProblemDetails | SingleScoreScale | StatusInfo]:
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
    body: PutScoreScaleBody,
) -> Response[ProblemDetails | SingleScoreScale | StatusInfo]:
    """Create or replace a score scale (putScoreScale)

     How a gradebook declares the scale its line items and results are scored on (its class, and each
    value: itemValueLHS as shown, itemValueRHS what it stands for). Kept and served as sent: decisions
    use the frameworks' own scales. 201 when created, 200 when replaced; every problem (its class or
    course missing too) in one answer.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.
        body (PutScoreScaleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SingleScoreScale | StatusInfo]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    body: PutScoreScaleBody,
) -> ProblemDetails | SingleScoreScale | StatusInfo | None:
    """Create or replace a score scale (putScoreScale)

     How a gradebook declares the scale its line items and results are scored on (its class, and each
    value: itemValueLHS as shown, itemValueRHS what it stands for). Kept and served as sent: decisions
    use the frameworks' own scales. 201 when created, 200 when replaced; every problem (its class or
    course missing too) in one answer.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.
        body (PutScoreScaleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SingleScoreScale | StatusInfo
    """

    return sync_detailed(
        sourced_id=sourced_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    body: PutScoreScaleBody,
) -> Response[ProblemDetails | SingleScoreScale | StatusInfo]:
    """Create or replace a score scale (putScoreScale)

     How a gradebook declares the scale its line items and results are scored on (its class, and each
    value: itemValueLHS as shown, itemValueRHS what it stands for). Kept and served as sent: decisions
    use the frameworks' own scales. 201 when created, 200 when replaced; every problem (its class or
    course missing too) in one answer.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.
        body (PutScoreScaleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SingleScoreScale | StatusInfo]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    body: PutScoreScaleBody,
) -> ProblemDetails | SingleScoreScale | StatusInfo | None:
    """Create or replace a score scale (putScoreScale)

     How a gradebook declares the scale its line items and results are scored on (its class, and each
    value: itemValueLHS as shown, itemValueRHS what it stands for). Kept and served as sent: decisions
    use the frameworks' own scales. 201 when created, 200 when replaced; every problem (its class or
    course missing too) in one answer.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.
        body (PutScoreScaleBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SingleScoreScale | StatusInfo
    """

    return (
        await asyncio_detailed(
            sourced_id=sourced_id,
            client=client,
            body=body,
        )
    ).parsed
