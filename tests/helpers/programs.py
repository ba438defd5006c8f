"""The programs outside Python that some tests need (LibreOffice, pdftotext, lupdate, a Secret
Service daemon …): found on PATH, or the test stops here.

Where one is missing the test is skipped on a developer's machine, but fails under ``CI=true``:
``.ci/run`` installs every one of them, so a missing program there is a broken CI, not a reason
to pass quietly.
"""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest


def under_ci() -> bool:
    return os.environ.get("CI") == "true"


def unavailable(sentence: str) -> NoReturn:
    """Stop the test for something missing: a failure under ``CI=true``, else a skip."""
    if under_ci():
        pytest.fail(f"{sentence}; CI must provide it (see .ci/run)", pytrace=False)
    pytest.skip(sentence)


def require_tool(name: str, *, why: str, also: tuple[str, ...] = ()) -> str:
    """The path of program ``name`` (or of the first of ``also`` found, its other names).

    ``why`` says what the test needs it for; it ends the sentence a skip or failure shows:
    ``require_tool("pdftotext", why="reads the exported PDFs back")``.
    """
    for candidate in (name, *also):
        found = shutil.which(candidate)
        if found is not None:
            return found
    unavailable(f"{name} is not installed ({why})")


def require_secret_service() -> None:
    """A private D-Bus session and a GNOME Keyring daemon to start in it (a real credential
    store for the tests that prove the shipped path works against one)."""
    require_tool("dbus-run-session", why="a private D-Bus session for the Secret Service")
    require_tool("gnome-keyring-daemon", why="the Secret Service that keeps a case's key")
