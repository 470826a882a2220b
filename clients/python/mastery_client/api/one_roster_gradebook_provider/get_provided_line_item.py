from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_details import ProblemDetails
from ...models.single_line_item import SingleLineItem
from ...models.status_info import StatusInfo
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sourced_id: str,
    *,
    fields: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_fields: None | str | Unset
    if isinstance(fields, Unset):
        json_fields = UNSET
    else:
        json_fields = fields
    params["fields"] = json_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/provider/ims/oneroster/gradebook/v1p2/lineItems/{sourced_id}".format(
            sourced_id=quote(str(sourced_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetails | SingleLineItem | StatusInfo | None:
    if response.status_code == 200:
        response_200 = SingleLineItem.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = StatusInfo.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = StatusInfo.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = StatusInfo.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = StatusInfo.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

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
) -> Response[ProblemDetails | SingleLineItem | StatusInfo]:
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
    fields: None | str | Unset = UNSET,
) -> Response[ProblemDetails | SingleLineItem | StatusInfo]:
    """Get a standard's or course grade's line item (getLineItem)

     One line item as OneRoster 1.2 writes it, by its sourcedId: `<class>:<session>:<competency>` for a
    standard, `<class>:<session>:<framework>:course` for the course grade. `fields` selects fields;
    errors answer in imsx_StatusInfo form.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly` (or `admin`,
    `mastery:read`).

    Args:
        sourced_id (str): The sourcedId.
        fields (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SingleLineItem | StatusInfo]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    fields: None | str | Unset = UNSET,
) -> ProblemDetails | SingleLineItem | StatusInfo | None:
    """Get a standard's or course grade's line item (getLineItem)

     One line item as OneRoster 1.2 writes it, by its sourcedId: `<class>:<session>:<competency>` for a
    standard, `<class>:<session>:<framework>:course` for the course grade. `fields` selects fields;
    errors answer in imsx_StatusInfo form.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly` (or `admin`,
    `mastery:read`).

    Args:
        sourced_id (str): The sourcedId.
        fields (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SingleLineItem | StatusInfo
    """

    return sync_detailed(
        sourced_id=sourced_id,
        client=client,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    fields: None | str | Unset = UNSET,
) -> Response[ProblemDetails | SingleLineItem | StatusInfo]:
    """Get a standard's or course grade's line item (getLineItem)

     One line item as OneRoster 1.2 writes it, by its sourcedId: `<class>:<session>:<competency>` for a
    standard, `<class>:<session>:<framework>:course` for the course grade. `fields` selects fields;
    errors answer in imsx_StatusInfo form.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly` (or `admin`,
    `mastery:read`).

    Args:
        sourced_id (str): The sourcedId.
        fields (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SingleLineItem | StatusInfo]
    """

    kwargs = _get_kwargs(
        sourced_id=sourced_id,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sourced_id: str,
    *,
    client: AuthenticatedClient,
    fields: None | str | Unset = UNSET,
) -> ProblemDetails | SingleLineItem | StatusInfo | None:
    """Get a standard's or course grade's line item (getLineItem)

     One line item as OneRoster 1.2 writes it, by its sourcedId: `<class>:<session>:<competency>` for a
    standard, `<class>:<session>:<framework>:course` for the course grade. `fields` selects fields;
    errors answer in imsx_StatusInfo form.

    Scope: `https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly` (or `admin`,
    `mastery:read`).

    Args:
        sourced_id (str): The sourcedId.
        fields (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SingleLineItem | StatusInfo
    """

    return (
        await asyncio_detailed(
            sourced_id=sourced_id,
            client=client,
            fields=fields,
        )
    ).parsed
