"""The credential store: one clear message when it is missing or locked, and nothing lost."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import keyring.backends.fail
import keyring.backends.null
import pytest

from noticedesk.core import secrets
from noticedesk.core.case import (
    CaseStore,
    KeyringKeySource,
    RecoveryCodeKeySource,
    WrongKey,
)
from noticedesk.core.secrets import SecretStore, SecretStoreUnavailable, key_store_name
from tests.helpers.cases import TAKAHASHI, roster
from tests.helpers.keyring_memory import MemoryKeyring


def folder_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_secrets_round_trip_through_the_chosen_backend(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    store.set("office-token", "abc")
    assert store.get("office-token") == "abc"
    assert memory_keyring.secrets[(secrets.SERVICE, "office-token")] == "abc"
    store.delete("office-token")
    store.delete("office-token")  # already gone: not an error
    assert store.get("office-token") is None


def test_oversized_secrets_are_refused_before_reaching_the_store() -> None:
    with pytest.raises(ValueError):
        SecretStore().set("big", "x" * 3000)


@pytest.mark.parametrize(
    "backend", [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring()]
)
def test_no_usable_backend_gives_one_clear_message(backend: object) -> None:
    secrets.use_backend(backend)  # type: ignore[arg-type]
    with pytest.raises(SecretStoreUnavailable) as err:
        SecretStore().get("anything")
    message = err.value.text()
    assert f"{key_store_name()[0]}が使えません" in message and "パスフレーズ" in message
    assert "パスワードが違" not in message
    if sys.platform.startswith("linux"):
        assert "Secret Service" in message
    assert f"{key_store_name()[1]} is not available".lower() in err.value.text("en").lower()
    assert not SecretStore().available()


def test_plaintext_file_backends_are_refused_even_when_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A stand-in with keyrings.alt's module name: its real classes keep secrets in base64 files.
    plaintext = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
    secrets.use_backend(plaintext())
    with pytest.raises(SecretStoreUnavailable):
        SecretStore().set("k", "v")


def test_python_keyring_backend_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    secrets.use_backend(None)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.helpers.keyring_memory.MemoryKeyring")
    assert type(secrets.chosen_backend()).__name__ == "MemoryKeyring"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    secrets.use_backend(None)
    with pytest.raises(SecretStoreUnavailable):
        secrets.chosen_backend()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no.such.Backend")
    secrets.use_backend(None)
    with pytest.raises(SecretStoreUnavailable):
        secrets.chosen_backend()


def test_the_choice_is_remembered_for_the_process(memory_keyring: MemoryKeyring) -> None:
    first = secrets.chosen_backend()
    assert secrets.chosen_backend() is first is memory_keyring


def test_creating_a_case_without_a_store_leaves_nothing_behind(isolated_data_dir: Path) -> None:
    secrets.use_backend(keyring.backends.fail.Keyring())
    with pytest.raises(SecretStoreUnavailable):
        CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    assert CaseStore.list_cases(isolated_data_dir) == []
    assert not any((isolated_data_dir / "cases").glob("*.sqlite"))


def test_a_locked_store_is_not_a_wrong_password_and_loses_nothing(
    isolated_data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    store, code = CaseStore.create(isolated_data_dir, "事案", KeyringKeySource())
    store.import_roster(roster([TAKAHASHI]))
    store.set_individual([TAKAHASHI.key], True)
    store.close()
    before = folder_digest(isolated_data_dir)

    memory_keyring.locked = True
    with pytest.raises(SecretStoreUnavailable) as err:
        CaseStore.open(isolated_data_dir, "事案", KeyringKeySource())
    assert not isinstance(err.value, WrongKey)
    assert "失われていません" in err.value.text()
    assert folder_digest(isolated_data_dir) == before
    # Meanwhile the recovery code still opens it.
    with CaseStore.open(isolated_data_dir, "事案", RecoveryCodeKeySource(code)) as s:
        assert s.clients()[0].individual is True

    memory_keyring.locked = False
    with CaseStore.open(isolated_data_dir, "事案", KeyringKeySource()) as s:
        assert s.clients()[0].client.name == TAKAHASHI.name
        assert s.clients()[0].individual is True


def test_automatic_choice_skips_a_plaintext_backend_that_keyring_would_pick(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # keyrings.alt installed beside keyring wins keyring's own priority race; we never take it.
    plaintext = type(
        "PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file", "priority": 9}
    )
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [plaintext()])
    secrets.use_backend(None)
    with pytest.raises(SecretStoreUnavailable, match=f"{key_store_name()[0]}が使えません"):
        secrets.chosen_backend()


@pytest.mark.parametrize(
    ("platform", "japanese", "english"),
    [
        ("win32", "Windows の資格情報", "Windows Credentials"),
        ("darwin", "この Mac のキーチェーン", "this Mac's keychain"),
        ("linux", "この PC の鍵の保管場所", "this computer's key storage"),
    ],
)
def test_the_key_store_is_named_as_each_system_names_it(
    monkeypatch: pytest.MonkeyPatch, platform: str, japanese: str, english: str
) -> None:
    assert key_store_name(platform) == (japanese, english)
    monkeypatch.setattr(secrets.sys, "platform", platform)
    message = secrets._unavailable_message()
    assert message.text("ja").startswith(f"{japanese}が使えません。")
    assert english.lower() in message.text("en").lower()
    assert "資格情報ストア" not in message.text("ja")
    assert "credential store" not in message.text("en")
