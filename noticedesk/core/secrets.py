"""The one door to the OS credential store (keyring). Nothing else in NoticeDesk imports keyring.

Which store: an explicit choice wins (``use_backend()`` from the program or tests, then keyring's
own ``PYTHON_KEYRING_BACKEND`` variable); otherwise the best of the stores we accept: Windows
Credential Manager, macOS Keychain, Secret Service (GNOME Keyring, KeePassXC…) and KWallet. We
never use keyring's ``fail`` or ``null`` backends, nor the ``keyrings.alt`` files that keep
secrets in plaintext or base64 beside the data — not even when named explicitly. The choice is
made once per process and remembered, so every secret of a session goes to the same store.

Every way the store can be missing, locked or refusing becomes ``SecretStoreUnavailable`` with
a message that says what to do. It never claims a password is wrong: that is for the caller to
say, and only when it knows.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from typing import Any

import keyring
import keyring.backend
import keyring.core
import keyring.errors

from noticedesk.core.user_error import UserError

# Named statically so a frozen (PyInstaller) build carries them: keyring finds backends by
# subclass registration, and a module never imported is a backend never offered.
try:
    import keyring.backends.kwallet
    import keyring.backends.macOS
    import keyring.backends.SecretService
    import keyring.backends.Windows
except ImportError:  # pragma: no cover - each guards its own platform libraries
    pass

SERVICE = "NoticeDesk"

# Windows Credential Manager refuses blobs over ~2.5 KB; our keys are 44 characters. Anything
# near this limit is a mistake, so refuse it early and everywhere, not only on Windows.
MAX_SECRET_CHARS = 1024

# (module, class, name shown to the user)
ACCEPTABLE: tuple[tuple[str, str, str], ...] = (
    ("keyring.backends.Windows", "WinVaultKeyring", "Windows 資格情報マネージャー"),
    ("keyring.backends.macOS", "Keyring", "macOS キーチェーン"),
    ("keyring.backends.SecretService", "Keyring", "Secret Service (GNOME Keyring 等)"),
    ("keyring.backends.kwallet", "DBusKeyring", "KWallet"),
)

# Backends that store nothing, or store secrets readable by whoever copies the disk.
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class SecretStoreUnavailable(UserError):
    """No usable credential store, or it is locked or refused the request. Not a wrong password."""

    def __init__(self, message: str, message_en: str, detail: str = "") -> None:
        super().__init__(message, message_en)
        self.detail = detail  # the backend's own words, for a log or a support call


def key_store_name(platform: str | None = None) -> tuple[str, str]:
    """The place this system keeps secrets, in the words its users see in their own settings
    (Japanese, English): staff never meet "credential store" or "keyring"."""
    name = sys.platform if platform is None else platform
    if name.startswith("win"):
        return "Windows の資格情報", "Windows Credentials"
    if name == "darwin":
        return "この Mac のキーチェーン", "this Mac's keychain"
    return "この PC の鍵の保管場所", "this computer's key storage"


def _unavailable_message(detail: str = "") -> SecretStoreUnavailable:
    store_ja, store_en = key_store_name()
    if sys.platform.startswith("win"):
        hint_ja = "Windows の資格情報マネージャーが使えることを確認してください。"
        hint_en = "Check that Windows Credential Manager is available."
    elif sys.platform == "darwin":
        hint_ja = "キーチェーンのロックを解除してください。"
        hint_en = "Unlock your keychain."
    else:
        hint_ja = "Secret Service (GNOME Keyring や KWallet) を起動してロックを解除してください。"
        hint_en = "Start and unlock a Secret Service (GNOME Keyring or KWallet)."
    return SecretStoreUnavailable(
        f"{store_ja}が使えません。"
        + hint_ja
        + "使えない場合は、パスフレーズで保護する方法を選べます。保存済みのデータは失われていません。",
        f"{store_en[0].upper()}{store_en[1:]} is not available. "
        + hint_en
        + " Otherwise you can protect the case with a passphrase instead. No saved data was lost.",
        detail,
    )


def _is_refused(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    return any(module == m or module.startswith(m + ".") for m in _REFUSED_MODULES)


def _automatic_choice() -> keyring.backend.KeyringBackend:
    # Import the acceptable modules by name: a frozen build only finds backends it can see.
    acceptable: list[type[Any]] = []
    for module_name, class_name, _ in ACCEPTABLE:
        try:
            module = importlib.import_module(module_name)
        except Exception:  # a backend whose platform libraries are absent
            continue
        cls = getattr(module, class_name, None)
        if cls is not None:
            acceptable.append(cls)
    viable = [
        b for b in keyring.backend.get_all_keyring() if type(b) in acceptable and _priority(b) > 0
    ]
    if not viable:
        raise _unavailable_message("no acceptable keyring backend is viable")
    return max(viable, key=_priority)


def _priority(backend: keyring.backend.KeyringBackend) -> float:
    try:
        return float(backend.priority)
    except Exception:
        return 0.0


_lock = threading.Lock()
_override: keyring.backend.KeyringBackend | None = None
_chosen: keyring.backend.KeyringBackend | None = None


def use_backend(backend: keyring.backend.KeyringBackend | None) -> None:
    """Make every SecretStore in this process use ``backend`` (None: choose again)."""
    global _override, _chosen
    with _lock:
        _override = backend
        _chosen = None


def chosen_backend() -> keyring.backend.KeyringBackend:
    """The store this process uses, chosen once; SecretStoreUnavailable when there is none."""
    global _chosen
    with _lock:
        if _chosen is not None:
            return _chosen
        if _override is not None:
            backend = _override
        elif os.environ.get("PYTHON_KEYRING_BACKEND"):
            try:
                loaded = keyring.core.load_env()
            except Exception as exc:
                raise _unavailable_message(f"PYTHON_KEYRING_BACKEND: {exc}") from None
            if loaded is None:  # pragma: no cover - the variable was checked above
                raise _unavailable_message("PYTHON_KEYRING_BACKEND")
            backend = loaded
        else:
            backend = _automatic_choice()
        if _is_refused(backend):
            raise _unavailable_message(f"refused backend {type(backend).__module__}")
        _chosen = backend
        return backend


def backend_label(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    for module_name, class_name, label in ACCEPTABLE:
        if cls.__module__ == module_name and cls.__name__ == class_name:
            return label
    return f"{cls.__module__}.{cls.__name__}"


class SecretStore:
    """Named secrets of this installation in the OS credential store.

    Construct it freely: the backend is chosen at first use, so an office without a store
    can still run everything that needs no secret.
    """

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    @property
    def backend_name(self) -> str:
        return backend_label(chosen_backend())

    def available(self) -> bool:
        try:
            chosen_backend()
        except SecretStoreUnavailable:
            return False
        return True

    def get(self, name: str) -> str | None:
        backend = chosen_backend()
        try:
            value = backend.get_password(self.service, name)
        except Exception as exc:  # locked, D-Bus gone, access denied…
            raise _unavailable_message(f"{type(exc).__name__}: {exc}") from None
        return None if value is None else str(value)

    def set(self, name: str, value: str) -> None:
        if len(value) > MAX_SECRET_CHARS:
            raise ValueError(f"secret {name!r} is {len(value)} characters; the limit is small")
        backend = chosen_backend()
        try:
            backend.set_password(self.service, name, value)
        except Exception as exc:
            raise _unavailable_message(f"{type(exc).__name__}: {exc}") from None

    def delete(self, name: str) -> None:
        """Remove a secret; one that is already gone is not an error."""
        backend = chosen_backend()
        try:
            backend.delete_password(self.service, name)
        except keyring.errors.PasswordDeleteError:
            return
        except Exception as exc:
            raise _unavailable_message(f"{type(exc).__name__}: {exc}") from None
