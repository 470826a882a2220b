from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.put_assessment_result_body import PutAssessmentResultBody
from ...models.single_assessment_result import SingleAssessmentResult
from ...models.status_info import StatusInfo
from ...types import Response


def _get_kwargs(
    sourced_id: str,
    *,
    body: PutAssessmentResultBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/ims/oneroster/gradebook/v1p2/assessmentResults/{sourced_id}".format(
            sourced_id=quote(str(sourced_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | SingleAssessmentResult | StatusInfo | None:
    if response.status_code == 200:
        response_200 = SingleAssessmentResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = SingleAssessmentResult.from_dict(response.json())

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
) -> Response[ProblemDetails | SingleAssessmentResult | StatusInfo]:
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
    body: PutAssessmentResultBody,
) -> Response[ProblemDetails | SingleAssessmentResult | StatusInfo]:
    """Create or replace an assessment result (putAssessmentResult): it becomes evidence

     How an assessment platform sends a student's score on an assessment line item; it becomes evidence
    exactly as a result does (a fully graded one per competency it reaches, any other scoreStatus as a
    mark). 201 when created, 200 when replaced. `metadata.masteryEvidence` says what it made of
    evidence.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.
        body (PutAssessmentResultBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SingleAssessmentResult | StatusInfo]
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
    body: PutAssessmentResultBody,
) -> ProblemDetails | SingleAssessmentResult | StatusInfo | None:
    """Create or replace an assessment result (putAssessmentResult): it becomes evidence

     How an assessment platform sends a student's score on an assessment line item; it becomes evidence
    exactly as a result does (a fully graded one per competency it reaches, any other scoreStatus as a
    mark). 201 when created, 200 when replaced. `metadata.masteryEvidence` says what it made of
    evidence.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.
        body (PutAssessmentResultBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SingleAssessmentResult | StatusInfo
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
    body: PutAssessmentResultBody,
) -> Response[ProblemDetails | SingleAssessmentResult | StatusInfo]:
    """Create or replace an assessment result (putAssessmentResult): it becomes evidence

     How an assessment platform sends a student's score on an assessment line item; it becomes evidence
    exactly as a result does (a fully graded one per competency it reaches, any other scoreStatus as a
    mark). 201 when created, 200 when replaced. `metadata.masteryEvidence` says what it made of
    evidence.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.
        body (PutAssessmentResultBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SingleAssessmentResult | StatusInfo]
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
    body: PutAssessmentResultBody,
) -> ProblemDetails | SingleAssessmentResult | StatusInfo | None:
    """Create or replace an assessment result (putAssessmentResult): it becomes evidence

     How an assessment platform sends a student's score on an assessment line item; it becomes evidence
    exactly as a result does (a fully graded one per competency it reaches, any other scoreStatus as a
    mark). 201 when created, 200 when replaced. `metadata.masteryEvidence` says what it made of
    evidence.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput` (or `admin`,
    `evidence:write`).

    Args:
        sourced_id (str): The sourcedId.
        body (PutAssessmentResultBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SingleAssessmentResult | StatusInfo
    """

    return (
        await asyncio_detailed(
            sourced_id=sourced_id,
            client=client,
            body=body,
        )
    ).parsed
