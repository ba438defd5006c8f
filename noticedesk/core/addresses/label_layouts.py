"""A4 label sheets: the bundled layouts and the office's own (``label_layouts.toml``).

Decisions:
- Layouts are data, not code: ``resources/labels/label_layouts.toml`` ships a few common
  sheets; an office adds its own, or corrects a bundled one, in ``label_layouts.toml`` in its
  data folder, in the same form (a name used there replaces the bundled one). Every length is
  in millimetres from the sheet's top-left corner; the gap between labels is the pitch less
  the label's size.
- A layout is checked when read, every problem named with the file, the layout and the key:
  labels that leave the sheet, overlap, or have no room for text inside their padding would
  print addresses across two labels.
- Labels are numbered from 1, across then down (left to right, then the next row), as the
  sheets' own packages number them; ``start`` says which label of the first sheet is the first
  one still free, so a half-used sheet can go back into the printer.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from noticedesk.core.bundled import bundled_dir
from noticedesk.core.user_error import UserError

FILE_NAME = "label_layouts.toml"
DEFAULT_LAYOUT = "a4-12"
A4_MM = (210.0, 297.0)
MAX_FILE_BYTES = 256 * 1024
_NUMBERS = (
    "label_width",
    "label_height",
    "top",
    "left",
    "pitch_x",
    "pitch_y",
    "padding",
)


class LabelLayoutError(UserError):
    """A label layout file or name cannot be used; the sentence names file, layout and key."""


@dataclass(frozen=True, slots=True)
class LabelLayout:
    name: str  # as given to --label-layout
    title: str  # shown to staff
    columns: int
    rows: int
    label_width: float  # mm
    label_height: float
    top: float
    left: float
    pitch_x: float
    pitch_y: float
    padding: float
    page_width: float = A4_MM[0]
    page_height: float = A4_MM[1]

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def position(self, number: int) -> tuple[int, int]:
        """(row, column) on its sheet of label ``number`` (1-based, across then down)."""
        index = (number - 1) % self.per_sheet
        return divmod(index, self.columns)

    def label_rect(self, number: int) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) in mm on its sheet of label ``number``."""
        row, column = self.position(number)
        left = self.left + column * self.pitch_x
        top = self.top + row * self.pitch_y
        return (left, top, left + self.label_width, top + self.label_height)

    def problems(self) -> list[tuple[str, str, str]]:
        """(key, Japanese, English) for every way this layout cannot be printed."""
        out: list[tuple[str, str, str]] = []
        if self.columns < 1 or self.rows < 1:
            out.append(
                ("columns", "列数と段数は1以上にしてください", "columns and rows must be 1 or more")
            )
            return out
        for key in _NUMBERS:
            value = getattr(self, key)
            if value < 0 or (key != "padding" and key not in ("top", "left") and value <= 0):
                out.append((key, "正の数にしてください", "must be a positive number"))
        if out:
            return out
        if self.pitch_x < self.label_width or self.pitch_y < self.label_height:
            out.append(
                (
                    "pitch_x",
                    "間隔 (pitch) がラベルより小さく、ラベルが重なります",
                    "the pitch is smaller than a label: labels overlap",
                )
            )
        right = self.left + (self.columns - 1) * self.pitch_x + self.label_width
        bottom = self.top + (self.rows - 1) * self.pitch_y + self.label_height
        if right > self.page_width + 0.05 or bottom > self.page_height + 0.05:
            out.append(
                (
                    "columns",
                    f"ラベルが用紙 ({self.page_width:g}×{self.page_height:g} mm) からはみ出します",
                    f"the labels run off the sheet ({self.page_width:g}×{self.page_height:g} mm)",
                )
            )
        if 2 * self.padding >= min(self.label_width, self.label_height) - 5:
            out.append(
                (
                    "padding",
                    "余白 (padding) が大きすぎて文字を書く場所がありません",
                    "the padding leaves no room for text",
                )
            )
        return out


def bundled_layouts_file() -> Path:
    return bundled_dir("resources") / "labels" / FILE_NAME


def office_layouts_file(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def load_layouts(data_dir: Path | None = None) -> dict[str, LabelLayout]:
    """Every layout by name: the bundled ones, then the office's own file (if there is one)
    over them. Raises LabelLayoutError naming what in which file cannot be used."""
    layouts = _read_file(bundled_layouts_file())
    if data_dir is not None:
        own = office_layouts_file(data_dir)
        if own.is_file():
            layouts.update(_read_file(own))
    return layouts


def find_layout(name: str, data_dir: Path | None = None) -> LabelLayout:
    """The layout called ``name``; LabelLayoutError naming the known ones when there is none."""
    layouts = load_layouts(data_dir)
    layout = layouts.get(name.strip())
    if layout is None:
        known = ", ".join(layouts)
        raise LabelLayoutError(
            f"ラベルの配置「{name}」はありません（{known} から選ぶか、データフォルダの "
            f"{FILE_NAME} に追加してください）",
            f"There is no label layout “{name}” (choose from {known}, or add it to "
            f"{FILE_NAME} in the data folder)",
        )
    return layout


def check_start(layout: LabelLayout, start: int) -> None:
    """Refuse a first label that is not on the sheet (1 … labels per sheet)."""
    if not 1 <= start <= layout.per_sheet:
        raise LabelLayoutError(
            f"開始位置 {start} は、ラベル「{layout.title}」の 1〜{layout.per_sheet} で指定してください",
            f"The first label {start} must be 1 to {layout.per_sheet} on “{layout.title}”",
        )


def _read_file(path: Path) -> dict[str, LabelLayout]:
    from noticedesk.core.input_limits import read_regular_file

    data = read_regular_file(
        path,
        max_bytes=MAX_FILE_BYTES,
        error=LabelLayoutError,
        what=("ラベルの配置", "label layouts"),
    )
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LabelLayoutError(
            f"{path} をラベルの配置として読めません: {exc}",
            f"{path} cannot be read as label layouts: {exc}",
        ) from None
    section = parsed.get("layouts", {})
    if not isinstance(section, dict):
        raise LabelLayoutError(
            f"{path}: [layouts] の形式が正しくありません", f"{path}: [layouts] is not a table"
        )
    return {name: _layout(path, str(name), value) for name, value in section.items()}


def _layout(path: Path, name: str, value: Any) -> LabelLayout:
    def fail(key: str, ja: str, en: str) -> LabelLayoutError:
        return LabelLayoutError(
            f"{path} のラベル「{name}」の {key}: {ja}", f"{path}, label “{name}”, {key}: {en}"
        )

    if not isinstance(value, dict):
        raise fail("", "表 ([layouts.名前]) で書いてください", "must be a table ([layouts.NAME])")
    numbers: dict[str, float] = {}
    for key in _NUMBERS:
        raw = value.get(key)
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise fail(key, "数 (mm) がありません", "needs a number (mm)")
        numbers[key] = float(raw)
    counts: dict[str, int] = {}
    for key in ("columns", "rows"):
        raw = value.get(key)
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise fail(key, "整数がありません", "needs a whole number")
        counts[key] = raw
    layout = LabelLayout(
        name=name,
        title=str(value.get("title") or name),
        columns=counts["columns"],
        rows=counts["rows"],
        **numbers,
    )
    problems = layout.problems()
    if problems:
        key, ja, en = problems[0]
        raise fail(key, ja, en)
    return layout


__all__ = [
    "DEFAULT_LAYOUT",
    "FILE_NAME",
    "LabelLayout",
    "LabelLayoutError",
    "bundled_layouts_file",
    "check_start",
    "find_layout",
    "load_layouts",
    "office_layouts_file",
]
