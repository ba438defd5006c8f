"""What a template can print: the render context for one client.

Plain dicts, lists, strings, booleans and dates only, so the same context works in a worker
process and can be checked against a template's tags. Names a template uses:

- ``client``: name (legal form written out: ㈱ → 株式会社), name_as_listed (the roster's own
  spelling), code, postal_code, address, phone, contact_person, email, corporate_number,
  employees, association, people, representative, individual, in_association, and its voice:
  ``self`` (当社・当法人・当会…, how the client calls itself) and ``other`` (貴社・貴法人・貴会…)
- ``office``: every field of the office profile, plus ``representative`` (title and name),
  ``self`` (当法人 or 当事務所), ``same`` (同法人 or 同事務所), ``is_corporation``
- ``incident``: title, subject (the title as a noun phrase), vendor, system, occurred_on (None
  when unknown), discovered_on, notice_date, clients_notified_on, unauthorized_purpose,
  vendor_report_url, office_news_url, service_status, employee_overview, reply_by,
  silence_joint (silence on the reply slip means the joint report: ``case.answers``)
- ``contact``: desk, phone, email, hours — the incident's contact desk, the office's details
  where it has none
- ``item``: the nine report items by key (``item.cause``); ``item.people`` is this client's;
  addressed to the client (the office's 貴社 becomes 貴法人, 貴会 … by the client's form)
- ``employee``: overview, cause, secondary_damage, other — the same texts as the client's
  notice to its employees says them (貴社 → 当社…, the office's 当法人 → its name)
- ``report_items``: the nine as a list of ``{no, key, label, value}`` for a table-row loop
- ``data_items``: the data items one by one; ``advice``: what people can do to protect
  themselves, one sentence each
- ``deadlines``: the office's ``preliminary``/``final`` (dates), their ``*_basis`` (the rule
  used, in words), ``*_filed`` (dates or None), ``final_days``; ``client_preliminary``/
  ``client_final`` and their bases: a self-reporting client's own deadlines (None when the
  first notice's date is not entered)
- ``joint``: the client's row in the regulator's list as ``{label, value}`` pairs
- ``dates``: notice (the letter's date), discovered, clients_notified, ``blank`` (a date line
  left for the client to fill in), reply_by (the reply slip's return date, None when not set),
  today (the day of writing: the reminder's date)
- ``association``: name, status (the recovery status from the incident, empty if unknown)

Dates are ``datetime.date``; templates print them with ``|date`` (the office's style, 西暦 or
和暦), or ``|wareki`` / ``|seireki`` to force one. The key is ``item``, not ``items``: ``items``
would collide with the dict method of the same name in Jinja.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

from noticedesk.core import joint_report
from noticedesk.core.advice import protective_advice
from noticedesk.core.clients import CLIENT_TEXT_FIELDS, Client
from noticedesk.core.deadlines import Deadline, final_days
from noticedesk.core.documents.xml_text import xml_safe_tree
from noticedesk.core.incident import REPORT_ITEMS, Incident
from noticedesk.core.legal_forms import Voice
from noticedesk.core.office import WAREKI, OfficeProfile


class RosterColumns(dict[str, str]):
    """A client's extra roster columns, by header as written (``{{ client.extra["備考"] }}``).

    A column this roster lacks prints as blank rather than stopping the export: an office's own
    template may name a column that only some of its rosters carry.
    """

    def __missing__(self, key: str) -> str:
        return ""


def people_for(client: Client, incident: Incident) -> str:
    """本人の数 for this client (規則8条1項3号 asks for a number).

    The roster's 対象者数 when known, with the incident's description of whom it counts; when
    unknown, the letter says so rather than print the headcount as if it were the count.
    """
    scope = incident.items.get("people", "").strip()
    count = people_count(client) if client.people.strip() else "人数は確認中です"
    return f"{count}\n対象：{scope}" if scope else count


def people_count(client: Client) -> str:
    """The client's 対象者数 as a letter prints it: 1,234名, as written, or 確認中."""
    count = client.people.strip()
    if count.isdigit():
        return f"{int(count):,}名"
    return count or "確認中"


def _deadline_pair(prefix: str, deadline: Deadline | None, office: OfficeProfile) -> dict[str, Any]:
    if deadline is None:
        return {prefix: None, f"{prefix}_basis": ""}
    return {prefix: deadline.due, f"{prefix}_basis": deadline.basis(office.date_text)}


def _blank_date(office: OfficeProfile) -> str:
    """A date line for the client to fill in by hand, in the office's date style."""
    return "令和　　年　　月　　日" if office.date_style == WAREKI else "　　　　年　　月　　日"


def addressed_to_client(text: str, voice: Voice) -> str:
    """The office's text as a letter to this client reads it: 貴社 → 貴法人, 貴会 ….

    Offices write their incident texts once, addressing a company (貴社); each client's letter
    uses its own form of address.
    """
    return text.replace("貴社", voice.other) if voice.other != "貴社" else text


