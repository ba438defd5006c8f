"""Running slow work off the GUI thread and getting its outcome back on it.

``ThreadPoolRunner.run(func, on_done, on_error)`` runs ``func`` on a QThreadPool and calls
``on_done(result)`` or ``on_error(exception)`` on the GUI thread, through a queued signal, so no
widget is ever touched from a worker. Tests use ``ImmediateRunner``, which does the same at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskRunner(Protocol):
    def run(self, func: Callable[[], Any], on_done: Done, on_error: Failed) -> None: ...


class ImmediateRunner:
    """Runs the task in the caller's thread before returning (tests, and tiny tasks)."""

    def run(self, func: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        try:
            result = func()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the slots run on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Done, on_error: Failed) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.succeeded.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, exc: Any) -> None:
        self._on_error(exc)


class _Job(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._func()
        except Exception as exc:  # every failure goes back to the window, never lost
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class ThreadPoolRunner:
    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(self, func: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        relay: _Relay

        def finish(result: Any) -> None:
            self._relays.discard(relay)
            on_done(result)

        def fail(exc: BaseException) -> None:
            self._relays.discard(relay)
            on_error(exc)

        relay = _Relay(finish, fail)
        self._relays.add(relay)  # kept alive until the outcome is delivered
        self._pool.start(_Job(func, relay))

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has finished (used when the window closes)."""
        return self._pool.waitForDone(msecs)
