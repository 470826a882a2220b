"""What the framework shapes' fields mean, said once for OpenAPI (the REST shapes and the
simulation request share them)."""

from __future__ import annotations

BANDS = (
    "Performance bands: words and colours for ranges of scores, rising, the first from the "
    "lowest level; null or empty: the level names. Changing them recomputes nothing"
)


# Said on every `method` field: the deprecated names are read, never answered.
METHOD_DESCRIPTION = (
    "Canvas's names mean what they mean in Canvas: `decaying_average` is latest·w + "
    "mean(earlier)·(1-w), `standard_decaying_average` the recursive average. Deprecated: "
    "`legacy_decaying_average` and `weighted_average` are read as `decaying_average`, which "
    "is what reads answer."
)


WEIGHT = "Its weight in its parent's weighted rollup score; null counts 1"
SCALE = (
    "Its own levels, threshold and bands, for it and the descendants that set none; null: the "
    "nearest ancestor's, else the framework's"
)
THRESHOLD = "Its own mastery threshold on the scale it has (its own or inherited); null: that's"
MIN_EVIDENCE = (
    "Results needed before it is decided, for it and the descendants that set none; null: "
    "the nearest ancestor's, else the framework's"
)


CATEGORIES = (
    "The framework's evidence categories; when there are any, every new result names one. "
    "average, most_recent_average and n_mastery take the mean per category, then weigh the "
    "categories with evidence by their weights"
)
MISSING_LEVEL = "What a result marked missing counts as; null: the scale's lowest level"
CATEGORY_MAP = (
    "OneRoster gradebook categories onto the framework's: {category sourcedId or title: "
    "category name}. A line item's results take the category its category maps onto; without "
    "a mapping, the framework category named like the OneRoster category's title (any case); "
    "else they stay uncategorised"
)
UNCATEGORISED = (
    "One of the categories: results without one of the framework's categories (stored before "
    "it had categories, or in a category since removed) count in it; null: they do not count "
    "(listed as uncategorised). Changing it recomputes decisions"
)
