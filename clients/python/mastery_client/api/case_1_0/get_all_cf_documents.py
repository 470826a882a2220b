from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_status_info import CaseStatusInfo
from ...models.get_all_cf_documents_orderby import (
    GetAllCfDocumentsOrderby,
)
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: GetAllCfDocumentsOrderby | Unset = "asc",
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    json_order_by: str | Unset = UNSET
    if not isinstance(order_by, Unset):
        json_order_by = order_by

    params["orderBy"] = json_order_by

    json_filter_: None | str | Unset
    if isinstance(filter_, Unset):
        json_filter_ = UNSET
    else:
        json_filter_ = filter_
    params["filter"] = json_filter_

    json_fields: None | str | Unset
    if isinstance(fields, Unset):
        json_fields = UNSET
    else:
        json_fields = fields
    params["fields"] = json_fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ims/case/v1p0/CFDocuments",
        "params": params,
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
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: GetAllCfDocumentsOrderby | Unset = "asc",
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> Response[Any | CaseStatusInfo | ProblemDetails]:
    """Every CFDocument (framework) of the district

     The district's frameworks as CASE 1.0 CFDocuments, for a CASE consumer to discover them; fetch a
    whole one from CFPackages. Sorted by title unless `sort` names another field; paged with `limit` and
    `offset`; `X-Total-Count` counts all.

    Scope: `frameworks:read` (or `admin`).

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        sort (None | str | Unset): identifier, uri, title, lastChangeDateTime, creator,
            officialSourceURL, publisher, description, language, version, adoptionStatus,
            statusStartDate, statusEndDate, notes
        order_by (GetAllCfDocumentsOrderby | Unset):  Default: 'asc'.
        filter_ (None | str | Unset): Not supported: answers 400
        fields (None | str | Unset): Ignored: every field is served

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseStatusInfo | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        order_by=order_by,
        filter_=filter_,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: GetAllCfDocumentsOrderby | Unset = "asc",
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> Any | CaseStatusInfo | ProblemDetails | None:
    """Every CFDocument (framework) of the district

     The district's frameworks as CASE 1.0 CFDocuments, for a CASE consumer to discover them; fetch a
    whole one from CFPackages. Sorted by title unless `sort` names another field; paged with `limit` and
    `offset`; `X-Total-Count` counts all.

    Scope: `frameworks:read` (or `admin`).

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        sort (None | str | Unset): identifier, uri, title, lastChangeDateTime, creator,
            officialSourceURL, publisher, description, language, version, adoptionStatus,
            statusStartDate, statusEndDate, notes
        order_by (GetAllCfDocumentsOrderby | Unset):  Default: 'asc'.
        filter_ (None | str | Unset): Not supported: answers 400
        fields (None | str | Unset): Ignored: every field is served

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CaseStatusInfo | ProblemDetails
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        sort=sort,
        order_by=order_by,
        filter_=filter_,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: GetAllCfDocumentsOrderby | Unset = "asc",
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> Response[Any | CaseStatusInfo | ProblemDetails]:
    """Every CFDocument (framework) of the district

     The district's frameworks as CASE 1.0 CFDocuments, for a CASE consumer to discover them; fetch a
    whole one from CFPackages. Sorted by title unless `sort` names another field; paged with `limit` and
    `offset`; `X-Total-Count` counts all.

    Scope: `frameworks:read` (or `admin`).

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        sort (None | str | Unset): identifier, uri, title, lastChangeDateTime, creator,
            officialSourceURL, publisher, description, language, version, adoptionStatus,
            statusStartDate, statusEndDate, notes
        order_by (GetAllCfDocumentsOrderby | Unset):  Default: 'asc'.
        filter_ (None | str | Unset): Not supported: answers 400
        fields (None | str | Unset): Ignored: every field is served

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseStatusInfo | ProblemDetails]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        sort=sort,
        order_by=order_by,
        filter_=filter_,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    sort: None | str | Unset = UNSET,
    order_by: GetAllCfDocumentsOrderby | Unset = "asc",
    filter_: None | str | Unset = UNSET,
    fields: None | str | Unset = UNSET,
) -> Any | CaseStatusInfo | ProblemDetails | None:
    """Every CFDocument (framework) of the district

     The district's frameworks as CASE 1.0 CFDocuments, for a CASE consumer to discover them; fetch a
    whole one from CFPackages. Sorted by title unless `sort` names another field; paged with `limit` and
    `offset`; `X-Total-Count` counts all.

    Scope: `frameworks:read` (or `admin`).

    Args:
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        sort (None | str | Unset): identifier, uri, title, lastChangeDateTime, creator,
            officialSourceURL, publisher, description, language, version, adoptionStatus,
            statusStartDate, statusEndDate, notes
        order_by (GetAllCfDocumentsOrderby | Unset):  Default: 'asc'.
        filter_ (None | str | Unset): Not supported: answers 400
        fields (None | str | Unset): Ignored: every field is served

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CaseStatusInfo | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            sort=sort,
            order_by=order_by,
            filter_=filter_,
            fields=fields,
        )
    ).parsed
