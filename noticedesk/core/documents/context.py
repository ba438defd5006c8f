"""What a template can print: the render context for one client.

Plain dicts, lists, strings, booleans and dates only, so the same context works in a worker
process and can be checked against a template's tags. Names a template uses:

- ``client``: name, code, postal_code, address, phone, contact_person, email,
  corporate_number, employees, association, individual, in_association
- ``office``: every field of the office profile, plus ``representative`` (title and name)
- ``incident``: title, vendor, system, occurred_on, discovered_on, notice_date,
  unauthorized_purpose, vendor_report_url, office_news_url, contact
- ``item``: the nine report items by key (``item.cause``); ``item.people`` is this client's
- ``report_items``: the nine as a list of ``{no, key, label, value}`` for a table-row loop
- ``data_items``: the data items one by one, for a paragraph loop
- ``deadlines``: preliminary, final (dates), final_days
- ``dates``: notice (the letter's date), discovered
- ``association``: name, status (the recovery status from the incident, empty if unknown)

Dates are ``datetime.date``; templates print them with ``|wareki`` or ``|seireki``. The key is
``item``, not ``items``: ``items`` would collide with the dict method of the same name in Jinja.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from noticedesk.core.clients import CLIENT_TEXT_FIELDS, Client
from noticedesk.core.deadlines import FINAL_DAYS, FINAL_DAYS_UNAUTHORIZED
from noticedesk.core.documents.xml_text import xml_safe_tree
from noticedesk.core.incident import REPORT_ITEMS, Incident
from noticedesk.core.office import OfficeProfile


class RosterColumns(dict[str, str]):
    """A client's extra roster columns, by header as written (``{{ client.extra["備考"] }}``).

    A column this roster lacks prints as blank rather than stopping the export: an office's own
    template may name a column that only some of its rosters carry.
    """

    def __missing__(self, key: str) -> str:
        return ""


def people_for(client: Client, incident: Incident) -> str:
    """本人の数 for this client.

    Decision: the incident's description of who is affected stays (it covers former employees
    and dependants, which a headcount does not), and the client's headcount from the roster is
    added when known, so the client sees a number without the letter understating the scope.
    """
    people = incident.items.get("people", "")
    count = client.employees.strip()
    if not count:
        return people
    suffix = "名" if count.isdigit() else ""
    if not people:
        return f"{count}{suffix}"
    return f"{people}（貴社の在籍従業員数：{count}{suffix}）"


def build_context(client: Client, office: OfficeProfile, incident: Incident) -> dict[str, Any]:
    """The context for one client's documents, every string made XML-safe."""
    item = dict(incident.items)
    item["people"] = people_for(client, incident)
    deadlines = incident.deadlines
    client_ctx: dict[str, Any] = {name: getattr(client, name) for name in CLIENT_TEXT_FIELDS}
    client_ctx["individual"] = client.individual
    client_ctx["in_association"] = client.in_association
    office_ctx: dict[str, Any] = {f.name: getattr(office, f.name) for f in fields(office)}
    office_ctx["representative"] = "　".join(
        part for part in (office.representative_title, office.representative_name) if part
    )
    context: dict[str, Any] = {
        "client": client_ctx,
        "office": office_ctx,
        "incident": {
            "title": incident.title,
            "vendor": incident.vendor,
            "system": incident.system,
            "occurred_on": incident.occurred_on or incident.discovered_on,
            "discovered_on": incident.discovered_on,
            "notice_date": incident.notice_date,
            "unauthorized_purpose": incident.unauthorized_purpose,
            "vendor_report_url": incident.vendor_report_url,
            "office_news_url": incident.office_news_url,
            "contact": incident.contact,
        },
        "item": item,
        "report_items": [
            {"no": number, "key": key, "label": label, "value": item.get(key, "")}
            for number, (key, label) in enumerate(REPORT_ITEMS, start=1)
        ],
        "data_items": list(incident.data_items),
        "deadlines": {
            "preliminary": deadlines.preliminary.due,
            "final": deadlines.final.due,
            "final_days": FINAL_DAYS_UNAUTHORIZED if incident.unauthorized_purpose else FINAL_DAYS,
        },
        "dates": {"notice": incident.notice_date, "discovered": incident.discovered_on},
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
    )
