"""Benchmark: load + check 1,000 generated cards and search them, against reading the files' bytes.

Run: python bench/content.py [--cards 1000] [--queries 500] [--hostile-kb 256]
Targets: load + check at most 300 ms; a search at most 20 ms (median and p95 printed); a hostile
card of 256 KB (unclosed comments, fences, backticks, brackets, tags repeated) checked in well
under a second, against an ordinary card of the same size.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from infocards.content import Library, check_packs
from infocards.content.deck_markdown import deck_markdown_to_html
from infocards.content.model import CATEGORIES
from infocards.content.safe_markdown import markdown_for_app
from infocards.vocab import ROLES

WORDS = (
    "ryg lænd smerte smerter nerve ben skive diskus prolaps iskias læge fysioterapeut kiropraktor rygcenter "
    "kommune genoptræning træning øvelser bevægelse hvile arbejde sygemelding sygedagpenge henvisning "
    "scanning undersøgelse behandling forløb plan mål hverdag aktivitet stillinger løft søvn medicin "
    "paracetamol rådgivning samtale jobcenter socialrådgiver fastholdelse tilbage uger måneder hjælp "
    "akut røde flag følelsesløs blære kraft styrke smertestillende vejledning pårørende åbningstid"
).split()


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 14))
    return " ".join(words).capitalize() + "."


def _card(rng: random.Random, index: int, lang: str, ids: list[str]) -> str:
    category = CATEGORIES[index % len(CATEGORIES)]
    lines = [
        "---",
        f"id: {ids[index]}",
        f"title: {' '.join(rng.choices(WORDS, k=3)).capitalize()} {index}",
        f"category: {category}",
        f"lang: {lang}",
        f"summary: {_sentence(rng)}",
        "sources:",
        "  - title: Sundhedsstyrelsen",
        "    url: https://www.sst.dk/",
        "  - title: sundhed.dk",
        "    url: https://www.sundhed.dk/",
        "reviewed: 2026-06-01",
        "review_by: 2027-06-01",
        "codes: [ICPC-2:L86, ICD-10:M51.1]",
        f"related: [{ids[(index + 1) % len(ids)]}, {ids[(index + 7) % len(ids)]}]",
    ]
    if category == "legislation":
        lines.append("applies_from: 2026-07-01")
    if category == "role":
        lines.append(f"role: {ROLES[index % len(ROLES)]}")
    lines.append("---")
    body = []
    for section in range(4):
        body.append(f"## {_sentence(rng)[:-1]}\n")
        body.append(" ".join(_sentence(rng) for _ in range(5)))
        body.append(
            f"Læs mere om [det næste kort](card:{ids[(index + section + 1) % len(ids)]}) "
            "eller på [sundhed.dk](https://www.sundhed.dk/).\n"
        )
        body.append("- " + _sentence(rng) + "\n- " + _sentence(rng) + "\n")
    return "\n".join(lines) + "\n" + "\n".join(body)


def make_pack(root: Path, cards: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    (root / "pack.yaml").write_text(
        'name: Bench\nkind: national\nregion: ""\npublisher: bench\ncontact: https://example.org\n', encoding="utf-8"
    )
    ids = [f"card-{i:04d}" for i in range(cards // 2)]
    for lang in ("da", "en"):
        folder = root / lang / "cards"
        folder.mkdir(parents=True)
        for index in range(len(ids)):
            (folder / f"{ids[index]}.md").write_text(_card(rng, index, lang, ids), encoding="utf-8")


def read_all_bytes(root: Path) -> int:
    total = 0
    for folder, _, names in os.walk(root):
        for name in names:
            with open(os.path.join(folder, name), "rb") as handle:
                total += len(handle.read())
    return total


def best_of(repeats: int, fn) -> float:
    """The fastest of several runs, in milliseconds (the least disturbed by the machine)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


HOSTILE_UNITS = {
    "unclosed <!--": "<!-- a\n",
    "<!-- without newlines": "<!--",
    "``` fences": "```\n",
    "unclosed ```` fence": "````\n```\n",
    "~~~ fences": "~~~x\n",
    "backticks": "`` a ` b\n",
    "[a]( unclosed": "[a](",
    "[[[[": "[[[[",
    "![x](": "![x](",
    "<a tags": "<a ",
    '<a " tags': '<a "',
    "<? unclosed": "<?",
    "<!x unclosed": "<!x",
    "\\[ escapes": "\\[",
    "[[a](b) nested": "[[a](b) ",
    "links": "[a](https://a.dk/) ",
    "*_ emphasis": "*_",
    "[a](tel:1 2) spaced": "[a](tel:1 2) ",
    "[a](a: 200k spaces)": "[a](a:" + " " * 200_000 + ")",  # one run: regex backtracking, not calls
}
_HEAD = (
    "---\nid: big\ntitle: Big\ncategory: diagnosis\nlang: da\nsummary: S.\nsources:\n"
    "  - title: a\n    url: https://a.dk/\nreviewed: 2026-01-01\n---\n"
)


