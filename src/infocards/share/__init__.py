"""The patient's side of sharing: choose sections and period, fit one QR code, carry notes, issue, log.

issue_share(wallet, sections, to_role=..., lifetime=...) -> IssuedShare (.text, .version, .png(),
.omitted_note(lang)); it logs the share in the wallet. The code's bytes are infocards.codes';
reading a code is infocards.reader's.
"""

from infocards.share.issue import IssuedShare, default_lifetime, issue_from_records, issue_share, log_issued
from infocards.share.summary import build_summary

__all__ = [
    "IssuedShare",
    "build_summary",
    "default_lifetime",
    "issue_from_records",
    "issue_share",
    "log_issued",
]
