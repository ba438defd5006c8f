"""Shared test setup: offscreen Qt, and a throwaway data folder for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from noticedesk.core import secrets
from tests.helpers.keyring_memory import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test touches the real user data folder."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("NOTICEDESK_DATA_DIR", str(path))
    return path


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory credential store; none ever touches a real one."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    secrets.use_backend(backend)
    yield backend
    secrets.use_backend(None)
    keyring.set_keyring(previous)
