"""Builders for the roster files the tests write: real CP932/UTF-8 CSV, XLSX and ODS files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

# As in the bundled sample: 対象者数 (本人の数), 代表者 and 自称 follow 従業員数.
HEADER = [
    "顧問先コード", "事業所名", "郵便番号", "所在地", "電話番号", "担当者", "メールアドレス",
    "法人番号", "従業員数", "対象者数", "代表者", "自称", "労働保険事務組合", "個別報告希望",
    "備考",
]  # fmt: skip

TITLE_ROWS = [["顧問先一覧（個人情報漏えい等対応用）"], ["2023年7月25日現在"]]

# Valid 法人番号 (check digits computed by the National Tax Agency's rule).
CORPORATE_OK = "9499836243985"
CORPORATE_OK_2 = "2199817887524"


def client_row(
    code: str = "C0001",
    name: str = "㈱髙橋製作所",
    postal: object = "164-0001",
    address: str = "東京都中野区中野3丁目5番13号",
    phone: object = "03-6363-9779",
    contact: str = "鈴木 一郎",
    email: str = "soumu01@client01.example.jp",
    corporate: object = CORPORATE_OK,
    employees: object = "3",
    association: str = "",
    individual: str = "",
    note: str = "",
    *,
    people: object = "",
    representative: str = "",
    self_reference: str = "",
) -> list[object]:
    return [code, name, postal, address, phone, contact, email, corporate, employees, people,
            representative, self_reference, association, individual, note]  # fmt: skip


def good_rows() -> list[list[object]]:
    """Three clean clients whose names need CP932 (㈱ 髙 﨑 ①)."""
    return [
        client_row(people="9", representative="代表取締役　髙橋　一郎"),
        client_row(
            "C0002",
            "有限会社山﨑商店",
            "166-0003",
            "東京都杉並区高円寺南5丁目7番2号",
            "03-4712-2144",
            "髙木 真理",
            "soumu02@client02.example.jp",
            CORPORATE_OK_2,
            "120",
            people="348",
        ),
        client_row(
            "C0003",
            "株式会社①番館",
            "810-0001",
            "福岡県福岡市中央区天神4丁目2番27号",
            "092-845-2013",
            "山﨑 健太",
            "",
            "",
            "40",
            "福岡SR経営労務センター",
            "○",
        ),
    ]


def csv_text(rows: Sequence[Sequence[object]], *, width: int | None = None) -> list[str]:
    """Lines as Excel writes them: every row padded to the same number of fields."""
    width = width or max(len(r) for r in rows)
    lines = []
    for row in rows:
        cells = [_csv_cell(str(v)) for v in row] + [""] * (width - len(row))
        lines.append(",".join(cells))
    return lines


def _csv_cell(value: str) -> str:
    if any(ch in value for ch in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    encoding: str = "cp932",
    newline: str = "\r\n",
    titles: bool = True,
    header: Sequence[str] = HEADER,
) -> Path:
    """A roster CSV as Excel saves it: CP932, CRLF, title rows above the header by default."""
    table: list[Sequence[object]] = [*(TITLE_ROWS if titles else []), header, *rows]
    text = newline.join(csv_text(table)) + newline
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """A workbook with the given sheets in order; numbers stay numbers, as Excel keeps them."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def roster_sheet(rows: Sequence[Sequence[object]], titles: bool = True) -> list[list[object]]:
    return [
        *(list(t) for t in (TITLE_ROWS if titles else [])),
        list(HEADER),
        *(list(r) for r in rows),
    ]


def write_ods(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    import pandas as pd

    frame = pd.DataFrame([list(HEADER), *(list(r) for r in rows)])
    frame.to_excel(path, engine="odf", header=False, index=False, sheet_name="顧問先一覧")
    return path


# --- workbooks written by hand, byte by byte, for the limit tests ----------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="一覧" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet"/></Relationships>'
)


def text_cell(ref: str | None, text: str) -> str:
    """An inline-string cell; ``ref`` None leaves the position implicit, as the format allows."""
    where = f' r="{ref}"' if ref else ""
    return f'<c{where} t="inlineStr"><is><t>{text}</t></is></c>'


def header_row_xml(row: int = 1) -> str:
    return (
        f'<row r="{row}">{text_cell(f"A{row}", "事業所名")}{text_cell(f"B{row}", "所在地")}</row>'
    )


def sheet_xml(rows: str, dimension: str | None = None) -> str:
    """A worksheet part around ``rows`` (the XML of the <row> elements)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dim}<sheetData>{rows}</sheetData></worksheet>"
    )


def write_xlsx_parts(
    path: Path,
    sheet: str | bytes,
    extra: dict[str, bytes] | None = None,
    *,
    workbook: str = _WORKBOOK,
    relationships: str = _WORKBOOK_RELS,
) -> Path:
    """A minimal .xlsx, the zip written by hand, with ``sheet`` as its first worksheet part."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", relationships)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods_cell(text: str, repeated: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    return (
        f'<table:table-cell office:value-type="string"{times}><text:p>{text}</text:p>'
        "</table:table-cell>"
    )


def ods_row(cells: str, repeated: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{times}>{cells}</table:table-row>"


def write_ods_content(path: Path, rows: str, table: str = "一覧") -> Path:
    """A minimal .ods, the zip written by hand, with one table of ``rows``."""
    import zipfile

    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{table}">{rows}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path
