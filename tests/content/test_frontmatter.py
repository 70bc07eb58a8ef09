"""The fast front-matter reader agrees with PyYAML's base loader, or steps aside (None)."""

from __future__ import annotations

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from infocards.content.frontmatter import parse_simple

_KEYS = st.sampled_from(["id", "title", "sources", "codes", "on", "a_b", "x", "url"])
_ATOMS = st.sampled_from(
    ["Ryg", "ondt i ryggen", "2026-06-01", "yes", "https://www.sst.dk/a?b=1#c", "ICD-10:M51.1", "a: b", "a #b",
     "-1", "- x", "[a, b]", "[]", "[a,]", "[a:, b]", "[ICPC-2:L86, x]", '"quoted"', "'single'", '"a\\"b"', "'it''s'",
     "{a: 1}", "&anchor x", "*alias", "!tag x", "|", ">", "%", "@x", "`x`", "? x", "x:", "Æble øl å", "", " ",
     "a\tb", "\x85", "\u2028", "\ufeff", "\x07", "#", "é", ",", "a,b", ":x", "x :y"]
)  # fmt: skip
_LINE = st.one_of(
    st.builds(lambda k, v: f"{k}: {v}", _KEYS, _ATOMS),
    st.builds(lambda k: f"{k}:", _KEYS),
    st.builds(lambda v: f"  - {v}", _ATOMS),
    st.builds(lambda k, v: f"  - {k}: {v}", _KEYS, _ATOMS),
    st.builds(lambda k, v: f"    {k}: {v}", _KEYS, _ATOMS),
    st.builds(lambda v: f"   {v}", _ATOMS),
    st.sampled_from(["", "# note", "  # note", "- top", "---", "  -", "\t- x"]),
)


_SAFE = st.sampled_from(["Ryg", "ondt i ryggen", "2026-06-01", "true", "https://www.sst.dk/", "ICD-10:M51.1", "Æ ø å"])
_VALUE = st.one_of(_SAFE, _SAFE, _SAFE, _ATOMS)
_ENTRY = st.one_of(
    st.builds(lambda k, v: [f"{k}: {v}"], _KEYS, _VALUE),
    st.builds(lambda k, vs: [f"{k}: [{', '.join(vs)}]"], _KEYS, st.lists(_VALUE, max_size=3)),
    st.builds(lambda k, vs: [f"{k}:"] + [f"  - {v}" for v in vs], _KEYS, st.lists(_VALUE, max_size=3)),
    st.builds(
        lambda k, items: [f"{k}:"] + [line for a, b in items for line in (f"  - title: {a}", f"    url: {b}")],
        _KEYS,
        st.lists(st.tuples(_VALUE, _VALUE), max_size=3),
    ),
)
_DOCUMENT = st.builds(
    lambda entries: [line for entry in entries for line in entry],
    st.lists(_ENTRY, max_size=6, unique_by=lambda entry: entry[0].split(":")[0]),
)


def _yaml(text: str):
    try:
        return yaml.load(text, Loader=yaml.CBaseLoader)  # noqa: S506 - the base loader builds only str, list, dict
    except yaml.YAMLError:
        return "error"


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.lists(_LINE, max_size=8), _DOCUMENT))
@example(["id: x", "sources:", "  - title: a", "    url: https://a.dk", "codes: [ICPC-2:L86, ICD-10:M51.1]"])
def test_the_fast_reader_agrees_with_pyyaml_or_steps_aside(lines):
    text = "\n".join(lines)
    fast = parse_simple(text)
    if fast is not None:
        assert fast == _yaml(text), text


def test_the_shapes_cards_use_are_read_fast():
    text = (
        "id: disc-herniation\ntitle: Diskusprolaps\nsummary: 'En linje: med kolon'\nreviewed: 2026-06-01\n"
        "sources:\n  - title: Sundhedsstyrelsen\n    url: https://www.sst.dk/\n  - title: b\n    url: https://b.dk\n"
        "codes:\n  - ICPC-2:L86\nrelated: [a, b-c]\noverrides: true\nregion:\n"
    )
    assert parse_simple(text) == _yaml(text)
    assert parse_simple(text)["sources"][1] == {"title": "b", "url": "https://b.dk"}
