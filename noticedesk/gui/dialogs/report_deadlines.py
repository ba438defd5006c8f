"""The reports to the PPC in the incident dialog: the art. 7 no. 3 flag, and for each report its
filing date, the office's own deadline if it sets one, and the deadline as it stands with the
rule that gave it beneath.

Decisions:
- **The office's call wins, the rule stays in view.** Ticking "set it myself" starts from the
  rule's date (shown greyed while unticked); the deadline line then says the office set it, and
  the sentence beneath gives the rule's date and reasoning (``Deadline.basis``).
- **Live.** Every tick, date and the flag recompute both deadlines; the discovery date comes
  from the dialog (``set_discovered_on``), where the incident's other dates are edited.
- The panel only shows and edits; the dialog reads ``values()`` into its ``Incident`` and puts
  the cursor on a refused date through ``focus_targets``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QWidget

from noticedesk.core.deadlines import deadlines_for
from noticedesk.core.incident import Incident
from noticedesk.gui.common.deadline_text import DeadlineView
from noticedesk.gui.common.form_parts import hint
from noticedesk.gui.dialogs.date_fields import OptionalDateEdit


class ReportDeadlines(QGroupBox):
    def __init__(
        self, incident: Incident, today: dt.date, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Reports to the PPC and their deadlines"))
        self._today = today
        self._language = language
        self._discovered_on = incident.discovered_on
        # Field key → the form's label and where the cursor goes when that date is at fault.
        self.labels: dict[str, str] = {}
        self.focus_targets: dict[str, Callable[[], QWidget]] = {}

        # A short box and the rule beneath it, each on one line: the old single line made the
        # dialog wider than a laptop screen in English, and a wrapped note leaves gaps in a form.
        self.unauthorized = QCheckBox(
            self.tr("May have been done for an &unauthorized purpose (rule art. 7 no. 3)"), self
        )
        self.unauthorized.setChecked(incident.unauthorized_purpose)
        rule = hint(
            self.tr(
                "Unauthorized access, ransomware and the like: final report within 60 days, not 30."
            ),
            self,
        )
        rule.setObjectName("ruleNote")
        rule.setContentsMargins(22, 0, 0, 0)  # under the box's text, not under the box
        filed, mine = self.tr("Filed on"), self.tr("Set it myself")
        day_one = incident.discovered_on
        self.preliminary_filed = OptionalDateEdit(filed, incident.preliminary_filed_on, today, self)
        self.preliminary_override = OptionalDateEdit(
            mine, incident.preliminary_due_override, day_one, self
        )
        self.preliminary_view = DeadlineView(self)
        self.final_filed = OptionalDateEdit(filed, incident.final_filed_on, today, self)
        self.final_override = OptionalDateEdit(mine, incident.final_due_override, day_one, self)
        self.final_view = DeadlineView(self)

        form = QFormLayout(self)
        form.addRow(self.unauthorized)
        form.addRow(rule)
        self._row(
            form,
            "preliminary_filed_on",
            self.tr("&Preliminary report (速報)"),
            self.preliminary_filed,
        )
        self._row(
            form,
            "preliminary_due_override",
            self.tr("P&reliminary deadline"),
            self.preliminary_override,
        )
        form.addRow(self.preliminary_view)  # the whole width: the rule's sentence wraps less
        self._row(form, "final_filed_on", self.tr("&Final report (確報)"), self.final_filed)
        self._row(form, "final_due_override", self.tr("Fin&al deadline"), self.final_override)
        form.addRow(self.final_view)

        self.unauthorized.toggled.connect(self.refresh)
        for optional in (
            self.preliminary_filed,
            self.preliminary_override,
            self.final_filed,
            self.final_override,
        ):
            optional.changed.connect(self.refresh)
        self.refresh()

    def _row(self, form: QFormLayout, key: str, text: str, edit: OptionalDateEdit) -> None:
        label = QLabel(text, self)
        label.setBuddy(edit.checkbox)
        form.addRow(label, edit)
        self.labels[key] = text
        self.focus_targets[key] = edit.focus_target

    def set_discovered_on(self, day: dt.date) -> None:
        self._discovered_on = day
        self.refresh()

    def refresh(self, *_: Any) -> None:
        deadlines = deadlines_for(
            self._discovered_on,
            self.unauthorized.isChecked(),
            preliminary_filed_on=self.preliminary_filed.value(),
            final_filed_on=self.final_filed.value(),
            preliminary_override=self.preliminary_override.value(),
            final_override=self.final_override.value(),
        )
        # Ticking "set it myself" starts from the rule's date.
        self.preliminary_override.set_default(deadlines.preliminary.computed)
        self.final_override.set_default(deadlines.final.computed)
        self.preliminary_view.show_deadline(deadlines.preliminary, self._today, self._language)
        self.final_view.show_deadline(deadlines.final, self._today, self._language)

    def values(self) -> dict[str, Any]:
        """The incident's fields this panel edits."""
        return {
            "unauthorized_purpose": self.unauthorized.isChecked(),
            "preliminary_filed_on": self.preliminary_filed.value(),
            "final_filed_on": self.final_filed.value(),
            "preliminary_due_override": self.preliminary_override.value(),
            "final_due_override": self.final_override.value(),
        }

    def text(self) -> str:
        """Both deadlines and their rules as shown (four lines)."""
        return f"{self.preliminary_view.text()}\n{self.final_view.text()}"
