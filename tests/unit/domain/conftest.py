"""`HYPOTHESIS_PROFILE=thorough pytest tests/unit` digs deeper than `make test` (minutes)."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "thorough", deadline=None, max_examples=3000, suppress_health_check=[HealthCheck.too_slow]
)
if os.environ.get("HYPOTHESIS_PROFILE") == "thorough":
    settings.load_profile("thorough")
