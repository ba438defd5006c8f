"""Who gets what, and who does not (and why), before anything is sent.

One message per client, carrying the documents that apply to it (``kinds_for``), addressed to
the roster's e-mail addresses (``addresses``). A client is left out, with the reason shown, when:

- ``already_sent``: its last message was accepted by the server, or every one of its documents
  is already 送付済 (marked by hand: posted, handed over);
- ``uncertain``: a message to it was handed to the server when a run stopped (crash, power cut,
  the connection dropped right after the message): it may have arrived;
- ``no_address`` / ``invalid_address``: the roster has no address, or none that can be used.

Decision, never twice without an explicit confirmation: an ``already_sent`` or ``uncertain``
client is sent to again only when named in ``resend`` (the window's and the command line's
explicit confirmation). An ``uncertain`` message sent again keeps its Message-ID and Date, so
the recipient's system can tell it is the same message. Alternatively the office, having found
it in its sent mail or the server's log, records it as sent (``confirm_sent``), which sends
nothing. A client whose last message failed for good, or who only has a draft, is planned as
usual: nothing reached it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from noticedesk.core.case.mail_records import SENDING, SENT, MailRecord
from noticedesk.core.case.records import CaseClient, DocumentStatus
from noticedesk.core.clients import Client
from noticedesk.core.documents.kinds import kinds_for
from noticedesk.core.mail.addresses import recipients


class Reason(StrEnum):
    SEND = "send"
    RESEND = "resend"  # sent again on the office's explicit confirmation
    ALREADY_SENT = "already_sent"
    UNCERTAIN = "uncertain"
    NO_ADDRESS = "no_address"
    INVALID_ADDRESS = "invalid_address"

    @property
    def label(self) -> str:
        return REASON_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return REASON_LABELS[self][1]


REASON_LABELS: dict[Reason, tuple[str, str]] = {
    Reason.SEND: ("送信する", "to be sent"),
    Reason.RESEND: ("再送する（確認済み）", "to be sent again (confirmed)"),
    Reason.ALREADY_SENT: ("送付済", "already sent"),
    Reason.UNCERTAIN: (
        "送信結果不明（中断時に送信中）",
        "outcome unknown (being sent when a run stopped)",
    ),
    Reason.NO_ADDRESS: ("メールアドレスなし", "no e-mail address"),
    Reason.INVALID_ADDRESS: ("メールアドレスが正しくない", "invalid e-mail address"),
}


@dataclass(frozen=True, slots=True)
class PlannedMail:
    client: Client
    kinds: tuple[str, ...]
    to: tuple[str, ...]
    invalid: tuple[str, ...]  # addresses of the roster that are not used
    reason: Reason
    previous: MailRecord | None = None

    @property
    def will_send(self) -> bool:
        return self.reason in (Reason.SEND, Reason.RESEND)

    @property
    def key(self) -> str:
        return self.client.key


@dataclass(frozen=True, slots=True)
class MailPlan:
    entries: tuple[PlannedMail, ...]

    @property
    def to_send(self) -> list[PlannedMail]:
        return [e for e in self.entries if e.will_send]

    @property
    def not_sent(self) -> list[PlannedMail]:
        return [e for e in self.entries if not e.will_send]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys((r.value for r in Reason), 0)
        for entry in self.entries:
            out[entry.reason.value] += 1
        return out


def plan_mail(
    entries: Sequence[CaseClient],
    records: Mapping[str, MailRecord],
    kinds: Sequence[str],
    *,
    clients: Collection[str] | None = None,
    resend: Collection[str] = (),
) -> MailPlan:
    """The plan for the case's clients (``clients``: only these keys), in roster order."""
    wanted = None if clients is None else set(clients)
    again = set(resend)
    out = []
    for entry in entries:
        if wanted is not None and entry.key not in wanted:
            continue
        client = entry.client
        chosen = tuple(kinds_for(entry.individual, list(kinds)))
        found = recipients(client.email)
        previous = records.get(entry.key)
        reason = Reason.SEND
        if previous is not None and previous.state == SENDING:
            reason = Reason.UNCERTAIN
        elif (previous is not None and previous.state == SENT) or (
            chosen and all(entry.status(k).status is DocumentStatus.SENT for k in chosen)
        ):
            reason = Reason.ALREADY_SENT
        if reason is not Reason.SEND and entry.key in again:
            reason = Reason.RESEND
        if reason in (Reason.SEND, Reason.RESEND) and not found.valid:
            reason = Reason.INVALID_ADDRESS if found.invalid else Reason.NO_ADDRESS
        out.append(PlannedMail(client, chosen, found.valid, found.invalid, reason, previous))
    return MailPlan(tuple(out))


__all__ = ["REASON_LABELS", "MailPlan", "PlannedMail", "Reason", "plan_mail"]
