"""The incident's reply-by date and rule for silence: read from TOML, kept, checked."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from noticedesk.core.incident import incident_from_mapping, incident_to_mapping, load_incident
from noticedesk.core.office import ProfileError
from tests.helpers.documents import sample_incident


def test_the_sample_asks_for_answers_by_a_date_and_silence_means_joint() -> None:
    incident = sample_incident()
    assert incident.reply_by == dt.date(2023, 8, 10)
    assert incident.silence_rule == "joint"


def test_reply_by_and_the_rule_survive_a_round_trip(tmp_path: Path) -> None:
    changed = dataclasses.replace(sample_incident(), reply_by=None, silence_rule="hold")
    again = incident_from_mapping(incident_to_mapping(changed))
    assert (again.reply_by, again.silence_rule) == (None, "hold")


def test_an_unknown_rule_is_one_sentence_naming_the_file(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[2] / "resources/sample/incident.toml").read_text(
        encoding="utf-8"
    )
    path = tmp_path / "事案.toml"
    path.write_text(text.replace('silence_rule = "joint"', 'silence_rule = "maybe"'), "utf-8")
    with pytest.raises(ProfileError, match=r"事案\.toml: silence_rule は joint"):
        load_incident(path)


def test_a_reply_by_date_before_the_letter_is_a_date_problem() -> None:
    early = dataclasses.replace(sample_incident(), reply_by=dt.date(2023, 7, 1))
    assert [p.field for p in early.date_problems()] == ["reply_by"]
