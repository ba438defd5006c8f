"""Where the case stands, at a glance: counts and deadlines in the status bar, the overdue banner
above the table, "n of m shown" beside the search box, and a busy bar while a file is read.

The texts keep the translation context "MainWindow" (they were the window's own strings, and
the shipped Japanese is filed under it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QProgressBar

from noticedesk.gui import deadline_text


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
        self.banner.setStyleSheet(
            "#overdueBanner { background: #fdecea; color: #b00020; border: 1px solid #e0a0a0;"
            " padding: 6px; font-weight: bold; }"
        )
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
                QCoreApplication.translate("MainWindow", "No incident entered (Case → Incident)")
            )
            self.banner.hide()
            return
        today, language = self._today(), self.window.language
        deadlines = incident.deadlines
        self.deadlines_label.setText(
            "  |  ".join(
                deadline_text.describe(d, today, language)
                for d in (deadlines.preliminary, deadlines.final)
            )
        )
        late = deadline_text.overdue(deadlines, today)
        if late:
            self.banner.setText(
                QCoreApplication.translate("MainWindow", "Overdue: ")
                + "; ".join(deadline_text.describe(d, today, language) for d in late)
            )
            self.banner.show()
        else:
            self.banner.hide()
