"""A working day of signals must not abort the program.

PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None or True each time it
delivers a signal to a Python slot, and the interpreter aborts after a few thousand
(bool_dealloc). pyproject.toml keeps PySide6 below 6.12 for that reason; this test fails on a
Qt binding with the bug, whatever version the pin allows.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    app = QApplication([])

    class Emitter(QObject):
        with_arg = Signal(int)
        no_arg = Signal()

    e = Emitter()
    e.with_arg.connect(lambda value: None)
    e.no_arg.connect(lambda: None)
    for _ in range(20_000):
        e.with_arg.emit(1)
        e.no_arg.emit()
    print("alive")
    """
)


def test_many_signals_to_python_slots_do_not_abort_the_program() -> None:
    # In a child process, since the bug aborts the interpreter.
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "alive"
