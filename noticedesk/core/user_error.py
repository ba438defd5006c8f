"""The one shape of an error the user reads: a sentence in Japanese, and the same in English.

Every failure the user can cause or fix (a file that is not a roster, a missing key, a
profile that cannot be read, a template that cannot be used, an export that stopped) is a
UserError, so each face shows ``error_text(exc, language)`` and never a traceback.
"""

from __future__ import annotations


class UserError(Exception):
    def __init__(self, message: str, message_en: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message

    def text(self, language: str = "ja") -> str:
        return self.message_en if language.startswith("en") else self.message


def error_text(exc: BaseException, language: str = "ja") -> str:
    """The sentence a face shows for ``exc``: ours in the user's language; an OS error as the
    system words it, with the file; anything else by its message (the crash handler, not
    this, deals with the unforeseen)."""
    if isinstance(exc, UserError):
        return exc.text(language)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc} {exc.filename or ''}".strip()
    return str(exc) or type(exc).__name__
