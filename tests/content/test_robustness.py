"""Whatever bytes a pack holds, loading and checking never raise: every problem becomes a report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infocards.content import Library, check_packs, markdown_for_app
from infocards.content.problems import SEVERITY
from infocards.content.scan import mask_code

_FRONT_MATTER = st.sampled_from(
    [
        b"",
        b"---\n",
        b"---\nid: x\n---\n",
        b"---\nid: card\ntitle: T\ncategory: role\nlang: da\nsummary: S\nsources:\n - title: a\n   url: https://a.dk\n"
        b"reviewed: 2026-01-01\n---\n",
        b"---\n- a\n---\n",
        b"---\n: : :\n---\n",
        b"\xef\xbb\xbf---\r\nid: bom\r\n---\r\n",
    ]
)
_PIECES = st.sampled_from(
    [
        b"<script>",
        b"</script>",
        b"[a](",
        b"javascript:",
        b"card:",
        b")",
        b"![i](https://x/p.png)",
        b"`",
        b"```\n",
        b"\n---\n",
        b"reviewed: ",
        b"2026-99-99",
        b"&#",
        b"\x00",
        b"\xff",
        b"\n",
        b"[",
        b"]",
        b"<",
        b">",
        b"\xc3",
    ]
)
_FILE_BYTES = st.one_of(
    st.binary(max_size=400),
    st.builds(lambda head, parts: head + b"".join(parts), _FRONT_MATTER, st.lists(_PIECES, max_size=30)),
)


def _write_pack(root: Path, pack_yaml: bytes, cards: list[bytes]) -> None:
    root.mkdir()
    (root / "pack.yaml").write_bytes(pack_yaml)
    for index, data in enumerate(cards):
        (root / f"card{index}.md").write_bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pack_yaml=_FILE_BYTES, cards=st.lists(_FILE_BYTES, min_size=1, max_size=4))
def test_check_and_load_never_raise_on_arbitrary_bytes(tmp_path_factory, pack_yaml, cards):
    root = tmp_path_factory.mktemp("fuzz") / "pack"
    _write_pack(root, pack_yaml, cards)
    problems = check_packs([root], today=date(2026, 11, 27))
    assert all(p.severity == SEVERITY[p.code] and p.line >= 1 for p in problems)
    library = Library.load([root])
    for card in library.cards("da") + library.cards("en"):
        markdown_for_app(card.body)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>[]()!`*:/\\&#;\n ajvsciptdon=\"'")), max_size=80))
def test_markdown_for_app_leaves_no_tag_and_no_blocked_link(text):
    out = markdown_for_app(text)
    assert "<" not in mask_code(out).replace("\\<", "")  # code spans and blocks show "<" as code
    lowered = out.lower()
    for scheme in ("javascript:", "data:", "vbscript:"):
        assert f"]({scheme}" not in lowered
