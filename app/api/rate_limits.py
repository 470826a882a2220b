"""Rate limits of the token endpoint, per client id and per address, and of the LTI login
(/lti/login) per address, with the `limits` library's moving window kept in this process's
memory.

Each attempt counts, right or wrong: a client needs a token an hour, so tens a minute is an
attack or a bug (a guessing run, a loop that never caches its token), and each costs an Argon2
verification. A login stores a state and nonce row and answers a redirect to anyone who asks,
so a flood of them fills the table; a school behind one NAT address launching a class at once
is the largest honest burst (a few classes a minute). Per process: N server processes allow N
times the figure."""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class TokenRateLimits:
    def __init__(
        self, *, per_client: int = 30, per_address: int = 120, lti_logins_per_address: int = 120
    ) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._per_client = RateLimitItemPerMinute(per_client)
        self._per_address = RateLimitItemPerMinute(per_address)
        self._lti_logins = RateLimitItemPerMinute(lti_logins_per_address)

    def lti_login_retry_after(self, address: str) -> int | None:
        """Counts one LTI login from this address; None when it may go ahead, else the seconds
        to wait."""
        return self._checked(((self._lti_logins, "lti-login", address),))

    def retry_after(self, client_id: str, address: str) -> int | None:
        """Counts one attempt; None when it may go ahead, else the seconds to wait (the attempt
        then does not count, so a client that waits is let in)."""
        return self._checked(
            ((self._per_client, "client", client_id), (self._per_address, "address", address))
        )

    def _checked(self, checks: tuple[tuple[RateLimitItem, str, str], ...]) -> int | None:
        for item, kind, key in checks:
            if not self._limiter.test(item, kind, key):
                reset, _ = self._limiter.get_window_stats(item, kind, key)
                return max(1, math.ceil(reset - time.time()))
        for item, kind, key in checks:
            self._limiter.hit(item, kind, key)
        return None
