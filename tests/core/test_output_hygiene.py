"""What NoticeDesk writes and prints from a user's file can neither run nor trick.

- CSV cells that Excel would run as formulas (``=1+1``, ``-2+3``, ``@SUM(A1)``, a leading tab)
  are quoted in the audit log, whoever wrote them: a client, a roster file's name, the OS user.
- ``log --csv X --force`` (``--overwrite`` still accepted) never replaces what is not a regular
  file: a pipe, a folder, a device, a link.
- ANSI/OSC escapes and bidi overrides in a roster never reach the terminal as such, and a
  U+202E in a client's name never reaches a file name; the case keeps the name as read.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import json
import os
import stat
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core import atomic
from noticedesk.core.case import CaseStore, KeyringKeySource
from noticedesk.core.case.audit import AuditEntry
from noticedesk.core.case.audit import write_csv as write_audit_csv
from noticedesk.core.display_text import terminal_json, terminal_text
from noticedesk.core.documents.filenames import safe_name
from noticedesk.core.office import OfficeProfile
from noticedesk.core.office_store import profile_path, save_office_profile
from noticedesk.core.spreadsheet_safe import csv_cell
from noticedesk.core.user_error import UserError, error_text
from tests.helpers.rosters import client_row, good_rows, write_csv

FORMULAS = ["=1+1", "-2+3", "@SUM(A1)", "\tX", "+81-3-1234-5678", "\r=1+1"]
HYPERLINK_FILE = '=HYPERLINK("http://x")'

OSC_LINK = "\x1b]8;;http://evil\x07"
RED = "\x1b[31m"
RLO = "\u202e"
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", RLO, "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200e", "\u200f", "\u061c"]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def assert_harmless(text: str) -> None:
    """Nothing a terminal acts on: no ESC, BEL, CR, C1 control or bidi control."""
    for ch in text:
        assert ch in "\n\t" or (ch >= " " and not "\x7f" <= ch <= "\x9f"), repr(ch)
        assert ch not in BIDI, repr(ch)


# --- 1. CSV cells ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", [*FORMULAS, HYPERLINK_FILE, "-2", "+", "@"])
def test_a_cell_a_spreadsheet_would_run_is_quoted(value: str) -> None:
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["株式会社=1+1", "C0001 =1+1", " =1+1", "", "03-1234-5678"])
def test_other_cells_are_left_as_they_are(value: str) -> None:
    assert csv_cell(value) == value


def test_numbers_noticedesk_writes_stay_numbers() -> None:
    assert csv_cell(12) == 12
    assert csv_cell(None) == ""


def test_audit_csv_quotes_every_formula_whoever_wrote_it(tmp_path: Path) -> None:
    at = dt.datetime(2023, 6, 5, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    entries = [
        AuditEntry(1, at, "=1+1", "tick", {"clients": ["-2+3"]}),
        AuditEntry(2, at, "@SUM(A1)", "tick", {"clients": ["\tX"]}),
        AuditEntry(3, at, "-2+3", "import", {"file": HYPERLINK_FILE, "sha256": "0" * 64}),
        AuditEntry(4, at, "\tX", "untick", {"clients": ["@SUM(A1)"]}),
        AuditEntry(5, at, "事務員", "tick", {"clients": ["=1+1"]}),
    ]
    target = tmp_path / "監査ログ.csv"
    write_audit_csv(entries, target)
    rows = read_csv(target)
    assert rows[0] == ["番号", "日時", "操作者", "操作", "内容"]
    body = rows[1:]
    assert [r[2] for r in body] == ["'=1+1", "'@SUM(A1)", "'-2+3", "'\tX", "事務員"]
    assert [r[4] for r in body[:2]] + [body[3][4], body[4][4]] == [
        "'-2+3",
        "'\tX",
        "'@SUM(A1)",
        "'=1+1",
    ]
    assert body[2][4].startswith("'" + HYPERLINK_FILE + " (SHA-256")
    assert [r[0] for r in body] == ["1", "2", "3", "4", "5"]
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_log_csv_of_a_real_case_quotes_a_client_a_roster_file_and_a_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "-2+3")
    rows = [*good_rows(), client_row("", "=1+1", phone="03-1111-2222"),
            client_row("", "@SUM(A1)", phone="03-1111-3333")]  # fmt: skip
    # A "/" cannot be in a file name: the HYPERLINK's address is cut to what can.
    roster = write_csv(tmp_path / '=HYPERLINK("x").csv', rows, encoding="utf-8")
    assert run(capsys, "case", "new", "事案")[0] == 0
    code, out, err = run(capsys, "case", "import", str(roster))
    assert code == 0, out + err
    assert run(capsys, "case", "tick", "=1+1")[0] == 0
    assert run(capsys, "case", "tick", "@SUM(A1)")[0] == 0
    target = tmp_path / "log.csv"
    assert run(capsys, "log", "--csv", str(target))[0] == 0
    body = read_csv(target)[1:]
    assert {r[2] for r in body} == {"'-2+3"}
    summaries = [r[4] for r in body]
    assert summaries[1].startswith('\'=HYPERLINK("x").csv (SHA-256')
    assert summaries[2:] == ["'=1+1", "'@SUM(A1)"]


# --- 2. never replace what is not a regular file ---------------------------------------------


@pytest.fixture
def case_with_log(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "case", "new", "事案")[0] == 0


def _special(kind: str, where: Path) -> Path:
    if kind == "fifo":
        path = where / "pipe.csv"
        os.mkfifo(path)
    elif kind == "folder":
        path = where / "folder.csv"
        path.mkdir()
        (path / "keep.txt").write_text("keep", encoding="utf-8")
    elif kind == "link":
        (where / "real.csv").write_text("real", encoding="utf-8")
        path = where / "link.csv"
        path.symlink_to(where / "real.csv")
    elif kind == "dangling link":
        path = where / "dangling.csv"
        path.symlink_to(where / "nowhere.csv")
    else:  # a character device like /dev/null, made where replacing it would harm nothing
        path = where / "null.csv"
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except (PermissionError, AttributeError):
            pytest.skip("making a device needs root (and CAP_MKNOD)")
    return path


def _state(path: Path) -> tuple[int, int, object]:
    info = os.lstat(path)
    inside = sorted(p.name for p in path.iterdir()) if stat.S_ISDIR(info.st_mode) else None
    return info.st_mode, info.st_ino, inside


SPECIAL = ["fifo", "folder", "link", "dangling link", "device"]


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("flag", ["--force", "--overwrite"])
@pytest.mark.usefixtures("case_with_log")
def test_log_csv_never_replaces_what_is_not_a_regular_file(
    kind: str, flag: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _special(kind, tmp_path)
    before = _state(target)
    code, out, err = run(capsys, "log", "--csv", str(target), flag)
    assert code == 2 and out == ""
    assert "通常のファイルではない" in err and "is not a regular file" in err
    assert _state(target) == before
    if kind == "link":
        assert (tmp_path / "real.csv").read_text(encoding="utf-8") == "real"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~nd-")]


@pytest.mark.usefixtures("case_with_log")
def test_log_csv_without_force_names_force_for_a_file_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "log.csv"
    target.write_text("old", encoding="utf-8")
    code, _, err = run(capsys, "log", "--csv", str(target))
    assert code == 2 and "--force" in err and "--overwrite" not in err
    assert target.read_text(encoding="utf-8") == "old"
    # Asking for --force about a pipe would only lead to a refusal: say why at once.
    pipe = _special("fifo", tmp_path)
    code, _, err = run(capsys, "log", "--csv", str(pipe))
    assert code == 2 and "--force" not in err and "is not a regular file" in err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


@pytest.mark.usefixtures("case_with_log")
def test_force_and_its_old_spelling_replace_a_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "log.csv"
    target.write_text("old", encoding="utf-8")
    assert run(capsys, "log", "--csv", str(target), "--force")[0] == 0
    assert read_csv(target)[0][0] == "番号"
    target.write_text("old", encoding="utf-8")
    assert run(capsys, "log", "--csv", str(target), "--overwrite")[0] == 0
    assert read_csv(target)[0][0] == "番号"


def test_help_shows_force_and_hides_the_old_spelling(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["log", "--help"])
    out = capsys.readouterr().out
    assert "--force" in out and "--overwrite" not in out


@pytest.mark.parametrize("kind", SPECIAL)
def test_every_atomic_writer_refuses_with_a_sentence(kind: str, tmp_path: Path) -> None:
    target = _special(kind, tmp_path)
    before = _state(target)
    with pytest.raises(atomic.NotARegularFile) as caught:
        atomic.write_bytes(target, b"new", overwrite=True)
    exc = caught.value
    # Caught by every "cannot write" handler (OSError), shown as a sentence (UserError).
    assert isinstance(exc, OSError) and isinstance(exc, UserError)
    assert exc.filename == str(target)
    assert "置き換えません" in error_text(exc) and str(target) in error_text(exc)
    assert "not replaced" in error_text(exc, "en")
    assert _state(target) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~nd-")) == []


def test_the_office_profile_is_not_saved_over_a_folder(isolated_data_dir: Path) -> None:
    folder = profile_path(isolated_data_dir)
    folder.mkdir(parents=True)
    with pytest.raises(atomic.NotARegularFile):
        save_office_profile(isolated_data_dir, OfficeProfile(name="社労士事務所"))
    assert folder.is_dir()


# --- 3. the terminal -------------------------------------------------------------------------

HOSTILE_NAMES = [
    f"{OSC_LINK}悪い商事{OSC_LINK[:-1]}\x1b\\",
    f"{RED}赤字商事\x1b[0m",
    f"請求書{RLO}txt.exe",
    "上書き商事\r偽の行",
    "見えない\u2066商事\u2069\x9b31m",
]


def hostile_roster(folder: Path) -> Path:
    rows = [
        *good_rows(),
        client_row("H1", HOSTILE_NAMES[0], address=f"東京都{RED}千代田区", phone="03-1111-0001"),
        client_row("H2", HOSTILE_NAMES[1], phone=f"{RED}03-1111-0002", individual="○"),
        client_row("H3", HOSTILE_NAMES[2], phone="03-1111-0003", association=f"{RLO}組合"),
        client_row("H4", HOSTILE_NAMES[3], phone="03-1111-0004"),
        client_row("H5", HOSTILE_NAMES[4], phone="03-1111-0005"),
    ]
    return write_csv(folder / f"一覧{RLO}{RED}.csv", rows, encoding="utf-8")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_validate_prints_no_escape_and_no_bidi_control(
    language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "validate", str(hostile_roster(tmp_path)), "--lang", language)
    assert code in (0, 1)
    assert_harmless(out + err)
    # The names are still there to read, without their power.
    for visible in ("悪い商事", "赤字商事", "請求書txt.exe", "上書き商事 偽の行", "見えない商事"):
        assert visible in out
    assert "]8;;http://evil" in out  # shown as text, not a link
    assert "一覧[31m.csv" in out


def test_validate_json_keeps_the_exact_names_and_escapes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "validate", str(hostile_roster(tmp_path)), "--json")
    assert code in (0, 1)
    assert_harmless(out)
    assert "\\u202e" in out
    result = json.loads(out)
    assert HOSTILE_NAMES[1] in result["individual"]
    assert result["source"]["path"].endswith(f"一覧{RLO}{RED}.csv")


def test_a_refused_roster_file_name_is_printed_harmless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / f"{RED}顧客{RLO}fdp.docx"
    bad.write_bytes(b"not a roster")
    code, out, err = run(capsys, "validate", str(bad))
    assert code == 2 and out == ""
    assert_harmless(err)
    assert "顧客fdp.docx" in err


def test_case_and_log_print_names_harmless_and_the_case_keeps_them(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    isolated_data_dir: Path,
) -> None:
    assert run(capsys, "case", "new", "事案")[0] == 0
    roster = hostile_roster(tmp_path)
    code, out, err = run(capsys, "case", "import", str(roster))
    assert code == 0, err
    assert_harmless(out + err)
    for code_ in ("H1", "H2", "H3"):
        code, out, err = run(capsys, "case", "tick", code_)
        assert code == 0
        assert_harmless(out + err)
    assert "請求書txt.exe: 個別報告" in out
    code, out, err = run(capsys, "log")
    assert code == 0
    assert_harmless(out + err)
    assert "H3 請求書txt.exe" in out
    code, out, err = run(capsys, "case", "status", "--json")
    assert code == 0 and json.loads(out)["clients"] == 8
    code, _, err = run(capsys, "case", "tick", f"{RED}{RLO}ない")
    assert code == 2
    assert_harmless(err)
    with CaseStore.open(isolated_data_dir, None, KeyringKeySource()) as store:
        names = [c.client.name for c in store.clients()]
    assert all(name in names for name in HOSTILE_NAMES)


def test_office_show_prints_a_hostile_profile_harmless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "office.toml"
    profile.write_text(
        '[office]\nname = "社労士事務所\\u001b]0;pwned\\u0007\\u202e"\n', encoding="utf-8"
    )
    _, out, err = run(capsys, "office", "import", str(profile))
    assert_harmless(out + err)
    _, out, err = run(capsys, "office", "show")
    assert_harmless(out + err)
    assert "社労士事務所]0;pwned" in out
    _, out, _ = run(capsys, "office", "show", "--json")
    assert_harmless(out)
    assert json.loads(out)["name"] == "社労士事務所\x1b]0;pwned\x07\u202e"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("株式会社　髙橋製作所", "株式会社　髙橋製作所"),  # full-width space stays
        ("葛\U000e0100飾区", "葛\U000e0100飾区"),  # a variation selector is part of the glyph
        ("一行目\r\n二行目\r三行目\n四\u2028五\x85六", "一行目 二行目 三行目 四 五 六"),
        ("A\tB", "A B"),
        (f"{RED}赤{OSC_LINK}", "[31m赤]8;;http://evil"),
        ("".join(BIDI) + "x\u200b\ufeff\x7f\x9b\x07\x00", "x"),
    ],
)
def test_terminal_text(value: str, shown: str) -> None:
    assert terminal_text(value) == shown
    assert terminal_text(shown) == shown


def test_terminal_text_for_lines_keeps_lines_and_tabs() -> None:
    assert terminal_text("a\tb\r\nc\rd\x1b[2Je", lines=True) == "a\tb\nc\nd[2Je"


def test_terminal_json_decodes_to_the_same_values() -> None:
    data = {"name": f"{RLO}商事\x7f\x85{RED}", "clients": ["㈱髙橋製作所", "\u2066x"]}
    text = terminal_json(data, indent=2)
    assert_harmless(text)
    assert json.loads(text) == data
    assert "㈱髙橋製作所" in text  # ensure_ascii=False: Japanese stays readable


# --- 4. file names ---------------------------------------------------------------------------


def test_safe_name_drops_bidi_format_and_control_characters() -> None:
    assert safe_name(f"請求書{RLO}txt.exe") == "請求書txt.exe"
    for ch in [*BIDI, "\u200b", "\u2060", "\ufeff", "\x1b", "\x85"]:
        assert safe_name(f"株式会社{ch}さくら") == "株式会社さくら", repr(ch)
    assert safe_name(RLO + "\u200f") == "名称なし"


def test_export_prints_harmless_and_writes_no_bidi_control_into_a_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "出力"
    roster = hostile_roster(tmp_path)
    code, out, err = run(capsys, "export", str(roster), "--demo", "--out", str(out_dir))
    assert code in (0, 1), err
    assert_harmless(out + err)
    names = [p.name for p in out_dir.rglob("*")]
    assert any("請求書txt.exe" in name for name in names)
    for name in names:
        assert_harmless(name)
    code, out, err = run(capsys, "export", str(roster), "--demo", "--out", str(out_dir), "--json")
    assert code == 2
    assert_harmless(out + err)
    conflicts = json.loads(out)["conflicts"]
    assert conflicts and not any(RLO in path for path in conflicts)
