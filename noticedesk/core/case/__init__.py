"""The case file: one incident's roster, choices, document statuses and audit log, encrypted."""

from noticedesk.core.case.audit import AuditEntry
from noticedesk.core.case.errors import (
    CaseError,
    CaseNotFound,
    KeyMissing,
    WrongKey,
    WrongPassphrase,
    WrongRecoveryCode,
)
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
    StatusEntry,
)
from noticedesk.core.case.store import CaseStore
from noticedesk.core.secrets import SecretStoreUnavailable

__all__ = [
    "AuditEntry",
    "CaseClient",
    "CaseError",
    "CaseNotFound",
    "CaseStore",
    "CaseSummary",
    "DocumentStatus",
    "EphemeralKeySource",
    "ImportDiff",
    "KeyMissing",
    "KeySource",
    "KeyringKeySource",
    "PassphraseKeySource",
    "RecoveryCodeKeySource",
    "SecretStoreUnavailable",
    "StatusEntry",
    "WrongKey",
    "WrongPassphrase",
    "WrongRecoveryCode",
]
