"""What the case keeps about each client's e-mail: sealed records, one per client.

Each client's last message is the record ``mail|<keyed hash of the client key>``, sealed with
the case key and bound to that name (like the decisions of ``decision_records``), so it counts
in the seal's totals and a deleted or edited record is named by ``noticedesk log --verify``.

The states, and why there are two records per message sent:

- ``sending``: written and on disk **before** the message is handed to the server, with its
  Message-ID, Date, recipients and documents;
- ``sent``: written when the server accepted it; the documents' statuses become 送付済 in the
  same transaction, and the log names the client, documents, recipients and Message-ID;
- ``failed``: the server refused it for good (5xx) or it could not be made; nothing went;
- ``draft``: an ``.eml`` draft was written for Outlook or Thunderbird (nothing sent yet).

A record still ``sending`` when a run starts is a message whose fate is unknown: the program
stopped (crash, power cut, kill) between handing it over and hearing the answer. See
``core.mail.plan`` for what is done with it. A record replaced by a later one keeps the earlier
ones in ``history``, so the office can always say what was sent to whom and when.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from noticedesk.core.case.crypto import FieldCipher

PREFIX = "mail|"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
DRAFT = "draft"
STATES = (SENDING, SENT, FAILED, DRAFT)
SMTP = "smtp"
EML = "eml"
MAX_HISTORY = 20


@dataclass(frozen=True, slots=True)
class MailRecord:
    client: str  # the client's key
    state: str
    message_id: str
    date: str  # the message's Date (ISO 8601)
    at: str  # when this state was recorded (ISO 8601)
    kinds: tuple[str, ...]
    to: tuple[str, ...]
    cc: tuple[str, ...] = ()
    subject: str = ""
    channel: str = SMTP
    detail: str = ""  # the server's answer to a failure, the draft's path…
    history: tuple[dict[str, Any], ...] = field(default=())

    def to_mapping(self) -> dict[str, Any]:
        data = asdict(self)
        data["history"] = list(self.history)
        return data

    @classmethod
    def from_mapping(cls, data: Any) -> MailRecord:
        if not isinstance(data, dict) or data.get("state") not in STATES:
            raise ValueError("not a mail record")
        return cls(
            client=str(data["client"]),
            state=str(data["state"]),
            message_id=str(data["message_id"]),
            date=str(data["date"]),
            at=str(data["at"]),
            kinds=tuple(str(k) for k in data["kinds"]),
            to=tuple(str(a) for a in data["to"]),
            cc=tuple(str(a) for a in data.get("cc", ())),
            subject=str(data.get("subject", "")),
            channel=str(data.get("channel", SMTP)),
            detail=str(data.get("detail", "")),
            history=tuple(dict(h) for h in data.get("history", ())),
        )

    def superseding(self, previous: MailRecord | None) -> MailRecord:
        """This record, carrying ``previous`` into its history when it was another message
        (a new Message-ID); the same message moving on (sending → sent) keeps the history."""
        if previous is None:
            return self
        if previous.message_id == self.message_id:
            return replace(self, history=previous.history)
        earlier = {k: v for k, v in previous.to_mapping().items() if k != "history"}
        return replace(self, history=(*previous.history, earlier)[-MAX_HISTORY:])


def record_name(cipher: FieldCipher, client_key: str) -> str:
    return PREFIX + cipher.lookup_id(f"mail|{client_key}").hex()


def context(name: str) -> str:
    return f"record|{name}"


def seal_record(cipher: FieldCipher, record: MailRecord) -> tuple[str, bytes]:
    name = record_name(cipher, record.client)
    return name, cipher.seal_json(record.to_mapping(), context(name))


def open_record(cipher: FieldCipher, name: str, data: object) -> MailRecord:
    """Raises CaseError (cannot be opened), ValueError / TypeError / KeyError (not a record)."""
    if not isinstance(data, bytes):
        raise TypeError("not a sealed value")
    record = MailRecord.from_mapping(cipher.open_json(data, context(name)))
    if record_name(cipher, record.client) != name:
        raise ValueError("a mail record stored under another client's name")
    return record


__all__ = [
    "DRAFT",
    "EML",
    "FAILED",
    "PREFIX",
    "SENDING",
    "SENT",
    "SMTP",
    "MailRecord",
    "open_record",
    "record_name",
    "seal_record",
]
