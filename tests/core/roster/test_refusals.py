"""Files that are not rosters are refused with one clear sentence, never a traceback."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from noticedesk.core import input_limits
from noticedesk.core.clients import RosterError
from noticedesk.core.roster import import_roster
from tests.helpers.rosters import HEADER, good_rows, roster_sheet, write_csv, write_xlsx


def _refusal(path: Path) -> RosterError:
    with pytest.raises(RosterError) as refused:
        import_roster(path)
    error = refused.value
    # One sentence in each language, naming the file where it helps.
    assert error.message.count("。") <= 2 and "\n" not in error.message
    assert error.message_en and error.message_en != error.message
    return error


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"")
    assert "空のファイル" in _refusal(path).message


def test_file_of_blank_lines_and_a_bom_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n\r\n  \r\n")
    assert "empty" in _refusal(path).message_en


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\x7fELF" + random.Random(5).randbytes(4096) + b"\x00\x01\x02")
    assert "テキストの CSV ファイルではありません" in _refusal(path).message


def test_png_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert "not a text CSV" in _refusal(path).message_en


def test_text_file_named_xlsx(tmp_path: Path) -> None:
    csv = write_csv(tmp_path / "roster.csv", good_rows())
    path = tmp_path / "roster.xlsx"
    path.write_bytes(csv.read_bytes())
    error = _refusal(path)
    assert "中身はテキスト（CSV）" in error.message
    assert "roster.xlsx" in error.message


def test_html_table_named_xls(tmp_path: Path) -> None:
    path = tmp_path / "export.xls"
    path.write_text("<html><body><table><tr><td>事業所名</td></tr></table></body></html>", "utf-8")
    assert "HTML" in _refusal(path).message


def test_workbook_named_csv(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "roster.xlsx", {"一覧": roster_sheet(good_rows())})
    path = tmp_path / "roster.csv"
    path.write_bytes(book.read_bytes())
    assert ".xlsx に直して" in _refusal(path).message


def test_truncated_workbook(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "full.xlsx", {"一覧": roster_sheet(good_rows())})
    data = book.read_bytes()
    path = tmp_path / "roster.xlsx"
    path.write_bytes(data[: len(data) // 2])  # a copy interrupted halfway
    assert "途中まで" in _refusal(path).message


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    assert "damaged or incomplete" in _refusal(path).message_en


def test_password_protected_workbook(tmp_path: Path) -> None:
    # Excel saves an encrypted .xlsx as an OLE2 container with an EncryptionInfo stream.
    path = tmp_path / "roster.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    path.write_bytes(header + "EncryptionInfo".encode("utf-16-le") + bytes(1024))
    assert "パスワード" in _refusal(path).message


def test_no_recognisable_name_column(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes("日付,金額,摘要\r\n2023/7/1,1000,交通費\r\n".encode("cp932"))
    error = _refusal(path)
    assert "事業所名の列が見つかりません" in error.message


def test_workbook_without_a_roster_sheet(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "roster.xlsx", {"注意事項": [["この一覧の使い方"]], "集計": [[1, 2]]}
    )
    assert "No client-name column" in _refusal(path).message_en


def test_header_and_no_rows(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "roster.csv", [["", "", ""]])
    error = _refusal(path)
    assert "顧問先の行がありません" in error.message
    assert "row 3" in error.message_en


def test_workbook_header_and_no_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "roster.xlsx", {"一覧": [list(HEADER)]})
    assert "顧問先の行がありません" in _refusal(path).message


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "roster.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert ".csv" in _refusal(path).message


def test_file_not_found(tmp_path: Path) -> None:
    assert "見つかりません" in _refusal(tmp_path / "missing.csv").message


def test_folder_named_like_a_roster(tmp_path: Path) -> None:
    folder = tmp_path / "roster.csv"
    folder.mkdir()
    assert "フォルダ" in _refusal(folder).message


def test_file_locked_by_excel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())

    def locked(path: Path) -> int:
        raise PermissionError(13, "The process cannot access the file", str(path))

    # Windows refuses to open a file that Excel holds open; this is how Python reports it.
    monkeypatch.setattr(input_limits, "_open_file", locked)
    error = _refusal(path)
    assert "Excel などで開いている場合は閉じて" in error.message


def test_text_in_an_unknown_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    # Lead bytes without their second byte, line after line: neither UTF-8 nor CP932, far
    # beyond a few damaged characters.
    path.write_bytes("事業所名,所在地\r\n".encode() + b"\x81 \x9f,\xe0 \r\n" * 400)
    assert "文字コード" in _refusal(path).message
