"""The office's joint report (連名報告) and the list of clients attached to it.

A processor and its controllers may report together (連名で報告, 通則編 3-5-3-2): the office
files one report and attaches the clients it reports for. The rule of who is in it and what
the list says about each client lives here, so the regulator's list, the cover letter that
tells each client what goes to the PPC, and the totals are the same by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from noticedesk.core.clients import Client

# (header in the list, how a client's value is read) — in the list's column order.
LIST_COLUMNS: tuple[tuple[str, str], ...] = (
    ("名称", "printed_name"),
    ("郵便番号", "postal_code"),
    ("所在地", "address"),
    ("電話番号", "phone"),
    ("法人番号", "corporate_number"),
    ("本人の数", "people"),
)


def joint_clients(clients: Sequence[Client]) -> list[Client]:
    """The clients in the joint report: everyone who did not opt to report individually."""
    return [c for c in clients if not c.individual]


def list_values(client: Client) -> list[tuple[str, str]]:
    """(header, value) of the client's row in the list, exactly as the list prints it."""
    return [(header, str(getattr(client, attr))) for header, attr in LIST_COLUMNS]


@dataclass(frozen=True, slots=True)
class JointTotals:
    clients: int
    people: int  # the sum over the clients whose count is known
    unknown: int  # clients whose count is not known (blank or not a number)


def totals(clients: Sequence[Client]) -> JointTotals:
    joint = joint_clients(clients)
    known = [int(c.people) for c in joint if c.people.isdigit()]
    return JointTotals(clients=len(joint), people=sum(known), unknown=len(joint) - len(known))
