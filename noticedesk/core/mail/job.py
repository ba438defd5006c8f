"""Everything a mail run needs, gathered and checked before the first message is made."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from noticedesk.core.documents.pdf import PdfConverter
from noticedesk.core.incident import Incident
from noticedesk.core.mail.attachments import AttachmentMaker
from noticedesk.core.mail.delivery import MailJob
from noticedesk.core.mail.settings import mail_settings
from noticedesk.core.mail.template import MailTemplate
from noticedesk.core.office import OfficeProfile


def make_job(
    office: OfficeProfile,
    incident: Incident,
    kinds: Sequence[str],
    *,
    converter: PdfConverter | None,
    templates_dir: Path | None = None,
) -> MailJob:
    """The run's settings, template and attachment maker. Raises MailSettingsError or
    MailTemplateProblem, one sentence each, before anything is rendered."""
    return MailJob(
        settings=mail_settings(office),
        office=office,
        incident=incident,
        template=MailTemplate.load(templates_dir),
        maker=AttachmentMaker(office, incident, kinds, converter, templates_dir),
    )


__all__ = ["make_job"]
