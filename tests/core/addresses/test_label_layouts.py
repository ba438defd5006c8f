"""Label sheets as data: the bundled layouts, the office's own file, and refusals that name
the file, the layout and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticedesk.core.addresses.label_layouts import (
    LabelLayoutError,
    check_start,
    find_layout,
    load_layouts,
)


def test_bundled_layouts_include_12_and_24_labels_that_stay_on_a4() -> None:
    layouts = load_layouts()
    assert layouts["a4-12"].per_sheet == 12 and layouts["a4-24"].per_sheet == 24
    for layout in layouts.values():
        assert layout.problems() == []
        _left, _top, right, bottom = layout.label_rect(layout.per_sheet)
        assert right <= 210 and bottom <= 297


def test_labels_are_numbered_across_then_down() -> None:
    layout = find_layout("a4-12")
    assert [layout.position(n) for n in (1, 2, 3, 12, 13)] == [
        (0, 0),
        (0, 1),
        (1, 0),
        (5, 1),
        (0, 0),  # label 13 is the first of the second sheet
    ]
    assert layout.label_rect(3) == pytest.approx((18.6, 21.5 + 42.3, 18.6 + 86.4, 21.5 + 84.6))


def test_an_office_adds_its_own_sheet_and_corrects_a_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "label_layouts.toml").write_text(
        """
[layouts.own-10]
title = "事務所の10面"
columns = 2
rows = 5
label_width = 86.4
label_height = 50.8
top = 21.2
left = 18.6
pitch_x = 91.4
pitch_y = 50.8
padding = 5

[layouts.a4-12]
title = "A4 12面（上余白を実測で直したもの）"
columns = 2
rows = 6
label_width = 86.4
label_height = 42.3
top = 22.0
left = 18.6
pitch_x = 86.4
pitch_y = 42.3
padding = 5
""",
        encoding="utf-8",
    )
    layouts = load_layouts(tmp_path)
    assert layouts["own-10"].per_sheet == 10
    assert layouts["a4-12"].top == 22.0
    assert "a4-24" in layouts  # the bundled ones stay
    assert find_layout("own-10", tmp_path).title == "事務所の10面"


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("columns = 3\nlabel_width = 86.4", "columns"),  # three 86.4 mm columns leave A4
        ("pitch_x = 80.0", "pitch_x"),  # labels overlap
        ("padding = 30", "padding"),
        ('top = "21.5"', "top"),
    ],
)
def test_a_layout_that_cannot_be_printed_is_refused_by_name_and_key(
    tmp_path: Path, body: str, key: str
) -> None:
    values = {
        "columns": "2",
        "rows": "6",
        "label_width": "86.4",
        "label_height": "42.3",
        "top": "21.5",
        "left": "18.6",
        "pitch_x": "86.4",
        "pitch_y": "42.3",
        "padding": "5",
    }
    for line in body.splitlines():
        name, value = line.split(" = ")
        values[name] = value
    text = "[layouts.broken]\n" + "\n".join(f"{k} = {v}" for k, v in values.items())
    (tmp_path / "label_layouts.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LabelLayoutError) as caught:
        load_layouts(tmp_path)
    message = caught.value.text("ja")
    assert "label_layouts.toml" in message and "broken" in message and key in message


def test_an_unknown_layout_names_the_known_ones() -> None:
    with pytest.raises(LabelLayoutError) as caught:
        find_layout("a4-99")
    assert "a4-12" in caught.value.text("ja") and "a4-24" in caught.value.text("en")


def test_the_first_label_must_be_on_the_sheet() -> None:
    layout = find_layout("a4-12")
    check_start(layout, 1)
    check_start(layout, 12)
    for start in (0, 13):
        with pytest.raises(LabelLayoutError, match="1〜12"):
            check_start(layout, start)
