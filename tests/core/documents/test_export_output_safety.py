"""What an export writes stays inside its output folder, and leaves no temporary file behind.

Links inside the output folder are never followed (even with --force); temporary files are
NoticeDesk's own, in private folders of the output folder, never in a client's, and a killed
export's are removed by the next; an output folder that cannot be used is a sentence with
exit 2, not a crash report.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from noticedesk.cli.main import main
from noticedesk.core import atomic
from noticedesk.core.clients import Client
from noticedesk.core.documents import PPC_LIST_NAME, ExportProblem, export_case
from noticedesk.core.documents.export_problems import not_written
from noticedesk.core.documents.output_folder import OutputFolder, is_temporary_name
from tests.helpers.documents import client, sample_incident, sample_office


def roster() -> list[Client]:
    return [client(f"株式会社安全{i}", row=4 + i, code=f"C{i}") for i in range(1, 4)]


def export(out: Path, **options: Any) -> Any:
    return export_case(roster(), sample_office(), sample_incident(), out, workers=1, **options)


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if is_temporary_name(p.name)]


# --- links inside the output folder ---------------------------------------------------------


@pytest.mark.parametrize("force", [False, True])
def test_a_link_planted_as_a_clients_folder_is_not_followed(tmp_path: Path, force: bool) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("untouched")
    (out / "C2_株式会社安全2").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ExportProblem) as caught:
        export(out, force=force)
    message = caught.value.messages()[0]
    assert "C2_株式会社安全2 (リンク)" in message and "リンクの先には書き込まず" in message
    assert "何も書き込んでいません" in message
    assert "links are never followed" in caught.value.messages("en")[0]
    assert caught.value.conflicts == []  # not something --force would fix
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]
    assert sorted(p.name for p in out.iterdir()) == ["C2_株式会社安全2"]


def test_a_link_planted_as_a_document_is_not_replaced_even_with_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(out)
    victim = tmp_path / "victim.docx"
    victim.write_bytes(b"someone else's file")
    document = next((out / "C1_株式会社安全1").glob("01_*.docx"))
    document.unlink()
    document.symlink_to(victim)
    with pytest.raises(ExportProblem) as caught:
        export(out, force=True)
    assert f"{document.name} (リンク)" in caught.value.messages()[0]
    assert victim.read_bytes() == b"someone else's file"
    assert document.is_symlink()


def test_the_command_line_refuses_a_planted_link_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    assert main(["export", "--demo", "--out", str(out), "--kinds", "cover"]) == 0
    folder = sorted(p for p in out.iterdir() if p.is_dir())[0]
    folder.rename(elsewhere)
    folder.symlink_to(elsewhere, target_is_directory=True)
    before = {p.name: p.read_bytes() for p in elsewhere.iterdir()}
    capsys.readouterr()
    code = main(["export", "--demo", "--out", str(out), "--kinds", "cover", "--force"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{folder.name} (リンク)" in err and "--force を付けて" not in err
    assert "予期しないエラー" not in err
    assert {p.name: p.read_bytes() for p in elsewhere.iterdir()} == before


def test_a_link_made_while_exporting_is_not_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The checks before writing saw none; a client's folder turns into a link just after it
    # was made. The write looks again (lstat on each folder) and stops with atomic's sentence.
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    make_folders = atomic.make_folders

    def swapped(root: Path, folder: Path) -> None:
        make_folders(root, folder)
        if folder.name == "C2_株式会社安全2":
            folder.rmdir()
            folder.symlink_to(elsewhere, target_is_directory=True)

    monkeypatch.setattr(atomic, "make_folders", swapped)
    with pytest.raises(ExportProblem) as caught:
        export(out)
    message = caught.value.messages()[0]
    assert "はフォルダではない (リンク) ため、その中には書き込みません" in message
    assert "Word で開いていないか" not in message  # the sentence of the cause, not the usual
    assert list(elsewhere.iterdir()) == []
    assert temporaries(out) == []


def test_folders_are_made_without_following_links(tmp_path: Path) -> None:
    root, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    (root / "a").symlink_to(elsewhere, target_is_directory=True)
    output = OutputFolder.for_run(root)
    with pytest.raises(atomic.NotAFolder):
        output.make_folder(root / "a" / "b")
    with pytest.raises(atomic.NotAFolder):
        output.write_bytes(root / "a" / "x.docx", b"data", overwrite=True)
    assert list(elsewhere.iterdir()) == []
    assert temporaries(root) == []


def test_a_refusal_to_replace_shows_its_own_sentence(tmp_path: Path) -> None:
    refusal = atomic.NotARegularFile(tmp_path / "x.docx", "デバイス", "a device")
    problem = not_written(refusal)
    assert "通常のファイルではない (デバイス) ため、置き換えません" in problem.messages()[0]
    assert "Word で開いていないか" not in problem.messages()[0]
    assert "is not a regular file" in problem.messages("en")[0]


# --- temporary files ----------------------------------------------------------------------


def test_temporary_files_are_noticedesks_own_in_the_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[tuple[Path, str]] = []
    mkstemp = tempfile.mkstemp

    def recording(suffix: str, prefix: str, dir: str | Path) -> tuple[int, str]:
        made.append((Path(dir), prefix))
        return mkstemp(suffix=suffix, prefix=prefix, dir=dir)

    monkeypatch.setattr(tempfile, "mkstemp", recording)
    out = tmp_path / "out"
    export(out, print_files=True)
    ours = [(folder, prefix) for folder, prefix in made if prefix.startswith(".noticedesk-")]
    assert len(ours) == 3 * 3 + 3  # each client's documents and each print file
    for folder, prefix in ours:  # in a private folder of the export, never a client's folder
        assert folder.parent == out and folder.name.startswith(prefix)
    assert all(folder in (out, *(f for f, _p in ours)) for folder, _p in made)  # the list too
    assert temporaries(out) == []
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # private folders removed


def test_leftovers_of_a_killed_export_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(out)
    folder = out / "C1_株式会社安全1"
    old = time.time() - 3600
    private = out / ".noticedesk-dead0001-k1ll3d00"
    private.mkdir()
    leftovers = [
        private / ".noticedesk-dead0001-abcdefgh.tmp",
        out / ".noticedesk-dead0002-abcdefgh.tmp",
        folder / ".~nd-k1ll3d.tmp",
        out / ".~nd-xlsx0000.tmp",
    ]
    victim = tmp_path / "victim.txt"
    victim.write_text("not NoticeDesk's")
    kept = [
        folder / ".~nd-notes.txt",  # not the pattern
        out / "メモ.tmp",  # not the pattern
    ]
    for path in leftovers + kept:
        path.write_bytes(b"a client's letter")
        os.utime(path, (old, old))
    link = out / ".noticedesk-link.tmp"
    link.symlink_to(victim)  # a link under the pattern: not a regular file, left alone
    looks_like_one = out / ".noticedesk-not0000-ours0000"  # named like ours, holding a file
    looks_like_one.mkdir()
    (looks_like_one / "メモ.txt").write_text("kept")
    os.utime(private, (old, old))
    os.utime(looks_like_one, (old, old))
    export(out, force=True)
    assert [p for p in leftovers if os.path.lexists(p)] == []
    assert not private.exists()
    assert all(p.exists() for p in kept)
    assert link.is_symlink() and victim.read_text() == "not NoticeDesk's"
    assert (looks_like_one / "メモ.txt").read_text() == "kept"


def test_a_fresh_temporary_file_is_not_removed(tmp_path: Path) -> None:
    # One made after the export started (another export writing now) is not a leftover.
    out = tmp_path / "out"
    (out / ".noticedesk-other000-k1ll3d00").mkdir(parents=True)
    fresh = [
        out / ".noticedesk-other000-abcdefgh.tmp",
        out / ".noticedesk-other000-k1ll3d00" / ".noticedesk-other000-abcdefgh.tmp",
    ]
    for path in fresh:
        path.write_bytes(b"being written")
    OutputFolder.for_run(out).remove_leftovers(time.time_ns() - 60_000_000_000)
    assert all(path.exists() for path in fresh)


# --- an output folder that cannot be used ---------------------------------------------------


def run_export(capsys: pytest.CaptureFixture[str], out: Path) -> tuple[int, str]:
    code = main(["export", "--demo", "--out", str(out), "--kinds", "cover"])
    captured = capsys.readouterr()
    assert "予期しないエラー" not in captured.err and "Traceback" not in captured.err
    return code, captured.err


def test_an_output_below_a_file_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Fails for every user, root included.
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    code, err = run_export(capsys, a_file / "out")
    assert code == 2
    assert (
        f"出力先のフォルダ {a_file / 'out'} を作れません（{a_file} はフォルダではありません）"
        in err
    )


def test_an_output_that_is_a_dangling_link_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.symlink_to(tmp_path / "gone")
    code, err = run_export(capsys, out)
    assert code == 2
    assert f"出力先 {out} は、存在しない場所を指すリンクです" in err
    assert not (tmp_path / "gone").exists()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_a_read_only_output_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)  # 0500
    try:
        code, err = run_export(capsys, locked)
        assert code == 2 and f"出力先のフォルダ {locked} に書き込めません" in err
        code, err = run_export(capsys, locked / "out")
        assert code == 2 and f"出力先のフォルダ {locked / 'out'} を作れません" in err
    finally:
        locked.chmod(stat.S_IRWXU)


def test_a_read_only_mount_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A read-only mount refuses root too; here access() says what such a mount says.
    mount = tmp_path / "mount"
    mount.mkdir()
    real_access = os.access

    def read_only(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == mount and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", read_only)
    code, err = run_export(capsys, mount)
    assert code == 2 and "読み取り専用か、書き込む権限がありません" in err
    code, err = run_export(capsys, mount / "sub")
    assert code == 2 and f"{mount} に書き込めません" in err
    assert list(mount.iterdir()) == []


def test_a_folder_the_system_will_not_create_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Permissions only Windows knows of pass the checks and fail when the folder is made.
    def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Access is denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(ExportProblem) as caught:
        export(tmp_path / "out")
    assert caught.value.messages()[0].startswith(
        f"出力先のフォルダ {tmp_path / 'out'} を作れません"
    )
    assert not (tmp_path / "out" / PPC_LIST_NAME).exists()


def test_an_output_folder_that_is_a_link_to_a_folder_is_the_users_choice(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    out = tmp_path / "out"
    out.symlink_to(real, target_is_directory=True)
    result = export(out)
    assert result.count == 9 and len(list(real.rglob("*.docx"))) == 9
