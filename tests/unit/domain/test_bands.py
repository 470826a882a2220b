"""Performance bands on a scale: which band a score reads as, worked by hand."""

import pytest

from app.domain.scales import DEFAULT_SCALE, Band, Scale

BANDS = (Band(1, "Well Below"), Band(2.5, "Approaching", "#fee08b"), Band(3, "Mastery"))
SCALE = Scale(DEFAULT_SCALE.levels, 3, BANDS)


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (0.5, "Well Below"),  # below the lowest level: still the first band, which covers it
        (1.0, "Well Below"),
        (2.49, "Well Below"),
        (2.5, "Approaching"),  # a band starts at its at_least
        (2.99, "Approaching"),
        (3.0, "Mastery"),
        (4.0, "Mastery"),
    ],
)
def test_a_score_reads_as_the_last_band_starting_at_or_below_it(score: float, label: str) -> None:
    band = SCALE.band_for(score)
    assert band is not None
    assert band.label == label


def test_without_bands_a_score_reads_as_its_levels_name() -> None:
    assert DEFAULT_SCALE.band_for(2.7) == Band(2, "Developing")
    assert DEFAULT_SCALE.band_for(0.5) is None  # below the lowest level
    assert DEFAULT_SCALE.band_for(None) is None


def test_bands_are_words_not_measurement() -> None:
    # Equal scales decide alike: bands take no part, so changing them recomputes nothing.
    assert SCALE == DEFAULT_SCALE
    assert SCALE.with_threshold(2.5).bands == BANDS
