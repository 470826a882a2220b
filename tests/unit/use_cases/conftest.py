"""Use cases on fakes: every port faked (tests/fakes), wired by the composition root's `wire`."""

from __future__ import annotations

import pytest

from app.bootstrap import Policy
from app.use_cases.catalog import UseCases
from tests.fakes.wiring import FakeAdapters


@pytest.fixture
def fakes() -> FakeAdapters:
    return FakeAdapters()


@pytest.fixture
def policy() -> Policy:
    return Policy()


@pytest.fixture
def use_cases(fakes: FakeAdapters, policy: Policy) -> UseCases:
    return fakes.use_cases(policy)
