from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.erase_student_response_erase_student import EraseStudentResponseEraseStudent
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    confirm: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_confirm: None | str | Unset
    if isinstance(confirm, Unset):
        json_confirm = UNSET
    else:
        json_confirm = confirm
    params["confirm"] = json_confirm

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/students/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EraseStudentResponseEraseStudent | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = EraseStudentResponseEraseStudent.from_dict(response.json())

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
) -> Response[EraseStudentResponseEraseStudent | ProblemDetails]:
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
    confirm: None | str | Unset = UNSET,
) -> Response[EraseStudentResponseEraseStudent | ProblemDetails]:
    """Erase everything held about one student

     Deletes every row the export shows and takes the student's id and facts out of the audit trail;
    answers how many rows went, by section. Erase the student in the SIS first, or the next roster
    import or sync brings the roster record back.

    Scope: `admin`.

    Args:
        id (str):
        confirm (None | str | Unset): The student's id again, to confirm.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EraseStudentResponseEraseStudent | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        confirm=confirm,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    confirm: None | str | Unset = UNSET,
) -> EraseStudentResponseEraseStudent | ProblemDetails | None:
    """Erase everything held about one student

     Deletes every row the export shows and takes the student's id and facts out of the audit trail;
    answers how many rows went, by section. Erase the student in the SIS first, or the next roster
    import or sync brings the roster record back.

    Scope: `admin`.

    Args:
        id (str):
        confirm (None | str | Unset): The student's id again, to confirm.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EraseStudentResponseEraseStudent | ProblemDetails
    """

    return sync_detailed(
        id=id,
        client=client,
        confirm=confirm,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    confirm: None | str | Unset = UNSET,
) -> Response[EraseStudentResponseEraseStudent | ProblemDetails]:
    """Erase everything held about one student

     Deletes every row the export shows and takes the student's id and facts out of the audit trail;
    answers how many rows went, by section. Erase the student in the SIS first, or the next roster
    import or sync brings the roster record back.

    Scope: `admin`.

    Args:
        id (str):
        confirm (None | str | Unset): The student's id again, to confirm.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EraseStudentResponseEraseStudent | ProblemDetails]
    """

    kwargs = _get_kwargs(
        id=id,
        confirm=confirm,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    confirm: None | str | Unset = UNSET,
) -> EraseStudentResponseEraseStudent | ProblemDetails | None:
    """Erase everything held about one student

     Deletes every row the export shows and takes the student's id and facts out of the audit trail;
    answers how many rows went, by section. Erase the student in the SIS first, or the next roster
    import or sync brings the roster record back.

    Scope: `admin`.

    Args:
        id (str):
        confirm (None | str | Unset): The student's id again, to confirm.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EraseStudentResponseEraseStudent | ProblemDetails
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            confirm=confirm,
        )
    ).parsed
