"""/lti/login is limited per client address (MASTERY_LTI_LOGINS_PER_MINUTE_PER_ADDRESS): past
the limit a 429 page with Retry-After, and no login state is stored for the refused request."""

from __future__ import annotations

from sqlalchemy import func, select

from app.adapters.db.lti_tables import LtiStateRow
from app.api.rate_limits import TokenRateLimits
from app.bootstrap import Container
from app.config import Settings
from app.domain.access import Tenant
from tests.api.lti.launching import tool_for


async def _states(container: Container) -> int:
    async with container.engine.connect() as connection:
        count = await connection.scalar(select(func.count()).select_from(LtiStateRow))
    return int(count or 0)


async def test_the_fourth_login_a_minute_from_one_address_gets_a_429_page(
    container: Container, tenant: Tenant
) -> None:
    limits = TokenRateLimits(lti_logins_per_address=3)
    async with tool_for(container, tenant, limits=limits) as tool:
        answers = [await tool.login() for _ in range(3)]
        stored = await _states(container)
        refused = await tool.login()
        # POST logins count against the same address.
        refused_post = await tool.http.post("/lti/login", data={"iss": tool.platform.issuer})
    assert [a.status_code for a in answers] == [302, 302, 302]
    assert refused.status_code == 429
    # The window is one minute: the wait is at most 60 s and at least 1 s.
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["content-type"].startswith("text/html")
    assert "Too many launches from your network" in refused.text
    assert refused_post.status_code == 429
    assert await _states(container) == stored  # the refused ones stored nothing


def test_the_limit_is_a_setting_with_a_default_of_120() -> None:
    assert Settings().lti_logins_per_minute_per_address == 120
    assert Settings(lti_logins_per_minute_per_address=7).lti_logins_per_minute_per_address == 7
