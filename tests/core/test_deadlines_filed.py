"""A filed report meets its deadline: the date is read, kept in the case, and ends the countdown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.deadlines import deadlines_for
from noticedesk.core.incident import load_incident
from noticedesk.core.office import ProfileError
from tests.helpers.paths import SAMPLE

FOUND = dt.date(2023, 6, 5)


def test_a_filed_deadline_is_never_overdue_even_when_filed_late() -> None:
    late_day = dt.date(2023, 9, 1)
    unfiled = deadlines_for(FOUND, True)
    assert unfiled.preliminary.overdue(late_day) and unfiled.final.overdue(late_day)
    filed = deadlines_for(
        FOUND, True, preliminary_filed_on=dt.date(2023, 6, 12), final_filed_on=dt.date(2023, 7, 28)
    )
    assert not filed.preliminary.overdue(late_day)
    assert not filed.final.overdue(late_day)
    # Filing moves no deadline; a late filing stays visible as such.
    assert filed.preliminary.due == unfiled.preliminary.due == dt.date(2023, 6, 9)  # day 5
    assert filed.preliminary.filed_late and not filed.final.filed_late
    # Only the filed report is met: the other still counts down.
    half = deadlines_for(FOUND, False, preliminary_filed_on=dt.date(2023, 6, 9))
    assert not half.preliminary.overdue(late_day)
    assert half.final.overdue(late_day) and not half.final.filed


def test_the_sample_incident_has_both_reports_filed() -> None:
    incident = load_incident(SAMPLE / "incident.toml")
    assert incident.preliminary_filed_on == dt.date(2023, 6, 9)
    assert incident.final_filed_on == dt.date(2023, 7, 28)
    today = dt.date(2026, 11, 26)  # years later: the demo shows nothing overdue
    assert not incident.deadlines.preliminary.overdue(today)
    assert not incident.deadlines.final.overdue(today)


def test_filed_dates_are_optional_and_a_bad_one_is_named(tmp_path: Path) -> None:
    text = (SAMPLE / "incident.toml").read_text("utf-8")
    unfiled = tmp_path / "unfiled.toml"
    unfiled.write_text(
        text.replace("preliminary_filed_on = 2023-06-09\n", "").replace(
            "final_filed_on = 2023-07-28\n", 'final_filed_on = ""\n'
        ),
        "utf-8",
    )
    incident = load_incident(unfiled)
    assert incident.preliminary_filed_on is None and incident.final_filed_on is None
    assert incident.deadlines.final.overdue(dt.date(2023, 8, 5))

    bad = tmp_path / "bad.toml"
    bad.write_text(
        text.replace("final_filed_on = 2023-07-28", 'final_filed_on = "7月28日"'), "utf-8"
    )
    with pytest.raises(ProfileError, match="final_filed_on"):
        load_incident(bad)


def test_filed_dates_survive_the_case_file(isolated_data_dir: Path) -> None:
    incident = load_incident(SAMPLE / "incident.toml")
    store, _code = CaseStore.create(isolated_data_dir, "届出日の保存", KeyringKeySource())
    store.set_incident(incident)
    store.close()
    reopened = CaseStore.open(isolated_data_dir, "届出日の保存", KeyringKeySource())
    try:
        assert reopened.incident == incident
        assert reopened.incident is not None
        assert reopened.incident.final_filed_on == dt.date(2023, 7, 28)
    finally:
        reopened.close()
