"""The one shape of an error the user reads: a sentence in Japanese, and the same in English.

Every failure the user can cause or fix (a file that is not a roster, a missing key, a
profile that cannot be read) is a UserError, so each face shows ``text(language)`` and never a
traceback.
"""

from __future__ import annotations


class UserError(Exception):
    def __init__(self, message: str, message_en: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message

    def text(self, language: str = "ja") -> str:
        return self.message_en if language.startswith("en") else self.message
