"""Sending a plan: each message composed, recorded before and after, paced, retried, listed.

The order for each message, which is what makes an interrupted run safe to resume:

1. compose it (documents rendered and converted a few clients at a time, the template filled);
2. connect (and log in) if not connected;
3. record ``sending`` with its Message-ID in the case (on disk before anything leaves);
4. hand it to the server, retrying temporary failures (4xx, a dropped connection before the
   message's end) after ``retry_delays`` seconds, on the same Message-ID;
5. record ``sent`` (the documents become 送付済, the log names recipients and Message-ID), or
   ``failed`` with the server's answer when it refused for good or kept refusing.

A run killed anywhere leaves every message either ``sent``, ``failed``, never begun, or
``sending``: the plan of the next run leaves that one out as ``uncertain`` (``plan``).

Pace: at most ``per_minute`` messages a minute (many providers throttle or block faster
senders; Microsoft 365, for one, allows 30 a minute). Cancel is checked between messages and
while waiting, never in the middle of handing one over.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from email.message import EmailMessage

from noticedesk.core.case.mail_records import (
    FAILED,
    SENDING,
    SENT,
    MailRecord,
)
from noticedesk.core.case.records import now
from noticedesk.core.case.store import CaseStore
from noticedesk.core.documents.context import build_context
from noticedesk.core.incident import Incident
from noticedesk.core.mail.attachments import AttachmentMaker
from noticedesk.core.mail.message import build_message, new_message_id, recipients_of
from noticedesk.core.mail.plan import MailPlan, PlannedMail, Reason
from noticedesk.core.mail.settings import MailSettings
from noticedesk.core.mail.template import MailTemplate
from noticedesk.core.mail.transport import (
    PermanentFailure,
    ServerRefusedLogin,
    ServerUnreachable,
    SmtpTransport,
    TemporaryFailure,
    UncertainDelivery,
)
from noticedesk.core.office import OfficeProfile
from noticedesk.core.user_error import UserError, error_text

DEFAULT_PER_MINUTE = 20
RETRY_DELAYS: tuple[float, ...] = (10.0, 60.0, 300.0)
PREPARE_CHUNK = 10  # clients whose documents are converted in one call


@dataclass(frozen=True, slots=True)
class MailJob:
    """What every message of a run is made from."""

    settings: MailSettings
    office: OfficeProfile
    incident: Incident
    template: MailTemplate
    maker: AttachmentMaker


@dataclass(frozen=True, slots=True)
class Composed:
    entry: PlannedMail
    message: EmailMessage
    message_id: str
    date: dt.datetime

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])


def compose(job: MailJob, entry: PlannedMail, *, draft: bool = False) -> Composed:
    """The message for ``entry`` exactly as it will be sent (or saved as a draft). A message
    sent again after an uncertain one keeps that one's Message-ID and Date."""
    previous = entry.previous
    if entry.reason is Reason.RESEND and previous is not None and previous.state == SENDING:
        message_id, date = previous.message_id, dt.datetime.fromisoformat(previous.date)
    else:
        message_id, date = new_message_id(job.settings), now()
    attachments = job.maker.attachments(entry.client, entry.kinds)
    context = build_context(entry.client, job.office, job.incident)
    context["attachments"] = [a.filename for a in attachments]
    text = job.template.render(context)
    message = build_message(
        job.settings,
        entry.to,
        text,
        attachments,
        message_id=message_id,
        date=date,
        draft=draft,
    )
    return Composed(entry, message, message_id, date)


def record_of(
    composed: Composed, state: str, detail: str = "", channel: str = "smtp"
) -> MailRecord:
    message = composed.message
    cc = [a.addr_spec for a in message["Cc"].addresses] if message["Cc"] else []
    return MailRecord(
        client=composed.entry.key,
        state=state,
        message_id=composed.message_id,
        date=composed.date.isoformat(),
        at=now().isoformat(),
        kinds=composed.entry.kinds,
        to=composed.entry.to,
        cc=tuple(cc),
        subject=composed.subject,
        channel=channel,
        detail=detail,
    )


def _details(record: MailRecord, text: str) -> dict[str, object]:
    return {
        "text": text,
        "message_id": record.message_id,
        "kinds": list(record.kinds),
        "to": list(record.to),
        "cc": list(record.cc),
        "detail": record.detail,
    }


@dataclass(frozen=True, slots=True)
class Outcome:
    entry: PlannedMail
    state: str  # "sent", "failed", "uncertain"
    message_id: str = ""
    detail: str = ""
    refused: dict[str, str] = field(default_factory=dict)  # addresses refused for good


@dataclass(slots=True)
class RunResult:
    outcomes: list[Outcome] = field(default_factory=list)
    cancelled: bool = False
    stopped: UserError | None = None  # why the run stopped before the end (login refused…)

    def of(self, state: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.state == state]

    @property
    def sent(self) -> list[Outcome]:
        return self.of("sent")

    @property
    def failed(self) -> list[Outcome]:
        return self.of("failed")

    @property
    def uncertain(self) -> list[Outcome]:
        return self.of("uncertain")


