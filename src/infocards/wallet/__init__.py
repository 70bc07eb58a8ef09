"""The encrypted wallet: the patient's course of treatment, kept on the device."""

from infocards.records import validate_profile, validate_record
from infocards.sealed import DEFAULT_KDF, OWASP_FLOOR, KdfParams
from infocards.wallet.paths import default_wallet_path
from infocards.wallet.recovery import RecoveryCode
from infocards.wallet.service import MIN_PASSPHRASE, RECORDS_FORMAT, Wallet, check_passphrase

__all__ = [
    "DEFAULT_KDF",
    "MIN_PASSPHRASE",
    "OWASP_FLOOR",
    "RECORDS_FORMAT",
    "KdfParams",
    "RecoveryCode",
    "Wallet",
    "check_passphrase",
    "default_wallet_path",
    "validate_profile",
    "validate_record",
]
