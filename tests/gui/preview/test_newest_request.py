"""The newest request wins: an answer is used only while its request is still the newest."""

from __future__ import annotations

from noticedesk.gui.preview.newest import NewestRequest


def test_only_the_newest_request_is_answered() -> None:
    requests = NewestRequest()
    first = requests.next()
    assert requests.is_newest(first)
    second = requests.next()
    assert not requests.is_newest(first) and requests.is_newest(second)
    assert requests.newest == second


def test_a_job_sees_when_it_is_outdated_and_drop_outdates_all() -> None:
    requests = NewestRequest()
    number = requests.next()
    outdated = requests.outdated(number)
    assert not outdated()
    requests.drop()  # nothing is wanted now (another case was opened)
    assert outdated() and not requests.is_newest(number)
    later = requests.next()
    assert requests.is_newest(later) and outdated()
