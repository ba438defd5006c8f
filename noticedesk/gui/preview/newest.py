"""The newest request wins: a number for every request, and the test that drops an old answer.

Both the preview (clicking through clients) and the print preview of a selection start slow
work whose answer may arrive after the user has asked for something else. Each request gets the
next number; an answer is used only while its number is still the newest, and a job can stop
early once it is not (``outdated(number)`` is a ``cancelled()`` for the engine). ``drop()``
makes every request so far outdated: nothing is wanted now.

Decision: a plain counter, no Qt. Reading it from a worker thread is one attribute read, and a
request that turns outdated while its job runs is only seen late, never wrongly.
"""

from __future__ import annotations

from collections.abc import Callable


class NewestRequest:
    def __init__(self) -> None:
        self._newest = 0

    @property
    def newest(self) -> int:
        """The number of the newest request (0 before the first)."""
        return self._newest

    def next(self) -> int:
        """A new request's number; every earlier request is outdated from now on."""
        self._newest += 1
        return self._newest

    def drop(self) -> None:
        """Outdate every request made so far."""
        self._newest += 1

    def is_newest(self, number: int) -> bool:
        return number == self._newest

    def outdated(self, number: int) -> Callable[[], bool]:
        """A check for the job of request ``number``: true once a newer one was made."""
        return lambda: number != self._newest
