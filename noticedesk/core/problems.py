"""A problem the user must fix before documents can be made, in Japanese and English.

``field`` names the input at fault (an office profile or incident field, ``""`` when none), so
the window can put the cursor on it and the command line can name the key to set. Both faces
build their messages from these: the office's and the incident's rules live once, in the core.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    message: str
    message_en: str
    field: str = ""

    def text(self, language: str = "ja") -> str:
        return self.message_en if language.startswith("en") else self.message

    def to_json(self) -> dict[str, str]:
        return {"message": self.message, "message_en": self.message_en, "field": self.field}
