"""The words the window uses for answers, in the interface language (context "Answers")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from noticedesk.core.case.answers import Answer, AnswerChoice, AnswerVia


def choice_titles() -> dict[AnswerChoice, str]:
    return {
        AnswerChoice.JOINT: QCoreApplication.translate(
            "Answers", "Include us in the office's joint report"
        ),
        AnswerChoice.INDIVIDUAL: QCoreApplication.translate(
            "Answers", "We report to the PPC ourselves"
        ),
    }


def via_titles() -> dict[AnswerVia, str]:
    return {
        AnswerVia.FAX: QCoreApplication.translate("Answers", "Fax"),
        AnswerVia.PHONE: QCoreApplication.translate("Answers", "Phone"),
        AnswerVia.EMAIL: QCoreApplication.translate("Answers", "E-mail"),
        AnswerVia.POST: QCoreApplication.translate("Answers", "Post"),
        AnswerVia.VISIT: QCoreApplication.translate("Answers", "In person"),
    }


def answer_word(answer: Answer | None) -> str:
    """The answer column's word: joint, own report, or awaited."""
    if answer is None:
        return QCoreApplication.translate("Answers", "Awaited")
    if answer.choice.individual:
        return QCoreApplication.translate("Answers", "Own report")
    return QCoreApplication.translate("Answers", "Joint")


def answer_details(answer: Answer) -> str:
    """「個別報告 · 2023-08-02 · FAX · 受付: 高橋」 for a tooltip or a list."""
    return (
        QCoreApplication.translate("Answers", "%1 · %2 · %3 · taken by %4")
        .replace("%1", answer_word(answer))
        .replace("%2", answer.day.isoformat())
        .replace("%3", via_titles()[answer.via])
        .replace("%4", answer.taken_by)
    )
