"""The documents NoticeDesk writes for a client, and what each one must print.

The file prefixes number the documents in the order they go into a client's envelope. The
reply slip (05) goes in with the cover letter; the reminder (11) is a later mailing, only for
clients who have not answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from noticedesk.core.incident import NOTICE_ITEMS, REPORT_ITEMS, Incident


@dataclass(frozen=True, slots=True)
class DocumentKind:
    key: str
    title: str  # Japanese, as shown to staff and used in file names
    title_en: str
    file_prefix: str
    for_individual_only: bool
    # Context paths the template must print (e.g. "item.cause"); the nine items also count as
    # printed when the template loops over ``report_items``.
    required: tuple[str, ...]
    # Not for a client that reports individually: its choice is known (the cover letter says
    # so and asks nothing), so it gets no reply slip and no reminder to answer.
    for_joint_only: bool = False

    def applies_to(self, individual: bool) -> bool:
        """Whether a client that reports individually (or not) gets this document."""
        return not (self.for_individual_only and not individual) and not (
            self.for_joint_only and individual
        )


_ALL_ITEMS = tuple(f"item.{key}" for key, _ in REPORT_ITEMS)
# The employees' notice has its own overview (in the client's voice, built on the subject);
# the office's 概要 speaks as the office and does not belong in it.
_NOTICE_ITEMS = tuple(f"item.{key}" for key in NOTICE_ITEMS if key != "overview")
# Every document that refers the reader to a contact point prints one.
_CONTACT = ("contact.phone",)
_OFFICE_DETAILS = (
    "office.name",
    "office.representative_name",
    "office.registration_number",
    "office.address",
    "office.phone",
)

KINDS: dict[str, DocumentKind] = {
    "cover": DocumentKind(
        "cover",
        "送付状",
        "cover letter",
        "01",
        False,
        ("client.name", "office.name", "dates.notice", "item.overview", *_CONTACT),
    ),
    "internal": DocumentKind(
        "internal",
        "従業員向け通知（社内掲示用）",
        "notice to employees (internal)",
        "02",
        False,
        ("client.name", "incident.subject", *_NOTICE_ITEMS, *_CONTACT),
    ),
    "report": DocumentKind(
        "report",
        "委託元への報告形式通知",
        "report-format notice to the client",
        "03",
        False,
        ("client.name", "dates.notice", *_ALL_ITEMS, *_OFFICE_DETAILS, *_CONTACT),
    ),
    "individual": DocumentKind(
        "individual",
        "個別報告のご案内",
        "guide to reporting individually",
        "04",
        True,
        # The client's own deadline, counted from when it learned: the office's 確報 date is
        # not the client's.
        ("client.name", "office.name", "deadlines.client_final", *_ALL_ITEMS, *_CONTACT),
    ),
    # The reply slip: the client answers joint or individual, dated and signed, by fax,
    # e-mail or post to the office (``case.answers``).
    "reply": DocumentKind(
        "reply",
        "回答書",
        "reply slip",
        "05",
        False,
        ("client.name", "office.name", "office.fax", "office.email", *_CONTACT),
        for_joint_only=True,
    ),
    # A second request to clients still silent after the reply-by date, with the slip again.
    "reminder": DocumentKind(
        "reminder",
        "回答書ご返送のお願い",
        "reminder to return the reply slip",
        "11",
        False,
        ("client.name", "office.name", "office.fax", "office.email", *_CONTACT),
        for_joint_only=True,
    ),
}

DOCUMENT_KINDS: tuple[str, ...] = ("internal", "report", "cover", "individual")
# The reply slip and its reminder are written when asked for (``--kinds reply``, the export
# dialog's box, the reminder list), not by every export: an office may collect answers by
# phone or mail only, and a reminder concerns only the clients still silent.
ANSWER_KINDS: tuple[str, ...] = ("reply", "reminder")

# Envelopes and address labels: one file for all the clients exported, not a document per
# client (``documents.address_files``); an export names them in its kinds like documents.
ADDRESS_KINDS: tuple[str, ...] = ("envelope", "labels")


def default_kinds(incident: Incident | None) -> tuple[str, ...]:
    """What an export and the preview show unless told otherwise: the four documents, and the
    reply slip when the incident has a reply-by date. The cover letter then asks for 「同封の
    回答書」 back by that date, so the slip must be in the envelope with it."""
    if incident is not None and incident.reply_by is not None:
        return (*DOCUMENT_KINDS, "reply")
    return DOCUMENT_KINDS


def kinds_for(individual: bool, kinds: tuple[str, ...] | list[str]) -> list[str]:
    """The requested kinds that apply to a client, in envelope order."""
    documents = [k for k in kinds if k in KINDS]  # address kinds are not a client's documents
    chosen = [k for k in documents if KINDS[k].applies_to(individual)]
    return sorted(chosen, key=lambda k: KINDS[k].file_prefix)
