"""The office's own details (事務所情報) that every document carries."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from noticedesk.core import corporate_number
from noticedesk.core.user_error import UserError


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

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> OfficeProfile:
        known = {f.name for f in fields(cls)}
        values = {k: str(v).strip() for k, v in data.items() if k in known and v is not None}
        return cls(**values)

    def to_mapping(self) -> dict[str, str]:
        return asdict(self)

    def problems(self) -> list[str]:
        """What is missing or wrong for the documents to be printed, one line each (Japanese)."""
        out = [
            f"事務所情報の「{label}」({key}) が未入力です"
            for key, label in REQUIRED
            if not getattr(self, key)
        ]
        if self.corporate_number and not corporate_number.is_valid(self.corporate_number):
            out.append(f"事務所の法人番号 {self.corporate_number} はチェックデジットが合いません")
        return out


# Fields every document prints; the rest are printed when present.
REQUIRED: tuple[tuple[str, str], ...] = (
    ("name", "事務所名"),
    ("registration_number", "登録番号"),
    ("representative_title", "代表者の役職"),
    ("representative_name", "代表者名"),
    ("address", "所在地"),
    ("phone", "電話番号"),
)

LABELS: dict[str, str] = {
    "name": "事務所名",
    "corporate_number": "法人番号",
    "registration_number": "登録番号",
    "representative_title": "代表者の役職",
    "representative_name": "代表者名",
    "postal_code": "郵便番号",
    "address": "所在地",
    "phone": "電話番号",
    "fax": "FAX番号",
    "email": "メールアドレス",
    "contact_person": "担当者",
    "website": "ウェブサイト",
}


def load_office(path: Path) -> OfficeProfile:
    """Read an office profile from TOML (keys at top level or under ``[office]``)."""
    data = _read_toml(path)
    section = data.get("office", data)
    if not isinstance(section, dict):
        raise ProfileError(f"{path.name}: [office] の形式が正しくありません")
    return OfficeProfile.from_mapping(section)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ProfileError(f"ファイルが見つかりません: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path.name} を TOML として読めません: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path.name} を読めません: {exc}") from None
