"""`infocards wallet receive WALLET SOURCE [--json]`: save a professional's note in the wallet.

Exit 0 saved (each id printed once saved), 3 expired, 4 invalid or altered, 5 not a note (a
summary, a URL, a picture without a code), 6 written for another patient. The note is checked
before the passphrase is asked for, and only exit 0 changes the wallet.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from infocards.commands.passphrase import ask_secret
from infocards.errors import ShareError, WalletNotFound
from infocards.i18n import cli_language, t

__all__ = ["register_receive", "run_receive"]

_STATUS = {3: "expired", 4: "invalid", 5: "not_a_note", 6: "other_patient"}


def register_receive(command) -> None:
    """Add `receive` to the wallet's subcommands (`command` is commands.wallet's helper)."""
    lang = cli_language()
    parser = command("receive", run_receive, json_flag="cli.wallet.receive.json")
    parser.add_argument("source", metavar="SOURCE", help=t("cli.wallet.receive.source", lang))


def _json(data: dict) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def run_receive(args: argparse.Namespace) -> int:
    from infocards.commands.share import read_source
    from infocards.notes.receive import checked_note, receive_note
    from infocards.wallet import Wallet

    lang = cli_language()
    path = Path(args.path)
    try:
        note = checked_note(read_source(args.source))
        if not Wallet.exists(path):
            raise WalletNotFound(path=str(path))
        with Wallet.open(path, ask_secret(lang, "wallet.prompt.passphrase")) as wallet:
            received = receive_note(wallet, note)
    except ShareError as exc:
        if args.json and exc.exit_code in _STATUS:
            _json({"status": _STATUS[exc.exit_code], "message": exc.message(lang)})
        raise
    from infocards.commands.share import trust_list
    from infocards.reader.signed_view import signer_json

    bound = note.core.binding is not None
    signer = signer_json(note.signer, True, trust_list(), bound=bound)
    if not bound:
        # A note for anyone is kept, as a leaflet would be, but never passes for one written for
        # this patient: every reader marks its entries (the signed core says it names nobody).
        sys.stderr.write(t("receive.unbound", lang) + "\n")
    if args.json:
        _json({"status": "saved", "signer": signer, "ids": list(received.ids), "new": list(received.new_ids)})
    else:
        # put_many saved them all before this line: a printed id is a saved id.
        sys.stdout.write("".join(record_id + "\n" for record_id in received.ids))
        sys.stdout.flush()
    sys.stderr.write(t(received.message_key, lang, new=len(received.new_ids), count=len(received.ids)) + "\n")
    return 0
