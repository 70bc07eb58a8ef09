"""Problems found in a pack: what the checker prints, one line each, in the reader's language."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from infocards.i18n import t

__all__ = [
    "MAX_SHOWN",
    "SEVERITY",
    "Problem",
    "Reporter",
    "brief",
    "display_path",
    "suggest",
    "yaml_error_detail",
    "yaml_error_line",
]

# Each kind of problem has one severity: errors stop a card (or a pack) from loading, warnings
# only matter under --strict.
SEVERITY = {
    # trusted_keys in pack.yaml (content/trust.py): all errors, a wrong list misnames a signer
    "trusted-keys-not-list": "error",
    "trusted-key-not-mapping": "error",
    "trusted-key-field": "error",
    "trusted-key-unknown-field": "error",
    "trusted-key-fingerprint": "error",
    "trusted-key-role": "error",
    "trusted-key-duplicate": "error",
    "trusted-key-text": "error",
    "trusted-key-conflict": "error",
    "pack-name-duplicate": "error",
    "pack-name-national": "error",
    "pack-kind-national-late": "error",
    "pack-field-text": "error",
    "file-unreadable": "error",
    "not-utf8": "error",
    "binary": "error",
    "too-large": "error",
    "no-front-matter": "error",
    "unclosed-front-matter": "error",
    "yaml-syntax": "error",
    "front-matter-not-mapping": "error",
    "unknown-field": "error",
    "duplicate-field": "error",
    "missing-field": "error",
    "not-text": "error",
    "bad-id": "error",
    "bad-category": "error",
    "bad-lang": "error",
    "bad-date": "error",
    "summary-multiline": "error",
    "bad-sources": "error",
    "bad-source": "error",
    "source-url": "error",
    "bad-codes": "error",
    "bad-code": "error",
    "bad-role": "error",
    "role-required": "error",
    "applies-from-required": "error",
    "bad-related": "error",
    "related-missing": "error",
    "bad-overrides": "error",
    "duplicate-id": "error",
    "override-without-flag": "error",
    "unsafe-html": "error",
    "unsafe-link": "error",
    "remote-image": "error",
    "bad-card-link": "error",
    "card-link-missing": "error",
    "pack-not-found": "error",
    "pack-yaml-missing": "error",
    "pack-yaml-bad": "error",
    "pack-field": "error",
    "pack-field-unknown": "error",
    "pack-kind": "error",
    "missing-translation": "warning",
    "review-overdue": "warning",
    "reviewed-in-future": "warning",
    "raw-html": "warning",
    "blocked-link": "warning",
    "image-missing": "warning",
    "override-unused": "warning",
    "role-on-other-card": "warning",
    "empty-pack": "warning",
    "yaml-anchor": "error",
    "bad-order": "error",
    "bad-keywords": "error",
    "bad-region": "error",
    "region-unclosed": "error",
    "region-nested": "error",
    "region-stray-close": "error",
    "region-empty": "error",
    "region-no-default": "warning",
    "bad-tel": "warning",
    "tel-spaces": "error",
    "link-spaces": "error",
    "hidden-bidi": "error",
    "hidden-format": "error",
    "hidden-bidi-body": "warning",
    "hidden-format-body": "warning",
    "pack-region": "error",
    "review-by-missing": "warning",
    "review-by-after-change": "warning",
    "dated-bad-date": "error",
    "dated-unclosed": "error",
    "dated-nested": "error",
    "dated-after-review": "warning",
}
MAX_SHOWN = 80  # characters of any value echoed in a message
_OWN_TEXT = frozenset({"choices", "systems", "first", "used"})  # lists and paths we wrote ourselves


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    severity: str  # "error" or "warning"
    message: str
    hint: str = ""
    code: str = ""  # the kind of problem, stable for tools and tests (e.g. "unknown-field")

    def format(self, lang: str = "en") -> str:
        """`path:line: error|warning: message (hint)`, with fejl/advarsel in Danish."""
        text = f"{self.path}:{self.line}: {t(f'content.severity.{self.severity}', lang)}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def brief(value: object, limit: int = MAX_SHOWN) -> str:
    """A value as text for a message, never longer than `limit`: a string is cut, anything else is
    named by its type (str() of a huge nested list would itself cost the memory it describes)."""
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - 1] + "\u2026"
    if isinstance(value, int | float | bool) or value is None:
        return brief(repr(value), limit)
    return type(value).__name__


def display_path(path: Path, cwd: str) -> str:
    """The path relative to the current folder when it lies below it, else as given."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, cwd)
    except ValueError:  # another drive on Windows
        return str(path)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return absolute
    return relative