def in_client_voice(text: str, voice: Voice, office: OfficeProfile) -> str:
    """The office's text as the client's notice to its employees says it.

    The client speaks: what the office called 貴社 is the client itself (当社, 当法人 …), and
    the office, a third party here, is named rather than called 当法人.
    """
    return text.replace(office.self_reference, office.name).replace("貴社", voice.self)


def today() -> dt.date:
    """The day a reminder is dated: the day it is written."""
    return dt.date.today()


def build_context(client: Client, office: OfficeProfile, incident: Incident) -> dict[str, Any]:
    """The context for one client's documents, every string made XML-safe."""
    voice = client.voice
    item = {key: addressed_to_client(text, voice) for key, text in incident.items.items()}
    item["people"] = addressed_to_client(people_for(client, incident), voice)
    employee = {
        key: in_client_voice(incident.items.get(key, ""), voice, office)
        for key in ("cause", "secondary_damage", "other")
    }
    employee["overview"] = in_client_voice(incident.employee_overview, voice, office)
    advice = protective_advice(incident.data_items)
    deadlines = incident.deadlines
    client_deadlines = incident.client_deadlines()

    client_ctx: dict[str, Any] = {name: getattr(client, name) for name in CLIENT_TEXT_FIELDS}
    client_ctx.update(
        name=client.printed_name,
        name_as_listed=client.name,
        individual=client.individual,
        in_association=client.in_association,
        self=voice.self,
        other=voice.other,
        people_count=people_count(client),
    )
    office_ctx: dict[str, Any] = {f.name: getattr(office, f.name) for f in fields(office)}
    office_ctx.update(
        representative="　".join(
            part for part in (office.representative_title, office.representative_name) if part
        ),
        self=office.self_reference,
        same=office.same_reference,
        is_corporation=office.is_corporation,
    )
    context: dict[str, Any] = {
        "client": client_ctx,
        "office": office_ctx,
        "incident": {
            "title": incident.title,
            "subject": incident.subject,
            "vendor": incident.vendor,
            "system": incident.system,
            "occurred_on": incident.occurred_on,
            "discovered_on": incident.discovered_on,
            "notice_date": incident.notice_date,
            "clients_notified_on": incident.clients_notified_on,
            "unauthorized_purpose": incident.unauthorized_purpose,
            "vendor_report_url": incident.vendor_report_url,
            "office_news_url": incident.office_news_url,
            "service_status": addressed_to_client(incident.service_status, voice),
            "employee_overview": employee["overview"],
            "contact": incident.contact or office.name,
            "reply_by": incident.reply_by,
            "silence_joint": incident.silence_rule != "hold",
        },
        "contact": {
            "desk": incident.contact or office.name,
            "phone": incident.contact_phone or office.phone,
            "email": incident.contact_email or office.email,
            "hours": incident.contact_hours,
        },
        "item": item,
        "employee": employee,
        "report_items": [
            {"no": number, "key": key, "label": label, "value": item.get(key, "")}
            for number, (key, label) in enumerate(REPORT_ITEMS, start=1)
        ],
        "data_items": list(incident.data_items),
        "advice": advice,
        "deadlines": {
            **_deadline_pair("preliminary", deadlines.preliminary, office),
            **_deadline_pair("final", deadlines.final, office),
            "preliminary_filed": incident.preliminary_filed_on,
            "final_filed": incident.final_filed_on,
            "final_days": final_days(incident.unauthorized_purpose),
            **_deadline_pair(
                "client_preliminary",
                client_deadlines.preliminary if client_deadlines else None,
                office,
            ),
            **_deadline_pair(
                "client_final", client_deadlines.final if client_deadlines else None, office
            ),
        },
        "joint": [
            {"label": label, "value": _listed(label, value, client)}
            for label, value in joint_report.list_values(client)
        ],
        "dates": {
            "notice": incident.notice_date,
            "discovered": incident.discovered_on,
            "clients_notified": incident.clients_notified_on,
            "blank": _blank_date(office),
            "reply_by": incident.reply_by,
            "today": today(),
        },
        "association": {
            "name": client.association,
            "status": incident.associations.get(client.association, "")
            if client.association
            else "",
        },
    }
    cleaned: dict[str, Any] = xml_safe_tree(context)
    cleaned["client"]["extra"] = RosterColumns(xml_safe_tree(client.extra))
    return cleaned


def _listed(label: str, value: str, client: Client) -> str:
    """A value of the client's row in the regulator's list, as the cover letter shows it."""
    if label == "本人の数":
        return people_count(client)
    return value or "（未記載）"


def sample_client() -> Client:
    """A client with every field filled, for checking templates before any roster is read."""
    return Client(
        row=0,
        name="見本株式会社",
        code="S0001",
        postal_code="100-0001",
        address="東京都千代田区千代田1番1号",
        phone="03-0000-0000",
        contact_person="見本　太郎",
        email="sample@example.jp",
        corporate_number="1000000000000",
        employees="10",
        association="見本SR経営労務センター",
        individual=True,
        people="25",
        representative="代表取締役　見本　一郎",
    )
