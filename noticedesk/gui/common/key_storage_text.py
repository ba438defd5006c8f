"""How the window names the place a case's key is kept, in plain words for each system.

A case's key is kept by the operating system (Windows: 資格情報, macOS: キーチェーン; elsewhere a
Secret Service such as GNOME Keyring), or made from a passphrase. The window never says
"credential store" or "keyring": staff meet the system's own name, the one they would see in its
settings. Every dialog that offers the choice (Case → New case…, the first case made for a list
opened with no case) and every sentence that names the place takes its words from here.

``platform`` defaults to ``sys.platform``; tests pass another to read each system's words.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

# Every text below is filed under the translation context "KeyStorage" (written out in each
# call: lupdate reads only literal contexts).


def _system(platform: str | None) -> str:
    name = sys.platform if platform is None else platform
    if name.startswith("win"):
        return "windows"
    if name == "darwin":
        return "mac"
    return "other"


def key_storage_name(platform: str | None = None) -> str:
    """The place itself, to put in a sentence: 「Windows の資格情報」, 「この Mac のキーチェーン」,
    「この PC の鍵の保管場所」."""
    system = _system(platform)
    if system == "windows":
        return QCoreApplication.translate("KeyStorage", "Windows Credentials")
    if system == "mac":
        return QCoreApplication.translate("KeyStorage", "this Mac's keychain")
    return QCoreApplication.translate("KeyStorage", "this computer's key storage")


def keep_on_this_computer_text(platform: str | None = None) -> str:
    """The choice to keep the key on this computer, as an option's label."""
    system = _system(platform)
    if system == "windows":
        return QCoreApplication.translate(
            "KeyStorage", "Keep the key on this PC (Windows Credentials)"
        )
    if system == "mac":
        return QCoreApplication.translate("KeyStorage", "Keep the key in this Mac's keychain")
    return QCoreApplication.translate("KeyStorage", "Keep the key in this computer's key storage")


def keep_on_this_computer_hint() -> str:
    """What keeping the key on this computer means for the office, under the option."""
    return QCoreApplication.translate(
        "KeyStorage",
        "Signed in to this computer as yourself, you open the case without typing anything. "
        "On another PC it opens with its recovery code.",
    )


def passphrase_text() -> str:
    """The choice to protect the case with a passphrase, as an option's label."""
    return QCoreApplication.translate("KeyStorage", "Protect it with a passphrase")


def passphrase_hint() -> str:
    """What a passphrase means for the office, under the option."""
    return QCoreApplication.translate(
        "KeyStorage",
        "The passphrase is asked once each time NoticeDesk starts and is never stored. Choose "
        "this on a shared PC or a USB stick.",
    )


def protection_name(protection: str, platform: str | None = None) -> str:
    """How a case is protected, in the list of cases (``CaseSummary.protection``)."""
    if protection == "keyring":
        return key_storage_name(platform)
    if protection == "passphrase":
        return QCoreApplication.translate("KeyStorage", "Passphrase")
    if protection == "ephemeral":
        return QCoreApplication.translate("KeyStorage", "Temporary key")
    return protection
