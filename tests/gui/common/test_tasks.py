"""Work off the GUI thread, and its result back on it, without widgets."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from noticedesk.gui.common.tasks import ImmediateRunner, ThreadPoolRunner


def test_a_pool_task_runs_off_the_gui_thread_and_reports_back_on_it(qtbot: QtBot) -> None:
    runner = ThreadPoolRunner()
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_is_gui"] = QThread.currentThread() == gui
        return 42

    def done(result: object) -> None:
        seen["result"] = result
        seen["callback_thread"] = threading.current_thread() is threading.main_thread()

    runner.run(work, done, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker_is_gui": False, "result": 42, "callback_thread": True}


def test_a_failing_task_reports_its_exception(qtbot: QtBot) -> None:
    runner = ThreadPoolRunner()
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("読めません")

    runner.run(work, lambda _: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "読めません"


def test_the_immediate_runner_is_synchronous() -> None:
    out: list[object] = []
    ImmediateRunner().run(lambda: 1, out.append, out.append)
    ImmediateRunner().run(lambda: 1 / 0, out.append, out.append)
    assert out[0] == 1 and isinstance(out[1], ZeroDivisionError)


@pytest.fixture(autouse=True)
def _drain_pool() -> object:
    yield None
    ThreadPoolRunner().wait(5000)
