"""``import_roster``: a file in, validated clients and every problem out.

Decisions:
- Rows are numbered as Excel shows them, title rows included; blank rows are skipped silently.
- A row without a name is not a client (it is reported); every other row becomes a client even
  when it has problems, so one bad row never hides the others.
- In a workbook the roster is the first sheet whose header names a client column and at least
  one other known field; sheets named like notes or filled-in examples (注意事項, 記入例, …) are
  tried last. A sheet whose header names only a client column is used when nothing better exists.
- ``encoding`` applies to CSV/TXT only; workbooks carry their own.
- ``columns`` (a ``ColumnMapping``) says which column holds which field; in a workbook the
  roster is then the first sheet, in the order above, whose header holds every column it names.
- Reading the file and deciding its columns are two steps (``read_table``, then
  ``RosterTable.roster``), so the window can show the columns and ask between them without
  reading the file twice.
- Every column no field takes is listed in ``Roster.unused_columns``. One whose header looks
  like a field the list otherwise lacks (個別報告する with no 個別報告 column) is also a warning,
  ``column_not_read``, unless the mapping said what that field's column is: its answers would
  otherwise be silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from noticedesk.core.clients import (
    CLIENT_TEXT_FIELDS,
    Client,
    Issue,
    Roster,
    RosterError,
    RosterSource,
    Severity,
)
from noticedesk.core.roster import cells, rules
from noticedesk.core.roster.headers import (
    FIELD_LABELS,
    FIELDS,
    HeaderMatch,
    find_header,
    guess_field,
)
from noticedesk.core.roster.layout import ColumnLayout, layout_of, match_mapping
from noticedesk.core.roster.mapping import ColumnMapping, MappingError
from noticedesk.core.roster.reading import (
    REPLACEMENT,
    RawFile,
    Workbook,
    decode_text,
    open_roster_file,
    parse_delimited,
)

_NOTES_SHEET = re.compile(
    r"注意|説明|記入例|記載例|入力例|使い方|手順|凡例|note|readme|instruction|example|howto",
    re.IGNORECASE,
)
# Characters a single PC defines itself (外字 in CP932's user area): they print as something
# else, or nothing, anywhere else.
PRIVATE_USE = "[\ue000-\uf8ff]"
_EXCEL_MIDNIGHT = r"^([0-9]{4}-[0-9]{2}-[0-9]{2}) 00:00:00$"


def import_roster(
    path: Path, encoding: str | None = None, columns: ColumnMapping | None = None
) -> Roster:
    """Read a roster file (CSV/TXT, XLSX/XLSM, XLS, ODS). Raises RosterError when it is none,
    and MappingError (a RosterError) when ``columns`` names what the file does not hold."""
    return read_table(path, encoding, columns).roster(columns)


class RosterTable:
    """A roster file read into a table whose columns are not decided yet."""

    def __init__(
        self,
        raw: RawFile,
        frame: pd.DataFrame,
        *,
        sheet: str | None,
        encoding: str | None,
        replaced: bool,
        private_use: bool,
    ) -> None:
        self.path = raw.path
        self.sha256 = raw.sha256
        self.file_format = raw.file_format
        self.frame = frame
        self.sheet = sheet
        self.encoding = encoding
        self.replaced = replaced
        self.private_use = private_use
        self._layout: ColumnLayout | None = None

    @property
    def layout(self) -> ColumnLayout:
        """The header row, the columns and the automatic proposal, with how sure it is."""
        if self._layout is None:
            self._layout = layout_of(self.frame, self.path.name, self.sheet)
        return self._layout

    def roster(self, columns: ColumnMapping | None = None) -> Roster:
        """The clients and problems, reading the columns as ``columns`` says (None: the known
        header names)."""
        if columns:
            header = match_mapping(self.frame, columns, self.path.name)
        else:
            found = find_header(self.frame)
            if found is None:
                raise _no_name_column(self.path)
            header = found
        source = RosterSource(
            path=self.path,
            sha256=self.sha256,
            file_format=self.file_format,
            encoding=self.encoding,
            sheet=self.sheet,
            header_row=header.row + 1,
        )
        explicit = set(columns.columns) if columns else set()
        return _build(
            self.frame,
            header,
            source,
            explicit=explicit,
            replaced=self.replaced,
            private_use=self.private_use,
        )


def read_table(
    path: Path, encoding: str | None = None, columns: ColumnMapping | None = None
) -> RosterTable:
    """Read the file into a table (``columns`` chooses the sheet of a workbook); RosterError
    when it cannot be read at all."""
    raw = open_roster_file(Path(path).absolute())
    if raw.file_format == "csv":
        decoded = decode_text(raw, encoding)
        return RosterTable(
            raw,
            parse_delimited(decoded.text, raw.path.name),
            sheet=None,
            encoding=decoded.encoding,
            replaced=decoded.replaced,
            private_use=re.search(PRIVATE_USE, decoded.text) is not None,
        )
    sheet, frame = _roster_sheet(raw, columns)
    # A workbook has no text to search at once: private-use characters are looked for per column.
    return RosterTable(raw, frame, sheet=sheet, encoding=None, replaced=False, private_use=True)


def _roster_sheet(raw: RawFile, columns: ColumnMapping | None) -> tuple[str | None, pd.DataFrame]:
    book = Workbook(raw)
    try:
        hidden = book.hidden_sheets
        names = [n for n in book.sheet_names if n not in hidden]
        ordered = [n for n in names if not _NOTES_SHEET.search(n)]
        ordered += [n for n in names if _NOTES_SHEET.search(n)]
        ordered += [n for n in book.sheet_names if n in hidden]
        fallback: tuple[str, pd.DataFrame] | None = None
        filled: tuple[str, pd.DataFrame] | None = None  # where no sheet has a name column
        refused: MappingError | None = None
        for name in ordered:
            frame = book.read_sheet(name)
            if columns:
                try:
                    match_mapping(frame, columns, raw.path.name)
                except MappingError as exc:
                    refused = refused or exc
                    continue
                return name, _dates_without_midnight(frame)
            header = find_header(frame)
            if header is None:
                if filled is None and (frame != "").to_numpy().any():
                    filled = (name, frame)
                continue
            frame = _dates_without_midnight(frame)
            if header.score >= 2:
                return name, frame
            if fallback is None:
                fallback = (name, frame)
    finally:
        book.close()
    if refused is not None:
        raise refused
    if fallback is not None:
        return fallback
    if filled is not None:  # for the user to say which column is which
        return filled[0], _dates_without_midnight(filled[1])
    return None, pd.DataFrame()


def _dates_without_midnight(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel dates come back as "2020-04-01 00:00:00"; a date is printed without the time."""
    for index in frame.columns:
        column = frame[index]
        if column.str.endswith(" 00:00:00").any():
            frame[index] = column.str.replace(_EXCEL_MIDNIGHT, r"\1", regex=True)
    return frame


