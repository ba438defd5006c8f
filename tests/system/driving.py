"""Driving the running program from inside: steps that wait, real input, a check after each step.

A step is a generator. It acts as a user would and yields a ``Wait`` for what the user would
wait to see: a key or a click goes through the X server (``xdotool``, so the window manager,
the focus and Qt's xcb input are all real), and text is committed to the focused field the
way an input method commits Japanese (a ``QInputMethodEvent``). The ``Day`` runs the steps one
after the other from a QTimer, so the program's event loop, and every modal loop it opens, keeps
running between them: the driver never calls ``exec()``, and it blocks the GUI thread only where
a step holds it up on purpose (``hold_event_loop``, a window slow to respond).

After each step the ``Day`` checks that no crash report was written, that no window other
than the main window is on screen (in Qt's list of top-level widgets and in the X server's list
of visible windows), and takes a screenshot of the whole display named after the step. Any
problem, or a wait that runs out, stops the day at once with the step's name, what it waited
for and the screenshot's path; the program then exits with code 3.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import time
import traceback
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRect, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

EXIT_FAILED = 3
TICK_MS = 40


class StepFailed(Exception):
    """What went wrong, in words that name what was expected."""


@dataclass
class Wait:
    """Yielded by a step: go on once ``ready()`` is true, fail after ``timeout`` seconds."""

    what: str
    ready: Callable[[], bool]
    timeout: float = 10.0


class Run(Wait):
    """A program run without blocking (xdotool, ImageMagick's import); the wait ends with it."""

    def __init__(self, *argv: str, timeout: float = 10.0) -> None:
        self.argv = argv
        self.proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        super().__init__(" ".join(argv), lambda: self.proc.poll() is not None, timeout)

    def output(self, *, allowed: Iterable[int] = (0,)) -> str:
        out, err = self.proc.communicate()
        if self.proc.returncode not in allowed:
            raise StepFailed(f"{' '.join(self.argv)} exited {self.proc.returncode}: {err.strip()}")
        return out


Step = Generator[Wait, None, None]


# -- acting as the user -------------------------------------------------------------------------
def key(*keys: str) -> Step:
    """Press keys on whatever has the keyboard, through the X server (``ctrl+e``, ``space``)."""
    run = Run("xdotool", "key", "--delay", "30", *keys)
    yield run
    run.output()


def type_keys(text: str) -> Step:
    """Type ASCII ``text`` key by key through the X server (host names, addresses, numbers,
    passwords: what staff type with the input method off)."""
    if not text.isascii():
        raise StepFailed(f"type_keys is for ASCII; commit {text!r} with commit_text")
    run = Run("xdotool", "type", "--delay", "20", "--", text)
    yield run
    run.output()


def click(widget: QWidget, area: QRect | None = None, *, button: int = 1) -> Step:
    """Move the pointer to the middle of ``widget`` (or of ``area`` in its coordinates) and
    click, through the X server, as a mouse would."""
    if not widget.isVisible():
        raise StepFailed(f"cannot click {describe(widget)}: it is not on screen")
    centre = (area if area is not None else widget.rect()).center()
    spot = widget.mapToGlobal(centre)
    ratio = widget.devicePixelRatioF()
    x, y = round(spot.x() * ratio), round(spot.y() * ratio)
    # A step aside first: --sync waits for the pointer to move, and it may be there already.
    aside = ("mousemove", str(x + 1), str(y + 1))
    run = Run("xdotool", *aside, "mousemove", "--sync", str(x), str(y), "click", str(button))
    yield run
    run.output()


def park_pointer() -> Step:
    """Move the pointer to the corner of the screen, away from tooltips and hover effects."""
    run = Run("xdotool", "mousemove", "2", "2", "mousemove", "--sync", "1", "1")
    yield run
    run.output()


def commit_text(widget: QWidget, text: str) -> None:
    """Put ``text`` into the focused field as an input method commits Japanese.

    (QTest's key clicks stop at characters outside ASCII, and ``xdotool type`` remaps the
    keyboard for each one, which Qt follows unreliably; an IME's commit is what a Japanese
    user's typing actually delivers.)
    """
    if QApplication.focusWidget() is not widget:
        raise StepFailed(f"{describe(widget)} should have the keyboard to type {text!r}")
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def hold_event_loop(until: Callable[[], bool], seconds: float) -> None:
    """Keep the GUI thread busy, as a slow repaint or a loaded PC does, until ``until()``
    (at most ``seconds``): whatever the workers post meanwhile queues up and arrives at once."""
    deadline = time.monotonic() + seconds
    while not until():
        if time.monotonic() > deadline:
            raise StepFailed(f"the workers were still busy after {seconds:g} s")
        time.sleep(0.02)


def focused(widget: QWidget) -> Wait:
    return Wait(
        f"{describe(widget)} has the keyboard", lambda: QApplication.focusWidget() is widget
    )


def active(window: QWidget) -> Wait:
    """The window manager gave ``window`` the keyboard (keys sent now reach it)."""
    return Wait(
        f"{describe(window)} is the active window", lambda: QApplication.activeWindow() is window
    )


def opened(window: QWidget) -> Step:
    """Wait until ``window`` has the keyboard, then check the whole of it is on the screen
    (its frame too: a title bar or an edge off screen cannot be grabbed or read)."""
    yield active(window)
    screen = window.screen()
    room = screen.availableGeometry() if screen is not None else None
    frame = window.frameGeometry()
    if room is not None and not room.contains(frame):
        raise StepFailed(
            f"{describe(window)} does not fit on the screen: its frame is {_rect(frame)}, "
            f"the screen has {_rect(room)}"
        )


def _rect(rect: QRect) -> str:
    return f"{rect.width()}×{rect.height()} at ({rect.x()}, {rect.y()})"


def shown(find: Callable[[], QWidget | None], what: str, timeout: float = 10.0) -> Wait:
    def ready() -> bool:
        widget = find()
        return widget is not None and widget.isVisible()

    return Wait(f"{what} is on screen", ready, timeout)


def gone(widget: QWidget | None, what: str, timeout: float = 10.0) -> Wait:
    return Wait(
        f"{what} has closed",
        lambda: widget is None or not shiboken6.isValid(widget) or not widget.isVisible(),
        timeout,
    )


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    title = widget.windowTitle() if widget.isWindow() else ""
    name = widget.objectName()
    return type(widget).__name__ + (f" “{title}”" if title else "") + (f" ({name})" if name else "")


# -- the day --------------------------------------------------------------------------------
class Day(QObject):
    """Runs ``steps`` (name, generator function) in order on the running program."""

    def __init__(
        self,
        steps: list[tuple[str, Callable[[], Step]]],
        work: Path,
        phase: str,
        *,
        main_window: Callable[[], QWidget | None],
        data_dir: Path,
    ) -> None:
        super().__init__()
        self.work = work
        self.phase = phase
        self.shots = work / "screenshots"
        self.shots.mkdir(parents=True, exist_ok=True)
        self.journal = work / f"phase-{phase}.jsonl"
        self.main_window = main_window
        self.data_dir = data_dir
        self.finished = False
        self.failed = False
        self._steps = list(steps)
        self._index = -1
        self._name = ""
        self._started = 0.0
        self._gen: Step | None = None
        self._wait: Wait | None = None
        self._deadline = 0.0
        self._inside = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._timer.start()

    @property
    def current(self) -> str:
        return self._name

    def reached(self, name: str) -> bool:
        """The step ``name`` has started (the last one, quitting, ends with the program)."""
        names = [step for step, _make in self._steps]
        return 0 <= names.index(name) <= self._index

    # -- stepping -----------------------------------------------------------------------
    def _tick(self) -> None:
        if self._inside or self.finished or self.failed:
            return  # a nested event loop ticking while a step runs: it goes on afterwards
        self._inside = True
        try:
            self._advance()
        except StepFailed as exc:
            self._fail(str(exc))
        except Exception:
            self._fail("the driver itself failed:\n" + traceback.format_exc())
        finally:
            self._inside = False

    def _advance(self) -> None:
        reports = crash_reports(self.data_dir)
        if reports:
            raise StepFailed("a crash report was written:\n" + reports[0].read_text("utf-8"))
        if self._wait is not None:
            if not self._wait.ready():
                if time.monotonic() > self._deadline:
                    raise StepFailed(
                        f"waited {self._wait.timeout:g} s for: {self._wait.what}"
                        f"\n(on screen: {', '.join(visible_windows()) or 'nothing'})"
                    )
                return
            self._wait = None
        while True:
            if self._gen is None and not self._next_step():
                return
            assert self._gen is not None
            try:
                wait = next(self._gen)
            except StopIteration:
                self._gen = None
                continue
            if not wait.ready():
                self._wait, self._deadline = wait, time.monotonic() + wait.timeout
                return

    def _next_step(self) -> bool:
        if self._index >= 0:
            self._note(step=self._name, seconds=round(time.monotonic() - self._started, 2))
        self._index += 1
        if self._index >= len(self._steps):
            self.finished = True
            self._timer.stop()
            self._note(finished=True)
            return False
        self._name, make = self._steps[self._index]
        self._started = time.monotonic()
        self._note(started=self._name)
        self._gen = self._with_checks(make())
        return True

    def _with_checks(self, step: Step) -> Step:
        yield from step
        yield from self.after_step()

    def after_step(self) -> Step:
        """No dialog left open, none on the X server's screen either; then the screenshot."""
        yield from park_pointer()
        leftover = visible_windows(exclude=self.main_window())
        if leftover:
            raise StepFailed("left open after the step: " + ", ".join(leftover))
        main = self.main_window()
        if main is not None and main.isVisible():
            search = Run("xdotool", "search", "--onlyvisible", "--name", ".")
            yield search
            ids = {int(line) for line in search.output(allowed=(0, 1)).split()}
            others = ids - {int(main.winId())}
            if others:
                names = []
                for window_id in sorted(others):
                    name = Run("xdotool", "getwindowname", str(window_id))
                    yield name
                    names.append(f"{window_id} “{name.output(allowed=(0, 1)).strip()}”")
                raise StepFailed(
                    "the X server shows windows besides NoticeDesk: " + ", ".join(names)
                )
        yield from self.screenshot(self._name)

    def screenshot(self, name: str) -> Step:
        run = Run("import", "-window", "root", str(self.shot_path(name)), timeout=20)
        yield run
        run.output()

    def shot_path(self, name: str) -> Path:
        return self.shots / f"{self.phase}-{self._index + 1:02d}-{name}.png"

    # -- the outcome -----------------------------------------------------------------------
    def _note(self, **entry: object) -> None:
        with self.journal.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def _fail(self, message: str) -> None:
        self.failed = True
        self._timer.stop()
        shot = self.shot_path(f"{self._name}-FAILED")
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(["import", "-window", "root", str(shot)], timeout=20, check=False)
        self._note(failed=self._name, message=message, screenshot=str(shot))
        print(f"[day] step {self._name!r} failed: {message}\nscreenshot: {shot}", flush=True)
        QApplication.exit(EXIT_FAILED)


# -- what is on screen ------------------------------------------------------------------------
def visible_windows(exclude: QWidget | None = None) -> list[str]:
    """Qt's top-level windows on screen (but ``exclude``), each described."""
    found = []
    for widget in QApplication.topLevelWidgets():
        if widget is exclude or not widget.isVisible():
            continue
        # A tooltip is not a dialog: it goes by itself when the pointer moves (and the pointer
        # is parked in the corner before this is asked).
        if type(widget).__name__ == "QTipLabel" or widget.inherits("QTipLabel"):
            continue
        found.append(describe(widget))
    return found


def crash_reports(data_dir: Path) -> list[Path]:
    """The reports the program's crash handler writes (noticedesk.core.crash_report)."""
    return sorted((data_dir / "logs").glob("crash-*.txt"))
