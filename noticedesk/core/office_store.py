"""The office profile kept in the data folder (``office.toml``), saved atomically.

The profile is the office's own public letterhead, not a secret, so it is plain TOML the office
can read and back up. Anything secret would go through ``noticedesk.core.secrets`` instead;
today there is none. A 法人番号 whose check digit is wrong is refused when saved, so a typo is
caught where it is typed rather than on 500 printed letters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import fields, replace
from pathlib import Path

import tomli_w

from noticedesk.core import atomic, phone_numbers
from noticedesk.core.mail.settings import MAIL_KEYS, check_field
from noticedesk.core.office import OfficeProfile, ProfileError, load_office

FILE_NAME = "office.toml"
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(OfficeProfile))


def profile_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def load_office_profile(data_dir: Path) -> OfficeProfile | None:
    """The saved profile, or None when none has been saved yet (ProfileError if unreadable)."""
    path = profile_path(data_dir)
    if not path.exists():
        return None
    return load_office(path)


# Values that are wrong, not merely missing: refused when saved. A missing field may be saved
# (the office fills its profile in over time); the export names it.
_INVALID_FIELDS = frozenset(("corporate_number", "kind", "date_style"))


def validate(profile: OfficeProfile) -> None:
    """Raise ProfileError for a value that must not be saved (the office's one rule)."""
    for problem in profile.problems():
        if problem.field in _INVALID_FIELDS:
            raise ProfileError(problem.message, problem.message_en)


def save_office_profile(data_dir: Path, profile: OfficeProfile) -> None:
    """Write the profile atomically, replacing the previous one (that is what saving means)."""
    validate(profile)
    body = {"office": {k: v for k, v in profile.to_mapping().items() if v}}
    header = "# NoticeDesk: 事務所情報 (office profile)\n"
    path = profile_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, header + tomli_w.dumps(body), overwrite=True)


def with_field(profile: OfficeProfile, key: str, value: str) -> OfficeProfile:
    """A copy with one field changed, normalised and checked; ProfileError names the problem.

    Digits typed full-width (０３-…) become half-width; the 法人番号 loses hyphens and spaces.
    """
    if key not in FIELDS:
        known = ", ".join(FIELDS)
        raise ProfileError(f"「{key}」という項目はありません。使える項目: {known}")
    text = value.strip()
    if key in ("corporate_number", "postal_code", "phone", "fax"):
        text = unicodedata.normalize("NFKC", text)
    if key == "corporate_number":
        text = text.replace("-", "").replace(" ", "")
    if key in ("phone", "fax"):
        text = phone_numbers.hyphenated(text)
    if key in MAIL_KEYS:
        check_field(key, text)  # MailSettingsError, a ProfileError
    updated = replace(profile, **{key: text})
    for problem in updated.problems():
        if problem.field == key and key in _INVALID_FIELDS:
            raise ProfileError(problem.message, problem.message_en)
    return updated
