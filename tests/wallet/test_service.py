"""The wallet service: create, open, records, timeline, passphrase, recovery, wipe, threads."""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime

import pytest

from infocards.errors import (
    AlreadyOpen,
    CorruptWallet,
    InvalidRecord,
    RecordNotFound,
    WalletError,
    WalletExists,
    WalletNotFound,
    WeakPassphrase,
    WrongPassphrase,
)
from infocards.wallet import Wallet, validate_record
from tests.conftest import WALLET_PASSPHRASE


def _snapshot(path):
    return path.read_bytes(), os.stat(path).st_mtime_ns


def test_create_then_reopen_keeps_profile_records_and_seed(wallet_factory, wallet_reference_course):
    course = wallet_reference_course
    wallet, code = wallet_factory(records=course["records"], profile=course["profile"])
    seed = wallet.signing_seed()
    path = wallet.path
    wallet.close()
    with Wallet.open(path, WALLET_PASSPHRASE) as again:
        assert again.profile == course["profile"]
        assert again.records() == sorted(course["records"], key=lambda r: (r["date"], r["id"]))
        assert again.signing_seed() == seed
        assert len(seed) == 32
        assert again.used_backup is None
    assert len(code.replace("-", "")) == 25


def test_create_refuses_an_existing_file(wallet_factory, wallet_cheap_kdf):
    wallet, _ = wallet_factory()
    wallet.close()
    before = _snapshot(wallet.path)
    with pytest.raises(WalletExists):
        Wallet.create(wallet.path, WALLET_PASSPHRASE, kdf=wallet_cheap_kdf)
    assert _snapshot(wallet.path) == before


@pytest.mark.parametrize("weak", ["", "1234", "1234567", "       9", None])
def test_short_passphrases_and_pins_are_refused(tmp_path, wallet_cheap_kdf, weak):
    with pytest.raises(WeakPassphrase):
        Wallet.create(tmp_path / "w.icw", weak, kdf=wallet_cheap_kdf)
    assert not (tmp_path / "w.icw").exists()


def test_open_missing_file(tmp_path):
    with pytest.raises(WalletNotFound):
        Wallet.open(tmp_path / "nothing.icw", WALLET_PASSPHRASE)
    assert not (tmp_path / "nothing.icw.lock").exists()


def test_wrong_passphrase_leaves_the_file_byte_identical(wallet_factory, wallet_reference_course):
    wallet, _ = wallet_factory(records=wallet_reference_course["records"][:3])
    wallet.close()
    before = _snapshot(wallet.path)
    backup_before = _snapshot(wallet.path.with_name("wallet.icw.bak"))
    with pytest.raises(WrongPassphrase):
        Wallet.open(wallet.path, "not the passphrase")
    assert _snapshot(wallet.path) == before
    assert _snapshot(wallet.path.with_name("wallet.icw.bak")) == backup_before


def test_add_get_update_delete(wallet_factory):
    wallet, _ = wallet_factory()
    rid = wallet.add({"type": "note", "date": "2026-11-01", "text": "Slept badly."})
    assert wallet.get(rid)["source"] == "patient"
    updated = wallet.update(rid, {"text": "Slept well.", "date": "2026-11-02"})
    assert updated["text"] == "Slept well." and wallet.get(rid)["date"] == "2026-11-02"
    with pytest.raises(InvalidRecord):
        wallet.add({"id": rid, "type": "note", "date": "2026-11-01", "text": "again"})
    with pytest.raises(InvalidRecord):
        wallet.update(rid, {"id": "other"})
    wallet.delete(rid)
    with pytest.raises(RecordNotFound):
        wallet.get(rid)
    with pytest.raises(RecordNotFound):
        wallet.delete(rid)


def test_update_with_none_removes_an_optional_field(wallet_factory, wallet_reference_course):
    r07 = next(r for r in wallet_reference_course["records"] if r["id"] == "r07")
    wallet, _ = wallet_factory(records=[r07])
    assert "end" not in wallet.update("r07", {"end": None})
    wallet.close()
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as again:
        assert "end" not in again.get("r07")


