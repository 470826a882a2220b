from typing import Literal

ClassMasteryFormatType0 = Literal["csv", "json"]

CLASS_MASTERY_FORMAT_TYPE_0_VALUES: set[ClassMasteryFormatType0] = {
    "csv",
    "json",
}


def check_class_mastery_format_type_0(value: str) -> ClassMasteryFormatType0:
    if value in CLASS_MASTERY_FORMAT_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CLASS_MASTERY_FORMAT_TYPE_0_VALUES!r}"
    )
