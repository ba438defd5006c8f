"""`noticedesk case …` and `noticedesk log` on a real CP932 roster, as office staff use them."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
from pathlib import Path

import keyring.backends.fail
import pytest

from noticedesk.cli.main import main
from noticedesk.core import secrets
from noticedesk.core.bundled import sample_dir
from noticedesk.core.case import CaseStore
from noticedesk.core.secrets import key_store_name
from tests.helpers.keyring_memory import MemoryKeyring


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def status(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, _ = run(capsys, "case", "status", "--json")
    assert code == 0
    return json.loads(out)


def write_roster(path: Path, drop: str | None = None, extra: str | None = None) -> Path:
    """The bundled roster as Excel saves it (CP932, two title rows), optionally edited."""
    lines = (sample_dir() / "roster.csv").read_bytes().decode("cp932").splitlines()
    if drop:
        lines = [line for line in lines if not line.startswith(drop + ",")]
    if extra:
        lines.append(extra)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    return path


def test_new_shows_the_recovery_code_once_and_list_marks_the_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "case", "new", "2023年6月 システム障害")
    assert code == 0
    assert re.search(r"(?:[0-9A-Z]{5}-){4}[0-9A-Z]{5}", out)
    assert "紙に書き写して" in out
    run(capsys, "case", "new", "2024年 別件")
    code, out, _ = run(capsys, "case", "list")
    lines = out.splitlines()
    assert lines[0].startswith("* 2024年 別件") and key_store_name()[0] in lines[0]
    assert lines[1].startswith("  2023年6月 システム障害")
    assert run(capsys, "case", "open", "2023年6月 システム障害")[0] == 0
    assert run(capsys, "case", "list")[1].startswith("* 2023年6月")


def test_import_tick_status_and_reimport(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "case", "new", "事案")
    roster = write_roster(tmp_path / "顧問先一覧.csv")
    code, out, _ = run(capsys, "case", "import", str(roster))
    assert code == 0, out
    assert "追加 40件 / 削除 0件" in out
    counts = status(capsys)
    assert (counts["clients"], counts["individual"], counts["joint"]) == (40, 6, 34)

    assert run(capsys, "case", "tick", "C0001")[0] == 0
    assert status(capsys)["individual"] == 7
    code, out, _ = run(capsys, "case", "tick", "株式会社さくら運輸", "--off")
    assert code == 0 and "共同報告" in out
    assert status(capsys)["individual"] == 6
    code, _, err = run(capsys, "case", "tick", "存在しない会社")
    assert code == 2 and "顧問先がありません" in err

    # The office edits its Excel: one client leaves, one arrives; the ticks stay.
    edited = write_roster(
        tmp_path / "顧問先一覧_改.csv",
        drop="C0002",
        extra="C0099,株式会社みどり商事,100-0001,東京都千代田区千代田1番1号,03-1111-2222,,,,5,,,",
    )
    code, out, _ = run(capsys, "case", "import", str(edited))
    assert code == 0
    assert "追加: C0099 株式会社みどり商事" in out and "削除: C0002 有限会社山﨑商店" in out
    assert "C0001 ㈱髙橋製作所" in out and "C0003 株式会社さくら運輸" in out  # disagreements
    counts = status(capsys)
    assert (counts["clients"], counts["individual"]) == (40, 6)


def test_log_shows_who_did_what_and_writes_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "case", "new", "事案")
    run(capsys, "case", "import", str(write_roster(tmp_path / "roster.csv")))
    run(capsys, "case", "tick", "C0005")
    code, out, _ = run(capsys, "log")
    assert code == 0
    assert [line.split()[4] for line in out.splitlines()[1:]] == [
        "事案作成",
        "顧問先一覧の取込",
        "個別報告に変更",
    ]
    assert "C0005 株式会社青葉ソフト" in out
    target = tmp_path / "log.csv"
    assert run(capsys, "log", "--csv", str(target))[0] == 0
    rows = list(csv.reader(target.read_text("utf-8-sig").splitlines()))
    assert rows[-1][3:] == ["個別報告に変更", "C0005 株式会社青葉ソフト"]
    code, _, err = run(capsys, "log", "--csv", str(target))
    assert code == 2 and "--force" in err
    assert run(capsys, "log", "--csv", str(target), "--force")[0] == 0


def test_without_a_credential_store_the_message_is_clear_and_nothing_is_lost(
    isolated_data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(capsys, "case", "new", "事案")
    run(capsys, "case", "import", str(write_roster(tmp_path / "roster.csv")))
    run(capsys, "case", "tick", "C0001")
    case_file = next((isolated_data_dir / "cases").glob("*.sqlite"))
    before = hashlib.sha256(case_file.read_bytes()).hexdigest()

    secrets.use_backend(keyring.backends.fail.Keyring())
    code, _, err = run(capsys, "case", "status")
    assert code == 2
    assert f"{key_store_name()[0]}が使えません" in err and "失われていません" in err
    assert "違います" not in err  # never "wrong password"
    code, _, err = run(capsys, "case", "new", "別件")
    assert code == 2 and key_store_name()[0] in err
    assert [c.name for c in CaseStore.list_cases(isolated_data_dir)] == ["事案"]
    assert hashlib.sha256(case_file.read_bytes()).hexdigest() == before

    # A passphrase instead: the new case is made and opens with the same passphrase.
    monkeypatch.setenv("NOTICEDESK_PASSPHRASE", "office-passphrase-2023")
    code, _, err = run(capsys, "case", "new", "別件")
    assert code == 0 and "パスフレーズで保護します" in err
    assert status(capsys)["clients"] == 0
    monkeypatch.setenv("NOTICEDESK_PASSPHRASE", "a-different-passphrase")
    code, _, err = run(capsys, "case", "status")
    assert code == 2 and "パスフレーズが違います" in err


def test_open_with_the_recovery_code_on_another_pc(
    isolated_data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    _, out, _ = run(capsys, "case", "new", "事案")
    recovery = re.search(r"(?:[0-9A-Z]{5}-){4}[0-9A-Z]{5}", out)
    assert recovery is not None
    run(capsys, "case", "import", str(write_roster(tmp_path / "roster.csv")))
    other = tmp_path / "other-pc"
    shutil.copytree(isolated_data_dir, other)
    memory_keyring.secrets.clear()

    code, _, err = run(capsys, "case", "status", "--data-dir", str(other))
    assert code == 2 and "回復コード" in err
    monkeypatch.setenv("NOTICEDESK_RECOVERY_CODE", recovery.group(0).lower())
    assert run(capsys, "case", "open", "事案", "--recovery-code", "--data-dir", str(other))[0] == 0
    monkeypatch.delenv("NOTICEDESK_RECOVERY_CODE")
    code, out, _ = run(capsys, "case", "status", "--json", "--data-dir", str(other))
    assert code == 0 and json.loads(out)["clients"] == 40
