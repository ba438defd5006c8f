"""Shared test setup: offscreen Qt, and a throwaway data folder for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "resources" / "sample"


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test touches the real user data folder."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("NOTICEDESK_DATA_DIR", str(path))
    return path
