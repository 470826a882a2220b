from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_import_read import CaseImportRead
from ...models.import_case_case_provider_import import ImportCaseCaseProviderImport
from ...models.import_case_cf_package import ImportCaseCFPackage
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    *,
    body: ImportCaseCaseProviderImport | ImportCaseCFPackage,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/frameworks/import/case",
    }

    if isinstance(body, ImportCaseCFPackage):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CaseImportRead | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = CaseImportRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = cast(Any, None)
        return response_201

    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

    if response.status_code == 502:
        response_502 = ProblemDetails.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | CaseImportRead | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportCaseCaseProviderImport | ImportCaseCFPackage,
) -> Response[Any | CaseImportRead | ProblemDetails]:
    """Import a CASE 1.0 framework (a CFPackage, or a provider's package URL)

     Creates the framework, or updates in place the one imported from the same CFDocument: changed items
    change, new ones are added, missing ones are retired (kept with their evidence and decisions). 201
    when created, 200 when updated, 202 when decisions are recomputed in the background. A package that
    breaks a rule is rejected with every problem listed, located in the package (`body` or, from a
    provider, `package`); nothing is written. What was accepted though not CASE 1.0 is listed in
    `warnings`.

    Scope: `frameworks:write` (or `admin`).

    Args:
        body (ImportCaseCaseProviderImport | ImportCaseCFPackage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseImportRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ImportCaseCaseProviderImport | ImportCaseCFPackage,
) -> Any | CaseImportRead | ProblemDetails | None:
    """Import a CASE 1.0 framework (a CFPackage, or a provider's package URL)

     Creates the framework, or updates in place the one imported from the same CFDocument: changed items
    change, new ones are added, missing ones are retired (kept with their evidence and decisions). 201
    when created, 200 when updated, 202 when decisions are recomputed in the background. A package that
    breaks a rule is rejected with every problem listed, located in the package (`body` or, from a
    provider, `package`); nothing is written. What was accepted though not CASE 1.0 is listed in
    `warnings`.

    Scope: `frameworks:write` (or `admin`).

    Args:
        body (ImportCaseCaseProviderImport | ImportCaseCFPackage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CaseImportRead | ProblemDetails
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportCaseCaseProviderImport | ImportCaseCFPackage,
) -> Response[Any | CaseImportRead | ProblemDetails]:
    """Import a CASE 1.0 framework (a CFPackage, or a provider's package URL)

     Creates the framework, or updates in place the one imported from the same CFDocument: changed items
    change, new ones are added, missing ones are retired (kept with their evidence and decisions). 201
    when created, 200 when updated, 202 when decisions are recomputed in the background. A package that
    breaks a rule is rejected with every problem listed, located in the package (`body` or, from a
    provider, `package`); nothing is written. What was accepted though not CASE 1.0 is listed in
    `warnings`.

    Scope: `frameworks:write` (or `admin`).

    Args:
        body (ImportCaseCaseProviderImport | ImportCaseCFPackage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseImportRead | ProblemDetails]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImportCaseCaseProviderImport | ImportCaseCFPackage,
) -> Any | CaseImportRead | ProblemDetails | None:
    """Import a CASE 1.0 framework (a CFPackage, or a provider's package URL)

     Creates the framework, or updates in place the one imported from the same CFDocument: changed items
    change, new ones are added, missing ones are retired (kept with their evidence and decisions). 201
    when created, 200 when updated, 202 when decisions are recomputed in the background. A package that
    breaks a rule is rejected with every problem listed, located in the package (`body` or, from a
    provider, `package`); nothing is written. What was accepted though not CASE 1.0 is listed in
    `warnings`.

    Scope: `frameworks:write` (or `admin`).

    Args:
        body (ImportCaseCaseProviderImport | ImportCaseCFPackage):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CaseImportRead | ProblemDetails
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
