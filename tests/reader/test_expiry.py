"""A code's lifetime is capped at 30 days: in the share core, on the command line and in flet.toml."""

import math
from datetime import UTC, datetime, timedelta

import pytest

from infocards.codes.summary_code import open_code
from infocards.commands.share import parse_duration
from infocards.config import load_settings
from infocards.errors import ConfigError, ShareError, UsageError
from infocards.share.issue import MAX_LIFETIME, issue_from_records

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
PASSPHRASE = "correct horse battery staple"


def test_the_cap_is_thirty_days():
    assert MAX_LIFETIME == timedelta(days=30)


def test_a_code_of_the_longest_lifetime_reads_back(share_course):
    share = issue_from_records(
        share_course["profile"], share_course["records"], bytes(32), now=NOW, lifetime=MAX_LIFETIME
    )
    assert open_code(share.text).expires_at == NOW + MAX_LIFETIME


@pytest.mark.parametrize(
    "lifetime", [MAX_LIFETIME + timedelta(seconds=1), timedelta(days=500000), timedelta(days=99999999)]
)
def test_the_share_core_refuses_longer_lifetimes(share_course, lifetime):
    with pytest.raises(ShareError) as caught:
        issue_from_records(share_course["profile"], share_course["records"], bytes(32), now=NOW, lifetime=lifetime)
    assert "30 days" in caught.value.message("en") and "30 dage" in caught.value.message("da")


@pytest.mark.parametrize("value", ["31d", "30d1s", "721h", "500000d", "99999999d", "9" * 400 + "d"])
def test_parse_duration_refuses_more_than_thirty_days(value):
    with pytest.raises(UsageError) as caught:
        parse_duration(value)
    assert caught.value.exit_code == 2
    assert "30 days" in caught.value.message("en")


def test_parse_duration_accepts_thirty_days():
    assert parse_duration("30d") == timedelta(days=30) == parse_duration("720h")


@pytest.mark.parametrize("value", ["31d", "500000d", "99999999d"])
def test_cli_refuses_long_expiry_with_exit_2_and_no_traceback(wallet_cli, share_wallet, tmp_path, value):
    path = share_wallet()
    out = tmp_path / "x.png"
    result = wallet_cli("share", path, "--out", out, "--expires", value, env={"INFOCARDS_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "30 days" in result.stderr
    assert not out.exists()


def _settings(tmp_path, value):
    config = tmp_path / "flet.toml"
    config.write_text(f"[content]\npacks = []\n[share]\nexpiry_minutes = {value}\n", encoding="utf-8")
    return load_settings(config)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "50000", "43200.5", "0"])
def test_flet_toml_refuses_expiry_out_of_range(tmp_path, value):
    with pytest.raises(ConfigError) as caught:
        _settings(tmp_path, value)
    assert "expiry_minutes" in caught.value.message("en")


def test_flet_toml_accepts_up_to_thirty_days(tmp_path):
    assert _settings(tmp_path, 43200).share_expiry_minutes == MAX_LIFETIME.total_seconds() / 60
    assert _settings(tmp_path, 7).share_expiry_minutes == 7
    assert math.isfinite(_settings(tmp_path, 0.5).share_expiry_minutes)


@pytest.mark.parametrize("key", ["auto_lock_minutes", "display_seconds"])
def test_other_numbers_refuse_non_finite_values(tmp_path, key):
    section = "wallet" if key == "auto_lock_minutes" else "share"
    config = tmp_path / "flet.toml"
    config.write_text(f"[content]\npacks = []\n[{section}]\n{key} = nan\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(config)


def test_flet_toml_cap_is_the_share_core_cap(tmp_path):
    minutes = MAX_LIFETIME.total_seconds() / 60
    assert _settings(tmp_path, f"{minutes:.1f}").share_expiry_minutes == minutes
    with pytest.raises(ConfigError):
        _settings(tmp_path, f"{minutes + 0.01:.2f}")