def _hostile_card(root: Path, unit: str, size: int) -> Path:
    pack = root / "hostile"
    if pack.exists():
        shutil.rmtree(pack)
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        'name: h\nkind: national\nregion: ""\npublisher: b\ncontact: c\n', encoding="utf-8"
    )
    data = (_HEAD + unit * (size // len(unit) + 1)).encode("utf-8")[: size - 1]  # under the 256 KB limit
    (pack / "big.md").write_bytes(data.decode("utf-8", "ignore").encode("utf-8"))
    return pack


def hostile(root: Path, kb: int) -> None:
    """Each hostile card against an ordinary card of the same size (prose, links, lists)."""
    rng = random.Random(3)
    ordinary_unit = "".join(_sentence(rng) + (" [sundhed.dk](https://www.sundhed.dk/)\n\n" if i % 3 else "\n\n")
                            for i in range(40))
    size = kb * 1024
    pack = _hostile_card(root, ordinary_unit, size)
    base_check = best_of(3, lambda: check_packs([pack], today=date(2026, 11, 27)))
    body = (pack / "big.md").read_text(encoding="utf-8")
    base_render = best_of(1, lambda: deck_markdown_to_html(markdown_for_app(body)))
    print(f"ordinary {kb} KB card: check {base_check:8.1f} ms; app + deck render {base_render:8.1f} ms (baseline)")
    worst = 0.0
    for name, unit in HOSTILE_UNITS.items():
        pack = _hostile_card(root, unit, size)
        body = (pack / "big.md").read_text(encoding="utf-8")
        check_ms = best_of(3, lambda pack=pack: check_packs([pack], today=date(2026, 11, 27)))
        render_ms = best_of(1, lambda body=body: deck_markdown_to_html(markdown_for_app(body)))
        worst = max(worst, check_ms)
        print(
            f"hostile {kb} KB, {name:22s} check {check_ms:8.1f} ms ({check_ms / base_check:5.1f}x); "
            f"render {render_ms:8.1f} ms ({render_ms / base_render:5.1f}x)"
        )
    print(f"worst hostile check: {worst:.1f} ms (target well under 1000 ms: {'ok' if worst < 500 else 'MISSED'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--hostile-kb", type=int, default=256, help="size of the hostile cards (0: skip)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "pack"
        root.mkdir()
        make_pack(root, args.cards)
        size = read_all_bytes(root)
        baseline = best_of(5, lambda: read_all_bytes(root))
        check_ms = best_of(5, lambda: check_packs([root], today=date(2026, 11, 27)))
        load_ms = best_of(5, lambda: Library.load([root]))
        problems = check_packs([root], today=date(2026, 11, 27))
        library = Library.load([root])
        print(f"cards: {len(library)} in {size / 1024:.0f} KB; problems: {len(problems)}")
        print(f"baseline, read every file's bytes:  {baseline:8.1f} ms")
        print(
            f"load + check (check_packs):         {check_ms:8.1f} ms  ({check_ms / baseline:.1f}x baseline; "
            f"target <= 300 ms: {'ok' if check_ms <= 300 else 'MISSED'})"
        )
        print(f"Library.load:                       {load_ms:8.1f} ms  ({load_ms / baseline:.1f}x baseline)")

        index_ms = best_of(1, lambda: library.search("ryg", "da"))
        rng = random.Random(11)
        queries = []
        for _ in range(args.queries):
            words = rng.choices(WORDS, k=rng.randint(1, 3))
            words[-1] = words[-1][: rng.randint(2, len(words[-1]))]  # typing: the last word is a prefix
            queries.append(" ".join(words))
        queries += ["l", "s", "r", "laenderyg", "Læge", "ICD-10:M51.1", "card"]
        times = []
        hits = 0
        for query in queries:
            start = time.perf_counter()
            hits += len(library.search(query, "da"))
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        median = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        baseline_query = best_of(5, lambda: [c for c in library.cards("da") if "ryg" in c.title.casefold()])
        print(f"search index build (first query):   {index_ms:8.1f} ms")
        print(
            f"search over {len(library.cards('da'))} da cards, {len(queries)} queries: median {median:.3f} ms, "
            f"p95 {p95:.3f} ms, max {times[-1]:.3f} ms (target <= 20 ms: {'ok' if p95 <= 20 else 'MISSED'}); "
            f"{hits / len(queries):.0f} hits a query"
        )
        print(
            f"baseline, a title substring scan:   {baseline_query:8.3f} ms  "
            f"(median search {median / baseline_query:.1f}x)"
        )
        typo_times = []
        for query in ("fysioterapi", "sygemeldt", "prolab", "genoptræninx", "smertestilende"):
            start = time.perf_counter()
            library.search(query, "da")
            typo_times.append((time.perf_counter() - start) * 1000)
        print(f"search for other forms and typos:   {max(typo_times):8.3f} ms at most (5 queries)")
        if args.hostile_kb:
            hostile(Path(tmp), args.hostile_kb)


if __name__ == "__main__":
    main()
