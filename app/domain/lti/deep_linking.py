"""The answer to a Deep Linking request (LTI Deep Linking 2.0): what a teacher picked — some
competencies of a framework, or one domain — as LTI resource links whose line items name the
competency, so that the grades of those assignments come back as evidence for it
(app/domain/lti/grades.py reads `resourceId`).

- The request message says where the answer goes (deep_link_return_url), which item types
  the platform accepts (accept_types) and whether several (accept_multiple), and opaque `data`
  that must come back unchanged.
- An `ltiResourceLink` content item has a url (our launch), a title, `custom` parameters sent
  on each launch of it, and a `lineItem` (label, scoreMaximum, resourceId, tag) the platform
  makes for it.
- The response message is a JWT signed by the tool's key: iss the client_id, aud the
  platform's issuer, a nonce, the LTI message type, version and deployment_id, `data` echoed,
  and the content items."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import Problem
from app.domain.lti.grades import TAG_PREFIX
from app.domain.lti.launch import Launch

RESOURCE_LINK = "ltiResourceLink"
RESPONSE_TYPE = "LtiDeepLinkingResponse"
LTI_VERSION = "1.3.0"
ANSWER_SECONDS = 300
# Points a teacher grades the assignment out of; a result is put on the competency's scale by
# resultScore / scoreMaximum, so the LMS's points need not match the scale.
SCORE_MAXIMUM = 100

_LTI = "https://purl.imsglobal.org/spec/lti/claim/"
_DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"


@dataclass(frozen=True)
class Picked:
    """One competency to link: its id and how a teacher reads it."""

    competency_id: str
    code: str
    statement: str

    @property
    def title(self) -> str:
        return f"{self.code} {self.statement}".strip()


def acceptance_problems(launch: Launch, picked: Sequence[Picked]) -> list[Problem]:
    """Why the platform would refuse these items (the request's accept_types and
    accept_multiple), every reason."""
    problems: list[Problem] = []
    if not picked:
        problems.append(Problem(("competency_ids",), "choose at least one competency or a domain"))
    if launch.deep_link_accept_types and RESOURCE_LINK not in launch.deep_link_accept_types:
        problems.append(Problem(("accept_types",), "the LMS does not accept resource links here"))
    if not launch.deep_link_accept_multiple and len(picked) > 1:
        problems.append(
            Problem(("competency_ids",), "the LMS accepts one item here: choose one competency")
        )
    return problems


def content_item(picked: Picked, launch_url: str) -> dict[str, object]:
    return {
        "type": RESOURCE_LINK,
        "title": picked.title,
        "url": launch_url,
        "custom": {"competency_id": picked.competency_id},
        "lineItem": {
            "scoreMaximum": SCORE_MAXIMUM,
            "label": picked.title,
            "resourceId": picked.competency_id,
            "tag": f"{TAG_PREFIX}{picked.competency_id}",
        },
    }


def response_claims(
    launch: Launch, picked: Sequence[Picked], launch_url: str, now: datetime
) -> dict[str, object]:
    """The claims of the signed LtiDeepLinkingResponse (the response message's claims)."""
    issued = int(now.timestamp())
    claims: dict[str, object] = {
        "iss": launch.client_id,
        "aud": launch.issuer,
        "iat": issued,
        "exp": issued + ANSWER_SECONDS,
        "nonce": secrets.token_urlsafe(24),
        f"{_LTI}message_type": RESPONSE_TYPE,
        f"{_LTI}version": LTI_VERSION,
        f"{_LTI}deployment_id": launch.deployment_id,
        f"{_DL}content_items": [content_item(p, launch_url) for p in picked],
    }
    if launch.deep_link_data is not None:
        claims[f"{_DL}data"] = launch.deep_link_data
    return claims
