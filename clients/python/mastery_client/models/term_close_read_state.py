from typing import Literal

TermCloseReadState = Literal["closed", "closing"]

TERM_CLOSE_READ_STATE_VALUES: set[TermCloseReadState] = {
    "closed",
    "closing",
}


def check_term_close_read_state(value: str) -> TermCloseReadState:
    if value in TERM_CLOSE_READ_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TERM_CLOSE_READ_STATE_VALUES!r}")
