"""The office's own details (事務所情報) that every document carries.

Decisions:
- **The office's kind.** A 社会保険労務士法人 writes 当法人／同法人 and has a 法人番号; an
  individual office (個人事務所) writes 当事務所／同事務所 and has none. Left blank, the kind is
  read from the name (「…法人」 is a 法人).
- **The 登録番号 is a person's.** Registration (社会保険労務士法 14条の2) is of the 社労士 as a
  person; a 社労士法人 is not registered under a number of its own. The documents print the
  number beside the representative's name, in both kinds of office.
- **One date style per mailing**: 西暦 (2023年7月28日, as the seed letter writes) or 和暦
  (令和5年7月28日), an office setting used by every document and the regulator's list.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from noticedesk.core import corporate_number, dates, phone_numbers
from noticedesk.core.problems import Problem
from noticedesk.core.user_error import UserError

CORPORATION = "corporation"
INDIVIDUAL = "individual"
KINDS: tuple[str, ...] = (CORPORATION, INDIVIDUAL)
SEIREKI = "seireki"
WAREKI = "wareki"
DATE_STYLES: tuple[str, ...] = (SEIREKI, WAREKI)


class ProfileError(UserError):
    """A profile or incident file cannot be read. The message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class OfficeProfile:
    name: str = ""  # 事務所名 / 法人名
    corporate_number: str = ""  # 法人番号 (13 digits; 社労士法人 only)
    registration_number: str = ""  # 社会保険労務士 登録番号 or 法人の届出番号
    representative_title: str = ""  # 代表社員, 所長 …
    representative_name: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    contact_person: str = ""  # 担当者
    website: str = ""
    kind: str = ""  # "corporation" (社労士法人) or "individual" (個人事務所); "": from the name
    date_style: str = SEIREKI  # "seireki" (2023年7月28日) or "wareki" (令和5年7月28日)
    # Outgoing mail (checked by ``core.mail.settings``; the password only in the credential
    # store). Not in LABELS: the letters print none of them.
    smtp_host: str = ""
    smtp_port: str = ""  # "": the usual port of the security chosen (587 / 465 / 25)
    smtp_security: str = ""  # "starttls" (""), "ssl" or "none" (the office's own network)
    smtp_user: str = ""
    mail_from: str = ""  # "": the office's e-mail
    mail_cc_office: str = ""  # "yes": each message copied to the office's own address

    @property
    def is_corporation(self) -> bool:
        if self.kind in KINDS:
            return self.kind == CORPORATION
        return "法人" in self.name

    @property
    def self_reference(self) -> str:
        """How the office calls itself in its letters: 当法人 or 当事務所."""
        return "当法人" if self.is_corporation else "当事務所"

    @property
    def same_reference(self) -> str:
        """How a letter refers back to the office it named: 同法人 or 同事務所."""
        return "同法人" if self.is_corporation else "同事務所"

    def date_text(self, day: dt.date) -> str:
        """A date in the office's chosen style."""
        return dates.wareki(day) if self.date_style == WAREKI else dates.seireki(day)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> OfficeProfile:
        known = {f.name for f in fields(cls)}
        values = {k: str(v).strip() for k, v in data.items() if k in known and v is not None}
        for key in ("phone", "fax"):  # printed as the numbering plan groups them
            if key in values:
                values[key] = phone_numbers.hyphenated(values[key])
        return cls(**values)

    def to_mapping(self) -> dict[str, str]:
        return asdict(self)

    def problems(self) -> list[Problem]:
        """What is missing or wrong for the documents to be printed, in the order of the form.

        The one rule every face uses: the command line, the export and the office dialog.
        """
        out: list[Problem] = []
        for key in FIELD_ORDER:
            value = str(getattr(self, key)).strip()
            if key in REQUIRED_KEYS and not value:
                out.append(
                    Problem(
                        f"事務所情報の「{LABELS[key]}」が未入力です",
                        f"The office profile has no {LABELS_EN[key].lower()}",
                        key,
                    )
                )
            if key == "corporate_number" and value and not corporate_number.is_valid(value):
                out.append(
                    Problem(
                        f"事務所の法人番号 {value} は正しくありません"
                        "（13桁で、先頭のチェックデジットが残り12桁と合うこと）",
                        f"The office's corporate number {value} is not valid "
                        "(13 digits, the first a check digit over the other twelve)",
                        key,
                    )
                )
            if key == "kind" and value and value not in KINDS:
                out.append(
                    Problem(
                        f"事務所の種類「{value}」は corporation（法人）か individual（個人事務所）で"
                        "指定してください",
                        f"The office kind “{value}” must be corporation or individual",
                        key,
                    )
                )
            if key == "date_style" and value not in DATE_STYLES:
                out.append(
                    Problem(
                        f"日付の書き方「{value}」は seireki（西暦）か wareki（和暦）で指定してください",
                        f"The date style “{value}” must be seireki or wareki",
                        key,
                    )
                )
        return out


LABELS: dict[str, str] = {
    "name": "事務所名",
    "kind": "事務所の種類",
    "corporate_number": "法人番号",
    "registration_number": "代表者の社会保険労務士登録番号",
    "representative_title": "代表者の役職",
    "representative_name": "代表者名",
    "postal_code": "郵便番号",
    "address": "所在地",
    "phone": "電話番号",
    "fax": "FAX番号",
    "email": "メールアドレス",
    "contact_person": "担当者",
    "website": "ウェブサイト",
    "date_style": "日付の書き方",
}
LABELS_EN: dict[str, str] = {
    "name": "Office name",
    "kind": "Kind of office",
    "corporate_number": "Corporate number",
    "registration_number": "Representative's registration number",
    "representative_title": "Representative's title",
    "representative_name": "Representative",
    "postal_code": "Postal code",
    "address": "Address",
    "phone": "Phone",
    "fax": "Fax",
    "email": "E-mail",
    "contact_person": "Contact person",
    "website": "Website",
    "date_style": "Date style",
}
FIELD_ORDER: tuple[str, ...] = tuple(LABELS)

# Fields every document prints; the rest are printed when present.
REQUIRED_KEYS: frozenset[str] = frozenset(
    (
        "name",
        "registration_number",
        "representative_title",
        "representative_name",
        "address",
        "phone",
    )
)
REQUIRED: tuple[tuple[str, str], ...] = tuple(
    (key, LABELS[key]) for key in FIELD_ORDER if key in REQUIRED_KEYS
)


def load_office(path: Path) -> OfficeProfile:
    """Read an office profile from TOML (keys at top level or under ``[office]``)."""
    data = _read_toml(path)
    section = data.get("office", data)
    if not isinstance(section, dict):
        raise ProfileError(f"{path.name}: [office] の形式が正しくありません")
    return OfficeProfile.from_mapping(section)


def _read_toml(path: Path) -> dict[str, Any]:
    """An office or incident file: a regular file of at most 1 MB (not /dev/zero, not a pipe)."""
    from noticedesk.core.input_limits import MAX_SETTINGS_BYTES, read_regular_file

    data = read_regular_file(
        Path(path),
        max_bytes=MAX_SETTINGS_BYTES,
        error=ProfileError,
        what=("事務所情報や事案情報", "office or incident"),
    )
    try:
        return tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path.name} を TOML として読めません: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ProfileError(f"{path.name} を読めません: {exc}") from None
