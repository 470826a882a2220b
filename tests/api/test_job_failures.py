"""Issue #12, finding 6: a failed job names what happened (here: a SIS that never answers, a
CSV file the csv reader cannot read past a line), never "an unexpected error stopped the job",
and repeats neither a row's values nor the SIS's answer."""

from __future__ import annotations

import asyncio
from typing import Any

from app.bootstrap import Container
from tests.api.outbound import api_sending_through, outbound
from tests.api.test_roster_outbound import CONNECTION, _oauth1, _sync
from tests.conftest import Api
from tests.integration import oneroster_sets as sets

LONG_NAME = "Q" * 200_000  # past the csv module's field limit (131,072 characters)


async def test_a_sis_that_never_answers_fails_the_sync_as_timed_out(
    api: Api, container: Container
) -> None:
    held: list[asyncio.StreamWriter] = []

    async def silent(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)  # accepts, reads nothing, answers nothing

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = int(server.sockets[0].getsockname()[1])
    try:
        async with api_sending_through(
            container, api.tenant, outbound("127.0.0.1", allow_http=True), sis_timeout_seconds=0.3
        ) as allowed:
            await allowed.put(CONNECTION, _oauth1(f"http://127.0.0.1:{port}/sis"))
            job = await _sync(allowed, container)
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()
    assert (job["status"], job["result"]["detail"], job["errors"]) == (
        "failed",
        "The SIS did not answer in time",
        [
            {
                "loc": ["base_url"],
                "msg": f"timed out: 127.0.0.1:{port} gave no answer within 0.3 seconds",
            }
        ],
    )


async def test_a_csv_line_the_reader_cannot_read_fails_the_import_job_at_that_line(
    api: Api, container: Container
) -> None:
    files = dict(sets.BULK_1_1)
    files["users.csv"] = sets.USERS_1_1.replace(",Sue,Smart,", f",Sue,{LONG_NAME},")
    uploaded = await api.post(
        "/v1/roster/imports",
        files={"file": ("roster.zip", sets.zip_set(files), "application/zip")},
    )
    assert uploaded.status_code == 202, uploaded.text
    await container.jobs.wait()
    job: dict[str, Any] = (await api.get(uploaded.headers["location"])).json()
    assert (job["status"], job["result"]["detail"], job["errors"]) == (
        "failed",
        "The roster set cannot be read; nothing was written",
        # Sue's row is line 4 of users.csv (the header is line 1).
        [{"loc": ["users.csv", 4], "msg": "not valid CSV: field larger than field limit (131072)"}],
    )
    assert LONG_NAME not in str(job)
    assert (await api.get("/v1/users")).json()["items"] == []
