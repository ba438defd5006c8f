"""Finding the header row and telling which column holds which field.

Offices put a title and a date above the header, write headers in Japanese or English, in
full-width or half-width letters, sometimes with a note in brackets ("従業員数（人）"). A header
is compared after NFKC, case folding, and removal of spaces, punctuation and bracketed notes.

Decisions:
- The header row is, among the first rows of a sheet, the one that names a client-name column
  and recognises the most fields; the earliest wins a tie.
- When two columns map to the same field, the leftmost one is used; the other is kept as an
  extra column, like any column we do not know.
- 人数 and 対象人数 name the people whose data the system held (本人の数, ``people``), not the
  headcount (従業員数, ``employees``): in a roster made for a breach, a bare "how many people"
  column counts the people affected, retirees and dependants included, and reading it as the
  headcount would understate report item (3). A roster with both keeps them apart.
- A column with content but no header is kept as an extra column named after its Excel letter
  ("M列"), and a repeated header gets its letter appended, so no value is dropped or merged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

# Field name -> header spellings, in the normalised form produced by ``header_key``.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "事業所名",
        "事業所名称",
        "事業所",
        "会社名",
        "会社名称",
        "顧問先名",
        "顧問先名称",
        "顧問先",
        "名称",
        "法人名",
        "法人名称",
        "商号",
        "顧客名",
        "name",
        "company",
        "companyname",
        "client",
        "clientname",
    ),
    "code": (
        "顧問先コード",
        "コード",
        "顧問先番号",
        "事業所コード",
        "顧客コード",
        "code",
        "clientcode",
        "companycode",
    ),
    "postal_code": (
        "郵便番号",
        "〒",
        "郵便",
        "postal",
        "postalcode",
        "postcode",
        "zip",
        "zipcode",
    ),
    "address": (
        "所在地",
        "住所",
        "事業所所在地",
        "本社所在地",
        "事業所住所",
        "address",
    ),
    "phone": (
        "電話番号",
        "電話",
        "tel",
        "phone",
        "telephone",
        "phonenumber",
        "代表電話",
        "代表電話番号",
        "tel番号",
    ),
    "contact_person": (
        "担当者",
        "担当者名",
        "ご担当者",
        "ご担当者名",
        "担当",
        "contact",
        "contactperson",
    ),
    "email": (
        "メールアドレス",
        "メール",
        "email",
        "mail",
        "emailaddress",
        "mailaddress",
    ),
    "corporate_number": ("法人番号", "corporatenumber"),
    "employees": (
        "従業員数",
        "従業員",
        "社員数",
        "被保険者数",
        "employees",
        "headcount",
    ),
    "people": (
        "対象者数",
        "対象人数",
        "本人の数",
        "本人数",
        "対象者",
        "人数",
        "漏えい対象者数",
        "漏洩対象者数",
        "登録者数",
        "people",
        "affected",
        "peopleaffected",
        "numberofpeople",
    ),
    "representative": (
        "代表者",
        "代表者名",
        "代表者氏名",
        "代表者役職",
        "代表者役職氏名",
        "representative",
    ),
    "self_reference": (
        "自称",
        "呼称",
        "文書での自称",
        "文書上の呼称",
        "自社の呼び方",
        "selfreference",
    ),
    "association": (
        "労働保険事務組合",
        "事務組合",
        "労働保険事務組合名",
        "事務組合名",
        "association",
    ),
    "individual": (
        "個別報告",
        "個別報告希望",
        "個別報告の希望",
        "個別報告希望の有無",
        "individual",
        "individualreport",
    ),
}

FIELDS: tuple[str, ...] = tuple(ALIASES)

# How a missing field is named in messages.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("事業所名", "name"),
    "code": ("顧問先コード", "client code"),
    "postal_code": ("郵便番号", "postal code"),
    "address": ("所在地", "address"),
    "phone": ("電話番号", "phone"),
    "contact_person": ("担当者", "contact"),
    "email": ("メールアドレス", "e-mail"),
    "corporate_number": ("法人番号", "corporate number"),
    "employees": ("従業員数", "employees"),
    "people": ("対象者数", "people affected"),
    "representative": ("代表者", "representative"),
    "self_reference": ("自称", "self-reference"),
    "association": ("労働保険事務組合", "labour-insurance association"),
    "individual": ("個別報告", "individual report"),
}

_LOOKUP: dict[str, str] = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
_BRACKETED = re.compile(r"[(\[【<《〔][^)\]】>》〕]*[)\]】>》〕]")
_IGNORED = re.compile(r"[\s・_\-‐－.:：、,※*＊]")
SCAN_ROWS = 30


def header_key(text: str) -> str:
    """The comparable form of a header cell."""
    key = unicodedata.normalize("NFKC", text).casefold()
    key = _BRACKETED.sub("", key)
    return _IGNORED.sub("", key)


def field_for(header: str) -> str | None:
    return _LOOKUP.get(header_key(header))


def column_letter(index: int) -> str:
    """Excel's name for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """Where the header is and what each column holds."""

    row: int  # 0-based index in the table (Excel row ``row + 1``)
    fields: dict[str, int]  # field name -> column index
    headers: dict[int, str]  # column index -> header as written ("" when blank)
    extras: dict[int, str] = field(default_factory=dict)  # column index -> key in Client.extra

    @property
    def score(self) -> int:
        return len(self.fields)

    def header_of(self, field_name: str) -> str:
        return self.headers[self.fields[field_name]]


