"""What a re-import changed, as the window reports it: counts in the message, names beneath.

A first import says nothing more than the status bar does; a later one lists the clients added,
removed and those whose individual-report answer in the file now differs from the tick kept in
the case (the case wins; the office checks them). The texts keep the translation context
"MainWindow" (the shipped Japanese is filed under it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from noticedesk.core.case import ImportDiff


def reimport_summary(file_name: str, diff: ImportDiff) -> str:
    """The message: the file read, then how many clients were added, removed and kept."""
    lines = [
        QCoreApplication.translate("MainWindow", "Added: %1").replace("%1", str(len(diff.added))),
        QCoreApplication.translate("MainWindow", "Removed: %1").replace(
            "%1", str(len(diff.removed))
        ),
        QCoreApplication.translate("MainWindow", "Unchanged: %1").replace(
            "%1", str(len(diff.kept))
        ),
    ]
    if diff.disagreements:
        lines.append(
            QCoreApplication.translate(
                "MainWindow",
                "Individual-report answers that differ from the file: %1 "
                "(the ticks in the case were kept)",
            ).replace("%1", str(len(diff.disagreements)))
        )
    return (
        QCoreApplication.translate("MainWindow", "%1 was read into the case.").replace(
            "%1", file_name
        )
        + "\n\n"
        + "\n".join(lines)
    )


def reimport_details(diff: ImportDiff) -> str:
    """The clients behind the counts, by heading ("" when nothing was added or removed)."""
    details = []
    for heading, clients in (
        (QCoreApplication.translate("MainWindow", "Added"), diff.added),
        (QCoreApplication.translate("MainWindow", "Removed"), diff.removed),
        (
            QCoreApplication.translate("MainWindow", "Answer differs from the file"),
            diff.disagreements,
        ),
    ):
        if clients:
            details.append(f"[{heading}]")
            details.extend(f"  {c.code} {c.name}".rstrip() for c in clients)
    return "\n".join(details)
