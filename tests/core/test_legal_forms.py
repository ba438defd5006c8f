"""A client's legal form, read from its name: written out in full, and its voice."""

from __future__ import annotations

import pytest

from noticedesk.core.legal_forms import expand_abbreviations, legal_form, voice_for


@pytest.mark.parametrize(
    ("listed", "printed"),
    [
        ("㈱髙橋製作所", "株式会社髙橋製作所"),
        ("(株)青葉ソフト", "株式会社青葉ソフト"),
        ("青葉ソフト（株）", "青葉ソフト株式会社"),
        ("㈲大和工業", "有限会社大和工業"),
        ("（医）緑会", "医療法人緑会"),
        ("(一社)城南協会", "一般社団法人城南協会"),
        ("(福)ひかり会", "社会福祉法人ひかり会"),
        ("株式会社①番館", "株式会社①番館"),  # nothing to write out, ① kept
        ("山田(名古屋)商店", "山田(名古屋)商店"),  # a bracket that is not a legal form
    ],
)
def test_abbreviations_are_written_out(listed: str, printed: str) -> None:
    assert expand_abbreviations(listed) == printed


@pytest.mark.parametrize(
    ("name", "form", "self_ref", "other"),
    [
        ("株式会社さくら運輸", "株式会社", "当社", "貴社"),
        ("さくら運輸株式会社", "株式会社", "当社", "貴社"),
        ("合同会社ミナト企画", "合同会社", "当社", "貴社"),
        ("医療法人社団 緑会", "医療法人社団", "当法人", "貴法人"),
        ("社会福祉法人 ひかり会", "社会福祉法人", "当法人", "貴法人"),
        ("特定非営利活動法人 みらい", "特定非営利活動法人", "当法人", "貴法人"),
        ("一般社団法人 城南協会", "一般社団法人", "当会", "貴会"),
        ("公益財団法人 文化振興会", "公益財団法人", "当財団", "貴財団"),
        ("さくら事業協同組合", "協同組合", "当会", "貴会"),
        ("ソレイユ美容室", "", "当事業所", "貴事業所"),
        ("田中歯科医院", "", "当院", "貴院"),
        ("株式会社多摩歯科クリニック", "株式会社", "当社", "貴社"),  # the form decides
    ],
)
def test_the_voice_follows_the_legal_form(name: str, form: str, self_ref: str, other: str) -> None:
    voice = voice_for(name)
    assert legal_form(name) == form
    assert (voice.self, voice.other) == (self_ref, other)


def test_a_self_reference_column_wins() -> None:
    assert (voice_for("株式会社多摩歯科クリニック", "当院").other) == "貴院"
    assert voice_for("株式会社さくら", "弊社").other == "貴社"
    assert voice_for("株式会社さくら", "当クリニック").other == "貴クリニック"
