"""The office profile in the data folder: saved whole, read back, a bad 法人番号 refused."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from noticedesk.core.bundled import sample_dir
from noticedesk.core.office import OfficeProfile, ProfileError, load_office
from noticedesk.core.office_store import (
    load_office_profile,
    profile_path,
    save_office_profile,
    with_field,
)


def test_nothing_saved_yet_is_none(isolated_data_dir: Path) -> None:
    assert load_office_profile(isolated_data_dir) is None


def test_saved_profile_reads_back_equal(isolated_data_dir: Path) -> None:
    profile = load_office(sample_dir() / "office.toml")
    save_office_profile(isolated_data_dir, profile)
    assert load_office_profile(isolated_data_dir) == profile
    changed = replace(profile, contact_person="担当　髙橋＆山﨑 <窓口>")
    save_office_profile(isolated_data_dir, changed)
    assert load_office_profile(isolated_data_dir) == changed
    leftovers = [p.name for p in isolated_data_dir.iterdir() if p.name != "office.toml"]
    assert leftovers == []  # no temporary file left beside it


def test_a_wrong_check_digit_is_refused_and_the_saved_profile_kept(
    isolated_data_dir: Path,
) -> None:
    good = OfficeProfile(name="さくら台社会保険労務士法人", corporate_number="5010405000003")
    save_office_profile(isolated_data_dir, good)
    before = profile_path(isolated_data_dir).read_bytes()
    with pytest.raises(ProfileError, match="法人番号"):
        save_office_profile(isolated_data_dir, replace(good, corporate_number="4010405000003"))
    assert profile_path(isolated_data_dir).read_bytes() == before


def test_with_field_normalises_and_checks() -> None:
    profile = OfficeProfile()
    assert with_field(
        profile, "corporate_number", "５０１０-４０５０-００００３"
    ).corporate_number == ("5010405000003")
    assert with_field(profile, "phone", "０３-５３２１-００００").phone == "03-5321-0000"
    with pytest.raises(ProfileError, match="チェックデジット"):
        with_field(profile, "corporate_number", "1234567890123")
    with pytest.raises(ProfileError, match="使える項目"):
        with_field(profile, "password", "x")


def test_the_offices_own_numbers_are_grouped_at_their_area_code(tmp_path: Path) -> None:
    # The letterhead of an office in 藤沢 must not read 046-625-…
    assert with_field(OfficeProfile(), "phone", "0466251234").phone == "0466-25-1234"
    assert with_field(OfficeProfile(), "fax", "０４－７１６７－１２３４").fax == "04-7167-1234"
    toml = tmp_path / "office.toml"
    toml.write_text('[office]\nphone = "0466251234"\nfax = 471671234\n', encoding="utf-8")
    profile = load_office(toml)
    assert (profile.phone, profile.fax) == ("0466-25-1234", "04-7167-1234")
