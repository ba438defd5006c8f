"""Key sources: a passphrase, the recovery code on another PC, the OS store, a throwaway key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from noticedesk.core import secrets
from noticedesk.core.case import (
    CaseError,
    CaseStore,
    EphemeralKeySource,
    KeyMissing,
    KeyringKeySource,
    PassphraseKeySource,
    RecoveryCodeKeySource,
    WrongPassphrase,
    WrongRecoveryCode,
)
from tests.helpers.cases import SAKURA, TAKAHASHI, roster
from tests.helpers.keyring_memory import MemoryKeyring

PASSPHRASE = "さくら台の春2023"


def test_passphrase_opens_and_a_wrong_one_says_so(isolated_data_dir: Path) -> None:
    store, _ = CaseStore.create(isolated_data_dir, "事案", PassphraseKeySource(PASSPHRASE))
    store.import_roster(roster([TAKAHASHI]))
    store.close()
    with pytest.raises(WrongPassphrase) as err:
        CaseStore.open(isolated_data_dir, "事案", PassphraseKeySource("さくら台の秋2023"))
    assert "パスフレーズが違います" in err.value.text()
    assert "passphrase is wrong" in err.value.text("en")
    # Typed with a Japanese IME in full-width: the same passphrase.
    with CaseStore.open(
        isolated_data_dir, "事案", PassphraseKeySource("さくら台の春２０２３")
    ) as s:
        assert s.clients()[0].client.name == TAKAHASHI.name


def test_a_short_passphrase_is_refused_before_anything_is_written(
    isolated_data_dir: Path,
) -> None:
    with pytest.raises(CaseError, match="8文字以上"):
        CaseStore.create(isolated_data_dir, "事案", PassphraseKeySource("short"))
    assert CaseStore.list_cases(isolated_data_dir) == []


def test_recovery_code_opens_the_case_on_another_pc(
    isolated_data_dir: Path, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store, code = CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    store.import_roster(roster([TAKAHASHI, SAKURA]))
    store.set_individual([TAKAHASHI.key], True)
    store.close()
    assert len(code.replace("-", "")) == 25

    # Another PC: the data folder copied over, an empty credential store.
    other_pc = tmp_path / "other"
    shutil.copytree(isolated_data_dir, other_pc)
    memory_keyring.secrets.clear()
    with pytest.raises(KeyMissing, match="回復コード"):
        CaseStore.open(other_pc, "事案", KeyringKeySource())
    with pytest.raises(WrongRecoveryCode):
        CaseStore.open(other_pc, "事案", RecoveryCodeKeySource("00000-00000-00000-00000-00000"))
    with pytest.raises(WrongRecoveryCode, match="形式"):
        CaseStore.open(other_pc, "事案", RecoveryCodeKeySource("12345"))
    # Read off paper: lower case, full-width, spaces instead of hyphens.
    typed = code.lower().replace("-", " ").replace("a", "ａ")
    with CaseStore.open(other_pc, "事案", RecoveryCodeKeySource(typed)) as moved:
        assert [c.individual for c in moved.clients()] == [True, True]
        moved.protect_with(KeyringKeySource())  # from now on it opens by itself here
    with CaseStore.open(other_pc, "事案", KeyringKeySource()) as again:
        assert again.clients()[0].client.name == TAKAHASHI.name
        assert again.audit_entries()[-1].action == "key"


def test_a_passphrase_case_names_its_protection_when_opened_otherwise(
    isolated_data_dir: Path,
) -> None:
    CaseStore.create(isolated_data_dir, "事案", PassphraseKeySource(PASSPHRASE))[0].close()
    with pytest.raises(CaseError, match="パスフレーズで保護されています"):
        CaseStore.open(isolated_data_dir, "事案", KeyringKeySource())


def test_an_ephemeral_key_lives_only_as_long_as_its_object(isolated_data_dir: Path) -> None:
    key = EphemeralKeySource()
    CaseStore.create(isolated_data_dir, "デモ", key)[0].close()
    CaseStore.open(isolated_data_dir, "デモ", key).close()
    with pytest.raises(KeyMissing, match="一時的な鍵"):
        CaseStore.open(isolated_data_dir, "デモ", EphemeralKeySource())


def test_keyring_holds_only_a_small_key_per_case(
    isolated_data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store, _ = CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    store.close()
    ((service, name), value) = next(iter(memory_keyring.secrets.items()))
    assert service == secrets.SERVICE and name == f"case-key:{store.id}"
    assert len(value) < 100  # Windows Credential Manager refuses blobs over ~2.5 KB
