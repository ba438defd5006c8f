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
  These names (``column_names``) are also how a column mapping and the window name a column.
- Only a header that is one of a field's known names is read automatically. A header that only
  looks like one (個別報告する, 顧問先No, 住所1: ``guess_field``) is a guess: it is proposed to the
  user (the window's column step, the command line's hint), never used unasked.
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


# A client code's column as offices head it beyond the known names: 顧問先No, 会社CD, No.
_CODE_GUESS = re.compile(
    r"^(顧問先|顧客|事業所|会社|取引先|得意先|client|company|customer)?"
    r"(no|番号|コード|cd|id|code|number|#)$"
)
_TRAILING_NUMBER = re.compile(r"[0-9]+$")
# Longest first, so 事業所所在地 is read as 事業所所在地 and not as 事業所.
_PREFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(((a, f) for a, f in _LOOKUP.items() if len(a) >= 2), key=lambda p: -len(p[0]))
)


def guess_field(header: str) -> str | None:
    """The field a header that is none of the known names looks like, or None.

    住所1 and 電話2 (a number after a known name), 顧問先No and 会社CD (a code), and a header
    that starts with a known name (個別報告する, 会社名カナ): each could be something else, so a
    guess is only ever proposed.
    """
    key = header_key(header)
    if not key or key in _LOOKUP:
        return None
    bare = _TRAILING_NUMBER.sub("", key)
    if bare != key and bare in _LOOKUP:
        return _LOOKUP[bare]
    if _CODE_GUESS.match(key):
        return "code"
    for alias, name in _PREFIXES:
        if key.startswith(alias):
            return name
    return None


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


def candidate_rows(frame: pd.DataFrame) -> list[tuple[int, list[str]]]:
    """The rows that may be the header, as (row index, cells): each of the first rows alone,
    then each two-row header, as merged cells make it (連絡先 above 電話番号 and FAX, 事業所名
    merged down over both rows), read as one row: the lower cell where it has text."""
    rows = [[str(v) for v in frame.iloc[i].tolist()] for i in range(min(SCAN_ROWS, len(frame)))]
    candidates = list(enumerate(rows))
    for row_index in range(len(rows) - 1):
        upper, lower = rows[row_index], rows[row_index + 1]
        cells = [low if low.strip() else up for up, low in zip(upper, lower, strict=True)]
        candidates.append((row_index + 1, cells))
    return candidates


def find_header(frame: pd.DataFrame) -> HeaderMatch | None:
    """The header among the first rows of a table, with its extra columns resolved.

    A two-row header is taken only when it recognises more than any single row, so a title
    line never renames a column.
    """
    best: HeaderMatch | None = None
    for row_index, cells in candidate_rows(frame):
        match = match_row(cells)
        if match is not None and (best is None or match.score > best.score):
            best = HeaderMatch(row=row_index, fields=match.fields, headers=match.headers)
    if best is None:
        return None
    return with_extras(best, frame)


def column_names(cells: list[str], below: pd.DataFrame | None) -> list[str]:
    """What each column is called, by index: its header as written; "M列" for a blank header
    over a column with content ("" over an empty one; with ``below`` None, every blank header
    is named); "X（M列）" for a header repeated."""
    names: list[str] = []
    seen: set[str] = set()
    for index, cell in enumerate(cells):
        header = cell.strip()
        if not header:
            filled = below is None or (
                index in below.columns and below[index].str.strip().astype(bool).any()
            )
            name = f"{column_letter(index)}列" if filled else ""
        elif header in seen:
            name = f"{header}（{column_letter(index)}列）"
        else:
            name = header
        seen.add(name)
        names.append(name)
    return names


def with_extras(match: HeaderMatch, frame: pd.DataFrame) -> HeaderMatch:
    """``match`` with every column no field takes kept as an extra, by its ``column_names``."""
    used = set(match.fields.values())
    cells = [match.headers[i] for i in sorted(match.headers)]
    names = column_names(cells, frame.iloc[match.row + 1 :])
    extras = {i: name for i, name in enumerate(names) if name and i not in used}
    headers = dict(match.headers)
    for index, key in extras.items():
        if not headers[index]:
            headers[index] = key
    return HeaderMatch(row=match.row, fields=match.fields, headers=headers, extras=extras)