def suggest(value: object, choices: Iterable[str]) -> str | None:
    """The closest choice to a mistyped value, for "did you mean ...?" hints."""
    if not isinstance(value, str) or len(value) > 100:
        return None
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(value.lower(), [c.lower() for c in choices], n=1)
        if close:
            return next(c for c in choices if c.lower() == close[0])
    return close[0] if close else None


# The parser's own words (libyaml's and PyYAML's) for the mistakes editors make, each said in the
# reader's language; anything else is named in general words in Danish and as the parser says it in English.
_YAML_PROBLEMS = (
    ("could not find expected ':'", "colon_missing"),
    ("mapping values are not allowed", "colon_in_text"),
    ("found unexpected end of stream", "not_closed"),
    ("did not find expected ',' or ']'", "list_not_closed"),
    ("did not find expected ',' or '}'", "list_not_closed"),
    ("found unknown escape character", "escape"),
    ("tab character", "tab"),
    ("found character '\\t'", "tab"),
    ("did not find expected key", "indentation"),
    ("expected <block end>", "indentation"),
    ("did not find expected '-' indicator", "indentation"),
)


def yaml_error_detail(exc: object, lang: str) -> str:
    """What is wrong at a YAML error's line, in words an editor understands, in `lang`."""
    character = getattr(exc, "character", None)  # yaml.reader.ReaderError: a character YAML refuses
    if isinstance(character, str | int) and not isinstance(character, bool):
        code_point = ord(character) if isinstance(character, str) else character
        return t("content.yaml.character", lang, char=f"U+{code_point:04X}")
    problem = str(getattr(exc, "problem", None) or "").strip()
    for words, key in _YAML_PROBLEMS:
        if words in problem:
            return t(f"content.yaml.{key}", lang)
    return brief(problem, 80) if lang == "en" and problem else t("content.yaml.other", lang)


def yaml_error_line(exc: object, first_line: int) -> int:
    """The file line of a YAML error: where a quote or bracket opened, or the key that lacks its colon
    (the parser notices that only on the next line), else where parsing failed."""
    context = getattr(exc, "context", None) or ""
    context_mark = getattr(exc, "context_mark", None)
    problem_mark = getattr(exc, "problem_mark", None)
    opened = context.startswith(("while scanning a quoted", "while parsing a flow", "while scanning a simple key"))
    mark = context_mark if opened and context_mark is not None else problem_mark or context_mark
    return first_line + (mark.line if mark is not None else 0)


class Reporter:
    """Collects problems, translating each message and hint as it is added."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        self.problems: list[Problem] = []
        self._cwd = os.getcwd()
        self._paths: dict[Path, str] = {}

    def path_text(self, path: Path) -> str:
        text = self._paths.get(path)
        if text is None:
            # A file name that is not valid UTF-8 arrives with surrogate escapes, which cannot be printed.
            shown = display_path(path, self._cwd).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            text = self._paths[path] = shown
        return text

    def add(
        self,
        code: str,
        path: Path,
        line: int,
        *,
        suggestion: str | None = None,
        hint: str | None = None,
        **params: object,
    ) -> Problem:
        """Record a problem; the hint is "did you mean" when a suggestion is given, else the kind's own."""
        params = {
            key: brief(value) if isinstance(value, str) and key not in _OWN_TEXT else value
            for key, value in params.items()
        }
        message = t(f"content.check.{code}", self.lang, **params)
        if suggestion is not None:
            hint_text = t("content.check.did_you_mean", self.lang, suggestion=suggestion)
        elif hint is not None:
            hint_text = t(hint, self.lang, **params)
        else:
            key = f"content.check.{code}.hint"
            hint_text = t(key, self.lang, **params)
            if hint_text == key:
                hint_text = ""
        problem = Problem(self.path_text(path), max(1, line), SEVERITY[code], message, hint_text, code)
        self.problems.append(problem)
        return problem

    def errors_in(self, start: int) -> bool:
        """Whether any error was added since index `start` (a card with errors is not loaded)."""
        return any(p.severity == "error" for p in self.problems[start:])