def _no_name_column(path: Path) -> RosterError:
    return RosterError(
        f"「{path.name}」に事業所名の列が見つかりません。"
        "見出しの行に「事業所名」「会社名」「名称」などの列名を入れるか、"
        "どの列が事業所名かを指定してください（列の対応、--columns name=見出し）。",
        f"No client-name column was found in “{path.name}”; "
        "the header row needs a column such as 事業所名, 会社名, 名称 or name, "
        "or say which column holds it (the column mapping, --columns name=HEADER).",
    )


@dataclass(frozen=True, slots=True)
class _Check:
    """One rule over one field: the rows it flags and how to word them."""

    field: str
    mask: pd.Series
    values: pd.Series  # the text each message quotes
    severity: Severity
    code: str
    message: rules.Message


def _build(
    frame: pd.DataFrame,
    header: HeaderMatch,
    source: RosterSource,
    *,
    explicit: set[str],
    replaced: bool,
    private_use: bool,
) -> Roster:
    body = frame.iloc[header.row + 1 :]
    trimmed = body.apply(cells.trimmed) if len(body) else body
    filled = (trimmed != "").any(axis=1) if len(body) else pd.Series(dtype=bool)
    body = trimmed[filled]
    if body.empty:
        raise RosterError(
            f"「{source.path.name}」には見出し（{source.header_row} 行目）だけで、顧問先の行がありません。",
            f"“{source.path.name}” has a header (row {source.header_row}) but no client rows.",
        )
    rows = pd.Series(body.index.to_numpy() + 1, index=body.index)
    empty = pd.Series("", index=body.index, dtype=str)
    raw = {f: (body[header.fields[f]] if f in header.fields else empty) for f in FIELDS}
    name, address = raw["name"], raw["address"]
    has_name = name != ""
    name_column = header.header_of("name")

    phone = cells.phones(raw["phone"])
    postal = cells.postal_codes(raw["postal_code"])
    corporate = cells.corporate_numbers(raw["corporate_number"])
    answer = cells.answers(raw["individual"])
    association = cells.associations(raw["association"])
    headcount = cells.counts(raw["employees"])
    people = cells.people(raw["people"])
    self_reference = cells.self_references(raw["self_reference"])
    email = cells.emails(raw["email"])
    code = cells.plain_code(raw["code"])

    warn, error = Severity.WARNING, Severity.ERROR
    checks = [
        _Check("individual", answer.unknown, raw["individual"], error, "answer_unknown",
               rules.answer_unknown),
        _Check("phone", phone.unreadable, raw["phone"], warn, "phone_unreadable",
               rules.phone_unreadable),
        _Check("phone", phone.repaired, _before_after(raw["phone"], phone), warn,
               "phone_zero_restored", rules.phone_zero_restored),
        _Check("phone", (raw["phone"] == "") & ~answer.yes, raw["phone"], warn, "phone_missing",
               rules.phone_missing),
        _Check("postal_code", postal.unreadable, raw["postal_code"], warn, "postal_unreadable",
               rules.postal_unreadable),
        _Check("postal_code", postal.repaired, _before_after(raw["postal_code"], postal), warn,
               "postal_zero_restored", rules.postal_zero_restored),
        _Check("address", address == "", address, warn, "address_missing",
               rules.address_missing),
        _Check("corporate_number", corporate.invalid, corporate.value, warn,
               "corporate_number_invalid", rules.corporate_number_invalid),
        _Check("corporate_number", corporate.exponent, raw["corporate_number"], warn,
               "corporate_number_exponent", rules.corporate_number_exponent),
        _Check("association", association.unnamed, raw["association"], warn,
               "association_unnamed", rules.association_unnamed),
        _Check("employees", headcount.unreadable, raw["employees"], warn,
               "employees_unreadable", rules.employees_unreadable),
        _Check("people", people.unreadable, raw["people"], warn, "people_unreadable",
               rules.people_unreadable),
        _Check("self_reference", self_reference.unreadable, raw["self_reference"], warn,
               "self_reference_unreadable", rules.self_reference_unreadable),
        _Check("email", email.unreadable, raw["email"], warn, "email_invalid",
               rules.email_invalid),
    ]  # fmt: skip

    issues: list[Issue] = []
    if replaced:
        issues += _cells_matching(body, rows, header, REPLACEMENT, error, "undecodable_text",
                                  rules.undecodable_text)  # fmt: skip
    if private_use:
        issues += _cells_matching(body, rows, header, PRIVATE_USE, warn, "private_use_character",
                                  rules.private_use_character)  # fmt: skip
    issues += rules.flag(~has_name, rows, name, name_column, error, "missing_name",
                         rules.missing_name)  # fmt: skip
    for check in checks:
        if check.field in header.fields:
            issues += rules.flag(
                has_name & check.mask,
                rows,
                check.values,
                header.header_of(check.field),
                check.severity,
                check.code,
                check.message,
            )
    issues += rules.duplicates(name[has_name], address[has_name], rows[has_name], name_column)
    if "code" in header.fields:
        issues += rules.duplicate_codes(code[has_name], rows[has_name], header.header_of("code"))
    for field in ("address", "phone"):
        if field not in header.fields:
            issues.append(rules.missing_column(*FIELD_LABELS[field]))
    issues += _columns_not_read(header, explicit)
    issues.sort(key=lambda i: (i.row or 0, _column_position(header, i.column), i.code))

    values = {
        "name": name,
        "code": code,
        "postal_code": postal.value,
        "address": address,
        "phone": phone.value,
        "contact_person": raw["contact_person"],
        "email": email.value,
        "corporate_number": corporate.value,
        "employees": headcount.value,
        "association": association.value,
        "people": people.value,
        "representative": raw["representative"],
        "self_reference": self_reference.value,
    }
    return Roster(
        source=source,
        clients=_clients(body[has_name], rows[has_name], values, answer.yes, header),
        issues=issues,
        columns={f: header.header_of(f) for f in FIELDS if f in header.fields},
        unused_columns=list(header.extras.values()),
    )


