"""The one rule for a passphrase (or recovery code) on the command line, for every command.

1. From its environment variable when that is set and not empty (`INFOCARDS_PASSPHRASE`; a new
   passphrase from `INFOCARDS_NEW_PASSPHRASE` where the command also needs the old one; the
   recovery code from `INFOCARDS_RECOVERY_CODE`).
2. Else asked for on the terminal without echo; a new one is asked for twice and must match.
3. With no terminal on standard input (a pipe, a file, a CI job), or when the input ends before
   an answer, the command stops with exit 1 and names the variable. A secret is never read from
   a pipe: getpass would read it there with echo.
"""

from __future__ import annotations

import getpass
import os
import sys

from infocards.errors import NoPassphrase, PassphraseMismatch
from infocards.i18n import t

__all__ = ["NEW_PASSPHRASE_ENV", "PASSPHRASE_ENV", "RECOVERY_CODE_ENV", "ask_secret"]

# Names of environment variables, not secrets.
PASSPHRASE_ENV = "INFOCARDS_PASSPHRASE"  # noqa: S105
NEW_PASSPHRASE_ENV = "INFOCARDS_NEW_PASSPHRASE"  # noqa: S105
RECOVERY_CODE_ENV = "INFOCARDS_RECOVERY_CODE"


def _ask(prompt_key: str, lang: str, env: str) -> str:
    if not sys.stdin.isatty():
        raise NoPassphrase(variable=env)
    try:
        return getpass.getpass(t(prompt_key, lang))
    except EOFError:
        raise NoPassphrase(variable=env) from None


def ask_secret(lang: str, prompt_key: str, *, env: str = PASSPHRASE_ENV, new: bool = False,
               repeat_key: str = "wallet.prompt.repeat") -> str:
    """The secret by the rule above: `prompt_key` is the catalog's prompt, `new` asks twice."""
    value = os.environ.get(env)
    if value:
        return value
    first = _ask(prompt_key, lang, env)
    if new and _ask(repeat_key, lang, env) != first:
        raise PassphraseMismatch()
    return first
