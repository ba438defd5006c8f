"""The case file: one incident's roster, choices, document statuses and audit log, encrypted."""

from noticedesk.core.case.audit import AuditEntry
from noticedesk.core.case.errors import (
    CaseDamaged,
    CaseError,
    CaseInUse,
    CaseNotFound,
    CaseTampered,
    Finding,
    KeyMissing,
    WrongKey,
    WrongPassphrase,
    WrongRecoveryCode,
)
from noticedesk.core.case.export_rule import export_blockers
from noticedesk.core.case.keys import (
    EphemeralKeySource,
    KeyringKeySource,
    KeySource,
    PassphraseKeySource,
    RecoveryCodeKeySource,
)
from noticedesk.core.case.records import (
    CaseClient,
    CaseSummary,
    DocumentStatus,
    ImportDiff,
    RosterIssue,
    StatusEntry,
)
from noticedesk.core.case.resolutions import Decision, Resolution
from noticedesk.core.case.store import CaseStore
from noticedesk.core.secrets import SecretStoreUnavailable

__all__ = [
    "AuditEntry",
    "CaseClient",
    "CaseDamaged",
    "CaseError",
    "CaseInUse",
    "CaseNotFound",
    "CaseStore",
    "CaseSummary",
    "CaseTampered",
    "Decision",
    "DocumentStatus",
    "EphemeralKeySource",
    "Finding",
    "ImportDiff",
    "KeyMissing",
    "KeySource",
    "KeyringKeySource",
    "PassphraseKeySource",
    "RecoveryCodeKeySource",
    "Resolution",
    "RosterIssue",
    "SecretStoreUnavailable",
    "StatusEntry",
    "WrongKey",
    "WrongPassphrase",
    "WrongRecoveryCode",
    "export_blockers",
]
