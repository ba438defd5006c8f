"""The PPC's deadlines as the guideline counts them: day 1 is the day the business learned of
the event; a 確報 whose last day is closed moves to the next open day; the office may override."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.dates import seireki
from noticedesk.core.deadlines import closed_reason, deadlines_for, next_open_day
from noticedesk.core.incident import load_incident
from tests.helpers.paths import SAMPLE


def test_the_day_of_discovery_is_day_one() -> None:
    # The worked example: found 2023-06-05, 規則7条3号 → the 60th day is 2023-08-03.
    deadlines = deadlines_for(dt.date(2023, 6, 5), True)
    assert deadlines.final.due == dt.date(2023, 8, 3)
    assert deadlines.preliminary.due == dt.date(2023, 6, 9)  # the 5th day, 概ね
    assert deadlines.preliminary.approximate
    assert deadlines_for(dt.date(2023, 6, 5), False).final.due == dt.date(2023, 7, 4)


def test_a_sixtieth_day_on_a_sunday_moves_to_monday() -> None:
    final = deadlines_for(dt.date(2023, 6, 8), True).final
    assert final.nth == dt.date(2023, 8, 6)  # a Sunday
    assert final.due == dt.date(2023, 8, 7)
    assert final.moved
    assert "2023年8月6日が日曜日のため翌開庁日" in final.basis(seireki)


def test_a_last_day_in_golden_week_moves_past_every_holiday() -> None:
    # Day 30 from 2024-04-04 is Friday 3 May (憲法記念日); 4 May Saturday, 5 May Sunday
    # (こどもの日), 6 May a substitute holiday: the deadline is Tuesday 7 May.
    final = deadlines_for(dt.date(2024, 4, 4), False).final
    assert final.nth == dt.date(2024, 5, 3)
    assert final.due == dt.date(2024, 5, 7)
    assert "憲法記念日" in final.basis(seireki)


def test_a_last_day_at_new_year_moves_past_the_closure() -> None:
    # Day 60 from 2023-10-31 is 29 December: closed until 3 January, so 4 January 2024.
    final = deadlines_for(dt.date(2023, 10, 31), True).final
    assert final.nth == dt.date(2023, 12, 29)
    assert final.due == dt.date(2024, 1, 4)
    assert "年末年始" in final.basis(seireki)


def test_the_preliminary_guide_is_not_moved_by_a_weekend() -> None:
    # 概ね3～5日 is a guide, not a deadline the rule fixes: a Sunday 5th day stays.
    preliminary = deadlines_for(dt.date(2023, 6, 7), True).preliminary
    assert preliminary.due == dt.date(2023, 6, 11)
    assert closed_reason(preliminary.due) is not None


@pytest.mark.parametrize(
    ("day", "closed"),
    [
        (dt.date(2023, 8, 11), True),  # 山の日
        (dt.date(2023, 12, 28), False),  # the last open day of the year
        (dt.date(2024, 1, 3), True),
        (dt.date(2024, 1, 8), True),  # 成人の日
        (dt.date(2024, 1, 9), False),
    ],
)
def test_closed_days(day: dt.date, closed: bool) -> None:
    assert (closed_reason(day) is not None) is closed
    assert (next_open_day(day) != day) is closed


def test_an_office_override_wins_and_keeps_the_rule_visible() -> None:
    deadlines = deadlines_for(dt.date(2023, 6, 5), True, final_override=dt.date(2023, 7, 31))
    assert deadlines.final.due == dt.date(2023, 7, 31)
    assert deadlines.final.computed == dt.date(2023, 8, 3)
    assert deadlines.final.overdue(dt.date(2023, 8, 1))
    basis = deadlines.final.basis(seireki)
    assert "事務所の判断による期限" in basis and "2023年8月3日" in basis
    assert "set by the office" in deadlines.final.basis(dt.date.isoformat, "en")


def test_an_override_is_kept_in_the_case_and_logged(isolated_data_dir: Path) -> None:
    incident = load_incident(SAMPLE / "incident.toml")
    store, _code = CaseStore.create(isolated_data_dir, "期限の変更", KeyringKeySource())
    store.set_incident(incident)
    store.set_incident(dataclasses.replace(incident, final_due_override=dt.date(2023, 7, 31)))
    store.set_incident(dataclasses.replace(incident, final_due_override=dt.date(2023, 7, 31)))
    store.close()
    reopened = CaseStore.open(isolated_data_dir, "期限の変更", KeyringKeySource())
    try:
        assert reopened.incident is not None
        assert reopened.incident.final_due_override == dt.date(2023, 7, 31)
        assert reopened.incident.deadlines.final.due == dt.date(2023, 7, 31)
        logged = [e for e in reopened.audit_entries() if e.action == "deadline"]
        # Set once; saving the same incident again logs no change.
        assert len(logged) == 1
        assert (
            logged[0].summary()
            == "確報: 規定どおり → 2023年7月31日（規定による計算: 2023年8月3日）"
        )
        reopened.set_incident(incident)
        cleared = [e for e in reopened.audit_entries() if e.action == "deadline"]
        assert cleared[-1].summary().startswith("確報: 2023年7月31日 → 規定どおり")
    finally:
        reopened.close()


def test_the_sample_incident_round_trips_every_new_field(tmp_path: Path) -> None:
    import tomli_w

    from noticedesk.core.incident import incident_to_mapping

    incident = dataclasses.replace(
        load_incident(SAMPLE / "incident.toml"),
        occurred_on=None,
        preliminary_due_override=dt.date(2023, 6, 8),
    )
    path = tmp_path / "incident.toml"
    path.write_text(tomli_w.dumps(incident_to_mapping(incident)), "utf-8")
    again = load_incident(path)
    assert again == incident
    assert again.clients_notified_on == dt.date(2023, 6, 8)
    assert again.contact_hours == "平日9時～17時"
    assert again.occurred_on is None
