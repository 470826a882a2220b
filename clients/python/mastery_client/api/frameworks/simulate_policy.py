from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dimension import Dimension
from ...models.problem_details import ProblemDetails
from ...models.simulation_read import SimulationRead
from ...models.simulation_request import SimulationRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: SimulationRequest,
    group_by: list[Dimension] | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_group_by: list[str] | None | Unset
    if isinstance(group_by, Unset):
        json_group_by = UNSET
    elif isinstance(group_by, list):
        json_group_by = []
        for group_by_type_0_item_data in group_by:
            group_by_type_0_item: str = group_by_type_0_item_data
            json_group_by.append(group_by_type_0_item)

    else:
        json_group_by = group_by
    params["group_by"] = json_group_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/frameworks/{id}/simulate".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | SimulationRead | None:
    if response.status_code == 200:
        response_200 = SimulationRead.from_dict(response.json())

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
) -> Response[ProblemDetails | SimulationRead]:
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
    body: SimulationRequest,
    group_by: list[Dimension] | None | Unset = UNSET,
) -> Response[ProblemDetails | SimulationRead]:
    """Preview a policy change: which decisions would gain or lose mastery

     The candidate is the framework as GET answers it with another policy, or any part of it as a merge
    patch (as PATCH takes it: `{"scale": {"mastery_threshold": 2.5}}`); only `scale`, `calculation`,
    `min_evidence` and `include_formative` may differ. Computed from the stored evidence and overrides;
    nothing is written. The answer names each student whose decisions would change, so it needs
    `mastery:read` (reading the framework alone does not show students' results). With `group_by`
    (school, grade, sex, race_ethnicity, english_learner, special_education, economically_disadvantaged;
    repeat for several) `by_subgroup` counts the changes for each group of each dimension, hidden and
    blurred exactly as reports are. The body is the PATCH body: sent to `PATCH /v1/frameworks/{id}` as
    it is, it applies the policy (202 and a recompute job when many decisions change).

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        group_by (list[Dimension] | None | Unset): Repeat for several: group_by=sex&group_by=grade
        body (SimulationRequest): The candidate: the framework as GET answers it, or any part of
            it as a merge patch.
            Only its policy (scale, calculation, min_evidence, include_formative) may differ.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SimulationRead]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        group_by=group_by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: SimulationRequest,
    group_by: list[Dimension] | None | Unset = UNSET,
) -> ProblemDetails | SimulationRead | None:
    """Preview a policy change: which decisions would gain or lose mastery

     The candidate is the framework as GET answers it with another policy, or any part of it as a merge
    patch (as PATCH takes it: `{"scale": {"mastery_threshold": 2.5}}`); only `scale`, `calculation`,
    `min_evidence` and `include_formative` may differ. Computed from the stored evidence and overrides;
    nothing is written. The answer names each student whose decisions would change, so it needs
    `mastery:read` (reading the framework alone does not show students' results). With `group_by`
    (school, grade, sex, race_ethnicity, english_learner, special_education, economically_disadvantaged;
    repeat for several) `by_subgroup` counts the changes for each group of each dimension, hidden and
    blurred exactly as reports are. The body is the PATCH body: sent to `PATCH /v1/frameworks/{id}` as
    it is, it applies the policy (202 and a recompute job when many decisions change).

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        group_by (list[Dimension] | None | Unset): Repeat for several: group_by=sex&group_by=grade
        body (SimulationRequest): The candidate: the framework as GET answers it, or any part of
            it as a merge patch.
            Only its policy (scale, calculation, min_evidence, include_formative) may differ.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SimulationRead
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        group_by=group_by,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: SimulationRequest,
    group_by: list[Dimension] | None | Unset = UNSET,
) -> Response[ProblemDetails | SimulationRead]:
    """Preview a policy change: which decisions would gain or lose mastery

     The candidate is the framework as GET answers it with another policy, or any part of it as a merge
    patch (as PATCH takes it: `{"scale": {"mastery_threshold": 2.5}}`); only `scale`, `calculation`,
    `min_evidence` and `include_formative` may differ. Computed from the stored evidence and overrides;
    nothing is written. The answer names each student whose decisions would change, so it needs
    `mastery:read` (reading the framework alone does not show students' results). With `group_by`
    (school, grade, sex, race_ethnicity, english_learner, special_education, economically_disadvantaged;
    repeat for several) `by_subgroup` counts the changes for each group of each dimension, hidden and
    blurred exactly as reports are. The body is the PATCH body: sent to `PATCH /v1/frameworks/{id}` as
    it is, it applies the policy (202 and a recompute job when many decisions change).

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        group_by (list[Dimension] | None | Unset): Repeat for several: group_by=sex&group_by=grade
        body (SimulationRequest): The candidate: the framework as GET answers it, or any part of
            it as a merge patch.
            Only its policy (scale, calculation, min_evidence, include_formative) may differ.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SimulationRead]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        group_by=group_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: SimulationRequest,
    group_by: list[Dimension] | None | Unset = UNSET,
) -> ProblemDetails | SimulationRead | None:
    """Preview a policy change: which decisions would gain or lose mastery

     The candidate is the framework as GET answers it with another policy, or any part of it as a merge
    patch (as PATCH takes it: `{"scale": {"mastery_threshold": 2.5}}`); only `scale`, `calculation`,
    `min_evidence` and `include_formative` may differ. Computed from the stored evidence and overrides;
    nothing is written. The answer names each student whose decisions would change, so it needs
    `mastery:read` (reading the framework alone does not show students' results). With `group_by`
    (school, grade, sex, race_ethnicity, english_learner, special_education, economically_disadvantaged;
    repeat for several) `by_subgroup` counts the changes for each group of each dimension, hidden and
    blurred exactly as reports are. The body is the PATCH body: sent to `PATCH /v1/frameworks/{id}` as
    it is, it applies the policy (202 and a recompute job when many decisions change).

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        group_by (list[Dimension] | None | Unset): Repeat for several: group_by=sex&group_by=grade
        body (SimulationRequest): The candidate: the framework as GET answers it, or any part of
            it as a merge patch.
            Only its policy (scale, calculation, min_evidence, include_formative) may differ.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SimulationRead
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            group_by=group_by,
        )
    ).parsed
