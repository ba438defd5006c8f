from pathlib import Path

import pytest

from noticedesk.core.atomic import atomic_path, write_bytes


def test_existing_file_is_not_replaced_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "通知.docx"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    write_bytes(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("crash in the middle")
    assert list(tmp_path.iterdir()) == []