def _columns_not_read(header: HeaderMatch, explicit: set[str]) -> list[Issue]:
    """A warning per column that looks like a field the list otherwise lacks (see decisions)."""
    issues: list[Issue] = []
    wanted: set[str] = set()
    for index, name in header.extras.items():
        field = guess_field(header.headers[index])
        if field is None or field in header.fields or field in explicit or field in wanted:
            continue
        wanted.add(field)
        issues.append(rules.column_not_read(name, *FIELD_LABELS[field]))
    return issues


def _before_after(before: pd.Series, checked: cells.Checked) -> pd.Series:
    """ "312345678 → 03-1234-5678" for the repaired rows (only those are ever quoted)."""
    text = pd.Series("", index=before.index, dtype=str)
    mask = checked.repaired
    if mask.any():
        text.loc[mask] = before[mask] + " → " + checked.value[mask]
    return text


def _cells_matching(
    body: pd.DataFrame,
    rows: pd.Series,
    header: HeaderMatch,
    pattern: str,
    severity: Severity,
    code: str,
    message: rules.Message,
) -> list[Issue]:
    """One issue per cell, in any column, whose text matches ``pattern``."""
    issues: list[Issue] = []
    for index in body.columns:
        found = body[index].str.contains(pattern, regex=True)
        column = header.headers.get(int(index)) or None
        issues += rules.flag(found, rows, body[index], column, severity, code, message)
    return issues


def _column_position(header: HeaderMatch, column: str | None) -> int:
    if column is None:
        return -1
    for index, text in header.headers.items():
        if text == column:
            return index
    return 10_000


def _clients(
    body: pd.DataFrame,
    rows: pd.Series,
    values: dict[str, pd.Series],
    individual: pd.Series,
    header: HeaderMatch,
) -> list[Client]:
    # Built row by row at the end: the checks above were all column-wise.
    keep = rows.index
    ordered = [values[f].loc[keep].tolist() for f in CLIENT_TEXT_FIELDS]
    yes = individual.loc[keep].tolist()
    extra_keys = list(header.extras.values())
    if extra_keys:
        extra_rows = zip(*(body[i].tolist() for i in header.extras), strict=True)
        extras = [dict(zip(extra_keys, cells_, strict=True)) for cells_ in extra_rows]
    else:
        extras = [{} for _ in range(len(keep))]
    return [
        Client(
            row=int(row),
            individual=bool(answer),
            extra=extra,
            **dict(zip(CLIENT_TEXT_FIELDS, texts, strict=True)),
        )
        for row, answer, extra, *texts in zip(rows.tolist(), yes, extras, *ordered, strict=True)
    ]
