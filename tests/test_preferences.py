"""The patient's own region and municipality on this device (infocards.preferences)."""

import os

import pytest

from infocards.preferences import Preferences, clean_municipality, load_preferences, save_preferences


def test_choices_round_trip_privately(tmp_path):
    path = tmp_path / "data" / "preferences.json"
    save_preferences(path, Preferences("syddanmark", "Middelfart", True))
    assert load_preferences(path) == Preferences("syddanmark", "Middelfart", True)
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[]", b'{"region": "atlantis", "municipality": "", "asked": true}',
     b'{"region": 7, "municipality": "", "asked": true}', b'{"region": "", "municipality": "", "asked": "yes"}',
     b"\xff\xfe", b'{"region": "", "municipality": "' + b"x" * 5000 + b'", "asked": true}'],
)
def test_a_file_that_cannot_be_read_counts_as_not_asked_and_is_left_alone(tmp_path, content):
    path = tmp_path / "preferences.json"
    path.write_bytes(content)
    assert load_preferences(path) == Preferences()
    assert path.read_bytes() == content  # reading never rewrites it


def test_a_missing_file_is_not_asked_yet(tmp_path):
    assert load_preferences(tmp_path / "none.json") == Preferences()


def test_saving_replaces_a_planted_link_instead_of_writing_through_it(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("not yours")
    path = tmp_path / "preferences.json"
    os.symlink(target, path)
    save_preferences(path, Preferences("nordjylland", "", True))
    assert target.read_text() == "not yours" and not path.is_symlink()
    assert load_preferences(path).region == "nordjylland"


def test_a_municipality_is_one_clean_line():
    assert clean_municipality("  Middel\u200bfart \n Kommune ") == "Middelfart Kommune"
    with pytest.raises(ValueError):
        clean_municipality("x" * 61)
    with pytest.raises(ValueError):
        Preferences("", "two\nlines", True)
    with pytest.raises(ValueError):
        Preferences("atlantis", "", True)


def test_the_patients_answer_wins_over_the_deployments_region(tmp_path):
    from infocards.config import Settings
    from infocards.content.library import Library
    from infocards.ui.session import WalletSession
    from infocards.ui.state import AppState

    wallet = WalletSession(tmp_path / "wallet.icw", 300)
    state = AppState(Settings((), region="hovedstaden", municipality="Gentofte"), Library.load(()), wallet=wallet)
    assert state.home_question_due() and state.region().id == "hovedstaden" and state.municipality() == "Gentofte"
    state.set_home("midtjylland", "Aarhus")
    same_device = WalletSession(tmp_path / "wallet.icw", 300)
    again = AppState(Settings((), region="hovedstaden"), Library.load(()), wallet=same_device)
    assert not again.home_question_due()
    assert again.region().id == "midtjylland" and again.municipality() == "Aarhus"
    reader = AppState(Settings(()), Library.load(()), reader_only=True, wallet=WalletSession(tmp_path / "w2.icw", 300))
    assert not reader.home_question_due()  # a clinic's reader-only server never asks


def test_the_auto_lock_choice_is_remembered_on_the_device():
    # Issue 19, friction: Settings' auto-lock lasted only until the app was closed.
    from infocards.config import Settings
    from infocards.content.library import Library
    from infocards.ui.state import AppState

    # No wallet given: the app's own place (FLET_APP_STORAGE_DATA, the test's folder here).
    first = AppState(Settings((), auto_lock_minutes=5), Library.load(()))
    assert first.wallet.auto_lock_seconds == 5 * 60
    first.set_home("syddanmark", "")
    first.set_auto_lock(15)
    assert first.wallet.auto_lock_seconds == 15 * 60
    again = AppState(Settings((), auto_lock_minutes=5), Library.load(()))  # the app started again
    assert again.wallet.auto_lock_seconds == 15 * 60
    assert again.region().id == "syddanmark"  # one choice never overwrites the other
    with pytest.raises(ValueError):
        Preferences(auto_lock_minutes=0)
    with pytest.raises(ValueError):
        Preferences(auto_lock_minutes=True)
