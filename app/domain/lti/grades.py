"""The platform's gradebook (Assignment and Grade Services 2.0) as evidence, and mastery as
scores in it.

Reading (AGS 2.0 line item and result services):
- A line item counts when it names a competency: its `resourceId` (what our Deep Linking
  answer sets, app/domain/lti/deep_linking.py), else a `tag` "mastery:<competency>" (for a line
  item a teacher made by hand in the LMS). Others are the LMS's own grades and are skipped.
- Each result (`userId`, `resultScore`, `resultMaximum` — 1 when absent) is put on the
  line item's `scoreMaximum` (resultScore / resultMaximum * scoreMaximum: a platform may scale a
  result to a maximum of its own) and recorded as a OneRoster gradebook result of the class,
  whose evidence rules (app/domain/gradebook_evidence.py) then put it on the competency's scale.
- The gradebook ids are derived from the platform's ids, one result per (line item, user), so
  a pull again updates in place and never duplicates.

Writing (AGS 2.0 score publish service): one line item per (course, competency), tag "mastery",
resourceId the competency; each student's level posted with a timestamp strictly after the
last one sent for that line item and user (a platform ignores a score not newer than the
last)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.domain.lti.people import LTI_PERSON_PREFIX

TAG_PREFIX = "mastery:"
MASTERY_TAG = "mastery"
DEFAULT_RESULT_MAXIMUM = 1.0


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]


def gradebook_line_item_id(line_item_url: str) -> str:
    """The gradebook line item mirroring a platform's line item (its id is its URL)."""
    return f"{LTI_PERSON_PREFIX}li-{_digest(line_item_url)}"


def gradebook_result_id(line_item_url: str, user_id: str) -> str:
    """The gradebook result of one user on one platform line item: the same on every pull."""
    return f"{LTI_PERSON_PREFIX}res-{_digest(line_item_url, user_id)}"


def competency_named(line_item: Mapping[str, Any]) -> str | None:
    """The competency a platform line item is aligned to, if any."""
    resource = line_item.get("resourceId")
    if isinstance(resource, str) and resource.strip():
        return resource.strip()
    tag = line_item.get("tag")
    if isinstance(tag, str) and tag.startswith(TAG_PREFIX) and tag[len(TAG_PREFIX) :].strip():
        return tag[len(TAG_PREFIX) :].strip()
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


@dataclass(frozen=True)
class AlignedItem:
    url: str
    label: str
    competency: str
    score_maximum: float


def aligned_item(line_item: Mapping[str, Any]) -> AlignedItem | None:
    """A line item that names a competency and has a usable id and scoreMaximum (> 0)."""
    competency = competency_named(line_item)
    url, maximum = line_item.get("id"), _number(line_item.get("scoreMaximum"))
    if competency is None or not isinstance(url, str) or maximum is None or maximum <= 0:
        return None
    label = line_item.get("label")
    return AlignedItem(
        url, label if isinstance(label, str) and label else competency, competency, maximum
    )


@dataclass(frozen=True)
class PlatformResult:
    user_id: str
    score: float  # on the line item's 0..scoreMaximum


def read_result(raw: Mapping[str, Any], item: AlignedItem) -> PlatformResult | None:
    """A result with a score, put on its line item's range; None for one not graded yet."""
    user, score = raw.get("userId"), _number(raw.get("resultScore"))
    maximum = _number(raw.get("resultMaximum"))
    if maximum is None:
        maximum = DEFAULT_RESULT_MAXIMUM
    if not isinstance(user, str) or not user or score is None or maximum <= 0:
        return None
    return PlatformResult(user, score / maximum * item.score_maximum)


def next_timestamp(last_sent: datetime | None, now: datetime) -> datetime:
    """A score's timestamp: now, or a millisecond after the last one sent when the clock has
    not moved past it (two posts in one millisecond, or a clock set back). Whole milliseconds,
    as sent: two instants within one millisecond would be sent as the same timestamp."""
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)
    if last_sent is not None and now <= last_sent:
        return last_sent + timedelta(milliseconds=1)
    return now


def mastery_line_item(competency_id: str, label: str, scale_max: float) -> dict[str, object]:
    """The line item a course's mastery of one competency is posted to (AGS 2.0)."""
    return {
        "label": label,
        "scoreMaximum": scale_max,
        "resourceId": competency_id,
        "tag": MASTERY_TAG,
    }


def mastery_score(user_id: str, level: float, scale_max: float, at: datetime) -> dict[str, object]:
    """A student's level as a score (AGS 2.0 score publish service), graded and complete."""
    return {
        "userId": user_id,
        "scoreGiven": level,
        "scoreMaximum": scale_max,
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
        "timestamp": at.isoformat(timespec="milliseconds"),
    }
