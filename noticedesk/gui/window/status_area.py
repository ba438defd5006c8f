"""Where the case stands, at a glance: counts and deadlines in the status bar, the overdue banner
above the table, "n of m shown" beside the search box, and a busy bar while a file is read.

The deadlines keep their short form in the status bar; the rule behind each (day 1, the 30 or 60
days, a move past a closed day, or the office's own date and the rule's beside it) is the
label's tooltip, so staff can check the reasoning without opening the incident.

The banner says what is late and ends with a link that opens the incident dialog, where a
report that was in fact filed gets its filing date (which ends the banner): staff who see red
are one click from the fix.

It follows the ``WindowState``: the busy bar shows while a client list is read, the deadlines
change with the case and its incident; the counts follow the table's model and proxy, and the
status bar names the office's own template folder while one is used. The banner's link is
``incident_requested``; the window connects it to the incident dialog.

The texts keep the translation context "MainWindow" (they were the window's own strings, and
the shipped Japanese is filed under it), the template folder's "TemplateFolder".
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from noticedesk.gui.common import deadline_text
from noticedesk.gui.shared.state import WindowState
from noticedesk.gui.table.model import RosterTableModel

BANNER_LINK = "incident"  # the banner's one link: Case → Incident and deadlines…


class StatusArea(QObject):
    incident_requested = Signal()  # the banner's link: open the incident dialog

    def __init__(
        self,
        state: WindowState,
        model: RosterTableModel,
        proxy: QSortFilterProxyModel,
        status_bar: QStatusBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._model = model
        self._proxy = proxy
        self.counts_label = QLabel(parent)
        self.deadlines_label = QLabel(parent)
        self.templates_label = QLabel(parent)  # only while the office's own templates are used
        self.templates_label.hide()
        self.progress = QProgressBar(parent)
        self.progress.setRange(0, 0)  # busy indicator: a roster read has no useful percentage
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.shown_label = QLabel(parent)
        self.banner = QLabel(parent)
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
        status_bar.addWidget(self.counts_label)
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.templates_label)
        status_bar.addPermanentWidget(self.deadlines_label)

        state.busy_changed.connect(self.progress.setVisible)
        state.session_changed.connect(self.update_deadlines)
        state.incident_changed.connect(self.update_deadlines)
        model.modelReset.connect(self.update_counts)
        model.dataChanged.connect(self.update_counts)
        for signal in (
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.modelReset,
            proxy.layoutChanged,
        ):
            signal.connect(self.update_shown)

    def update_counts(self, *_: object) -> None:
        model = self._model
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
            + QCoreApplication.translate("MainWindow", " · awaiting an answer: %1").replace(
                "%1", str(model.count_awaiting())
            )
        )

    def update_shown(self, *_: object) -> None:
        shown, total = self._proxy.rowCount(), self._model.rowCount()
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

    def update_deadlines(self, *_: object) -> None:
        session = self.state.session
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
        today, language = self.state.today(), self.state.language
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
            self.incident_requested.emit()

    def show_templates(self, folder: Path | None) -> None:
        """Name the office's own template folder (hidden for the standard templates)."""
        label = self.templates_label
        label.setVisible(folder is not None)
        if folder is None:
            return
        text = QCoreApplication.translate("TemplateFolder", "Templates: %1").replace(
            "%1", folder.name or str(folder)
        )
        if not folder.is_dir():
            text += " " + QCoreApplication.translate("TemplateFolder", "(not found)")
        label.setText(text)
        label.setToolTip(str(folder))
