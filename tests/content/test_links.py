"""Which links the app may follow: https, mailto, tel and card links; everything else is blocked."""

from __future__ import annotations

import pytest

from infocards.content import card_link_target, classify_link
from infocards.content.links import is_local_image, is_remote_image


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("card:disc-herniation", "card"),
        ("https://www.sst.dk/da/udgivelser", "https"),
        ("HTTPS://WWW.SST.DK/", "https"),
        ("mailto:sundhed@example.org", "mailto"),
        ("tel:+45 70 11 31 31", "tel"),  # blanks are dropped before judging, as browsers drop tabs
        ("tel:+4570113131", "tel"),
        ("tel:1813", "tel"),
        ("http://www.sst.dk/", "blocked"),
        ("javascript:alert(1)", "blocked"),
        ("JavaScript:alert(1)", "blocked"),
        ("java\tscript:alert(1)", "blocked"),
        ("java&#115;cript:alert(1)", "blocked"),
        ("data:text/html;base64,PHNjcmlwdD4=", "blocked"),
        ("vbscript:msgbox", "blocked"),
        ("file:///etc/passwd", "blocked"),
        ("ftp://example.org/", "blocked"),
        ("//example.org/x", "blocked"),
        ("relative/page.html", "blocked"),
        ("card:Disc_Herniation", "blocked"),
        ("card:", "blocked"),
        ("https://", "blocked"),
        ("https://user@evil.example/", "blocked"),
        ("mailto:", "blocked"),
        ("", "blocked"),
    ],
)
def test_classify_link(url, kind):
    assert classify_link(url) == kind


def test_entities_and_escapes_are_decoded_before_judging():
    assert classify_link("https&#58;//www.sst.dk/") == "https"
    assert classify_link(r"card\:gp") == "card"


def test_card_link_target():
    assert card_link_target("card:disc-herniation") == "disc-herniation"
    assert card_link_target("<card:gp>") == "gp"
    assert card_link_target("https://www.sst.dk/") is None
    assert card_link_target("card:Not_An_Id") is None


def test_images_are_local_or_remote():
    assert is_local_image("images/spine.png")
    assert not is_local_image("/etc/spine.png")
    assert not is_local_image("https://example.org/spine.png")
    assert is_remote_image("https://example.org/spine.png")
    assert is_remote_image("http://example.org/spine.png")
    assert is_remote_image("//example.org/spine.png")
    assert not is_remote_image("images/spine.png")