def test_put_replaces_by_id_and_is_idempotent(wallet_factory, wallet_reference_course):
    records = wallet_reference_course["records"]
    wallet, _ = wallet_factory()
    assert [wallet.put(r) for r in records] == [(r["id"], False) for r in records]
    first = wallet.export_data()
    assert [wallet.put(r) for r in records] == [(r["id"], True) for r in records]
    assert wallet.export_data() == first
    changed = dict(records[0], summary="Changed by a second import.")
    assert wallet.put(changed) == ("r01", True)
    assert wallet.get("r01")["summary"] == "Changed by a second import."


def test_put_many_saves_all_and_replaces(wallet_factory, wallet_reference_course):
    records = wallet_reference_course["records"]
    wallet, _ = wallet_factory(records=records[:2])
    result = wallet.put_many(records)
    assert result[:3] == [("r01", True), ("r02", True), ("r03", False)]
    wallet.close()
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as again:
        assert len(again.records()) == len(records)


def test_records_filter_and_timeline_order(wallet_factory, wallet_reference_course):
    wallet, _ = wallet_factory(records=wallet_reference_course["records"])
    encounters = wallet.records("encounter")
    assert encounters and all(r["type"] == "encounter" for r in encounters)
    timeline = wallet.timeline()
    months = [month for month, _ in timeline]
    assert months == sorted(months, reverse=True) == ["2026-11", "2026-10", "2026-09", "2026-08"]
    for month, records in timeline:
        assert all(r["date"].startswith(month) for r in records)
        keys = [(r["date"], r["id"]) for r in records]
        assert keys == sorted(keys, reverse=True)
    assert sum(len(records) for _, records in timeline) == len(wallet_reference_course["records"])


def test_export_data_is_the_design_format(wallet_factory, wallet_reference_course):
    course = wallet_reference_course
    wallet, _ = wallet_factory(records=course["records"], profile=course["profile"])
    exported = wallet.export_data()
    assert exported["format"] == course["format"] and exported["version"] == 1
    assert exported["profile"] == course["profile"]
    assert {r["id"]: r for r in exported["records"]} == {r["id"]: r for r in course["records"]}


def test_change_passphrase_old_one_opens_neither_file_nor_backup(wallet_factory):
    wallet, _ = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "x"}])
    wallet.change_passphrase("a brand new passphrase")
    wallet.close()
    backup = wallet.path.with_name("wallet.icw.bak")
    for path in (wallet.path, backup):
        with pytest.raises(WrongPassphrase):
            Wallet.open(path, WALLET_PASSPHRASE)
        with Wallet.open(path, "a brand new passphrase") as again:
            assert len(again.records()) == 1
    with pytest.raises(WeakPassphrase):
        Wallet.open(wallet.path, "a brand new passphrase").change_passphrase("short")


def test_recover_with_the_code(wallet_factory):
    wallet, code = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "x"}])
    wallet.close()
    before = _snapshot(wallet.path)
    wrong = "0000000000000000000000000"
    with pytest.raises(WrongPassphrase):
        Wallet.recover(wallet.path, wrong, "new passphrase here")
    assert _snapshot(wallet.path) == before
    spaced = " ".join(code.replace("-", "").lower())
    Wallet.recover(wallet.path, spaced, "new passphrase here")
    with Wallet.open(wallet.path, "new passphrase here") as again:
        assert again.records()[0]["text"] == "x"
    with pytest.raises(WrongPassphrase):
        Wallet.open(wallet.path, WALLET_PASSPHRASE)


def test_share_log(wallet_factory):
    wallet, _ = wallet_factory()
    issued = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    wallet.log_share("gp", ["findings", "plan"], issued, datetime(2026, 11, 20, 9, 40, tzinfo=UTC))
    wallet.log_share("physiotherapist", ["goals"], datetime(2026, 11, 1, 8, 0, tzinfo=UTC), issued)
    log = wallet.share_log()
    assert [e["role"] for e in log] == ["physiotherapist", "gp"]
    assert log[1] == {
        "date": "2026-11-20T09:30:00+00:00",
        "role": "gp",
        "sections": ["findings", "plan"],
        "expires": "2026-11-20T09:40:00+00:00",
    }
    with pytest.raises(InvalidRecord):
        wallet.log_share("astrologer", ["goals"], issued, issued)


