"""Where the case stands, at a glance: counts and deadlines in the status bar, the overdue banner
above the table, "n of m shown" beside the search box, and a busy bar while a file is read.

The deadlines keep their short form in the status bar; the rule behind each (day 1, the 30 or 60
days, a move past a closed day, or the office's own date and the rule's beside it) is the
label's tooltip, so staff can check the reasoning without opening the incident.

The banner says what is late and ends with a link that opens the incident dialog, where a
report that was in fact filed gets its filing date (which ends the banner): staff who see red
are one click from the fix.

The texts keep the translation context "MainWindow" (they were the window's own strings, and
the shipped Japanese is filed under it).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar

from noticedesk.gui import deadline_text

BANNER_LINK = "incident"  # the banner's one link: Case → Incident and deadlines…


class StatusArea(QObject):
    def __init__(self, window: Any, today: Callable[[], dt.date]) -> None:
        super().__init__(window)
        self.window = window
        self._today = today
        self.counts_label = QLabel(window)
        self.deadlines_label = QLabel(window)
        self.templates_label = QLabel(window)  # only while the office's own templates are used
        self.templates_label.hide()
        self.progress = QProgressBar(window)
        self.progress.setRange(0, 0)  # busy indicator: a roster read has no useful percentage
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.shown_label = QLabel(window)
        self.banner = QLabel(window)
        self.banner.setObjectName("overdueBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.banner.setStyleSheet(
            "#overdueBanner { background: #fdecea; color: #b00020; border: 1px solid #e0a0a0;"
            " padding: 6px; font-weight: bold; }"
        )
        self.banner.linkActivated.connect(self._banner_link)
        self.banner.hide()
        status = window.statusBar()
        status.addWidget(self.counts_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.templates_label)
        status.addPermanentWidget(self.deadlines_label)

    def update_counts(self, *_: Any) -> None:
        model = self.window.model
        total = model.rowCount()
        individual = model.count_individual()
        self.counts_label.setText(
            QCoreApplication.translate(
                "MainWindow",
                "Clients: %1 · reporting individually: %2 · in the joint report: %3 · "
                "documents pending: %4",
            )
            .replace("%1", str(total))
            .replace("%2", str(individual))
            .replace("%3", str(total - individual))
            .replace("%4", str(model.count_documents_pending()))
        )

    def update_shown(self, *_: Any) -> None:
        shown, total = self.window.proxy.rowCount(), self.window.model.rowCount()
        if shown == total:
            self.shown_label.setText(
                QCoreApplication.translate("MainWindow", "%1 clients").replace("%1", str(total))
            )
        else:
            self.shown_label.setText(
                QCoreApplication.translate("MainWindow", "%1 of %2 shown")
                .replace("%1", str(shown))
                .replace("%2", str(total))
            )

    def update_deadlines(self) -> None:
        session = self.window.session
        incident = session.incident if session is not None else None
        if incident is None:
            self.deadlines_label.setText(
                QCoreApplication.translate(
                    "MainWindow", "No incident entered (Case → Incident and deadlines…)"
                )
            )
            self.deadlines_label.setToolTip("")
            self.banner.hide()
            return
        today, language = self._today(), self.window.language
        deadlines = incident.deadlines
        self.deadlines_label.setText(
            deadline_text.joined(
                [
                    deadline_text.describe(d, today, language)
                    for d in (deadlines.preliminary, deadlines.final)
                ]
            )
        )
        self.deadlines_label.setToolTip(deadline_text.basis_lines(deadlines, language))
        late = deadline_text.overdue(deadlines, today)
        if late:
            # Between two late deadlines: "; " in English, "、" in Japanese.
            separator = QCoreApplication.translate("MainWindow", "; ", "between overdue deadlines")
            late_text = separator.join(deadline_text.describe(d, today, language) for d in late)
            link = QCoreApplication.translate("MainWindow", "Filed already? Enter the date…")
            self.banner.setText(
                html.escape(QCoreApplication.translate("MainWindow", "Overdue: ") + late_text)
                + f'&nbsp;&nbsp; <a href="{BANNER_LINK}" style="color: #b00020;">'
                + html.escape(link)
                + "</a>"
            )
            self.banner.show()
        else:
            self.banner.hide()

    def _banner_link(self, link: str) -> None:
        if link == BANNER_LINK:
            self.window.edit_incident()
