"""The input limits: each hostile file is refused early, with one sentence naming the limit.

Every input is made here (the far-cell workbook and the zip bombs written byte by byte, a
FIFO, /dev/zero and a link to it, a sparse file …). No test measures time: each one finishes
quickly because the program refuses before the work, and asserts the user's sentence (and
for ``noticedesk validate`` the exit code 2).
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import threading
import zipfile
import zlib
from pathlib import Path

import pytest

from noticedesk.cli.main import main
from noticedesk.core import input_limits
from noticedesk.core.clients import RosterError
from noticedesk.core.input_limits import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_LINE_CHARS,
    MAX_ROWS,
)
from noticedesk.core.office import ProfileError, load_office
from noticedesk.core.roster import containers, import_roster
from tests.helpers.paths import REPO, SAMPLE
from tests.helpers.rosters import (
    HEADER,
    client_row,
    good_rows,
    header_row_xml,
    ods_cell,
    ods_row,
    sheet_xml,
    text_cell,
    write_csv,
    write_ods_content,
    write_xlsx_parts,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")


def _refused(path: Path, encoding: str | None = None) -> RosterError:
    with pytest.raises(RosterError) as refused:
        import_roster(path, encoding=encoding)
    error = refused.value
    assert "\n" not in error.message and error.message.count("。") <= 2
    assert error.message_en and error.message_en != error.message
    return error


def _validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["validate", *args])
    return code, capsys.readouterr().err


def _client_row_xml(row: int) -> str:
    return f'<row r="{row}">{text_cell(f"A{row}", f"株式会社{row}")}{text_cell(f"B{row}", "東京都")}</row>'


# --- only regular files, and not past their size ---------------------------------------------


@posix_only
def test_dev_zero_through_a_link_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "roster.csv"
    link.symlink_to("/dev/zero")
    assert "デバイス" in _refused(link).message
    code, err = _validate(capsys, str(link))
    assert code == 2
    assert "ふつうのファイルではなくデバイスです" in err


@posix_only
def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    error = _refused(fifo)
    assert "名前付きパイプ" in error.message
    assert "named pipe" in error.message_en


@posix_only
def test_fifo_swapped_in_after_the_check_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The name is checked, then replaced by a FIFO before it is opened: the non-blocking
    # open returns at once and the handle's own check refuses it.
    regular = write_csv(tmp_path / "regular.csv", good_rows())
    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    monkeypatch.setattr(input_limits, "_status", lambda path: os.stat(regular))
    assert "名前付きパイプ" in _refused(fifo).message


@posix_only
def test_office_file_dev_zero_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ProfileError, match="デバイス"):
        load_office(Path("/dev/zero"))
    code = main(
        [
            "export",
            str(SAMPLE / "roster.csv"),
            "--office",
            "/dev/zero",
            "--incident",
            str(SAMPLE / "incident.toml"),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    assert code == 2
    assert "/dev/zero" in capsys.readouterr().err
    fifo = tmp_path / "office.toml"
    os.mkfifo(fifo)
    with pytest.raises(ProfileError, match="名前付きパイプ"):
        load_office(fifo)


def test_office_file_over_its_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text('name = "事務所"\n' + "# " + "x" * 1_100_000 + "\n", "utf-8")
    with pytest.raises(ProfileError) as refused:
        load_office(path)
    assert "1 MB" in refused.value.message and "office.toml" in refused.value.message


def test_sparse_file_is_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "roster.csv"
    with open(path, "wb") as sparse:
        sparse.truncate(3 * 1024**3)  # 3 GiB of nothing, on disk only as a size

    def never(fd: int, size: int) -> bytes:
        raise AssertionError("a file over the size limit was read")

    monkeypatch.setattr(input_limits, "_read_chunk", never)
    error = _refused(path)
    assert "3.2 GB" in error.message and "上限（50 MB）" in error.message
    assert "50 MB for roster files" in error.message_en


def test_file_that_grows_while_read_stops_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())
    real_read = input_limits._read_chunk
    grown = iter([b"x" * 1024 * 1024] * 60)

    def growing(fd: int, size: int) -> bytes:
        real_read(fd, size)
        return next(grown)[:size]  # more and more bytes, whatever the size said

    monkeypatch.setattr(input_limits, "_read_chunk", growing)
    assert "上限（50 MB）を超えています" in _refused(path).message


def test_read_that_stops_progressing_gives_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())
    release = threading.Event()

    def hung(fd: int, size: int) -> bytes:  # a network folder that stopped answering
        release.wait(30)
        return b""

    monkeypatch.setattr(input_limits, "READ_TIMEOUT_SECONDS", 0.3)
    monkeypatch.setattr(input_limits, "_read_chunk", hung)
    try:
        error = _refused(path)
    finally:
        release.set()
    assert "読み込みが 0 秒たっても進みません" in error.message
    assert "made no progress" in error.message_en


# --- CSV ------------------------------------------------------------------------------------


def test_cr_only_line_endings_read_as_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Excel 2004 / 2008 for Mac saves "CSV (Macintosh)" with CR alone after each line.
    rows = [*good_rows(), client_row("C0004", "株式会社さくら運輸", note="1 行目\n2 行目")]
    path = write_csv(tmp_path / "roster.csv", rows, newline="\r")
    roster = import_roster(path)
    assert [c.name for c in roster.clients][:2] == ["㈱髙橋製作所", "有限会社山﨑商店"]
    assert [c.row for c in roster.clients] == [4, 5, 6, 7]
    assert roster.clients[-1].extra["備考"] == "1 行目\n2 行目"
    code, _ = _validate(capsys, str(path))
    assert code in (0, 1)


def test_encoding_that_is_not_a_text_encoding_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows())
    for codec in ("hex", "base64", "rot13", "zlib"):
        assert f"文字コード「{codec}」は使えません" in _refused(path, codec).message
    code, err = _validate(capsys, str(path), "--encoding", "hex")
    assert code == 2
    assert "文字コード「hex」は使えません" in err
    assert "undefined として読めません" in _refused(path, "undefined").message


def test_csv_with_one_giant_line_is_refused_before_it_is_split(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(
        b"\xe4\xba\x8b\xe6\xa5\xad\xe6\x89\x80\xe5\x90\x8d\r\n" + b"a" * (MAX_LINE_CHARS + 1)
    )
    error = _refused(path)
    assert "2 行目は 2,000,001 文字" in error.message
    assert "1 行の長さの上限" in error.message


def test_csv_cell_over_the_cell_limit_is_refused(tmp_path: Path) -> None:
    long_note = "あ" * (MAX_CELL_CHARS + 1)
    path = write_csv(tmp_path / "roster.csv", [*good_rows(), client_row("C0004", note=long_note)])
    error = _refused(path)
    assert f"セル O7 は {MAX_CELL_CHARS + 1:,} 文字" in error.message


def test_quoted_cell_over_the_limit_across_short_lines_is_refused(tmp_path: Path) -> None:
    # Every physical line is short; the cell, quoted across lines, is not.
    note = "\n".join(["備考の行"] * 3000)
    path = write_csv(tmp_path / "roster.csv", [*good_rows(), client_row("C0004", note=note)])
    assert "1 つのセルの上限（10,000 文字）" in _refused(path).message


def test_csv_over_the_row_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "roster.csv"
    lines = ["事業所名,所在地", *(f"株式会社{n},東京都" for n in range(MAX_ROWS))]
    path.write_text("\r\n".join(lines) + "\r\n", "utf-8")
    error = _refused(path)
    assert "20,000 行を超えています" in error.message
    code, err = _validate(capsys, str(path))
    assert code == 2 and "20,000 行" in err


def test_csv_at_the_row_limit_reads(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    lines = ["事業所名,所在地", *(f"株式会社{n},東京都" for n in range(MAX_ROWS - 1))]
    path.write_text("\r\n".join(lines) + "\r\n", "utf-8")
    assert len(import_roster(path).clients) == MAX_ROWS - 1


def test_many_physical_lines_but_few_records_read(tmp_path: Path) -> None:
    # Quoted line breaks: more lines than the row limit, far fewer rows.
    rows = [client_row(f"C{n:05d}", f"株式会社{n}", note="一\n二\n三") for n in range(8000)]
    roster = import_roster(write_csv(tmp_path / "roster.csv", rows))
    assert len(roster.clients) == 8000


def test_csv_over_the_column_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    wide = ["事業所名", *(f"列{n}" for n in range(MAX_COLUMNS))]
    path.write_text(",".join(wide) + "\r\n株式会社A\r\n", "utf-8")
    assert "1 行目は 201 列" in _refused(path).message


def test_wide_row_far_below_the_top_is_refused_while_read(tmp_path: Path) -> None:
    rows = [*(client_row(f"C{n:04d}", f"株式会社{n}") for n in range(300))]
    path = write_csv(tmp_path / "roster.csv", rows)
    with open(path, "ab") as csv:
        csv.write(("株式会社幅広" + "," * 400 + "\r\n").encode("cp932"))
    assert "304 行目は 401 列" in _refused(path).message


# --- .xlsx ----------------------------------------------------------------------------------


def test_far_cell_workbook_is_refused_and_does_not_kill_the_process(tmp_path: Path) -> None:
    # 2 KB: A1 and XFD1048576. Read unchecked, the reader asks for 512 GiB and aborts the
    # process (exit 134), so the command runs in its own process here.
    rows = header_row_xml() + f'<row r="1048576">{text_cell("XFD1048576", "x")}</row>'
    path = write_xlsx_parts(tmp_path / "roster.xlsx", sheet_xml(rows, "A1:XFD1048576"))
    assert path.stat().st_size < 3000
    done = subprocess.run(
        [sys.executable, "-m", "noticedesk", "validate", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert "セル XFD1048576 まであり" in done.stderr
    assert "（20,000 行 × 200 列）を超えています" in done.stderr


def test_far_cell_without_references_is_found_by_position(tmp_path: Path) -> None:
    # No r= on the cells: the reader counts them on from the row, and so does the check.
    rows = header_row_xml() + f'<row r="1048576">{text_cell(None, "x")}{text_cell(None, "y")}</row>'
    path = write_xlsx_parts(tmp_path / "roster.xlsx", sheet_xml(rows))
    assert "セル A1048576 まで" in _refused(path).message


def test_far_cell_in_prefixed_tags_is_found(tmp_path: Path) -> None:
    far = '<x:row r="30000"><x:c r="A30000" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>'
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<x:sheetData>{far}</x:sheetData></x:worksheet>"
    )
    path = write_xlsx_parts(tmp_path / "roster.xlsx", sheet)
    assert "セル A30000 まで" in _refused(path).message


@pytest.mark.parametrize(
    "cell",
    [
        # A "/>" inside a value does not make the cell empty.
        '<c r="XFD1048576" x="/>" t="inlineStr"><is><t>x</t></is></c>',
        # A reference inside another attribute's value is not the cell's.
        """<c x=" r='A2'" r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>""",
        # A tab before r= is still an attribute.
        '<c\tr="XFD1048576" t="inlineStr"><is><t>x</t></is></c>',
    ],
    ids=["slash-in-value", "reference-in-value", "tab"],
)
def test_far_cell_written_oddly_is_still_found(tmp_path: Path, cell: str) -> None:
    rows = header_row_xml() + f'<row r="1048576">{cell}</row>'
    path = write_xlsx_parts(tmp_path / "roster.xlsx", sheet_xml(rows))
    assert "セル XFD1048576 まで" in _refused(path).message


def test_sheet_is_checked_in_the_part_the_reader_reads(tmp_path: Path) -> None:
    # A decoy relationship inside an attribute value must not send the check to the wrong part.
    workbook = (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        """<sheet name="一覧" sheetId="1" x=" r:id='rId2'" r:id="rId1"/></sheets></workbook>"""
    )
    relationships = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="worksheet"/>'
        '<Relationship Id="rId2" Target="worksheets/sheet2.xml" Type="worksheet"/></Relationships>'
    )
    far = header_row_xml() + f'<row r="1048576">{text_cell("XFD1048576", "x")}</row>'
    path = write_xlsx_parts(
        tmp_path / "roster.xlsx",
        sheet_xml(far),
        {"xl/worksheets/sheet2.xml": sheet_xml(header_row_xml()).encode()},
        workbook=workbook,
        relationships=relationships,
    )
    assert "セル XFD1048576 まで" in _refused(path).message


def test_a_big_other_sheet_does_not_block_the_roster_sheet(tmp_path: Path) -> None:
    # A lookup sheet beyond the limits is never read when the roster sheet comes first.
    workbook = (
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="一覧" sheetId="1" r:id="rId1"/><sheet name="郵便番号" sheetId="2" r:id="rId2"/>'
        "</sheets></workbook>"
    )
    relationships = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="worksheet"/>'
        '<Relationship Id="rId2" Target="worksheets/sheet2.xml" Type="worksheet"/></Relationships>'
    )
    roster = header_row_xml() + _client_row_xml(2)
    lookup = f'<row r="120000">{text_cell("A120000", "9071801")}</row>'
    path = write_xlsx_parts(
        tmp_path / "roster.xlsx",
        sheet_xml(roster),
        {"xl/worksheets/sheet2.xml": sheet_xml(lookup).encode()},
        workbook=workbook,
        relationships=relationships,
    )
    assert [c.name for c in import_roster(path).clients] == ["株式会社2"]


def test_row_and_column_limits_of_a_sheet(tmp_path: Path) -> None:
    last_row = header_row_xml() + _client_row_xml(MAX_ROWS)
    at_limit = write_xlsx_parts(tmp_path / "rows.xlsx", sheet_xml(last_row))
    assert len(import_roster(at_limit).clients) == 1
    one_more = header_row_xml() + _client_row_xml(MAX_ROWS + 1)
    assert (
        "セル A20001 まで"
        in _refused(write_xlsx_parts(tmp_path / "r.xlsx", sheet_xml(one_more))).message
    )
    gr = (
        header_row_xml()
        + f'<row r="2">{text_cell("A2", "株式会社A")}{text_cell("GR2", "端")}</row>'
    )
    assert len(import_roster(write_xlsx_parts(tmp_path / "gr.xlsx", sheet_xml(gr))).clients) == 1
    gs = (
        header_row_xml()
        + f'<row r="2">{text_cell("A2", "株式会社A")}{text_cell("GS2", "外")}</row>'
    )
    assert (
        "セル GS2 まで" in _refused(write_xlsx_parts(tmp_path / "gs.xlsx", sheet_xml(gs))).message
    )


def test_dimension_that_lies_and_empty_formatted_cells_do_not_refuse(tmp_path: Path) -> None:
    # Excel counts formatted empty cells in <dimension>; the reader never reads them.
    rows = (
        header_row_xml() + _client_row_xml(2) + '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    )
    path = write_xlsx_parts(tmp_path / "roster.xlsx", sheet_xml(rows, "A1:XFD1048576"))
    assert [c.name for c in import_roster(path).clients] == ["株式会社2"]


def test_workbook_cell_over_the_cell_limit_is_refused(tmp_path: Path) -> None:
    rows = (
        header_row_xml()
        + f'<row r="2">{text_cell("A2", "株式会社A")}{text_cell("B2", "長" * 10_001)}</row>'
    )
    error = _refused(write_xlsx_parts(tmp_path / "roster.xlsx", sheet_xml(rows)))
    assert "シート「一覧」のセル B2 は 10,001 文字" in error.message


def test_zip_bomb_is_refused_before_it_is_unpacked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 1.3 MB that unpacks to 1.3 GB: the part's declared size is refused before inflating.
    path = tmp_path / "roster.xlsx"
    head = sheet_xml(header_row_xml() + "<!--").encode()
    # A block of 10 MB of spaces packed once, then repeated: a valid deflate stream.
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    spaces = packer.compress(b" " * 10_000_000) + packer.flush(zlib.Z_FULL_FLUSH)
    packed = start + spaces * 130 + zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()
    size = len(head) + 130 * 10_000_000
    assert len(packed) < 1_400_000
    write_xlsx_parts(path, sheet_xml(header_row_xml()))
    _replace_part(path, "xl/worksheets/sheet1.xml", packed, size=size)
    error = _refused(path)
    assert "上限（200 MB）" in error.message
    code, err = _validate(capsys, str(path))
    assert code == 2 and "展開すると" in err


def test_zip_part_packed_beyond_the_ratio_is_refused(tmp_path: Path) -> None:
    filler = "<!--" + " " * 5_000_000 + "-->"
    path = write_xlsx_parts(tmp_path / "roster.xlsx", sheet_xml(header_row_xml() + filler))
    error = _refused(path)
    assert "圧縮率の上限（100 倍）" in error.message
    assert "xl/worksheets/sheet1.xml" in error.message


def test_zip_part_that_unpacks_to_more_than_it_declares_is_damaged(tmp_path: Path) -> None:
    # The declared size is small and honest-looking; the data inflates to far more.
    path = tmp_path / "roster.xlsx"
    real = sheet_xml(header_row_xml() + "<!--" + " " * 3_000_000 + "-->").encode()
    packed = zlib.compress(real, 9)[2:-4]
    write_xlsx_parts(path, sheet_xml(header_row_xml()))
    _replace_part(path, "xl/worksheets/sheet1.xml", packed, size=len(packed) * 50)
    assert "壊れているか" in _refused(path).message


def test_zip_with_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    write_xlsx_parts(path, sheet_xml(header_row_xml()))
    with zipfile.ZipFile(path, "a") as archive:
        for n in range(10_001):
            archive.writestr(f"xl/media/p{n}.bin", b"")
    assert "部品の数の上限（10,000 個）" in _refused(path).message


def test_xlsb_content_is_refused_as_unchecked(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
        archive.writestr("xl/_rels/workbook.bin.rels", "<Relationships/>")
    assert "確かめられません" in _refused(path).message


def test_shared_strings_over_the_limit_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(containers, "MAX_CELLS", 10)
    strings = "<sst>" + "".join(f"<si><t>{n}</t></si>" for n in range(11)) + "</sst>"
    path = write_xlsx_parts(
        tmp_path / "roster.xlsx",
        sheet_xml(header_row_xml()),
        {"xl/sharedStrings.xml": strings.encode()},
    )
    assert "文字列が 11 個" in _refused(path).message


# --- .ods -----------------------------------------------------------------------------------


def _ods_header() -> str:
    return ods_row(ods_cell("事業所名") + ods_cell("所在地"))


def test_ods_far_row_made_by_repeats_is_refused(tmp_path: Path) -> None:
    rows = _ods_header() + ods_row("<table:table-cell/>", 1_048_574) + ods_row(ods_cell("x"))
    error = _refused(write_ods_content(tmp_path / "roster.ods", rows))
    assert "シート「一覧」は使用範囲がセル B1048576 まで" in error.message


def test_ods_value_repeated_across_every_column_is_refused(tmp_path: Path) -> None:
    rows = _ods_header() + ods_row(ods_cell("x", 16_384), 1_048_575)
    assert "セル XFD2 まで" in _refused(write_ods_content(tmp_path / "roster.ods", rows)).message


def test_ods_spaces_that_expand_to_gigabytes_are_refused(tmp_path: Path) -> None:
    # Read unchecked, this 900-byte file makes the reader ask for 2 GB at once.
    spaces = '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="2000000000"/></text:p></table:table-cell>'
    rows = _ods_header() + ods_row(spaces)
    assert "上限（200 MB）" in _refused(write_ods_content(tmp_path / "roster.ods", rows)).message


@pytest.mark.parametrize(
    "row",
    [
        # A ">" inside a value does not end the cell's tag before its repeat count.
        '<table:table-row><table:table-cell x=">" office:value-type="string" '
        'table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row>',
        # The reader resolves a character reference in a row's repeat count.
        '<table:table-row table:number-rows-repeated="&#49;048575">'
        '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
        "</table:table-row>",
        # …and takes a "+" before it.
        '<table:table-row><table:table-cell office:value-type="string" '
        'table:number-columns-repeated="+16384"><text:p>x</text:p></table:table-cell></table:table-row>',
    ],
    ids=["gt-in-value", "character-reference", "plus-sign"],
)
def test_ods_repeats_written_oddly_are_still_counted(tmp_path: Path, row: str) -> None:
    path = write_ods_content(tmp_path / "roster.ods", _ods_header() + row)
    assert "使用範囲がセル" in _refused(path).message


def test_ods_with_trailing_empty_repeats_reads(tmp_path: Path) -> None:
    # As LibreOffice saves a sheet: empty filler repeated to the sheet's end.
    rows = (
        _ods_header()
        + ods_row(
            ods_cell("株式会社A")
            + ods_cell("東京都")
            + '<table:table-cell table:number-columns-repeated="1022"/>'
        )
        + ods_row('<table:table-cell table:number-columns-repeated="1024"/>', 1_048_574)
    )
    roster = import_roster(write_ods_content(tmp_path / "roster.ods", rows))
    assert [c.name for c in roster.clients] == ["株式会社A"]


def test_ods_with_a_table_inside_a_cell_is_refused_as_unchecked(tmp_path: Path) -> None:
    nested = '<table:table-cell office:value-type="string"><table:table table:name="内"></table:table></table:table-cell>'
    rows = _ods_header() + ods_row(nested)
    assert "確かめられません" in _refused(write_ods_content(tmp_path / "roster.ods", rows)).message


# --- .xls -----------------------------------------------------------------------------------


def _xls(path: Path, far: tuple[int, int] | None = None) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("一覧")
    for column, title in enumerate(HEADER[:4]):
        sheet.write(0, column, title)
    sheet.write(1, 1, "株式会社A")
    if far is not None:
        sheet.write(*far, "x")
    book.save(str(path))
    return path


def _patch_record(path: Path, header: bytes, fmt: str, offset: int, *values: int) -> None:
    data = bytearray(path.read_bytes())
    at = data.find(header)
    assert at > 0
    struct.pack_into(fmt, data, at + 4 + offset, *values)
    path.write_bytes(bytes(data))


def test_xls_far_cell_is_refused(tmp_path: Path) -> None:
    # 5.6 KB; read unchecked it takes 1.5 GB and several seconds.
    error = _refused(_xls(tmp_path / "roster.xls", far=(65_535, 255)))
    assert "セル IV65536 まで" in error.message


def test_xls_dimensions_record_that_would_abort_the_reader_is_refused(tmp_path: Path) -> None:
    # The reader reserves the recorded range at once: this one aborts it (exit 134).
    path = _xls(tmp_path / "roster.xls")
    _patch_record(path, b"\x00\x02\x0e\x00", "<IIHH", 0, 0, 0xFFFFFFF0, 0, 0xFFFF)
    assert "使用範囲がセル" in _refused(path).message


def test_xls_shared_string_count_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = _xls(tmp_path / "roster.xls")
    data = path.read_bytes()
    at = next(
        i for i in range(len(data)) if data[i : i + 2] == b"\xfc\x00" and 8 <= data[i + 2] < 200
    )
    patched = bytearray(data)
    struct.pack_into("<i", patched, at + 8, 0x7FFFFFF0)
    path.write_bytes(bytes(patched))
    assert "文字列が 2,147,483,632 個" in _refused(path).message


def test_xls_header_declaring_more_sectors_than_the_file_is_refused(tmp_path: Path) -> None:
    path = _xls(tmp_path / "roster.xls")
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, 44, 0x7FFFFFFF)  # number of FAT sectors
    path.write_bytes(bytes(data))
    assert "確かめられません" in _refused(path).message


def test_normal_xls_reads(tmp_path: Path) -> None:
    assert [c.name for c in import_roster(_xls(tmp_path / "roster.xls")).clients] == ["株式会社A"]


# --- normal rosters still read --------------------------------------------------------------


def test_bundled_sample_reads() -> None:
    assert len(import_roster(SAMPLE / "roster.csv").clients) == 40


# --- helpers --------------------------------------------------------------------------------


def _replace_part(path: Path, name: str, packed: bytes, *, size: int) -> None:
    """Rewrite ``path`` with part ``name`` holding the raw deflate data ``packed`` and
    declaring ``size`` as its unpacked size (true or not)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    out = bytearray()
    central = bytearray()
    for part, data in parts.items():
        raw_name = part.encode()
        if part == name:
            body, method, crc, unpacked = packed, 8, 0, size
        else:
            body, method, crc, unpacked = data, 0, zlib.crc32(data), len(data)
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(body), unpacked,
            len(raw_name), 0,
        )  # fmt: skip
        out += raw_name + body
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, len(body),
            unpacked, len(raw_name), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += raw_name
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(out), 0
    )
    path.write_bytes(bytes(out + central + end))
