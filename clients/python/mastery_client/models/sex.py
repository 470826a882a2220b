from typing import Literal

Sex = Literal["female", "male", "other", "unspecified"]

SEX_VALUES: set[Sex] = {
    "female",
    "male",
    "other",
    "unspecified",
}


def check_sex(value: str) -> Sex:
    if value in SEX_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEX_VALUES!r}")