def test_profile_is_validated(wallet_factory):
    wallet, _ = wallet_factory()
    wallet.set_profile({"name": "Anna", "birth_date": "1978-03-14"})
    assert wallet.profile == {"name": "Anna", "birth_date": "1978-03-14", "municipality": "", "gp": ""}
    with pytest.raises(InvalidRecord) as err:
        wallet.set_profile({"birth_date": "14 March 1978"})
    assert "birth_date" in str(err.value) and "March" not in str(err.value)


def test_closed_wallet_refuses_use_and_frees_the_lock(wallet_factory):
    wallet, _ = wallet_factory()
    wallet.close()
    with pytest.raises(WalletError):
        wallet.records()
    Wallet.open(wallet.path, WALLET_PASSPHRASE).close()


def test_second_open_in_the_same_process_is_already_open(wallet_factory):
    wallet, _ = wallet_factory()
    with pytest.raises(AlreadyOpen):
        Wallet.open(wallet.path, WALLET_PASSPHRASE)


def test_wipe_removes_every_file(wallet_factory):
    wallet, _ = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "x"}])
    folder = wallet.path.parent
    Wallet.wipe(wallet.path)
    assert wallet.closed
    assert not [p for p in folder.iterdir() if p.name.startswith("wallet.icw")]


def test_threads_adding_at_once_lose_nothing(wallet_factory):
    wallet, _ = wallet_factory()
    errors = []

    def writer(n: int) -> None:
        try:
            for i in range(20):
                wallet.add({"id": f"t{n}-{i}", "type": "note", "date": "2026-11-01", "text": f"{n}/{i}"})
                wallet.records()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    wallet.close()
    with Wallet.open(wallet.path, WALLET_PASSPHRASE) as again:
        assert len(again.records()) == 120


def test_every_save_uses_a_fresh_nonce(wallet_factory):
    from infocards.wallet.fileformat import parse_file

    wallet, _ = wallet_factory()
    nonces = set()
    for i in range(5):
        wallet.set_profile({"name": "same"})
        nonces.add(parse_file(wallet.path.read_bytes()).header.body_nonce)
        assert i + 1 == len(nonces)


def test_validate_record_is_exported(wallet_reference_course):
    for record in wallet_reference_course["records"]:
        assert validate_record(record) == record


def test_import_data_validates_everything_before_saving(wallet_factory, wallet_reference_course):
    from infocards.errors import NewerFormat

    course = wallet_reference_course
    wallet, _ = wallet_factory()
    bad = dict(course, records=[*course["records"][:3], {"id": "x", "type": "note", "date": "soon"}])
    with pytest.raises(InvalidRecord):
        wallet.import_data(bad)
    assert wallet.records() == []
    with pytest.raises(NewerFormat):
        wallet.import_data(dict(course, version=2))
    with pytest.raises(WalletError):
        wallet.import_data({"records": []})
    result = wallet.import_data(course)
    assert result == [(r["id"], False) for r in course["records"]]
    assert wallet.export_data() == {**course, "records": wallet.records()}
    assert all(replaced for _, replaced in wallet.import_data(course))


def test_exists(wallet_factory, tmp_path):
    assert not Wallet.exists(tmp_path / "wallet.icw")
    wallet_factory()
    assert Wallet.exists(tmp_path / "wallet.icw")


def test_exists_with_only_the_backup(wallet_factory):
    wallet, _ = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "x"}])
    wallet.close()
    wallet.path.unlink()
    assert Wallet.exists(wallet.path)
    Wallet.wipe(wallet.path)
    assert not Wallet.exists(wallet.path)


