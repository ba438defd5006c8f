"""A problem with the inputs of an export, in Japanese and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InputProblem:
    message: str
    message_en: str

    def text(self, language: str = "ja") -> str:
        return self.message_en if language.startswith("en") else self.message

    def to_json(self) -> dict[str, str]:
        return {"message": self.message, "message_en": self.message_en}
