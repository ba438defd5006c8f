"""The incident: the facts every notice and the regulator's report are built from.

The nine items of a report to the PPC (個人情報保護法施行規則 8条1項) are all required for the
documents: a notice without its 原因 is not the notice the law asks for. An incident may still be
saved half-filled (on day 1 the office needs the deadlines before it knows the cause); the
export then names what is missing (``problems``), in one rule every face uses.

Decisions:
- **発生日 may be unknown.** Left blank it prints as 不明（調査中）, never as a copy of the
  discovery date.
- **The clients' clock.** A client that reports to the PPC itself learned of the event when the
  office told it: ``clients_notified_on`` (the office's first notice, 法26条1項ただし書・規則9条)
  is day 1 of that client's own deadlines, and is required once any client reports individually.
- **Deadline overrides** are the office's professional call and are kept with the incident; the
  computed date and its rule stay visible beside them (``deadlines``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from noticedesk.core import phone_numbers
from noticedesk.core.dates import parse_date
from noticedesk.core.deadlines import Deadline, Deadlines, deadlines_for, final_deadline
from noticedesk.core.deadlines import preliminary_deadline as preliminary_for
from noticedesk.core.office import ProfileError, _read_toml
from noticedesk.core.problems import Problem

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
REPORT_ITEMS_EN: dict[str, str] = {
    "overview": "overview",
    "data_items": "personal data items",
    "people": "number of people",
    "cause": "cause",
    "secondary_damage": "secondary damage or its risk",
    "response_to_individuals": "steps taken toward the people",
    "publication": "public announcement",
    "prevention": "measures against recurrence",
    "other": "other useful information",
}

# What the regulator's list does with a client that has not answered the reply slip
# (``noticedesk.core.case.answers.SilenceRule``): the joint report, or held until it answers.
SILENCE_RULES: tuple[str, ...] = ("joint", "hold")

# The five a notice to individuals (本人通知, 規則10条) must carry at least.
NOTICE_ITEMS: tuple[str, ...] = ("overview", "data_items", "cause", "secondary_damage", "other")

# Dates of the incident section: (key, required, Japanese label, English label).
DATE_FIELDS: tuple[tuple[str, bool, str, str], ...] = (
    ("discovered_on", True, "発覚日（事態を知った日）", "discovery date"),
    ("notice_date", True, "文書の日付", "date on the documents"),
    ("occurred_on", False, "発生日", "date of occurrence"),
    ("clients_notified_on", False, "委託元への第一報の日", "date of the first notice to clients"),
    ("preliminary_filed_on", False, "速報の提出日", "preliminary report filed on"),
    ("final_filed_on", False, "確報の提出日", "final report filed on"),
    ("preliminary_due_override", False, "速報の期限（事務所の設定）", "preliminary deadline set"),
    ("final_due_override", False, "確報の期限（事務所の設定）", "final deadline set"),
    ("reply_by", False, "回答書の返送期限", "reply-by date"),
)
# Text fields of the incident section: (key, Japanese label, English label).
TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("title", "件名", "title"),
    ("vendor", "システム提供事業者", "vendor"),
    ("system", "システム名", "system"),
    ("employee_overview", "従業員向けの概要（補足）", "overview for employees"),
    ("service_status", "業務再開・復旧の状況", "restart of the service"),
    ("vendor_report_url", "提供事業者の公表のURL", "vendor's report URL"),
    ("office_news_url", "事務所のお知らせのURL", "office's news URL"),
    ("contact", "お問い合わせ窓口の名称", "contact desk"),
    ("contact_phone", "窓口の電話番号", "contact phone"),
    ("contact_email", "窓口のメールアドレス", "contact e-mail"),
    ("contact_hours", "窓口の受付時間", "contact hours"),
)
LABELS: dict[str, str] = {
    **{key: ja for key, _req, ja, _en in DATE_FIELDS},
    **{key: ja for key, ja, _en in TEXT_FIELDS},
    "unauthorized_purpose": "不正の目的をもって行われたおそれ（規則7条3号）",
    "silence_rule": "回答のない顧問先の扱い",
    **{key: label for key, label in REPORT_ITEMS},
}
LABELS_EN: dict[str, str] = {
    **{key: en for key, _req, _ja, en in DATE_FIELDS},
    **{key: en for key, _ja, en in TEXT_FIELDS},
    "unauthorized_purpose": "unauthorized purpose (rule art. 7 no. 3)",
    "silence_rule": "clients who do not answer",
    **REPORT_ITEMS_EN,
}


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
    occurred_on: dt.date | None = None  # None: unknown (printed 不明（調査中）)
    vendor_report_url: str = ""
    office_news_url: str = ""
    contact: str = ""  # the contact desk for questions (お問い合わせ窓口); else the office
    contact_phone: str = ""  # else the office's phone
    contact_email: str = ""  # else the office's e-mail
    contact_hours: str = ""  # e.g. 平日9時～17時
    associations: dict[str, str] = field(default_factory=dict)  # name -> recovery status
    # The days the office filed the 速報 / 確報 with the PPC (None: not filed yet).
    preliminary_filed_on: dt.date | None = None
    final_filed_on: dt.date | None = None
    # The office's own deadlines where it decided otherwise than the rule (None: the rule's).
    preliminary_due_override: dt.date | None = None
    final_due_override: dt.date | None = None
    # The day the office first told its clients (委託元への第一報); day 1 for a client that
    # reports individually.
    clients_notified_on: dt.date | None = None
    employee_overview: str = ""  # added to the employees' overview, in neutral wording
    service_status: str = ""  # the restart of the service (業務再開), one paragraph
    # The day clients are asked to return the reply slip by (None: the slip names no date),
    # and what silence means for the regulator's list: "joint" or "hold" (``case.answers``).
    reply_by: dt.date | None = None
    silence_rule: str = "joint"

    @property
    def deadlines(self) -> Deadlines:
        return deadlines_for(
            self.discovered_on,
            self.unauthorized_purpose,
            preliminary_filed_on=self.preliminary_filed_on,
            final_filed_on=self.final_filed_on,
            preliminary_override=self.preliminary_due_override,
            final_override=self.final_due_override,
        )

    def client_deadlines(self) -> Deadlines | None:
        """A self-reporting client's own deadlines, counted from the office's first notice
        (the day the client learned of the event); None while that date is not entered."""
        if self.clients_notified_on is None:
            return None
        day_one = self.clients_notified_on
        return Deadlines(
            preliminary=preliminary_for(day_one),
            final=final_deadline(day_one, self.unauthorized_purpose),
        )

    @property
    def subject(self) -> str:
        """The title as a noun phrase that reads naturally inside a sentence."""
        return subject_phrase(self.title)

    def missing_items(self) -> list[str]:
        """Labels of the report items that are empty."""
        return [label for key, label in REPORT_ITEMS if not self.items.get(key, "").strip()]

    def problems(self, *, individual_clients: bool = False) -> list[Problem]:
        """Everything that stops the documents, with the field at fault.

        ``individual_clients``: some client reports individually, so its guide needs the day the
        office first told the clients.
        """
        out: list[Problem] = []
        for key in ("title", "vendor", "system"):
            if not getattr(self, key).strip():
                out.append(_missing(key))
        for key, _label in REPORT_ITEMS:
            if not self.items.get(key, "").strip():
                out.append(_missing(key))
        if individual_clients and self.clients_notified_on is None:
            out.append(
                Problem(
                    "個別に報告する顧問先があるため、「委託元への第一報の日」を入力してください"
                    "（その顧問先の報告期限はこの日から数えます）",
                    "Some clients report individually: enter the date of the first notice to "
                    "clients (their own deadlines count from it)",
                    "clients_notified_on",
                )
            )
        out.extend(self.date_problems())
        return out

    def date_problems(self) -> list[Problem]:
        """Dates that cannot be right: before the event was known, or occurred after it."""
        out: list[Problem] = []
        before_discovery = (
            "notice_date",
            "clients_notified_on",
            "preliminary_filed_on",
            "final_filed_on",
            "preliminary_due_override",
            "final_due_override",
        )
        for key in before_discovery:
            day: dt.date | None = getattr(self, key)
            if day is not None and day < self.discovered_on:
                out.append(
                    Problem(
                        f"「{LABELS[key]}」が発覚日より前になっています",
                        f"The {LABELS_EN[key]} is before the discovery date",
                        key,
                    )
                )
        if self.reply_by is not None and self.reply_by < self.notice_date:
            out.append(
                Problem(
                    "「回答書の返送期限」が文書の日付より前になっています",
                    "The reply-by date is before the date on the documents",
                    "reply_by",
                )
            )
        if self.occurred_on is not None and self.occurred_on > self.discovered_on:
            out.append(
                Problem(
                    "「発生日」が発覚日より後になっています",
                    "The date of occurrence is after the discovery date",
                    "occurred_on",
                )
            )
        return out


def _missing(key: str) -> Problem:
    if key in REPORT_ITEMS_EN:
        return Problem(
            f"事案情報の報告事項「{LABELS[key]}」が未入力です",
            f"The incident has no report item “{REPORT_ITEMS_EN[key]}”",
            key,
        )
    return Problem(
        f"事案情報の「{LABELS[key]}」が未入力です",
        f"The incident has no {LABELS_EN[key]}",
        key,
    )


# Endings that make a title a sentence or a heading rather than a noun: stripped, longest
# first, so 「…について」 reads 「…に関し」 without doubling and 「…のお知らせ」 is not announced
# twice.
_TITLE_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        (
            "についてのお知らせ",
            "に関するお知らせ",
            "に関するご報告",
            "に関するお詫び",
            "についてのご報告",
            "についてのお詫び",
            "に関するご連絡",
            "に関する件",
            "についての件",
            "について",
            "に関して",
            "に関し",
            "のお知らせ",
            "のご報告",
            "のご連絡",
            "のお詫び",
            "の件",
            "が発生しました",
            "が発生いたしました",
        ),
        key=len,
        reverse=True,
    )
)


def subject_phrase(title: str) -> str:
    """「利用システム障害について」 → 「利用システム障害」: the title as a noun phrase.

    Trailing punctuation and brackets the office typed (「」, 。, ：) go too, so the phrase can sit
    inside 「この度の…に関し」 whatever the office wrote.
    """
    text = title.strip()
    previous = None
    while text != previous:
        previous = text
        text = text.strip("「」『』\"'。．.：:　 、,")
        for ending in _TITLE_ENDINGS:
            if text.endswith(ending) and len(text) > len(ending):
                text = text[: -len(ending)]
                break
    return text


def incident_from_mapping(data: dict[str, Any], origin: str = "incident") -> Incident:
    """An incident from TOML's shape: ``[incident]``, ``[items]``, ``[associations]``."""
    section = data.get("incident", data)
    items_raw = data.get("items", {})
    if not isinstance(section, dict) or not isinstance(items_raw, dict):
        raise ProfileError(f"{origin}: [incident] と [items] の形式が正しくありません")
    try:
        discovered = parse_date(section["discovered_on"])
        notice_date = parse_date(section.get("notice_date", discovered))
        optional = {
            key: _optional_date(section, key)
            for key, required, _ja, _en in DATE_FIELDS
            if not required
        }
    except KeyError as exc:
        raise ProfileError(f"{origin}: {exc.args[0]} (日付) がありません") from None
    except ValueError as exc:
        raise ProfileError(f"{origin}: 日付が読めません ({exc})") from None
    data_items_raw = items_raw.get("data_items", [])
    if isinstance(data_items_raw, str):
        data_items = split_data_items(data_items_raw)
    else:
        data_items = tuple(str(s).strip() for s in data_items_raw if str(s).strip())
    items = {key: str(items_raw.get(key, "")).strip() for key, _ in REPORT_ITEMS}
    items["data_items"] = "、".join(data_items)
    associations = data.get("associations", {})
    if not isinstance(associations, dict):
        raise ProfileError(f"{origin}: [associations] の形式が正しくありません")
    values: dict[str, Any] = {
        key: str(section.get(key, "")).strip() for key, _ja, _en in TEXT_FIELDS
    }
    values["contact_phone"] = phone_numbers.hyphenated(values["contact_phone"])
    values.update(optional)
    values["silence_rule"] = str(section.get("silence_rule", "joint")).strip() or "joint"
    if values["silence_rule"] not in SILENCE_RULES:
        raise ProfileError(
            f"{origin}: silence_rule は joint（共同報告に含める）か hold（回答まで一覧に載せない）"
            "で指定してください"
        )
    return Incident(
        discovered_on=discovered,
        notice_date=notice_date,
        unauthorized_purpose=bool(section.get("unauthorized_purpose", False)),
        items=items,
        data_items=data_items,
        associations={str(k).strip(): str(v).strip() for k, v in associations.items()},
        **values,
    )


