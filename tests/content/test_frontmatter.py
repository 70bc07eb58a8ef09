"""The fast front-matter reader agrees with PyYAML's base loader, or steps aside (None)."""

from __future__ import annotations

import yaml
from hypothesis import event, example, given, settings
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


# The shapes cards use, with values the fast reader must read itself: plain text (a letter or
# digit first, no ": ", " #" or flow indicators), quoted text without escapes, and the words YAML
# 1.1 would guess at ("true", "null", "~", a date), which the base loader keeps as text.
_WORD = st.text(alphabet="abcxyzæøåÆØÅéRYG0129-./()", min_size=1, max_size=8)
_PLAIN = st.builds(
    lambda first, words: (first + " ".join(words)).rstrip(" "),
    st.sampled_from("aRæØ2é"),
    st.lists(_WORD, max_size=3),
)
_GUESSED = st.sampled_from(["true", "yes", "no", "on", "null", "~", "2026-06-01", "1e3", "0x1F", "-1"[1:], "Æ ø å"])
_QUOTED = st.one_of(_PLAIN.map(lambda text: f"'{text}'"), _PLAIN.map(lambda text: f'"{text}"'))
_SIMPLE_VALUE = st.one_of(_PLAIN, _GUESSED, _QUOTED, st.just("https://www.sst.dk/a?b=1#c"))
_FLOW_VALUE = st.one_of(_PLAIN, _GUESSED)  # no quotes inside [ ]: the fast reader leaves those to PyYAML
_KEY_NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,7}", fullmatch=True)


def _entries(value, flow_value):
    return st.one_of(
        st.builds(lambda k, v: [f"{k}: {v}"], _KEY_NAMES, value),
        st.builds(lambda k: [f"{k}:"], _KEY_NAMES),
        st.builds(lambda k, vs: [f"{k}: [{', '.join(vs)}]"], _KEY_NAMES, st.lists(flow_value, max_size=3)),
        st.builds(lambda k, vs: [f"{k}:"] + [f"  - {v}" for v in vs], _KEY_NAMES, st.lists(value, min_size=1,
                                                                                       max_size=3)),
        st.builds(
            lambda k, items: [f"{k}:"] + [line for a, b in items for line in (f"  - title: {a}", f"    url: {b}")],
            _KEY_NAMES,
            st.lists(st.tuples(value, value), min_size=1, max_size=3),
        ),
        st.sampled_from([["# a comment"], [""]]),
    )


def _documents(value, flow_value):
    return st.builds(
        lambda entries: [line for entry in entries for line in entry],
        st.lists(_entries(value, flow_value), min_size=1, max_size=6,
                 unique_by=lambda entry: entry[0].split(":")[0] if ":" in entry[0] else object()),
    )


_SIMPLE_DOCUMENT = _documents(_SIMPLE_VALUE, _FLOW_VALUE)
# The same shapes with the tricky atoms mixed in: the fast reader may read these or step aside.
_NEAR_DOCUMENT = _documents(st.one_of(_SIMPLE_VALUE, _ATOMS), st.one_of(_FLOW_VALUE, _ATOMS))
_CASES = {
    "simple shapes": _SIMPLE_DOCUMENT,
    "simple shapes, tricky values": _NEAR_DOCUMENT,
}


def _yaml(text: str):
    try:
        return yaml.load(text, Loader=yaml.CBaseLoader)  # noqa: S506 - the base loader builds only str, list, dict
    except yaml.YAMLError:
        return "error"


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(["simple shapes"] * 3 + ["simple shapes, tricky values"]).flatmap(
    lambda kind: _CASES[kind].map(lambda lines: (kind, lines))
))
@example(("simple shapes",
          ["id: x", "sources:", "  - title: a", "    url: https://a.dk", "codes: [ICPC-2:L86, ICD-10:M51.1]"]))
def test_the_fast_reader_agrees_with_pyyaml_or_steps_aside(case):
    kind, lines = case
    text = "\n".join(lines)
    fast = parse_simple(text)
    if kind == "simple shapes" and any(line.strip() and not line.startswith("#") for line in lines):
        assert fast is not None, text  # the shapes cards use are read fast, not left to PyYAML
    event(f"{kind}: " + ("compared with PyYAML" if fast is not None else "stepped aside"))
    if fast is not None:
        assert fast == _yaml(text), text


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE, max_size=8))
def test_any_lines_are_read_as_pyyaml_reads_them_or_left_to_it(lines):
    # Mostly not front matter of the simple shapes: the reader must step aside, never misread.
    text = "\n".join(lines)
    fast = parse_simple(text)
    event("compared with PyYAML" if fast is not None else "stepped aside")
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
