"""The records every part of NoticeDesk passes around: clients, problems and a roster."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from noticedesk.core.legal_forms import Voice, expand_abbreviations, voice_for
from noticedesk.core.user_error import UserError


class Severity(StrEnum):
    """How bad a problem is. Errors block an export; warnings are shown and exported past."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a roster, located as the user sees it in Excel.

    ``row`` is the 1-based row number Excel shows (None for a file-wide problem); ``column``
    is the header text as written in the file (None when no single column is at fault).
    ``message`` is Japanese, the interface's first language; ``message_en`` the English one.
    """

    row: int | None
    column: str | None
    severity: Severity
    code: str
    message: str
    message_en: str = ""

    def text(self, language: str = "ja") -> str:
        if language.startswith("en") and self.message_en:
            return self.message_en
        return self.message

    def where(self, language: str = "ja") -> str:
        """Where Excel shows it, as every face says it: 「行 12 / 電話番号」, 「ファイル全体」."""
        english = language.startswith("en")
        if self.row is None:
            place = "Whole file" if english else "ファイル全体"
        else:
            place = f"Row {self.row}" if english else f"行 {self.row}"
        return place + (f" / {self.column}" if self.column else "")

    def to_json(self) -> dict[str, object]:
        return {
            "row": self.row,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
            "message_en": self.message_en,
        }


@dataclass(frozen=True, slots=True)
class Client:
    """A client company (委託元) of the office, as read from one roster row.

    Every value is text exactly as it should be printed (normalised: digits half-width,
    phone numbers hyphenated, leading zeros restored). Empty means unknown.
    """

    row: int
    name: str
    code: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    contact_person: str = ""
    email: str = ""
    corporate_number: str = ""
    employees: str = ""  # 従業員数: current headcount, not the number of people affected
    association: str = ""
    individual: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    people: str = ""  # 本人の数: people whose data the system held (対象者数), "" unknown
    representative: str = ""  # 代表者 as signed (代表取締役　髙橋　一郎), "" unknown
    self_reference: str = ""  # 自称 as the client wants it (当院); "" from its legal form

    @property
    def printed_name(self) -> str:
        """The name as letters and the regulator's list print it: ㈱ written out in full."""
        return expand_abbreviations(self.name)

    @property
    def voice(self) -> Voice:
        """当社／貴社, 当法人／貴法人 …: from the 自称 column, else the legal form."""
        return voice_for(self.name, self.self_reference)

    @property
    def key(self) -> str:
        """Identity used to match the same client across re-imports: code, else name+address."""
        if self.code:
            return f"code:{self.code}"
        return f"name:{self.name}\x1f{self.address}"

    @property
    def in_association(self) -> bool:
        return bool(self.association)


# Client's text fields in the order of its constructor, after ``row``: what a roster column
# can fill and what a template can print.
CLIENT_TEXT_FIELDS: tuple[str, ...] = (
    "name",
    "code",
    "postal_code",
    "address",
    "phone",
    "contact_person",
    "email",
    "corporate_number",
    "employees",
    "association",
    "people",
    "representative",
    "self_reference",
)


@dataclass(frozen=True, slots=True)
class RosterSource:
    """Where a roster came from, for the case file and the audit log."""

    path: Path
    sha256: str
    file_format: str  # "csv", "xlsx", "xls", "ods"
    encoding: str | None  # for CSV: the encoding used to decode it
    sheet: str | None  # for workbooks: the sheet the roster was read from
    header_row: int  # 1-based row number of the header, as Excel shows it


@dataclass(slots=True)
class Roster:
    """The outcome of importing a file: the clients that could be read and every problem."""

    source: RosterSource
    clients: list[Client]
    issues: list[Issue]
    columns: dict[str, str] = field(default_factory=dict)  # field name -> header as written
    # Columns no field takes: kept with each client (``Client.extra``), printed by no standard
    # template. Named as the list writes them ("M列" for a column without a header).
    unused_columns: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]

    @property
    def individual(self) -> list[Client]:
        return [c for c in self.clients if c.individual]

    @property
    def joint(self) -> list[Client]:
        return [c for c in self.clients if not c.individual]


class RosterError(UserError):
    """The file cannot be read as a roster at all. The message is one sentence for the user."""
