"""An in-memory keyring backend for tests: no test ever reaches a real credential store."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict. ``locked = True`` makes every call fail as a locked store does."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise KeyringLocked("the test keyring is locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
