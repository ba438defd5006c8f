"""A second start hands its file to the running window over the local channel."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from noticedesk.core.single_instance import HandOff, channel_name
from noticedesk.gui.common.single_instance import Delivery, InstanceServer, hand_off

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def server() -> Iterator[InstanceServer]:
    running = InstanceServer(f"NoticeDesk-test-{uuid.uuid4().hex[:12]}")
    assert running.listen(replace_stale=True)
    yield running
    running.close()


def test_a_second_program_start_gives_its_file_to_the_first_and_exits(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # The first window's channel for this data folder; the second is the real program,
    # started as a double-click on a client list would, with the file relative to its folder.
    data = tmp_path / "data"
    data.mkdir()
    first = InstanceServer(channel_name(data))
    assert first.listen(replace_stale=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    second = subprocess.Popen(
        [sys.executable, "-m", "noticedesk", "--data-dir", str(data), "顧問先一覧.csv"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        with qtbot.waitSignal(first.handed_off, timeout=60_000) as received:
            pass
        _, err = second.communicate(timeout=60)
    finally:
        if second.poll() is None:
            second.kill()
        first.close()
    assert received.args == [HandOff((tmp_path / "顧問先一覧.csv",))]
    assert second.returncode == 0, err.decode(errors="replace")
    assert list((data / "logs").glob("native-*")) == []  # it built no window of its own


def test_nobody_listening_means_this_start_opens_the_window(tmp_path: Path) -> None:
    name = channel_name(tmp_path / "nobody-here")
    assert hand_off(name, HandOff()) is Delivery.NOBODY


def test_garbage_on_the_channel_is_dropped_and_the_next_start_still_heard(
    qtbot: QtBot, server: InstanceServer, tmp_path: Path
) -> None:
    heard: list[HandOff] = []
    server.handed_off.connect(heard.append)
    stranger = QLocalSocket()
    stranger.connectToServer(server.name)
    assert stranger.waitForConnected(1000)
    stranger.write(b"DELETE EVERYTHING\n")
    qtbot.waitUntil(lambda: stranger.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    assert heard == []
    proper = QLocalSocket()
    proper.connectToServer(server.name)
    assert proper.waitForConnected(1000)
    proper.write(b'{"version": 1, "files": ["' + str(tmp_path / "a.csv").encode() + b'"]}\n')
    qtbot.waitUntil(lambda: heard != [])
    qtbot.waitUntil(lambda: proper.bytesAvailable() > 0)
    assert bytes(proper.readAll().data()) == b"ok\n"
    assert heard == [HandOff((tmp_path / "a.csv",))]
