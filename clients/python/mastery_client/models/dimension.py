from typing import Literal

Dimension = Literal[
    "class",
    "competency",
    "economically_disadvantaged",
    "english_learner",
    "grade",
    "race_ethnicity",
    "school",
    "sex",
    "special_education",
]

DIMENSION_VALUES: set[Dimension] = {
    "class",
    "competency",
    "economically_disadvantaged",
    "english_learner",
    "grade",
    "race_ethnicity",
    "school",
    "sex",
    "special_education",
}


def check_dimension(value: str) -> Dimension:
    if value in DIMENSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DIMENSION_VALUES!r}")
