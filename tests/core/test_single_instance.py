"""What a second start tells the running window, without Qt: the channel's name and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticedesk.core.single_instance import (
    MAX_MESSAGE_BYTES,
    HandOff,
    channel_name,
    decode,
    encode,
    is_complete,
)


def test_a_file_named_relative_to_the_second_start_arrives_absolute(tmp_path: Path) -> None:
    message = encode(HandOff((Path("顧問先一覧 7月.csv"),)), cwd=tmp_path)
    assert message.endswith(b"\n") and message.count(b"\n") == 1
    assert is_complete(message)
    assert decode(message) == HandOff((tmp_path / "顧問先一覧 7月.csv",))


def test_a_start_without_a_file_only_asks_to_come_forward(tmp_path: Path) -> None:
    assert decode(encode(HandOff(), cwd=tmp_path)) == HandOff(())


@pytest.mark.parametrize(
    "message",
    [
        b'{"version": 1, "files": ["/a.csv"]}',  # no newline: not all of it arrived
        b"not json\n",
        b'{"version": 2, "files": []}\n',
        b'{"version": 1, "files": "/a.csv"}\n',
        b'{"version": 1, "files": ["relative.csv"]}\n',
        b'{"version": 1, "files": [""]}\n',
        b"\xff\xfe\n",
        b"[" + b" " * MAX_MESSAGE_BYTES + b"]\n",
    ],
)
def test_anything_else_on_the_channel_is_ignored(message: bytes) -> None:
    assert decode(message) is None


def test_a_message_that_never_ends_stops_being_read() -> None:
    assert not is_complete(b"x" * 100)
    assert is_complete(b"x" * (MAX_MESSAGE_BYTES + 1))


def test_each_user_and_each_data_folder_has_its_own_window(tmp_path: Path) -> None:
    usb, local = tmp_path / "usb", tmp_path / "local"
    assert channel_name(local, "sato") == channel_name(local, "sato")
    assert channel_name(local, "sato") != channel_name(local, "suzuki")
    assert channel_name(local, "sato") != channel_name(usb, "sato")
    # The name shows neither the user nor the folder (a pipe name is visible to all users).
    assert "sato" not in channel_name(local, "sato") and "local" not in channel_name(local)
