"""Rules that had two or three copies, each now with one home: formats, labels, folding, severity."""

import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from infocards.folding import fold_code, fold_text
from infocards.i18n import label_for
from infocards.i18n.formats import format_number, numeric_date, short_date, short_datetime
from infocards.reader.readable import readable_date, readable_number
from infocards.regions import normalize_region
from infocards.ui.forms import input_date, input_value
from infocards.ui.record_text import record_detail

SRC = Path(__file__).resolve().parents[1] / "src" / "infocards"


def test_numbers_group_thousands_alike_on_every_screen():
    for value, da, en in ((10000.5, "10.000,5", "10,000.5"), (18.5, "18,5", "18.5"), (37, "37", "37"),
                          (37.0, "37", "37"), (1234567.25, "1.234.567,25", "1,234,567.25"), (0.1 + 0.2, "0,3", "0.3")):
        assert format_number(value, "da") == da and format_number(value, "en") == en, value
        assert readable_number(value, "da") == da  # the clinician view
    work = {"type": "work", "status": "working", "hours_per_week": 10000.5}
    assert "10.000,5" in record_detail(work, "da")  # the patient's list


def test_a_date_is_written_day_month_year_in_one_way():
    day = date(2026, 8, 1)
    assert numeric_date(day) == "1.8.2026" == input_date("2026-08-01") == short_date(day, "da")
    assert readable_date("2026-08-01", "da") == "1.8.2026" and short_date(day, "en") == "1 Aug 2026"
    moment = datetime(2026, 12, 1, 10, 19, tzinfo=UTC)
    local = moment.astimezone()
    assert short_datetime(moment, "da") == f"{local.day}.{local.month}.{local.year} kl. {local:%H.%M}"


def test_no_module_but_formats_writes_a_date_or_a_number_itself():
    copies = re.compile(r"\.day\}\.\{|\.day\}\. |:,g\}|:,\}|replace\(\"\.\", \",\"\)")
    found = sorted(p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py") if copies.search(p.read_text("utf-8")))
    assert found == ["i18n/formats.py"]


def test_a_label_is_the_catalogs_word_else_the_word_itself_else_nothing():
    from infocards.i18n import t

    assert label_for("vocab.role", "gp", "en") == t("vocab.role.gp", "en") != "gp"
    assert label_for("vocab.role", "astronaut", "en") == "astronaut"  # never "vocab.role.astronaut"
    assert label_for("vocab.role", None, "en") == "" and label_for("vocab.role", "", "da") == ""
    unknown = {"type": "referral", "reason": "x", "status": "lost"}
    assert record_detail(unknown, "en") == "x · lost"


def test_there_is_one_label_function_for_words_and_one_for_fields():
    found = sorted(p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")
                   if re.search(r"^def _?label\(", p.read_text("utf-8"), re.M))
    assert found == [], found


def test_a_date_beside_an_end_date_is_the_start_date_in_the_form_and_its_problems():
    from infocards.ui.forms import FORMS, check_form, field_label

    treatment = FORMS["treatment"]
    date_field = next(f for f in treatment if f.name == "date")
    assert field_label(date_field, treatment, "en") == "Start date"
    _, problems = check_form(treatment, {"date": "32.13.2026"}, "en")
    assert "Start date" in problems["date"]


def test_text_folds_one_way_for_search_and_regions():
    assert fold_text("SJÆLLAND") == fold_text("Sjaelland") == "sjaelland"
    assert fold_text("Själland") == "sjaelland" and fold_text("Café") == "cafe" and fold_text("Straße") == "strasse"
    for name in ("Region Sjælland", "SJÆLLAND", "region sjaelland", "Själland", "Sjalland"):
        assert normalize_region(name) == "sjaelland", name


def test_a_code_folds_one_way_and_finds_the_same_cards_everywhere():
    from infocards.config import Settings
    from infocards.content.library import Library
    from infocards.content.mycards import cards_for_course
    from infocards.ui.state import AppState

    assert fold_code(" icpc-2: l86 ") == "ICPC-2:L86" and fold_code(None) == ""
    library = Library.load([SRC.parents[1] / "content" / "national"])
    state = AppState(Settings(packs=()), library, lang="da")
    for record in ({"type": "finding", "code": "icd-10: m48.0"}, {"type": "finding", "card": "disc-herniation"},
                   {"type": "finding", "card": "sick-pay", "code": "ICD-10:M48.0"}):
        finding = {**record, "id": "f", "date": "2026-11-01"}
        mine = [c.card.id for c in cards_for_course(library, [finding], "da") if c.reason.startswith("finding")]
        linked = state.finding_card(finding)
        assert mine == [linked.id], record  # the wallet list links the card Kort til dit forløb shows
    several = {"type": "finding", "code": "ICPC-2:L86", "id": "f", "date": "2026-11-01"}
    mine = [c for c in cards_for_course(library, [several], "da") if c.reason == "finding_code"]
    assert len(mine) > 1 and state.finding_card(several) is None  # a list line links one card or none


def test_importing_the_trust_list_changes_no_severity():
    program = ("from infocards.content.problems import SEVERITY; before = dict(SEVERITY); "
               "import infocards.content.trust, infocards.content.check; assert SEVERITY == before; "
               "assert all(SEVERITY[k] == 'error' for k in SEVERITY if k.startswith('trusted-key'))")
    subprocess.run([sys.executable, "-c", program], check=True, timeout=60)
    trust = (SRC / "content" / "trust.py").read_text("utf-8")
    codes = set(re.findall(r'"(trusted-keys?-[a-z-]+)"', trust))
    from infocards.content.problems import SEVERITY

    assert codes and codes <= set(SEVERITY), codes - set(SEVERITY)


def test_input_value_shows_a_number_as_the_patient_writes_it():
    from infocards.ui.forms import FORMS

    spec = {f.name: f for form in FORMS.values() for f in form}["hours_per_week"]
    assert input_value(spec, 18.5, "da") == "18,5"
