"""Editing the incident: every fact a document prints, the filings and the PPC's deadlines.

Four tabs, in the order staff learn things:

- 事実と期限: the title, vendor and system; 発生日 (or 不明), 発覚日, the first notice to the
  clients, the documents' date; the art. 7 no. 3 flag; for each report its filing date, the
  office's own deadline if it sets one, and the deadline as it stands with the rule beneath it,
  all following the edits live (days left counted from ``today``, passed in so tests fix it);
- 報告事項（9項目）: the nine report items of rule art. 8(1);
- 従業員向け通知・窓口: the employees' overview and the contact desk (blank falls back to the
  office's own details);
- その他: the restart of the service, the vendor's and the office's URLs, and the
  labour-insurance associations (``AssociationEditor``).

Decisions:
- **Saving a partial incident is allowed.** On day 1 the office needs the deadlines before it
  knows the cause; what the documents still need is listed beneath the tabs as a note (each name
  a link to its field), and the export asks for it again (``Incident.problems``).
- **Only impossible dates are refused** (``Incident.date_problems``: a filing, notice or deadline
  before the discovery, an occurrence after it), in the interface language, with the cursor put
  on the first date at fault (its tab brought forward).
- Like the office dialog it only returns the edited ``incident()``; the window saves it.

Layout decisions: the dialog fits a 1366×768 laptop screen; each tab scrolls when the screen (or
Windows' scaling) leaves less room; the facts tab has the names across its width above two
columns, the dates and the reports (``ReportDeadlines``); each item's box is sized in lines of the
current font; dates keep a date's width; every field has an Alt+key, unique among those shown at
once (the tab bar's L, I, E, H; the items Alt+1 … Alt+9 on their tab).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from noticedesk.core import phone_numbers
from noticedesk.core.incident import REPORT_ITEMS, Incident, split_data_items
from noticedesk.gui.common.form_parts import (
    dialog_buttons,
    error_label,
    hint,
    scrolling,
    text_box,
)
from noticedesk.gui.dialogs.association_table import AssociationEditor
from noticedesk.gui.dialogs.date_fields import (
    OptionalDateEdit,
    UnknownDateEdit,
    date_edit,
    date_row,
    pydate,
)
from noticedesk.gui.dialogs.report_deadlines import ReportDeadlines


def item_labels() -> dict[str, str]:
    return {
        "overview": QCoreApplication.translate("IncidentDialog", "(1) Overview"),
        "data_items": QCoreApplication.translate(
            "IncidentDialog", "(2) Personal data items (separate with 、 or commas)"
        ),
        "people": QCoreApplication.translate("IncidentDialog", "(3) Number of people affected"),
        "cause": QCoreApplication.translate("IncidentDialog", "(4) Cause"),
        "secondary_damage": QCoreApplication.translate(
            "IncidentDialog", "(5) Secondary damage or its risk"
        ),
        "response_to_individuals": QCoreApplication.translate(
            "IncidentDialog", "(6) Steps taken toward the people"
        ),
        "publication": QCoreApplication.translate("IncidentDialog", "(7) Public announcement"),
        "prevention": QCoreApplication.translate(
            "IncidentDialog", "(8) Measures against recurrence"
        ),
        "other": QCoreApplication.translate("IncidentDialog", "(9) Other useful information"),
    }


# Height of each text box, in lines of text: the long items get more room.
ITEM_LINES = {"overview": 4, "cause": 3, "prevention": 3}
DEFAULT_ITEM_LINES = 2
PARAGRAPH_LINES = 4  # the employees' overview and the restart of the service
PREFERRED_SIZE = (980, 700)
SCREEN_MARGIN = 80  # room left for the title bar and the taskbar

TAB_FACTS, TAB_ITEMS, TAB_CONTACT, TAB_OTHER = range(4)

_NOTE_STYLE = "color: #7a4b00;"  # amber: to do, not wrong


def _with_accelerator(label: str) -> str:
    """ "(4) Cause" → "(&4) Cause": Alt+4 goes to the fourth item, in either language."""
    if len(label) > 2 and label[0] == "(" and label[1].isdigit():
        return "(&" + label[1:]
    return label


def _plain(label: str) -> str:
    """A form label without its accelerator: "件名(&T)" → "件名", "&Title" → "Title"."""
    return re.sub(r"\(&\w\)", "", label).replace("&", "").strip()


def blank_incident(today: dt.date) -> Incident:
    return Incident(
        title="",
        vendor="",
        system="",
        discovered_on=today,
        notice_date=today,
        unauthorized_purpose=False,
        items={key: "" for key, _ in REPORT_ITEMS},
    )


class IncidentDialog(QDialog):
    def __init__(
        self,
        incident: Incident | None,
        today: dt.date,
        language: str = "ja",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Incident"))
        self._fit_to_screen(parent)
        self._today = today
        self._language = language
        self._original = incident or blank_incident(today)
        # Field key → (tab, the widget the cursor goes to) and → its name in the missing note.
        self._targets: dict[str, tuple[int, Callable[[], QWidget]]] = {}
        self._names: dict[str, str] = {}
        self._building = TAB_FACTS  # the tab whose rows are being added

        self.tabs = QTabWidget(self)
        self.tabs.addTab(scrolling(self._facts_page()), self.tr("Facts and dead&lines"))
        self.tabs.addTab(self._items_page(), self.tr("Report &items (9)"))
        self.tabs.addTab(scrolling(self._contact_page()), self.tr("&Employee notice and contact"))
        self.tabs.addTab(scrolling(self._other_page()), self.tr("Ot&her"))

        self.missing_note = QLabel(self)
        self.missing_note.setObjectName("missingNote")
        self.missing_note.setWordWrap(True)
        self.missing_note.setTextFormat(Qt.TextFormat.RichText)
        self.missing_note.setStyleSheet(_NOTE_STYLE)
        self.missing_note.linkActivated.connect(self.focus_field)
        self.errors = error_label(self)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.missing_note)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

        self.discovered_on.dateChanged.connect(
            lambda day: self.reports.set_discovered_on(pydate(day))
        )
        for edit in (self.title, self.vendor, self.system):
            edit.textChanged.connect(self._show_missing)
        for box in self.items.values():
            box.textChanged.connect(self._show_missing)
        self._show_missing()

    # -- the tabs ------------------------------------------------------------------------------
    def _facts_page(self) -> QWidget:
        inc, today = self._original, self._today
        self._building = TAB_FACTS
        page = QWidget(self)
        # The names, full width (a title runs to thirty characters), above two columns: the
        # incident's dates, and the reports with their deadlines.
        self.title = QLineEdit(inc.title, page)
        self.vendor = QLineEdit(inc.vendor, page)
        self.system = QLineEdit(inc.system, page)
        names = QFormLayout()
        self._row(names, "title", self.tr("&Title"), self.title)
        self._row(names, "vendor", self.tr("&Vendor"), self.vendor)
        self._row(names, "system", self.tr("S&ystem"), self.system)

        self.occurred_on = UnknownDateEdit(
            self.tr("Not &known"), inc.occurred_on, inc.discovered_on, page
        )
        self.discovered_on = date_edit(inc.discovered_on, page)
        self.clients_notified = OptionalDateEdit(
            self.tr("Sent on"), inc.clients_notified_on, today, page
        )
        self.notice_date = date_edit(inc.notice_date, page)
        dates = QFormLayout()
        self._row(
            dates,
            "occurred_on",
            self.tr("Date of &occurrence"),
            self.occurred_on,
            buddy=self.occurred_on.date,
            target=self.occurred_on.focus_target,
        )
        self._row(
            dates,
            "discovered_on",
            self.tr("&Discovered on"),
            date_row(self.discovered_on),
            buddy=self.discovered_on,
        )
        self._row(
            dates,
            "clients_notified_on",
            self.tr("First notice to the &clients"),
            self.clients_notified,
            buddy=self.clients_notified.checkbox,
            target=self.clients_notified.focus_target,
        )
        dates.addRow(
            hint(
                self.tr(
                    "Needed when a client reports itself: its own deadlines count from the day "
                    "the office told it."
                ),
                page,
            )
        )
        self._row(
            dates,
            "notice_date",
            self.tr("Date on the docu&ments"),
            date_row(self.notice_date),
            buddy=self.notice_date,
        )
        # The reply slip: by when clients answer, and what silence means for the list.
        self.reply_by = OptionalDateEdit(
            self.tr("Ask by"), inc.reply_by, inc.notice_date + dt.timedelta(days=14), page
        )
        self._row(
            dates,
            "reply_by",
            self.tr("Reply slip &back by"),
            self.reply_by,
            buddy=self.reply_by.checkbox,
            target=self.reply_by.focus_target,
        )
        self.silence_rule = QComboBox(page)
        self.silence_rule.addItem(self.tr("In the joint report (the letter says so)"), "joint")
        self.silence_rule.addItem(self.tr("Off the list until they answer"), "hold")
        self.silence_rule.setCurrentIndex(max(0, self.silence_rule.findData(inc.silence_rule)))
        self._row(dates, "silence_rule", self.tr("Clients who do &not answer"), self.silence_rule)
        dates_box = QGroupBox(self.tr("Dates"), page)
        dates_box.setLayout(dates)

        self.reports = ReportDeadlines(inc, today, self._language, page)
        for key, label in self.reports.labels.items():
            self._target(key, TAB_FACTS, self.reports.focus_targets[key], label)
        # The reports' inputs, by the names the dialog has always had.
        self.unauthorized = self.reports.unauthorized
        self.preliminary_filed = self.reports.preliminary_filed
        self.final_filed = self.reports.final_filed
        self.preliminary_override = self.reports.preliminary_override
        self.final_override = self.reports.final_override
        self.preliminary_view = self.reports.preliminary_view
        self.final_view = self.reports.final_view

        columns = QHBoxLayout()
        columns.addWidget(dates_box, 2, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(self.reports, 3, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(page)
        layout.addLayout(names)
        layout.addLayout(columns)
        layout.addStretch(1)
        return page

    def _items_page(self) -> QWidget:
        inc = self._original
        self.items: dict[str, QPlainTextEdit] = {}
        # The missing note names item (2) without the typing hint.
        short_names = {"data_items": self.tr("(2) Personal data items")}
        items_box = QWidget(self)
        items_layout = QVBoxLayout(items_box)
        items_layout.addWidget(hint(self.tr("The nine report items (rule art. 8(1))"), items_box))
        for key, label in item_labels().items():
            text = text_box(
                inc.items.get(key, ""), ITEM_LINES.get(key, DEFAULT_ITEM_LINES), items_box
            )
            text.setObjectName(key)
            self.items[key] = text
            title = QLabel(_with_accelerator(label), items_box)
            title.setBuddy(text)
            title.setWordWrap(True)
            items_layout.addWidget(title)
            items_layout.addWidget(text)
            self._target(key, TAB_ITEMS, text, short_names.get(key, label))
        items_layout.addStretch(1)
        return scrolling(items_box)

    def _contact_page(self) -> QWidget:
        inc = self._original
        self._building = TAB_CONTACT
        page = QWidget(self)
        self.employee_overview = text_box(inc.employee_overview, PARAGRAPH_LINES, page)
        self.contact = QLineEdit(inc.contact, page)
        self.contact_phone = QLineEdit(inc.contact_phone, page)
        self.contact_email = QLineEdit(inc.contact_email, page)
        self.contact_hours = QLineEdit(inc.contact_hours, page)
        self.contact_hours.setPlaceholderText(self.tr("e.g. weekdays 9:00–17:00"))
        form = QFormLayout()
        self._row(
            form, "employee_overview", self.tr("&Overview for employees"), self.employee_overview
        )
        form.addRow(
            "",
            hint(
                self.tr(
                    "Added to the overview in the notice to employees: write it for them, not "
                    "for the regulator."
                ),
                page,
            ),
        )
        self._row(form, "contact", self.tr("Contact &desk"), self.contact)
        self._row(form, "contact_phone", self.tr("&Phone"), self.contact_phone)
        self._row(form, "contact_email", self.tr("E-&mail"), self.contact_email)
        self._row(form, "contact_hours", self.tr("&Reception hours"), self.contact_hours)
        form.addRow(
            "",
            hint(
                self.tr(
                    "Left blank, the documents give the office's own name, phone and e-mail "
                    "(Case → Office profile…); the hours are left out."
                ),
                page,
            ),
        )
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _other_page(self) -> QWidget:
        inc = self._original
        self._building = TAB_OTHER
        page = QWidget(self)
        self.service_status = text_box(inc.service_status, PARAGRAPH_LINES, page)
        self.vendor_report_url = QLineEdit(inc.vendor_report_url, page)
        self.office_news_url = QLineEdit(inc.office_news_url, page)
        for url in (self.vendor_report_url, self.office_news_url):
            url.setPlaceholderText("https://")
        self.associations = AssociationEditor(inc.associations, page)
        form = QFormLayout(page)
        self._row(form, "service_status", self.tr("&Restart of the service"), self.service_status)
        self._row(
            form, "vendor_report_url", self.tr("&Vendor's report (URL)"), self.vendor_report_url
        )
        self._row(form, "office_news_url", self.tr("Office's &news (URL)"), self.office_news_url)
        self._row(
            form,
            "associations",
            self.tr("Labour-insurance &associations"),
            self.associations,
            buddy=self.associations.view,
        )
        form.addRow(
            "",
            hint(
                self.tr(
                    "A client whose row in the client list names an association gets a "
                    "paragraph with its recovery status: write the name as the list does."
                ),
                page,
            ),
        )
        return page

    def _row(
        self,
        form: QFormLayout,
        key: str,
        label: str,
        field: QWidget,
        *,
        buddy: QWidget | None = None,
        target: Callable[[], QWidget] | None = None,
    ) -> None:
        """A form row whose label's Alt+key goes to ``buddy`` (else the field itself)."""
        focus = buddy or field
        title = QLabel(label, form.parentWidget())
        title.setBuddy(focus)
        form.addRow(title, field)
        self._target(key, self._building, target or focus, label)

    def _target(
        self, key: str, tab: int, widget: QWidget | Callable[[], QWidget], label: str
    ) -> None:
        self._targets[key] = (tab, widget if callable(widget) else (lambda: widget))
        self._names[key] = _plain(label)

    # -- showing state ---------------------------------------------------------------------
    def focus_field(self, key: str) -> None:
        """Bring ``key``'s tab forward and put the cursor on its input (a note's link, or a
        refused date)."""
        if key not in self._targets:
            return
        tab, widget = self._targets[key]
        self.tabs.setCurrentIndex(tab)
        widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def deadlines_text(self) -> str:
        """Both deadlines and their rules as the dialog shows them (four lines)."""
        return self.reports.text()

    def missing_fields(self) -> list[str]:
        """Keys of what the documents still need (saving is allowed without them)."""
        incident = self.incident()
        dates = incident.date_problems()
        return [p.field for p in incident.problems() if p not in dates]

    def _show_missing(self) -> None:
        missing = self.missing_fields()
        if not missing:
            self.missing_note.hide()
            return
        separator = self.tr("; ", "between the names of missing fields")
        links = separator.join(
            f'<a href="{key}">{html.escape(self._names.get(key, key))}</a>' for key in missing
        )
        self.missing_note.setText(
            html.escape(
                self.tr("Still needed for the documents (you can save now; the export asks again):")
            )
            + " "
            + links
        )
        self.missing_note.show()

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        width, height = PREFERRED_SIZE
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width() - SCREEN_MARGIN)
            height = min(height, room.height() - SCREEN_MARGIN)
        self.resize(width, height)

    # -- the result ----------------------------------------------------------------------------
    def incident(self) -> Incident:
        items = {key: edit.toPlainText().strip() for key, edit in self.items.items()}
        data_items = split_data_items(items["data_items"])
        items["data_items"] = "、".join(data_items)
        return dataclasses.replace(
            self._original,
            title=self.title.text().strip(),
            vendor=self.vendor.text().strip(),
            system=self.system.text().strip(),
            occurred_on=self.occurred_on.value(),
            discovered_on=pydate(self.discovered_on.date()),
            clients_notified_on=self.clients_notified.value(),
            notice_date=pydate(self.notice_date.date()),
            reply_by=self.reply_by.value(),
            silence_rule=str(self.silence_rule.currentData()),
            **self.reports.values(),
            items=items,
            data_items=data_items,
            employee_overview=self.employee_overview.toPlainText().strip(),
            contact=self.contact.text().strip(),
            contact_phone=phone_numbers.hyphenated(self.contact_phone.text()),
            contact_email=self.contact_email.text().strip(),
            contact_hours=self.contact_hours.text().strip(),
            service_status=self.service_status.toPlainText().strip(),
            vendor_report_url=self.vendor_report_url.text().strip(),
            office_news_url=self.office_news_url.text().strip(),
            associations=self.associations.associations(),
        )

    def accept(self) -> None:
        # Missing facts do not stop a save (the note lists them); a date that cannot be right
        # does: it is a typo, and the deadlines shown would be wrong.
        problems = self.incident().date_problems()
        if problems:
            self.errors.setText("\n".join(p.text(self._language) for p in problems))
            self.errors.show()
            self.focus_field(problems[0].field)
            return
        self.errors.hide()
        super().accept()