def test_an_orphaned_backup_is_opened_never_deleted(wallet_factory, wallet_cheap_kdf):
    wallet, _ = wallet_factory()
    wallet.add({"id": "a", "type": "note", "date": "2026-11-01", "text": "first"})
    wallet.add({"id": "b", "type": "note", "date": "2026-11-02", "text": "second"})
    wallet.close()
    path, backup = wallet.path, wallet.path.with_name("wallet.icw.bak")
    path.unlink()  # the main file lost by hand or by a sync tool; the backup is the history
    before = _snapshot(backup)
    with pytest.raises(WalletExists) as err:
        Wallet.create(path, WALLET_PASSPHRASE, kdf=wallet_cheap_kdf)
    assert "backup" in err.value.message("en") and "sikkerhedskopi" in err.value.message("da")
    assert _snapshot(backup) == before and not path.exists()
    with pytest.raises(WrongPassphrase):
        Wallet.open(path, "not the passphrase")
    with Wallet.open(path, WALLET_PASSPHRASE) as reopened:
        assert reopened.used_backup is not None
        assert [r["id"] for r in reopened.records()] == ["a"]
        reopened.add({"id": "c", "type": "note", "date": "2026-11-03", "text": "third"})
    with Wallet.open(path, WALLET_PASSPHRASE) as again:
        assert again.used_backup is None and [r["id"] for r in again.records()] == ["a", "c"]


def test_recover_with_only_the_backup(wallet_factory):
    wallet, code = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "x"}])
    wallet.add({"type": "note", "date": "2026-11-02", "text": "y"})
    wallet.close()
    wallet.path.unlink()
    Wallet.recover(wallet.path, code, "new passphrase here")
    with Wallet.open(wallet.path, "new passphrase here") as again:
        assert len(again.records()) == 1


_NO_IDS = [
    {"type": "note", "date": "2026-11-01", "text": "Slept badly."},
    {"type": "goal", "date": "2026-11-02", "text": "Walk to work.", "status": "active"},
    {"type": "work", "date": "2026-11-03", "status": "working", "note": "", "hours_per_week": 30},
]


def test_importing_records_without_ids_twice_leaves_the_same_wallet(wallet_factory, wallet_reference_course):
    document = {"format": "infocards-records", "version": 1, "records": _NO_IDS}
    wallet, _ = wallet_factory()
    first = wallet.import_data(document)
    assert [replaced for _, replaced in first] == [False, False, False]
    exported = wallet.export_data()
    second = wallet.import_data(document)
    assert second == [(rid, True) for rid, _ in first]
    assert wallet.export_data() == exported and len(wallet.records()) == 3
    assert [wallet.put(r) for r in _NO_IDS] == second
    assert wallet.put_many(_NO_IDS) == second and len(wallet.records()) == 3
    # Written without `source`, or with the default spelled out: the same record, the same id.
    assert wallet.put({**_NO_IDS[0], "source": "patient"}) == second[0]
    # A changed record is another record; a record typed in (add) still gets a random id.
    assert wallet.put({**_NO_IDS[0], "text": "Slept well."})[1] is False
    assert wallet.add(_NO_IDS[0]) != first[0][0]
    assert len(wallet.records()) == 5


def test_derived_ids_do_not_reveal_the_record(wallet_factory, tmp_path):
    # Keyed by the wallet: another wallet gives the same record another id, so an id in an error
    # message or a bug report cannot be matched against guessed record contents.
    one, _ = wallet_factory(name="one.icw")
    two, _ = wallet_factory(name="two.icw")
    rid_one, _ = one.put(_NO_IDS[2])
    rid_two, _ = two.put(_NO_IDS[2])
    assert rid_one != rid_two
    one.close()
    with Wallet.open(one.path, WALLET_PASSPHRASE) as again:
        assert again.put(_NO_IDS[2]) == (rid_one, True)


def test_a_damaged_orphaned_backup_says_the_main_file_is_missing(wallet_factory):
    wallet, _ = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "x"}])
    wallet.add({"type": "note", "date": "2026-11-02", "text": "y"})
    wallet.close()
    backup = wallet.path.with_name("wallet.icw.bak")
    wallet.path.unlink()
    backup.write_bytes(backup.read_bytes()[:-1])
    with pytest.raises(CorruptWallet) as err:
        Wallet.open(wallet.path, WALLET_PASSPHRASE)
    assert "missing" in err.value.message("en") and "backup" in err.value.message("en")
    assert backup.exists()


def test_a_failed_atomic_write_leaves_no_stray_copy(tmp_path):
    from infocards.wallet.storage import atomic_write

    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(OSError):
        atomic_write(folder, b"plain records", rotate_backup=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]
