"""The incident: the facts every notice and the regulator's report are built from.

The nine items of a report to the PPC (個人情報保護法施行規則 8条1項) are all required: a notice
without its 原因 is not the notice the law asks for, so a missing item stops rendering.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from noticedesk.core.dates import parse_date
from noticedesk.core.deadlines import Deadlines, deadlines_for
from noticedesk.core.office import ProfileError, _read_toml

# (key, label): the nine report items in the order of rule art. 8(1).
REPORT_ITEMS: tuple[tuple[str, str], ...] = (
    ("overview", "概要"),
    ("data_items", "漏えい等が発生し、又は発生したおそれがある個人データの項目"),
    ("people", "漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数"),
    ("cause", "原因"),
    ("secondary_damage", "二次被害又はそのおそれの有無及びその内容"),
    ("response_to_individuals", "本人への対応の実施状況"),
    ("publication", "公表の実施状況"),
    ("prevention", "再発防止のための措置"),
    ("other", "その他参考となる事項"),
)

# The five a notice to individuals (本人通知, rule art. 10) must carry at least.
NOTICE_ITEMS: tuple[str, ...] = ("overview", "data_items", "cause", "secondary_damage", "other")


@dataclass(frozen=True, slots=True)
class Incident:
    title: str
    vendor: str
    system: str
    discovered_on: dt.date
    notice_date: dt.date
    unauthorized_purpose: bool
    items: dict[str, str]  # the nine report items as text (data_items joined with 、)
    data_items: tuple[str, ...] = ()
    occurred_on: dt.date | None = None
    vendor_report_url: str = ""
    office_news_url: str = ""
    contact: str = ""  # the office's contact point for questions (お問い合わせ先)
    associations: dict[str, str] = field(default_factory=dict)  # name -> recovery status
    # The days the office filed the 速報 / 確報 with the PPC (None: not filed yet).
    preliminary_filed_on: dt.date | None = None
    final_filed_on: dt.date | None = None

    @property
    def deadlines(self) -> Deadlines:
        return deadlines_for(
            self.discovered_on,
            self.unauthorized_purpose,
            preliminary_filed_on=self.preliminary_filed_on,
            final_filed_on=self.final_filed_on,
        )

    def missing_items(self) -> list[str]:
        """Labels of the report items that are empty."""
        return [label for key, label in REPORT_ITEMS if not self.items.get(key, "").strip()]

    def problems(self) -> list[str]:
        return [f"事案情報の報告事項「{label}」が未入力です" for label in self.missing_items()]


def incident_from_mapping(data: dict[str, Any], origin: str = "incident") -> Incident:
    section = data.get("incident", data)
    items_raw = data.get("items", {})
    if not isinstance(section, dict) or not isinstance(items_raw, dict):
        raise ProfileError(f"{origin}: [incident] と [items] の形式が正しくありません")
    try:
        discovered = parse_date(section["discovered_on"])
        notice_date = parse_date(section.get("notice_date", discovered))
        occurred = parse_date(section["occurred_on"]) if section.get("occurred_on") else None
        preliminary_filed = _optional_date(section, "preliminary_filed_on")
        final_filed = _optional_date(section, "final_filed_on")
    except KeyError as exc:
        raise ProfileError(f"{origin}: {exc.args[0]} (日付) がありません") from None
    except ValueError as exc:
        raise ProfileError(f"{origin}: 日付が読めません ({exc})") from None
    data_items_raw = items_raw.get("data_items", [])
    if isinstance(data_items_raw, str):
        data_items = tuple(
            s.strip() for s in data_items_raw.replace("、", ",").split(",") if s.strip()
        )
    else:
        data_items = tuple(str(s).strip() for s in data_items_raw if str(s).strip())
    items = {key: str(items_raw.get(key, "")).strip() for key, _ in REPORT_ITEMS}
    items["data_items"] = "、".join(data_items)
    associations = data.get("associations", {})
    return Incident(
        title=str(section.get("title", "")).strip(),
        vendor=str(section.get("vendor", "")).strip(),
        system=str(section.get("system", "")).strip(),
        discovered_on=discovered,
        notice_date=notice_date,
        unauthorized_purpose=bool(section.get("unauthorized_purpose", False)),
        items=items,
        data_items=data_items,
        occurred_on=occurred,
        vendor_report_url=str(section.get("vendor_report_url", "")).strip(),
        office_news_url=str(section.get("office_news_url", "")).strip(),
        contact=str(section.get("contact", "")).strip(),
        associations={str(k): str(v).strip() for k, v in associations.items()},
        preliminary_filed_on=preliminary_filed,
        final_filed_on=final_filed,
    )


def _optional_date(section: dict[str, Any], key: str) -> dt.date | None:
    """A date that may be absent or empty (TOML has no null: "" also means not set)."""
    value = section.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def load_incident(path: Path) -> Incident:
    return incident_from_mapping(_read_toml(path), origin=path.name)
