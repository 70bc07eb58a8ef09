"""The region table: names people write map to one id; an unknown region is refused."""

from datetime import date

import pytest

from infocards.regions import REGIONS, normalize_region


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Syddanmark", "syddanmark"),
        ("Region Syddanmark", "syddanmark"),
        ("region sjælland", "sjaelland"),
        ("Sjaelland", "sjaelland"),
        ("Region Zealand", "sjaelland"),
        ("Region Østdanmark", "oestdanmark"),
        ("hovedstaden", "hovedstaden"),
        ("", None),
        (None, None),
    ],
)
def test_names_people_write_map_to_one_id(written, expected):
    assert normalize_region(written) == expected


@pytest.mark.parametrize("bad", ["Skåne", "Region Fyn", "syd"])
def test_an_unknown_region_is_refused(bad):
    with pytest.raises(ValueError, match="unknown region"):
        normalize_region(bad)


def test_the_merger_of_2027():
    assert REGIONS["hovedstaden"].exists_on(date(2026, 12, 31))
    assert not REGIONS["hovedstaden"].exists_on(date(2027, 1, 1))
    assert REGIONS["oestdanmark"].exists_on(date(2027, 1, 1))
    assert not REGIONS["oestdanmark"].exists_on(date(2026, 12, 31))


def test_tel_targets_are_digits_only():
    assert REGIONS["syddanmark"].tel() == "70110707"
    assert REGIONS["hovedstaden"].tel() == "1813"
    assert REGIONS["oestdanmark"].tel() is None
