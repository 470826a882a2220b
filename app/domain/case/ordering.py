"""The order of siblings: by sequenceNumber, then by humanCodingScheme in natural order.

Real exports often omit sequenceNumber and list items in lexical order (L1.1, L1.10, L1.2, ...);
a natural sort of the human coding scheme restores the order a reader expects (1, 2, ..., 10).
The same key decides the order on import and whether an export may keep stored numbers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

_DIGITS = re.compile(r"([0-9]+)")

NaturalKey = tuple[tuple[int, int, str], ...]
SiblingKey = tuple[int, int, NaturalKey, int]


def natural_key(text: str | None) -> NaturalKey:
    """A sort key that compares runs of digits as numbers: "L1.2" < "L1.10"."""
    return tuple(
        (0, int(part), "") if part[0].isascii() and part[0].isdigit() else (1, 0, part.casefold())
        for part in _DIGITS.split(text or "")
        if part
    )


def sibling_key(sequence_number: int | None, code: str | None, index: int) -> SiblingKey:
    """Numbered siblings first, by number; then the rest by code; then by `index` (the order
    they were given in)."""
    if sequence_number is not None:
        return (0, sequence_number, (), index)
    return (1, 0, natural_key(code), index)


def follows_sibling_order(numbers: Sequence[int | None], codes: Sequence[str | None]) -> bool:
    """Whether siblings listed in this order are already in the order `sibling_key` gives."""
    keys = [sibling_key(n, c, i) for i, (n, c) in enumerate(zip(numbers, codes, strict=True))]
    return all(a <= b for a, b in pairwise(keys))
