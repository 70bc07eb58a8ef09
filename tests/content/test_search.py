"""Search: title above summary and codes above body, accent- and case-insensitive, word prefixes."""

from __future__ import annotations

import pytest

from infocards.content import Library


@pytest.fixture
def library(content_pack, content_card):
    cards = {
        "a.md": content_card(id="ryg-i-titel", title="Ondt i ryggen", summary="Om smerter.", body="Tekst.\n"),
        "b.md": content_card(id="ryg-i-resume", title="Smerter", summary="Når ryggen gør ondt.", body="Tekst.\n"),
        "c.md": content_card(id="ryg-i-tekst", title="Træning", summary="Om øvelser.", body="Ryggen styrkes.\n"),
        "d.md": content_card(
            id="prolaps",
            title="Diskusprolaps",
            summary="En skive buler ud.",
            codes="[ICPC-2:L86, ICD-10:M51.1]",
            body="Lænden gør ondt.\n",
        ),
        "e.md": content_card(id="laege", title="Praktiserende læge", summary="Lægen henviser.", body="Tekst.\n"),
        "f.md": content_card(
            id="genoptraening", title="Genoptræning på Åbyhøj", summary="Café og træning.", body="Øvelser for ældre.\n"
        ),
        "g.md": content_card(
            id="en-card", lang="en", title="Back pain", summary="When your back hurts.", body="Move.\n"
        ),
    }
    return Library.load([content_pack(cards=cards)])


def ids(cards):
    return [card.id for card in cards]


def test_a_word_in_the_title_ranks_above_summary_above_body(library):
    assert ids(library.search("ryggen", "da")) == ["ryg-i-titel", "ryg-i-resume", "ryg-i-tekst"]


def test_prefixes_of_words_match(library):
    assert ids(library.search("ryg", "da")) == ["ryg-i-titel", "ryg-i-resume", "ryg-i-tekst"]
    assert ids(library.search("disk", "da")) == ["prolaps"]
    assert library.search("iskus", "da") == []  # a word start or a compound part, not any substring


def test_case_and_accents_do_not_matter(library):
    assert ids(library.search("DISKUSPROLAPS", "da")) == ["prolaps"]
    assert ids(library.search("cafe", "da")) == ["genoptraening"]
    assert ids(library.search("Café", "da")) == ["genoptraening"]


def test_danish_letters_match_themselves_and_their_spelled_out_forms(library):
    assert ids(library.search("læge", "da")) == ["laege"]
    assert ids(library.search("laege", "da")) == ["laege"]
    assert ids(library.search("øvelser", "da")) == ["ryg-i-tekst", "genoptraening"]  # summary, then body
    assert ids(library.search("oevelser", "da")) == ids(library.search("øvelser", "da"))
    assert ids(library.search("åbyhøj", "da")) == ["genoptraening"]
    assert ids(library.search("aabyhoej", "da")) == ["genoptraening"]
    assert ids(library.search("ÆLDRE", "da")) == ["genoptraening"]
    assert library.search("abyhoj", "da") == []  # å is not a, ø is not o


def test_every_word_must_match(library):
    assert ids(library.search("ondt ryggen", "da")) == ["ryg-i-titel", "ryg-i-resume"]
    assert library.search("ryggen prolaps", "da") == []


def test_codes_are_searchable(library):
    assert ids(library.search("L86", "da")) == ["prolaps"]
    assert ids(library.search("M51.1", "da")) == ["prolaps"]


def test_empty_queries_find_nothing_and_limit_is_kept(library):
    assert library.search("", "da") == []
    assert library.search("   ", "da") == []
    assert library.search("?!", "da") == []
    assert len(library.search("ryg", "da", limit=2)) == 2


def test_search_stays_in_the_language_asked(library):
    assert ids(library.search("back", "en")) == ["en-card"]
    assert library.search("back", "da") == []
    assert library.search("ryg", "en") == []


def test_a_part_of_a_danish_compound_word_finds_the_card(library):
    # Patients type "prolaps", the card says "Diskusprolaps".
    assert ids(library.search("prolaps", "da"))[0] == "prolaps"
    assert ids(library.search("optræning", "da")) == ["genoptraening"]


def test_a_word_start_ranks_above_a_compound_part(library):
    # "træning" starts a title word on one card and sits inside "genoptræning" on another.
    assert ids(library.search("træning", "da")) == ["ryg-i-tekst", "genoptraening"]


def test_short_terms_only_match_word_starts(library):
    assert "prolaps" not in ids(library.search("lap", "da"))


@pytest.fixture
def patient_words(content_pack, content_card):
    cards = {
        "a.md": content_card(id="role-physiotherapist", title="Fysioterapeuten", summary="Træning og råd."),
        "b.md": content_card(
            id="sick-pay", title="Sygedagpenge", summary="Penge under sygdom.", keywords="[sygemeldt, syg]"
        ),
        "c.md": content_card(id="disc", title="Diskusprolaps", summary="En skive buler ud."),
        "d.md": content_card(id="other", title="Rygcentret", summary="Hvor man undersøger ryggen."),
    }
    return Library.load([content_pack(cards=cards)], region=None)


def test_other_forms_typos_and_keywords_find_the_card(patient_words):
    assert ids(patient_words.search("fysioterapi", "da")) == ["role-physiotherapist"]
    assert ids(patient_words.search("sygemeldt", "da")) == ["sick-pay"]
    assert ids(patient_words.search("prolab", "da")) == ["disc"]
    assert ids(patient_words.search("prolaps", "da")) == ["disc"]
    assert patient_words.search("xyzzy", "da") == []


def test_a_typo_needs_five_letters_and_the_right_first_letter(patient_words):
    assert patient_words.search("syx", "da") == []  # too short for a typo
    assert patient_words.search("krolaps", "da") == []  # the first letter is not a typo we guess