def match_row(cells: list[str]) -> HeaderMatch | None:
    """Read one row as a header; None when it names no client-name column."""
    fields: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = field_for(cell) if cell.strip() else None
        if name is not None and name not in fields:
            fields[name] = index
    if "name" not in fields:
        return None
    return HeaderMatch(row=-1, fields=fields, headers={i: c.strip() for i, c in enumerate(cells)})


def find_header(frame: pd.DataFrame) -> HeaderMatch | None:
    """The header among the first rows of a table, with its extra columns resolved."""
    best: HeaderMatch | None = None
    rows = [[str(v) for v in frame.iloc[i].tolist()] for i in range(min(SCAN_ROWS, len(frame)))]
    for row_index, cells in enumerate(rows):
        match = match_row(cells)
        if match is not None and (best is None or match.score > best.score):
            best = HeaderMatch(row=row_index, fields=match.fields, headers=match.headers)
    # A two-row header, as merged cells make it: 連絡先 above 電話番号 and FAX, 事業所名 merged
    # down over both rows. Read as one row (the lower cell where it has text), and taken only
    # when it recognises more than any single row, so a title line never renames a column.
    for row_index in range(len(rows) - 1):
        upper, lower = rows[row_index], rows[row_index + 1]
        cells = [low if low.strip() else up for up, low in zip(upper, lower, strict=True)]
        match = match_row(cells)
        if match is not None and (best is None or match.score > best.score):
            best = HeaderMatch(row=row_index + 1, fields=match.fields, headers=match.headers)
    if best is None:
        return None
    return _with_extras(best, frame)


def _with_extras(match: HeaderMatch, frame: pd.DataFrame) -> HeaderMatch:
    used = set(match.fields.values())
    below = frame.iloc[match.row + 1 :]
    extras: dict[int, str] = {}
    seen: set[str] = set(match.headers[i] for i in used)
    for index, header in match.headers.items():
        if index in used:
            continue
        if not header:
            # A blank header is kept only when the column holds something.
            if not below[index].str.strip().astype(bool).any():
                continue
            key = f"{column_letter(index)}列"
        elif header in seen:
            key = f"{header}（{column_letter(index)}列）"
        else:
            key = header
        seen.add(key)
        extras[index] = key
    headers = dict(match.headers)
    for index, key in extras.items():
        if not headers[index]:
            headers[index] = key
    return HeaderMatch(row=match.row, fields=match.fields, headers=headers, extras=extras)
