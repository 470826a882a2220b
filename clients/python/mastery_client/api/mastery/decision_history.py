from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_history import DecisionHistory
from ...models.decision_history_format import DecisionHistoryFormat
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    competency_id: str,
    *,
    format_: DecisionHistoryFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/students/{id}/mastery/{competency_id}/history".format(
            id=quote(str(id), safe=""),
            competency_id=quote(str(competency_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionHistory | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = DecisionHistory.from_dict(response.json())

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
) -> Response[DecisionHistory | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    format_: DecisionHistoryFormat | Unset = UNSET,
) -> Response[DecisionHistory | ProblemDetails]:
    """Every change of a decision's status or level, oldest first

     Every change of one decision's status or level, oldest first, with its cause (new evidence, a
    voided result, a policy change, an override) and the engine's own decision beside any
    override. Also as CSV or Parquet.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        format_ (DecisionHistoryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionHistory | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        competency_id=competency_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    format_: DecisionHistoryFormat | Unset = UNSET,
) -> DecisionHistory | ProblemDetails | None:
    """Every change of a decision's status or level, oldest first

     Every change of one decision's status or level, oldest first, with its cause (new evidence, a
    voided result, a policy change, an override) and the engine's own decision beside any
    override. Also as CSV or Parquet.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        format_ (DecisionHistoryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionHistory | ProblemDetails
    """

    return sync_detailed(
        id=id,
        competency_id=competency_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    format_: DecisionHistoryFormat | Unset = UNSET,
) -> Response[DecisionHistory | ProblemDetails]:
    """Every change of a decision's status or level, oldest first

     Every change of one decision's status or level, oldest first, with its cause (new evidence, a
    voided result, a policy change, an override) and the engine's own decision beside any
    override. Also as CSV or Parquet.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        format_ (DecisionHistoryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionHistory | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        competency_id=competency_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    competency_id: str,
    *,
    client: AuthenticatedClient,
    format_: DecisionHistoryFormat | Unset = UNSET,
) -> DecisionHistory | ProblemDetails | None:
    """Every change of a decision's status or level, oldest first

     Every change of one decision's status or level, oldest first, with its cause (new evidence, a
    voided result, a policy change, an override) and the engine's own decision beside any
    override. Also as CSV or Parquet.

    Scope: `mastery:read` (or `admin`).

    Args:
        id (str):
        competency_id (str):
        format_ (DecisionHistoryFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionHistory | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            competency_id=competency_id,
            client=client,
            format_=format_,
        )
    ).parsed
