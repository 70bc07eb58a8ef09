"""The route table: every route has a view, parameters are parsed, unknown routes go home."""

from __future__ import annotations

import pytest

from infocards.ui.app import match_route
from infocards.ui.views import card, category, home, profile, reader, record_form, share, wallet, wallet_settings


@pytest.mark.parametrize(
    ("route", "builder", "params", "parent"),
    [
        ("/", home.view, {}, None),
        ("/category/diagnosis", category.view, {"category": "diagnosis"}, "/"),
        ("/card/disc-herniation", card.view, {"card_id": "disc-herniation"}, "/"),
        ("/wallet", wallet.view, {}, "/"),
        ("/wallet/add", record_form.choose_view, {}, "/wallet"),
        ("/wallet/add/encounter", record_form.new_view, {"record_type": "encounter"}, "/wallet"),
        ("/wallet/edit/r01", record_form.edit_view, {"record_id": "r01"}, "/wallet"),
        ("/wallet/settings", wallet_settings.settings_view, {}, "/wallet"),
        ("/wallet/recover", wallet_settings.recover_view, {}, "/wallet"),
        ("/wallet/profile", profile.view, {}, "/wallet"),
        ("/wallet/log", profile.log_view, {}, "/wallet"),
        ("/share", share.view, {}, "/wallet"),
        ("/reader", reader.view, {}, "/"),
        ("/card/disc-herniation?from=search", card.view, {"card_id": "disc-herniation"}, "/"),
    ],
)
def test_each_route_has_its_view(route, builder, params, parent):
    assert match_route(route) == (builder, params, parent)


@pytest.mark.parametrize("route", ["/nowhere", "/card/", "/card/../../etc", "/wallet/edit/", "", "/CARD/x"])
def test_unknown_routes_go_home(route):
    assert match_route(route) == (home.view, {}, None)


def test_a_card_opened_from_a_form_leads_back_to_the_form():
    from infocards.ui.app import card_route, parent_of
    from infocards.ui.state import AppState

    route = card_route("role-gp", back_to="/wallet/add/encounter")
    assert route == "/card/role-gp?from=/wallet/add/encounter"
    assert match_route(route) == (card.view, {"card_id": "role-gp"}, "/wallet/add/encounter")
    edit = card_route("role-gp", back_to="/wallet/edit/r-01")
    assert match_route(edit)[2] == "/wallet/edit/r-01"
    state = AppState.__new__(AppState)  # parent_of reads only reader_only
    state.reader_only = False
    assert parent_of(route, state) == "/wallet/add/encounter"


@pytest.mark.parametrize("back", ["https://example.org", "/reader", "//evil", "/wallet/nowhere", "/wallet?from=x"])
def test_a_card_never_leads_back_to_a_route_that_is_not_a_wallet_screen(back):
    assert match_route(f"/card/role-gp?from={back}")[2] == "/"


def test_a_card_leads_back_through_the_category_and_the_cards_it_was_reached_from():
    """Back from a card opened from a category list or a related link is the screen before, not
    home (issue 19, bug 7); a chain of related links is walked back one card at a time."""
    from infocards.ui.app import BACK_STEPS_KEPT, card_route

    first = card_route("disc-herniation", back_to="/category/diagnosis")
    assert match_route(first) == (card.view, {"card_id": "disc-herniation"}, "/category/diagnosis")
    second = card_route("red-flags", back_to=first)
    assert match_route(second)[2] == first
    third = card_route("role-gp", back_to=second)
    assert match_route(third)[2] == second
    from_wallet = card_route("sick-pay", back_to=card_route("role-gp", back_to="/wallet"))
    assert match_route(match_route(from_wallet)[2])[2] == "/wallet"
    # A long chain keeps the last screens only, so the address stays short.
    route = "/category/diagnosis"
    for step in range(3 * BACK_STEPS_KEPT):
        route = card_route(f"card-{step}", back_to=route)
    assert route.count("from=") == BACK_STEPS_KEPT
    assert card_route("role-gp", back_to="/") == "/card/role-gp"  # home is every card's parent anyway


@pytest.mark.parametrize("back", ["/category/nowhere!", "/card/../x", "/category/diagnosis&from=/reader"])
def test_a_card_refuses_a_chain_with_a_screen_it_may_not_go_back_to(back):
    assert match_route(f"/card/role-gp?from=/category/diagnosis&from={back}")[2] == "/"


def test_my_details_opened_from_the_share_form_lead_back_to_it():
    assert match_route("/wallet/profile?from=/share") == (profile.view, {}, "/share")
    assert match_route("/wallet/profile?from=/reader")[2] == "/wallet"
    assert match_route("/wallet/profile")[2] == "/wallet"
