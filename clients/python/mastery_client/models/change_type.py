from typing import Literal

ChangeType = Literal[
    "decision.changed",
    "evidence.added",
    "evidence.replaced",
    "evidence.voided",
    "roster.class.changed",
    "roster.enrollment.changed",
    "roster.user.changed",
    "webhook.disabled",
]

CHANGE_TYPE_VALUES: set[ChangeType] = {
    "decision.changed",
    "evidence.added",
    "evidence.replaced",
    "evidence.voided",
    "roster.class.changed",
    "roster.enrollment.changed",
    "roster.user.changed",
    "webhook.disabled",
}


def check_change_type(value: str) -> ChangeType:
    if value in CHANGE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CHANGE_TYPE_VALUES!r}")