class Pace:
    """At most ``per_minute`` starts a minute, waiting in short slices so cancel is quick."""

    def __init__(
        self,
        per_minute: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self.clock = clock
        self.sleep = sleep
        self._last: float | None = None

    def wait(self, seconds: float, cancelled: Callable[[], bool]) -> bool:
        """Wait ``seconds``; False when cancelled meanwhile."""
        end = self.clock() + seconds
        while (left := end - self.clock()) > 0:
            if cancelled():
                return False
            self.sleep(min(left, 0.2))
        return not cancelled()

    def next_slot(self, cancelled: Callable[[], bool]) -> bool:
        """Wait until the next message may start; False when cancelled meanwhile."""
        last = self._last
        if last is not None and not self.wait(last + self.interval - self.clock(), cancelled):
            return False
        self._last = self.clock()
        return True


Progress = Callable[[int, int, PlannedMail], None]


def send_plan(
    store: CaseStore,
    plan: MailPlan,
    job: MailJob,
    transport: SmtpTransport,
    *,
    per_minute: float = DEFAULT_PER_MINUTE,
    retry_delays: Sequence[float] = RETRY_DELAYS,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    pace: Pace | None = None,
) -> RunResult:
    """Send every message the plan sends (see the module notes). Recording failures (a locked
    case) stop the run by raising: nothing is sent that could not be recorded first."""
    is_cancelled = cancelled or (lambda: False)
    pace = pace or Pace(per_minute)
    todo = plan.to_send
    result = RunResult()
    unmade: set[str] = set()
    try:
        for done, entry in enumerate(todo):
            if progress is not None:
                progress(done, len(todo), entry)
            if is_cancelled() or not pace.next_slot(is_cancelled):
                result.cancelled = True
                break
            if entry.key not in job.maker.ready_keys() and entry.key not in unmade:
                unmade |= _prepare(job, todo[done : done + PREPARE_CHUNK], result)
            if entry.key in unmade:
                continue  # its documents could not be made; listed already
            try:
                outcome = _send_one(store, job, entry, transport, retry_delays, pace, is_cancelled)
            except (ServerRefusedLogin, ServerUnreachable) as exc:
                result.stopped = exc
                break
            result.outcomes.append(outcome)
        if progress is not None and todo and not result.cancelled and result.stopped is None:
            progress(len(todo), len(todo), todo[-1])
    finally:
        transport.close()
    return result


def _prepare(job: MailJob, entries: Sequence[PlannedMail], result: RunResult) -> set[str]:
    """Render and convert the next few clients' documents in one call; when that fails, each
    is tried alone, so one bad client does not hold back the others. Returns the keys of the
    clients whose documents could not be made (listed as failed; nothing was sent to them)."""
    entries = [e for e in entries if e.key not in job.maker.ready_keys()]
    try:
        job.maker.prepare([(e.client, e.kinds) for e in entries])
        return set()
    except UserError:
        pass
    unmade = set()
    for entry in entries:
        try:
            job.maker.prepare([(entry.client, entry.kinds)])
        except UserError as exc:
            result.outcomes.append(Outcome(entry, "failed", detail=error_text(exc, "ja")))
            unmade.add(entry.key)
    return unmade


def _send_one(
    store: CaseStore,
    job: MailJob,
    entry: PlannedMail,
    transport: SmtpTransport,
    retry_delays: Sequence[float],
    pace: Pace,
    cancelled: Callable[[], bool],
) -> Outcome:
    try:
        composed = compose(job, entry)
    except UserError as exc:
        return Outcome(entry, "failed", detail=error_text(exc, "ja"))
    data = composed.message.as_bytes()
    envelope = recipients_of(composed.message)
    marked = False
    attempt = 0
    while True:
        connected = False
        try:
            transport.connect()
            connected = True
            if not marked:
                marker = record_of(composed, SENDING)
                store.record_mail(marker, "mail_sending", _details(marker, "送信を開始"))
                marked = True
            refused = transport.send(job.settings.sender, envelope, data)
        except TemporaryFailure as exc:
            attempt += 1
            if attempt <= len(retry_delays) and pace.wait(retry_delays[attempt - 1], cancelled):
                continue
            if not connected and not cancelled():  # no server to talk to: the others neither
                if marked:
                    _failed(store, composed, exc.reply or exc.message, marked)
                raise ServerUnreachable(exc.message, exc.message_en) from None
            return _failed(store, composed, exc.reply or exc.message, marked)
        except PermanentFailure as exc:
            return _failed(store, composed, exc.reply or exc.message, marked)
        except UncertainDelivery as exc:
            return Outcome(entry, "uncertain", composed.message_id, exc.reply)
        except ServerRefusedLogin:
            if marked:
                _failed(store, composed, "ログインを拒否されたため送信していません", marked)
            raise
        detail = "; ".join(f"{a}: {r}" for a, r in refused.items())
        record = record_of(composed, SENT, detail)
        store.record_mail(record, "mail_sent", _details(record, "送信しました"))
        return Outcome(entry, "sent", composed.message_id, detail, refused)


def _failed(store: CaseStore, composed: Composed, reply: str, marked: bool) -> Outcome:
    record = record_of(composed, FAILED, reply)
    if marked:
        store.record_mail(record, "mail_failed", _details(record, "送信できませんでした"))
    return Outcome(composed.entry, "failed", composed.message_id, reply)


def confirm_sent(store: CaseStore, entry: PlannedMail) -> MailRecord:
    """Record an uncertain message as sent, after the office found it was (nothing is sent)."""
    previous = entry.previous
    if previous is None or previous.state != SENDING:
        raise UserError(
            "送信結果不明のメッセージではありません。",
            "This is not a message whose outcome is unknown.",
        )
    record = replace(previous, state=SENT, at=now().isoformat(), detail="送信済と確認")
    return store.record_mail(record, "mail_confirmed", _details(record, "送信済と確認しました"))


__all__ = [
    "DEFAULT_PER_MINUTE",
    "RETRY_DELAYS",
    "Composed",
    "MailJob",
    "Outcome",
    "Pace",
    "RunResult",
    "compose",
    "confirm_sent",
    "record_of",
    "send_plan",
]
