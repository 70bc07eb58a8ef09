"""markdown_for_app: what reaches Flet's Markdown control has no raw HTML and no blocked links."""

from __future__ import annotations

import re

import pytest

from infocards.content import markdown_for_app


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Før <script>alert('x')</script>efter", "Før efter"),
        ("<style>body{display:none}</style>Tekst", "Tekst"),
        ('<iframe src="https://evil.example"></iframe>Tekst', "Tekst"),
        ("<b>fed</b> tekst", "fed tekst"),
        ('<img src="x" onerror="alert(1)">Tekst', "Tekst"),
        ('<a href="javascript:alert(1)">klik</a>', "klik"),
        ("Note <!-- til redaktøren --> slut", "Note  slut"),
        ("<SCRIPT>alert(1)</SCRIPT>ok", "ok"),
        ("1 < 2 og 3 > 2", r"1 \< 2 og 3 > 2"),
        ("<script\nalert(1)", "\\<script\nalert(1)"),
    ],
)
def test_raw_html_is_removed_not_shown_as_text(source, expected):
    assert markdown_for_app(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("[her](javascript:alert(1))", "her"),
        ("[her](JAVASCRIPT:alert(1))", "her"),
        ("[her](java&#115;cript:alert(1))", "her"),
        ("[her](data:text/html,hej)", "her"),
        ("[her](http://example.org)", "her"),
        ("[her](<javascript:alert(1)>)", "her"),
        ("[her][ref]\n\n[ref]: javascript:alert(1)\n", "her\n\n\n"),
        ("<javascript:alert(1)>", r"javascript:alert\(1\)"),
        ("[her](https://www.sst.dk/)", "[her](https://www.sst.dk/)"),
        ("[skriv](mailto:a@example.org)", "[skriv](mailto:a@example.org)"),
        ("[ring](tel:1813)", "[ring](tel:1813)"),
        ("[Ring 70 11 07 07](tel:+4570110707)", "[Ring 70 11 07 07](tel:+4570110707)"),
        ("[ring](tel:70-11-07-07)", "ring"),  # a call button dials digits only
        ("[sms](sms:1813)", "sms"),
        ("[kort](card:disc-herniation)", "[kort](card:disc-herniation)"),
        ("[kort][k]\n\n[k]: card:gp\n", "[kort](card:gp)\n\n\n"),
        ("<https://www.sst.dk/>", "[https://www.sst.dk/](https://www.sst.dk/)"),
        ("[a](https://x.example/a_(b))", "[a](https://x.example/a_%28b%29)"),
    ],
)
def test_only_https_mailto_tel_and_card_links_stay(source, expected):
    assert markdown_for_app(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("![pixel](https://tracker.example/p.png)", ""),
        ("![pixel](http://tracker.example/p.png)", ""),
        ("![pixel](//tracker.example/p.png)", ""),
        ("![x](data:image/png;base64,AAAA)", ""),
        ("![Rygsøjlen](images/spine.png)", "![Rygsøjlen](images/spine.png)"),
        ("[![pixel](https://t.example/p.png)](https://www.sst.dk/)", "[](https://www.sst.dk/)"),
    ],
)
def test_images_that_are_not_local_are_removed(source, expected):
    assert markdown_for_app(source) == expected


def test_code_is_left_alone():
    source = "Skriv `<br>` for linjeskift.\n\n```\n<script>vist som kode</script>\n```\n"
    assert markdown_for_app(source) == source


def test_ordinary_markdown_passes_unchanged():
    source = "## Overskrift\n\n- punkt **fed** og *kursiv*\n- [link](https://www.sst.dk/)\n\n1. et\n2. to\n"
    assert markdown_for_app(source) == source


def test_a_hostile_card_leaves_nothing_dangerous():
    hostile = (
        "<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>"
        "[a](javascript:alert(4)) [b](data:text/html,x) ![c](https://t.example/p.png) "
        '<a href="javascript:alert(5)">d</a> <iframe src="https://e.example"></iframe>'
        "[e](vbscript:x) [f](  javascript:alert(6)  )"
    )
    out = markdown_for_app(hostile).lower()
    assert "<" not in out.replace("\\<", "")
    assert not re.search(r"\]\((?:java|vb)script:|\]\(data:|onerror|onload|alert\(", out)
    assert "t.example" not in out
