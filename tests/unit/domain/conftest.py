"""`pytest --hypothesis-profile=thorough tests/unit/domain` digs deeper than `make test`."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "thorough", deadline=None, max_examples=3000, suppress_health_check=[HealthCheck.too_slow]
)
