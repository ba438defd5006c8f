"""An explicit column mapping: which column of the office's list holds which field.

``ColumnMapping`` is what the user says, where the automatic match cannot be trusted: on the
command line (``--columns code=顧問先No,name=会社名``), in a file (``--columns-file
mapping.toml``), in the window's column step, or remembered from that step for a header layout
(``noticedesk.core.column_mappings``). ``import_roster(path, columns=mapping)`` reads with it.

Decisions:
- A field is named by its NoticeDesk name (``code``), its Japanese label (``顧問先コード``) or
  its English one (``client code``); anything else is a sentence naming the ones there are.
- A header is named as the list writes it, or as NoticeDesk names a column without one ("M列")
  or a repeated one ("担当（F列）"); spaces around it do not matter, and neither do full or
  half width and case ("ＴＥＬ" finds "TEL").
- An empty header says the list has no column for that field: nothing is read for it, even a
  column whose header is one of the field's known names.
- Fields the mapping does not name are read as without one, from the columns it leaves.
- One column holds one field: a header named for two fields is refused.
- A mapping file is TOML: the pairs at the top level or under ``[columns]``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from noticedesk.core.clients import RosterError
from noticedesk.core.input_limits import MAX_SETTINGS_BYTES, read_regular_file
from noticedesk.core.roster.headers import FIELD_LABELS, FIELDS, header_key


class MappingError(RosterError):
    """A column mapping that cannot be used: an unknown field, a header the list lacks."""


def field_named(text: str) -> str:
    """The field ``text`` names (``code``, ``顧問先コード``, ``client code``); MappingError if none."""
    wanted = text.strip()
    folded = wanted.casefold()
    for name in FIELDS:
        label_ja, label_en = FIELD_LABELS[name]
        if folded in (name, label_en.casefold()) or wanted == label_ja:
            return name
    known = "、".join(f"{name}（{FIELD_LABELS[name][0]}）" for name in FIELDS)
    known_en = ", ".join(FIELDS)
    raise MappingError(
        f"「{wanted}」という項目はありません。使える項目: {known}",
        f"There is no field “{wanted}”. The fields are: {known_en}",
    )


def same_header(written: str, name: str) -> bool:
    """Whether the header ``written`` in a mapping names the column called ``name``."""
    if written.strip() == name:
        return True
    key = header_key(written)
    return bool(key) and key == header_key(name)


@dataclass(frozen=True)
class ColumnMapping:
    """Field → header as the list writes it ("" when the list has no column for the field)."""

    columns: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        columns = {field_named(name): header.strip() for name, header in self.columns.items()}
        taken: dict[str, str] = {}
        for name, header in columns.items():
            other = next((f for f, h in taken.items() if same_header(h, header)), None)
            if header and other is not None:
                raise MappingError(
                    f"見出し「{header}」を二つの項目（{FIELD_LABELS[other][0]}と"
                    f"{FIELD_LABELS[name][0]}）に指定しています。一つの列は一つの項目にだけ使えます。",
                    f"The header “{header}” is given for two fields ({other} and {name}); "
                    "a column holds one field.",
                )
            taken[name] = header
        object.__setattr__(self, "columns", columns)

    @classmethod
    def parse(cls, text: str) -> ColumnMapping:
        """``code=顧問先No,name=会社名`` (``contact_person=`` says there is no such column)."""
        pairs: dict[str, str] = {}
        for part in text.split(","):
            if not part.strip():
                continue
            name, equals, header = part.partition("=")
            if not equals:
                raise MappingError(
                    f"列の対応「{part.strip()}」は「項目=見出し」の形で書いてください"
                    "（例: code=顧問先No,name=会社名）。",
                    f"Write each column as FIELD=HEADER, not “{part.strip()}” "
                    "(e.g. code=顧問先No,name=会社名).",
                )
            pairs[field_named(name)] = header
        return cls(pairs)

    @classmethod
    def load(cls, path: Path) -> ColumnMapping:
        """A mapping file: TOML, the pairs at the top level or under ``[columns]``."""
        path = Path(path)
        data = read_regular_file(
            path,
            max_bytes=MAX_SETTINGS_BYTES,
            error=MappingError,
            what=("列の対応のファイル", "column mapping file"),
        )
        try:
            table = tomllib.loads(data.decode("utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise MappingError(
                f"「{path.name}」を TOML として読めません: {exc}",
                f"“{path.name}” cannot be read as TOML: {exc}",
            ) from None
        section = table.get("columns", table)
        if not isinstance(section, dict) or not all(isinstance(v, str) for v in section.values()):
            raise MappingError(
                f'「{path.name}」の列の対応は「項目 = "見出し"」の形で書いてください'
                '（例: code = "顧問先No"）。',
                f'Write the columns in “{path.name}” as FIELD = "HEADER" (e.g. code = "顧問先No").',
            )
        return cls({str(k): str(v) for k, v in section.items()})

    def with_overrides(self, other: ColumnMapping) -> ColumnMapping:
        """This mapping with every field ``other`` names taken from ``other``."""
        return ColumnMapping({**self.columns, **other.columns})

    def headers(self) -> list[str]:
        """The headers the mapping names, in field order (no empty ones)."""
        return [self.columns[f] for f in FIELDS if self.columns.get(f)]

    def option_text(self) -> str:
        """The mapping as ``--columns`` takes it."""
        return ",".join(f"{f}={self.columns[f]}" for f in FIELDS if f in self.columns)

    def __bool__(self) -> bool:
        return bool(self.columns)
