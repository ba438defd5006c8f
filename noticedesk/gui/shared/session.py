"""The window's view of an open case: a thin seam over ``noticedesk.core.case.CaseStore``.

The window speaks to this class only, in the terms it needs (table rows, a dict of ticks), so
the store's API can grow without the widgets changing. Opening and creating cases, with the
key source each start-up mode uses, lives here too.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from noticedesk.core.case import (
    CaseStore,
    DocumentStatus,
    EphemeralKeySource,
    ImportDiff,
    KeySource,
)
from noticedesk.core.case.answers import Answer
from noticedesk.core.clients import Client, Roster
from noticedesk.core.incident import Incident
from noticedesk.core.office import OfficeProfile
from noticedesk.core.office_store import load_office_profile, save_office_profile
from noticedesk.gui.table.model import TableRow, rows_from_case_clients

DEMO_CASE_NAME = "サンプル事案"


class CaseSession:
    def __init__(self, store: CaseStore, data_dir: Path, name: str) -> None:
        self.store = store
        self.data_dir = Path(data_dir)
        self.name = name
        self.recovery_code: str | None = None  # set once, when the case was just created

    # -- clients -----------------------------------------------------------------------------
    def table_rows(self) -> list[TableRow]:
        rows = rows_from_case_clients(self.store.clients())
        answers = self.store.answers()
        for row in rows:
            row.answer = answers.get(row.key)
        return rows

    def set_answers(self, values: dict[str, Answer | None]) -> dict[str, Answer | None]:
        """Keep these answers (None: none) in the case, the ticks following; durable and
        logged when this returns. Returns each changed client's answer before."""
        return self.store.set_answers(values)

    def save_individual(self, values: dict[str, bool]) -> None:
        """Write ticks to the case; durable when this returns (raises CaseError otherwise)."""
        by_value: dict[bool, list[str]] = defaultdict(list)
        for key, value in values.items():
            by_value[value].append(key)
        for value, keys in by_value.items():
            self.store.set_individual(keys, value)

    def ticks_of(self, keys: list[str]) -> dict[str, bool]:
        """The case's ticks of these clients, as stored (an answer may have set them)."""
        return self.store.ticks(keys)

    def clients(self) -> list[Client]:
        """The case's clients, each carrying the case's individual-report choice (for export)."""
        return [cc.client for cc in self.store.clients()]

    def set_status(self, keys: list[str], kinds: list[str], status: DocumentStatus) -> None:
        """One status for the clients, per kind; durable and logged when this returns."""
        for kind in kinds:
            self.store.set_status(keys, kind, status)

    def import_roster(self, roster: Roster) -> ImportDiff:
        """Import into the case; what changed (added, removed, kept, answers that differ)."""
        return self.store.import_roster(roster)

    # -- incident and office -------------------------------------------------------------
    @property
    def incident(self) -> Incident | None:
        return self.store.incident

    def set_incident(self, incident: Incident) -> None:
        self.store.set_incident(incident)

    def office(self) -> OfficeProfile:
        profile = load_office_profile(self.data_dir)
        return profile if profile is not None else OfficeProfile()

    def save_office(self, profile: OfficeProfile) -> None:
        save_office_profile(self.data_dir, profile)

    def close(self) -> None:
        self.store.close()


def case_name_for(path: Path) -> str:
    """A new case opened by ``noticedesk FILE`` is named after the file (without suffix)."""
    return Path(path).stem or "NoticeDesk"


def open_case(data_dir: Path, name: str | None, key_source: KeySource) -> CaseSession:
    store = CaseStore.open(data_dir, name, key_source)
    return CaseSession(store, data_dir, store.name)


def create_case(data_dir: Path, name: str, key_source: KeySource) -> CaseSession:
    store, recovery_code = CaseStore.create(data_dir, name, key_source)
    session = CaseSession(store, data_dir, store.name)
    session.recovery_code = recovery_code
    return session


def open_demo(data_dir: Path, key_source: KeySource | None = None) -> CaseSession:
    """The bundled sample case.

    In a throwaway folder (``key_source`` None) it gets a throwaway key: the data is fictional
    and a fresh machine needs no keyring. In a folder the user named (--data-dir) it is kept
    like any case, with ``key_source``, and the next --demo opens it again.
    """
    from noticedesk.core.bundled import sample_dir
    from noticedesk.core.incident import load_incident
    from noticedesk.core.office import load_office
    from noticedesk.core.roster import import_roster

    if key_source is not None and any(
        c.name == DEMO_CASE_NAME for c in CaseStore.list_cases(data_dir)
    ):
        return open_case(data_dir, DEMO_CASE_NAME, key_source)
    sample = sample_dir()
    session = create_case(data_dir, DEMO_CASE_NAME, key_source or EphemeralKeySource())
    if key_source is None:
        session.recovery_code = None  # nothing to write down for a throwaway case
    session.import_roster(import_roster(sample / "roster.csv"))
    session.set_incident(load_incident(sample / "incident.toml"))
    if load_office_profile(data_dir) is None:  # never replace an office's own profile
        session.save_office(load_office(sample / "office.toml"))
    return session
