"""The state the window's parts share: each change announced once, the replaced case closed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import CaseError
from noticedesk.core.incident import load_incident
from noticedesk.core.office import load_office
from noticedesk.gui.common.settings import WindowSettings
from noticedesk.gui.common.tasks import ImmediateRunner
from noticedesk.gui.shared.state import WindowState
from tests.helpers.windows import new_session


def test_flags_are_announced_when_they_change_and_only_then(qtbot: QtBot, data_dir: Path) -> None:
    state = WindowState(WindowSettings(data_dir), ImmediateRunner(), language="en")
    seen: list[tuple[str, object]] = []
    state.busy_changed.connect(lambda v: seen.append(("busy", v)))
    state.exporting_changed.connect(lambda v: seen.append(("exporting", v)))
    state.language_changed.connect(lambda v: seen.append(("language", v)))
    state.set_busy(True)
    state.set_busy(True)
    state.set_exporting(True)
    state.set_exporting(False)
    state.set_busy(False)
    state.set_language("ja")
    assert seen == [
        ("busy", True),
        ("exporting", True),
        ("exporting", False),
        ("busy", False),
        ("language", "ja"),
    ]
    assert WindowSettings(data_dir).language() == "ja"  # remembered for the next start
    assert state.data_dir == data_dir


def test_another_case_closes_the_one_it_replaces(qtbot: QtBot, data_dir: Path) -> None:
    first, second = new_session(data_dir, "一つ目"), new_session(data_dir, "二つ目")
    state = WindowState(WindowSettings(data_dir), ImmediateRunner(), session=first)
    shown: list[object] = []
    state.session_changed.connect(shown.append)
    state.set_session(second)
    assert shown == [second] and state.session is second
    with pytest.raises((sqlite3.ProgrammingError, CaseError)):  # closed: nothing can be read
        first.store.audit_entries()
    state.set_session(None)
    assert shown == [second, None]


def test_the_office_and_incident_are_written_then_announced(qtbot: QtBot, data_dir: Path) -> None:
    session = new_session(data_dir)
    state = WindowState(WindowSettings(data_dir), ImmediateRunner(), session=session)
    seen: list[str] = []
    state.office_changed.connect(lambda: seen.append("office"))
    state.incident_changed.connect(lambda: seen.append("incident"))
    office = load_office(sample_dir() / "office.toml")
    incident = load_incident(sample_dir() / "incident.toml")
    state.save_office(office)
    state.set_incident(incident)
    assert seen == ["office", "incident"]
    assert session.office() == office and session.incident == incident
    session.close()
