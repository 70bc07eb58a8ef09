"""The app's state and its intent methods; flet-free, so views stay thin and tests can use it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from infocards.config import Settings
from infocards.content.library import Library
from infocards.content.model import CATEGORIES, Card
from infocards.preferences import PREFERENCES_FILENAME, Preferences, load_preferences, save_preferences
from infocards.regions import REGIONS, Region, normalize_region
from infocards.ui.session import WalletSession, wallet_path

__all__ = ["NOT_A_DIAGNOSIS", "AppState"]

# Cards filed under "diagnosis" (Diagnoser, where a patient looks for them) that are advice, not a
# diagnosis a professional could name in a finding. A card's front matter has no field that says
# so (category is the only grouping), hence the list here.
NOT_A_DIAGNOSIS = frozenset({"red-flags", "pain-medicine", "medicine-safety"})


@dataclass
class AppState:
    settings: Settings
    library: Library
    lang: str = "da"
    query: str = ""
    reader_only: bool = False
    wallet: WalletSession | None = field(default=None, repr=False)
    after_unlock: str | None = None  # the wallet route that asked for an unlock, to return to
    drafts: dict = field(default_factory=dict, repr=False)  # route -> unsaved form values
    keep_draft: object = field(default=None, repr=False)  # the shown form's "remember my input"
    unsaved_changes: object = field(default=None, repr=False)  # the shown form's "was anything changed?"
    shown_route: str = "/"  # the route of the screen on show
    note_shown: tuple | None = field(default=None, repr=False)  # (code text, expiry) of the note made last
    returning_to: str | None = None  # the form "Stay" returns to: its address only, nothing redrawn
    last_read: object = field(default=None, repr=False)  # the clinician view's last result
    clinic: object = field(default=None, repr=False)  # ui.clinic_session.ClinicSession, on first use
    client: str = ""  # the visitor's address (web): the clinic key's unlock throttle counts per client
    notice: str | None = None  # a confirmation for the next wallet screen ("Besøg er gemt")
    _preferences: Preferences | None = field(default=None, repr=False)
    snack_bar: object = field(default=None, repr=False)  # (SnackBar, make(lang)) while one shows

    def __post_init__(self) -> None:
        if self.wallet is None:
            self.wallet = WalletSession(wallet_path(), self.settings.auto_lock_minutes * 60)
            chosen = self.preferences().auto_lock_minutes  # the patient's own choice, kept on the device
            if chosen is not None:
                self.wallet.auto_lock_seconds = chosen * 60

    # Intent methods: the only ways views change state.
    def set_language(self, lang: str) -> None:
        if lang in ("da", "en"):
            if callable(self.keep_draft):
                self.keep_draft()  # switching language redraws the form: keep what was typed
            self.lang = lang

    def other_language(self) -> str:
        return "en" if self.lang == "da" else "da"

    def take_after_unlock(self) -> str | None:
        route, self.after_unlock = self.after_unlock, None
        return route

    def set_notice(self, text: str) -> None:
        self.notice = text

    def take_notice(self) -> str | None:
        """The confirmation to show once (then it is gone)."""
        text, self.notice = self.notice, None
        return text

    def set_query(self, query: str) -> None:
        self.query = query.strip()

    # Reads.
    def categories(self) -> tuple[str, ...]:
        return CATEGORIES

    def cards_in(self, category: str) -> list[Card]:
        return self.library.cards(self.lang, category)

    def search_results(self) -> list[Card]:
        return self.library.search(self.query, self.lang) if self.query else []

    def card(self, card_id: str) -> Card | None:
        return self.library.get(card_id, self.lang)

    def role_card(self, role: str) -> Card | None:
        return self.library.role_card(role, self.lang)

    # Where the patient lives: their own answer on this device first, flet.toml's the default.
    def _preferences_path(self):
        return self.wallet.path.parent / PREFERENCES_FILENAME

    def preferences(self) -> Preferences:
        if self._preferences is None:
            self._preferences = load_preferences(self._preferences_path())
        return self._preferences

    def home_question_due(self) -> bool:
        """Ask "where do you live?" once: not on a reader-only server, not once answered or skipped."""
        return not self.reader_only and not self.preferences().asked

    def set_home(self, region_id: str, municipality: str) -> None:
        """Keep the patient's answer (ValueError for a region or municipality it cannot keep)."""
        self._keep(replace(self.preferences(), region=region_id, municipality=municipality, asked=True))

    def set_auto_lock(self, minutes: float) -> None:
        """The wallet locks after `minutes` without use, from now on and after a restart."""
        self._keep(replace(self.preferences(), auto_lock_minutes=minutes))
        self.wallet.auto_lock_seconds = minutes * 60

    def _keep(self, chosen: Preferences) -> None:
        save_preferences(self._preferences_path(), chosen)
        self._preferences = chosen

    def skip_home_question(self) -> None:
        self.set_home(self.preferences().region, self.preferences().municipality)

    def municipality(self) -> str:
        return self.preferences().municipality or self.settings.municipality

    def region(self) -> Region | None:
        """The patient's region if they gave one, else the one flet.toml names (a name the checker
        refuses counts as none)."""
        own = self.preferences().region
        if own:
            return REGIONS[own]
        try:
            region_id = normalize_region(self.settings.region)
        except ValueError:
            return None
        return REGIONS.get(region_id) if region_id else None

    def regions_to_choose(self, today: date | None = None) -> list[Region]:
        today = today or date.today()
        return [r for r in REGIONS.values() if r.exists_on(today)]

    def out_of_hours_regions(self, today: date | None = None) -> list[Region]:
        """Whom to call outside the own GP's hours: the set region if it has a number, else every
        region of today that has one (the patient picks their own)."""
        today = today or date.today()
        region = self.region()
        if region is not None and region.out_of_hours and region.exists_on(today):
            return [region]
        return [r for r in REGIONS.values() if r.out_of_hours and r.exists_on(today)]

    def finding_card(self, record: dict) -> Card | None:
        """The card a finding's line links to: Library.finding_cards's one card (none when its
        code is carried by several)."""
        cards, _named = self.library.finding_cards(record, self.lang)
        return cards[0] if len(cards) == 1 else None

    def cards_for_course(self) -> list:
        """Kort til dit forløb: the cards that fit the records in the unlocked wallet."""
        from infocards.content.mycards import cards_for_course

        return cards_for_course(self.library, self.wallet.require().records(), self.lang)

    def diagnosis_choices(self, current: str | None = None) -> list[Card]:
        """The diagnosis picker's options: the cards of the diagnosis category that name a
        diagnosis and carry codes (the category also files advice beside them: the red flags
        first, pain medicine), plus the card the record names already, so an edit keeps it."""
        return [card for card in self.cards_in("diagnosis")
                if (card.codes and card.id not in NOT_A_DIAGNOSIS) or card.id == current]
