"""Which roster person an LTI user is.

A platform names a user by (issuer, `sub`), an opaque id of its own; the roster names people by
the SIS's sourcedId. When the platform sends the SIS id (`lis.person_sourcedid` in a launch,
`lis_person_sourcedid` in NRPS) that is the person. When it does not, the person is a roster
record of the service's own making whose sourcedId is derived from (issuer, sub), so that a
launch and a roster pull (NRPS) of the same user, in either order, meet on one record."""

from __future__ import annotations

import hashlib

LTI_PERSON_PREFIX = "lti-"


def person_id(issuer: str, sub: str, lis_person_sourcedid: str | None = None) -> str:
    if lis_person_sourcedid:
        return lis_person_sourcedid
    digest = hashlib.sha256(f"{issuer}\0{sub}".encode()).hexdigest()[:24]
    return f"{LTI_PERSON_PREFIX}{digest}"
