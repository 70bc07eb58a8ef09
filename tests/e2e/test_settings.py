"""Where the patient lives, asked once on a phone-sized screen (issue 19: the patient's region).

On a phone the patient cannot edit flet.toml; the app asks once, keeps the answer on the device,
and the home screen's urgent box then shows that region's number with "Min mappe" in view."""

from __future__ import annotations

import json

from tests.e2e.harness import (
    by_id,
    free_port,
    infocards_web,
    open_app,
    served,
    tap,
    text_of,
    type_into,
    wait_id,
    wait_said,
)

PHONE = {"width": 390, "height": 844}


def _pick(page, identifier: str, option: str) -> None:
    by_id(page, identifier).click()
    page.get_by_role("button", name=option, exact=True).click()


def test_home_asks_where_the_patient_lives_once_and_then_shows_their_regions_number(tmp_path, browser_page,
                                                                                  screenshot):
    home = tmp_path / "home"
    home.mkdir()
    wallet = tmp_path / "data" / "wallet.icw"
    env = {"INFOCARDS_WALLET": str(wallet)}
    port = free_port()
    with served(infocards_web(port), port, home, env=env) as url:
        page = browser_page
        page.set_viewport_size(PHONE)
        open_app(page, url)
        assert "Hvor bor du?" in wait_said(page, "where", "Hvor bor du?")
        assert by_id(page, "call-hovedstaden").count() == 1  # no region yet: every region's number
        screenshot(page, "home-where")
        tap(page, "where-choose")
        wait_id(page, "settings-heading")
        _pick(page, "settings-region", "Region Syddanmark")
        type_into(page, "settings-municipality", "Middelfart")
        tap(page, "settings-save")
        wait_said(page, "urgent", "Region Syddanmark")
        assert "70 11 07 07" in text_of(page, "call-syddanmark").replace("\u00a0", " ")
        assert by_id(page, "call-hovedstaden").count() == 0 and by_id(page, "where").count() == 0
        # "Min mappe" is on the first screen of a phone.
        box = wait_id(page, "home-wallet").bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], box
        screenshot(page, "home-region-chosen")

        # Kept on the device: a new tab (a new session) shows the same, and the question is not asked.
        page = page.context.new_page()
        page.set_viewport_size(PHONE)
        open_app(page, url)
        wait_said(page, "urgent", "Region Syddanmark")
        assert by_id(page, "where").count() == 0
    saved = json.loads((wallet.parent / "preferences.json").read_text(encoding="utf-8"))
    assert saved == {"region": "syddanmark", "municipality": "Middelfart", "asked": True}
    assert (wallet.parent / "preferences.json").stat().st_mode & 0o777 == 0o600


def test_not_now_is_remembered_and_settings_can_still_set_a_region(tmp_path, browser_page):
    home = tmp_path / "home"
    home.mkdir()
    env = {"INFOCARDS_WALLET": str(tmp_path / "data" / "wallet.icw")}
    port = free_port()
    with served(infocards_web(port), port, home, env=env) as url:
        page = browser_page
        page.set_viewport_size(PHONE)
        open_app(page, url)
        wait_id(page, "where")
        tap(page, "where-skip")
        wait_id(page, "where-change")
        assert by_id(page, "where").count() == 0
        page = page.context.new_page()
        page.set_viewport_size(PHONE)
        open_app(page, url)
        tap(page, "where-change")
        _pick(page, "settings-region", "Region Nordjylland")
        tap(page, "settings-save")
        assert "70 15 03 00" in wait_said(page, "call-nordjylland", "70").replace("\u00a0", " ")
