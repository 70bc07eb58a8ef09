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
