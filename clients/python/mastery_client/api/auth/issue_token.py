from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_issue_token import BodyIssueToken
from ...models.o_auth_error import OAuthError
from ...models.problem_details import ProblemDetails
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyIssueToken | Unset = UNSET,
    authorization: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(authorization, Unset):
        headers["authorization"] = authorization

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/token",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthError | ProblemDetails | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = OAuthError.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthError | ProblemDetails | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken | Unset = UNSET,
    authorization: None | str | Unset = UNSET,
) -> Response[OAuthError | ProblemDetails | TokenResponse]:
    """Get an access token (OAuth 2.0 client credentials)

     The first call of every integration: exchanges a client's id and secret (OAuth 2.0
    client credentials, RFC 6749 section 4.4) for a bearer token to send as `Authorization:
    Bearer …`, valid for `expires_in` seconds. Authenticate with HTTP Basic (client id and
    secret) or with `client_id` and `client_secret` form fields; `scope` narrows the token to
    some of the client's scopes. Errors answer as RFC 6749 says (`error`, 400 or 401).

    Args:
        authorization (None | str | Unset):
        body (BodyIssueToken | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | ProblemDetails | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        authorization=authorization,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken | Unset = UNSET,
    authorization: None | str | Unset = UNSET,
) -> OAuthError | ProblemDetails | TokenResponse | None:
    """Get an access token (OAuth 2.0 client credentials)

     The first call of every integration: exchanges a client's id and secret (OAuth 2.0
    client credentials, RFC 6749 section 4.4) for a bearer token to send as `Authorization:
    Bearer …`, valid for `expires_in` seconds. Authenticate with HTTP Basic (client id and
    secret) or with `client_id` and `client_secret` form fields; `scope` narrows the token to
    some of the client's scopes. Errors answer as RFC 6749 says (`error`, 400 or 401).

    Args:
        authorization (None | str | Unset):
        body (BodyIssueToken | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | ProblemDetails | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        authorization=authorization,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken | Unset = UNSET,
    authorization: None | str | Unset = UNSET,
) -> Response[OAuthError | ProblemDetails | TokenResponse]:
    """Get an access token (OAuth 2.0 client credentials)

     The first call of every integration: exchanges a client's id and secret (OAuth 2.0
    client credentials, RFC 6749 section 4.4) for a bearer token to send as `Authorization:
    Bearer …`, valid for `expires_in` seconds. Authenticate with HTTP Basic (client id and
    secret) or with `client_id` and `client_secret` form fields; `scope` narrows the token to
    some of the client's scopes. Errors answer as RFC 6749 says (`error`, 400 or 401).

    Args:
        authorization (None | str | Unset):
        body (BodyIssueToken | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | ProblemDetails | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        authorization=authorization,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyIssueToken | Unset = UNSET,
    authorization: None | str | Unset = UNSET,
) -> OAuthError | ProblemDetails | TokenResponse | None:
    """Get an access token (OAuth 2.0 client credentials)

     The first call of every integration: exchanges a client's id and secret (OAuth 2.0
    client credentials, RFC 6749 section 4.4) for a bearer token to send as `Authorization:
    Bearer …`, valid for `expires_in` seconds. Authenticate with HTTP Basic (client id and
    secret) or with `client_id` and `client_secret` form fields; `scope` narrows the token to
    some of the client's scopes. Errors answer as RFC 6749 says (`error`, 400 or 401).

    Args:
        authorization (None | str | Unset):
        body (BodyIssueToken | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | ProblemDetails | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            authorization=authorization,
        )
    ).parsed