def incident_to_mapping(incident: Incident) -> dict[str, Any]:
    """A mapping ``incident_from_mapping`` reads back into an equal Incident (TOML-ready)."""
    items: dict[str, Any] = {key: incident.items.get(key, "") for key, _ in REPORT_ITEMS}
    items["data_items"] = list(incident.data_items) or incident.items.get("data_items", "")
    section: dict[str, Any] = {key: getattr(incident, key) for key, _ja, _en in TEXT_FIELDS}
    section["unauthorized_purpose"] = incident.unauthorized_purpose
    section["silence_rule"] = incident.silence_rule
    # Dates as ISO text; an unset one is left out (TOML has no null).
    for key, _required, _ja, _en in DATE_FIELDS:
        day: dt.date | None = getattr(incident, key)
        if day is not None:
            section[key] = day.isoformat()
    return {"incident": section, "items": items, "associations": dict(incident.associations)}


def split_data_items(text: str) -> tuple[str, ...]:
    """Data items typed as one text: separated by 、 , ， or new lines."""
    for separator in (",", "，", "\n"):
        text = text.replace(separator, "、")
    return tuple(s.strip() for s in text.split("、") if s.strip())


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


__all__ = [
    "NOTICE_ITEMS",
    "REPORT_ITEMS",
    "Deadline",
    "Incident",
    "incident_from_mapping",
    "incident_to_mapping",
    "load_incident",
    "subject_phrase",
]
